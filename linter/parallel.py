"""Running many files: the result cache first, then a pool of processes for the rest.

Results come out in the order the files were given, whatever order the workers finish
in, and only a bounded number are in flight at once, so memory stays flat however many
files there are.
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from linter.cache import ResultCache, settings_key
from linter.config import Config
from linter.interrupts import start_worker
from linter.results import FileResult, Options
from linter.runner import FixMode
from linter.source import ReadError, read_bytes


@dataclass(frozen=True)
class Task:
    path: Path
    display: str
    config: Config
    options: Options


Item = Task | FileResult

# Settings shared with forked workers, so each task sends only small numbers.
_SHARED: dict[int, tuple[Config, Options]] = {}
_BATCH = 512

WorkItem = tuple[str, str, int, FixMode, tuple[Config, Options] | None]


def _work(args: WorkItem) -> FileResult:
    from linter.runner import process_file

    path, display, slot, mode, settings = args
    if settings is not None:
        # Settings first seen after this worker was forked come with the task, once.
        _SHARED[slot] = settings
    config, options = _SHARED[slot]
    return process_file(Path(path), display, config, options, mode)


def _warm(settings: list[tuple[Config, Options]]) -> None:
    """Load word lists and models once, before the workers are forked from us."""
    from linter.engine import lint_source
    from linter.source import SourceFile

    sample = "---\naudienceLevel: patient\n---\n\n# Warm\n\nA prognosis, per the U.S. data.\n"
    for config, options in settings:
        name = next(iter(config.profiles), None)
        lint_source(SourceFile.from_text("warm.md", sample), config, Options(options.rules, name))


class _Pool:
    """Worker processes, started on first need and kept for the whole run."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.executor = None
        self.forked_with: set[int] = set()

    def start(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        _warm(list(_SHARED.values()))
        self.forked_with = set(_SHARED)
        context = multiprocessing.get_context("fork")
        self.executor = ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=context,
            initializer=start_worker,
            initargs=(os.getpid(),),
        )

    def map(self, tasks: list[tuple[str, str, int, FixMode]]) -> Iterator[FileResult]:
        if self.executor is None:
            self.start()
        assert self.executor is not None
        window = self.jobs * 32
        queue: deque = deque()  # type: ignore[type-arg]
        todo = iter(tasks)

        def submit(task: tuple[str, str, int, FixMode]) -> None:
            slot = task[2]
            extra = None
            if slot not in self.forked_with:
                # Every worker may need them: send them with each task until all have run one.
                extra = _SHARED[slot]
            queue.append(self.executor.submit(_work, (*task, extra)))  # type: ignore[union-attr]

        for task in todo:
            submit(task)
            if len(queue) >= window:
                break
        while queue:
            result = queue.popleft().result()
            nxt = next(todo, None)
            if nxt is not None:
                submit(nxt)
            yield result

    def close(self, stopped: bool = False) -> None:
        if self.executor is None:
            return
        if stopped:
            # Stopped by a signal: end the workers now rather than wait for their tasks.
            processes = dict(getattr(self.executor, "_processes", None) or {})
            for process in processes.values():
                with contextlib.suppress(OSError):
                    process.terminate()
            self.executor.shutdown(wait=False, cancel_futures=True)
            for process in processes.values():
                process.join(timeout=5)
            return
        self.executor.shutdown()


def _batches(items: Iterable[Item]) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def run(
    items: Iterable[Item], mode: FixMode, jobs: int, cache: ResultCache | None
) -> Iterator[tuple[Item, FileResult]]:
    """Each item with its result, in the order given.

    Items are taken a batch at a time, so however many files there are, only a batch
    of them is held: memory stays flat.
    """
    use_cache = cache is not None and not mode.active
    slots: dict[tuple[int, int], int] = {}
    keys: dict[int, str] = {}
    pool = _Pool(jobs) if jobs > 1 else None
    _SHARED.clear()
    finished = False
    try:
        for batch in _batches(items):
            yield from _run_batch(batch, mode, cache if use_cache else None, slots, keys, pool)
        finished = True
    finally:
        if pool is not None:
            pool.close(stopped=not finished)
    if cache is not None:
        cache.clean()


def _run_batch(
    batch: list[Item],
    mode: FixMode,
    cache: ResultCache | None,
    slots: dict[tuple[int, int], int],
    keys: dict[int, str],
    pool: _Pool | None,
) -> Iterator[tuple[Item, FileResult]]:
    from linter.runner import process_file

    # First pass: which files need linting (their cache entries are missing).
    plan: list[tuple[Item, str | None, bool]] = []
    misses: list[tuple[str, str, int, FixMode]] = []
    for item in batch:
        if isinstance(item, FileResult):
            plan.append((item, None, False))
            continue
        pair = (id(item.config), id(item.options))
        if pair not in slots:
            slots[pair] = len(slots)
            _SHARED[slots[pair]] = (item.config, item.options)
            if cache is not None:
                keys[slots[pair]] = settings_key(item.config, item.options)
        slot = slots[pair]
        key = None
        if cache is not None:
            try:
                data = read_bytes(item.path, item.display, item.config.max_file_size)
                key = cache.key(data, item.display, keys[slot])
            except ReadError:
                key = None
            if key is not None and cache.exists(key):
                plan.append((item, key, True))
                continue
        plan.append((item, key, False))
        misses.append((str(item.path), item.display, slot, mode))

    if pool is not None and (pool.executor is not None or len(misses) >= 2 * pool.jobs):
        results: Iterator[FileResult] = pool.map(misses)
    else:
        results = (
            process_file(Path(p), d, _SHARED[i][0], _SHARED[i][1], m) for p, d, i, m in misses
        )
    for item, key, cached in plan:
        if isinstance(item, FileResult):
            yield item, item
            continue
        hit = cache.get(key) if cached and cache is not None and key else None
        if hit is not None:
            yield item, hit
            continue
        if cached:
            # The entry went away between the two passes: lint the file here.
            result = process_file(item.path, item.display, item.config, item.options, mode)
        else:
            result = next(results)
        if cache is not None and key and result.error is None:
            cache.put(key, result)
        yield item, result
