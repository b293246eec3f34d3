"""Running many files: the result cache first, then a pool of processes for the rest.

Results come out in the order the files were given, whatever order the workers finish
in, and only a bounded number are in flight at once, so memory stays flat however many
files there are.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from linter.cache import ResultCache, settings_key
from linter.config import Config
from linter.results import FileResult, Options
from linter.runner import FixMode


@dataclass(frozen=True)
class Task:
    path: Path
    display: str
    config: Config
    options: Options


Item = Task | FileResult

# Settings shared with forked workers, so each task sends only small numbers.
_SHARED: list[tuple[Config, Options]] = []


def _work(args: tuple[str, str, int, FixMode]) -> FileResult:
    from linter.runner import process_file

    path, display, index, mode = args
    config, options = _SHARED[index]
    return process_file(Path(path), display, config, options, mode)


def _warm(settings: list[tuple[Config, Options]]) -> None:
    """Load word lists and models once, before the workers are forked from us."""
    from linter.engine import lint_source
    from linter.source import SourceFile

    sample = "---\naudienceLevel: patient\n---\n\n# Warm\n\nA prognosis, per the U.S. data.\n"
    for config, options in settings:
        name = next(iter(config.profiles), None)
        lint_source(SourceFile.from_text("warm.md", sample), config, Options(options.rules, name))


def run(
    items: Iterable[Item], mode: FixMode, jobs: int, cache: ResultCache | None
) -> Iterator[tuple[Item, FileResult]]:
    """Each item with its result, in the order given."""
    from linter.runner import process_file

    use_cache = cache is not None and not mode.active
    settings: list[tuple[Config, Options]] = []
    index: dict[tuple[int, int], int] = {}
    keys: dict[int, str] = {}
    # First pass: which files need linting (their cache entries are missing).
    plan: list[tuple[Item, str | None, bool]] = []
    misses: list[tuple[str, str, int, FixMode]] = []
    for item in items:
        if isinstance(item, FileResult):
            plan.append((item, None, False))
            continue
        pair = (id(item.config), id(item.options))
        if pair not in index:
            index[pair] = len(settings)
            settings.append((item.config, item.options))
            if use_cache:
                keys[index[pair]] = settings_key(item.config, item.options)
        slot = index[pair]
        key = None
        if use_cache and cache is not None:
            try:
                key = cache.key(item.path.read_bytes(), item.display, keys[slot])
            except OSError:
                key = None
            if key is not None and cache.exists(key):
                plan.append((item, key, True))
                continue
        plan.append((item, key, False))
        misses.append((str(item.path), item.display, slot, mode))

    _SHARED[:] = settings
    if jobs > 1 and len(misses) >= 2 * jobs:
        _warm(settings)
        results: Iterator[FileResult] = _pooled(misses, jobs)
    else:
        results = (
            process_file(Path(p), d, settings[i][0], settings[i][1], m) for p, d, i, m in misses
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
        if use_cache and cache is not None and key and result.error is None:
            cache.put(key, result)
        yield item, result
    if cache is not None:
        cache.clean()


def _pooled(tasks: list[tuple[str, str, int, FixMode]], jobs: int) -> Iterator[FileResult]:
    # Imported here: a run of one or two files never starts a pool.
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    window = jobs * 32
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        queue: deque[Future[FileResult]] = deque()
        todo = iter(tasks)
        for task in todo:
            queue.append(pool.submit(_work, task))
            if len(queue) >= window:
                break
        while queue:
            result = queue.popleft().result()
            nxt = next(todo, None)
            if nxt is not None:
                queue.append(pool.submit(_work, nxt))
            yield result
