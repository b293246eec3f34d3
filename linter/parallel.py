"""Running many files: the result cache first, then a pool of processes for the rest.

Each job carries everything its worker needs (the file, its config and rule choices, the
fix mode, and --diff-base), so workers hold no settings of their own. Results come out
in the order the files were given, whatever order the workers finish in, and only a
bounded number are in flight at once, so memory stays flat however many files there are.
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from linter.cache import ResultCache, settings_key
from linter.config import Config
from linter.dialect import choose_dialect
from linter.interrupts import start_worker
from linter.results import FileResult, Options
from linter.runner import FixMode, process_file
from linter.source import ReadError, read_bytes

if TYPE_CHECKING:
    from linter.diffbase import DiffBase

_BATCH = 512


@dataclass(frozen=True)
class Task:
    path: Path
    display: str
    config: Config
    options: Options


@dataclass(frozen=True)
class Job:
    """One file's work, sent to a worker: lint (unless a cached result is given), then
    keep only what --diff-base asks for."""

    path: Path
    display: str
    config: Config
    options: Options
    mode: FixMode
    diff_base: DiffBase | None = None
    cached: FileResult | None = None


@dataclass(frozen=True)
class Done:
    result: FileResult  # the file's whole result, as the cache keeps it
    shown: FileResult  # what is reported (after --diff-base)


Item = Task | FileResult


def work(job: Job) -> Done:
    result = job.cached or process_file(job.path, job.display, job.config, job.options, job.mode)
    if job.diff_base is None:
        return Done(result, result)
    from linter.diffbase import DiffBaseError

    try:
        shown = job.diff_base.filter(result, job.path, job.config, job.options)
    except DiffBaseError as exc:
        shown = replace(result, diagnostics=[], error=str(exc))
    return Done(result, shown)


def _warm(settings: Iterable[tuple[Config, Options]]) -> None:
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

    def start(self, first: list[Job]) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        _warm({(id(j.config), id(j.options)): (j.config, j.options) for j in first}.values())
        context = multiprocessing.get_context("fork")
        self.executor = ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=context,
            initializer=start_worker,
            initargs=(os.getpid(),),
        )

    def map(self, jobs: list[Job]) -> Iterator[Done]:
        if self.executor is None:
            self.start(jobs)
        assert self.executor is not None
        window = self.jobs * 32
        queue: deque = deque()  # type: ignore[type-arg]
        todo = iter(jobs)
        for job in todo:
            queue.append(self.executor.submit(work, job))
            if len(queue) >= window:
                break
        while queue:
            done = queue.popleft().result()
            nxt = next(todo, None)
            if nxt is not None:
                queue.append(self.executor.submit(work, nxt))
            yield done

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
    items: Iterable[Item],
    mode: FixMode,
    jobs: int,
    cache: ResultCache | None,
    diff_base: DiffBase | None = None,
) -> Iterator[tuple[Item, FileResult]]:
    """Each item with its result (after --diff-base), in the order given.

    Items are taken a batch at a time, so however many files there are, only a batch
    of them is held: memory stays flat.
    """
    use_cache = cache if cache is not None and not mode.active else None
    keys: dict[tuple[int, int], str] = {}
    pool = _Pool(jobs) if jobs > 1 else None
    finished = False
    try:
        for batch in _batches(items):
            yield from _run_batch(batch, mode, use_cache, keys, pool, diff_base)
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
    keys: dict[tuple[int, int], str],
    pool: _Pool | None,
    diff_base: DiffBase | None,
) -> Iterator[tuple[Item, FileResult]]:
    # First pass: each file's cache key and entry, and the jobs for the workers.
    plan: list[tuple[Item, FileResult | None, str | None]] = []
    todo: list[Job] = []
    for item in batch:
        if isinstance(item, FileResult):
            plan.append((item, item, None))
            continue
        key = None
        hit = None
        if cache is not None:
            pair = (id(item.config), id(item.options))
            if pair not in keys:
                keys[pair] = settings_key(item.config, item.options)
            try:
                data = read_bytes(item.path, item.display, item.config.max_file_size)
                # The dialect comes from the site's files as well as the config: adding a
                # hugo.toml changes how every article below it reads.
                dialect = choose_dialect(item.path, item.config.dialect).name
                key = cache.key(data, item.display, f"{keys[pair]}|{dialect}")
            except ReadError:
                key = None
            hit = cache.get(key) if key is not None else None
        if hit is not None and diff_base is None:
            plan.append((item, hit, None))
            continue
        # A cached result still goes to a worker for --diff-base, which may lint the
        # file's old text; it is not stored again.
        plan.append((item, None, key if hit is None else None))
        todo.append(Job(item.path, item.display, item.config, item.options, mode, diff_base, hit))

    if pool is not None and (pool.executor is not None or len(todo) >= 2 * pool.jobs):
        results: Iterator[Done] = pool.map(todo)
    else:
        results = (work(job) for job in todo)
    for item, ready, key in plan:
        if ready is not None:
            yield item, ready
            continue
        done = next(results)
        if cache is not None and key and done.result.error is None:
            cache.put(key, done.result)
        yield item, done.shown
