"""One `plainlint check` run: from the command line's choices to the exit code.

The Run owns everything that lives for one run: the config files it has read, the rule
choices of each config, the result cache, the process pool, --diff-base, the baseline
and the output. Each file goes the same straight way (read, lint, fix) in runner.py; the
Run only decides which files, and what happens to their results.

Exit code, in every mode (--fix and --diff included): 2 when a file or config could not
be read, else 1 when problems at warning level or above remain (0 with --exit-zero),
else 0. Standard output carries the report in the chosen format, whatever the mode; the
diff of --diff, errors and notes go to standard error.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from linter.baseline import Baseline, BaselineError, write_baseline
from linter.cache import CacheError, ResultCache
from linter.config import Config, ConfigError
from linter.config_files import ConfigSet
from linter.display import json_text, shown
from linter.files import display_path, targets
from linter.formats import Formatter, Style, Summary, formatter, names
from linter.parallel import Task, run
from linter.results import FileResult, Options
from linter.rules import all_rules, selected, unknown_keys
from linter.runner import FixMode, process_text

STDIN_NAMES = ("-", "/dev/stdin")


class RunError(Exception):
    """The run cannot start or go on; the message says why (exit code 2)."""


@dataclass(frozen=True)
class CheckSettings:
    """What the command line asked for."""

    paths: tuple[Path, ...] = ()
    output_format: str = "concise"
    config_file: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    audience: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    diff_base: str | None = None
    jobs: int | None = None
    cache: bool = True
    cache_dir: Path = Path(".plainlint_cache")
    verbose: bool = False
    quiet: bool = False
    baseline: Path | None = None
    write_baseline: Path | None = None
    stdin_filename: Path | None = None
    exit_zero: bool = False
    output_file: Path | None = None
    statistics: bool = False


def colour_wanted(stream: TextIO) -> bool:
    """Colour on a terminal; FORCE_COLOR asks for it anywhere, NO_COLOR never."""
    force = os.environ.get("FORCE_COLOR", "")
    if force and force != "0":
        return True
    if os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


def terminal_width(stream: TextIO) -> int | None:
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    return shutil.get_terminal_size().columns if stream.isatty() else None


def options_for(
    config: Config,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    audience: str | None = None,
    keep_lines: bool = True,
) -> Options:
    """The rules one config runs, with the command line's choices on top: the one place
    where the rule names of a config are checked (for check, report and the server)."""
    codes = config.select + config.ignore + tuple(config.severity)
    codes += tuple(c for p in config.profiles.values() for c in p.severity)
    for k in unknown_keys(codes):
        where = config.origins.get("select", config.source)
        raise ConfigError(f"{where}: unknown rule '{k}' (see: plainlint rules)")
    chosen = selected(select or config.select, ignore + config.ignore)
    return Options(tuple(chosen), audience.lower() if audience else None, keep_lines=keep_lines)


@dataclass
class Run:
    settings: CheckSettings
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    summary: Summary = field(default_factory=Summary)
    failed: bool = False

    def __post_init__(self) -> None:
        s = self.settings
        if s.output_format not in names():
            raise RunError(f"unknown format '{s.output_format}' (choose from {', '.join(names())})")
        for key in unknown_keys(s.select + s.ignore):
            raise RunError(f"unknown rule '{key}' (see: plainlint rules)")
        if s.config_file is not None and not s.config_file.is_file():
            raise RunError(f"config file '{s.config_file}' does not exist")
        try:
            self.configs = ConfigSet(s.config_file)
        except ConfigError as exc:
            raise RunError(str(exc)) from None
        self.mode = FixMode(
            fix=s.fix or (s.unsafe_fixes and not s.diff), unsafe=s.unsafe_fixes, diff=s.diff
        )
        self.summary.fix_mode = self.mode.fix
        self.stdin = len(s.paths) == 1 and str(s.paths[0]) in STDIN_NAMES
        if self.stdin and s.diff_base is not None:
            raise RunError("--diff-base cannot be used with standard input")
        self._options: dict[int, Options] = {}
        self._baselines: dict[Path, Baseline] = {}
        self.collected: list[tuple[Path, list]] = []  # type: ignore[type-arg]

    # -- settings ------------------------------------------------------------------

    def options_for(self, config: Config) -> Options:
        """The rules a config runs (its rule names checked once), and the output's needs."""
        key = id(config)
        found = self._options.get(key)
        if found is None:
            s = self.settings
            found = self._options[key] = options_for(
                config,
                s.select,
                s.ignore,
                s.audience,
                keep_lines=formatter(s.output_format).NEEDS_LINES,
            )
        return found

    def baseline_for(self, config: Config) -> Baseline | None:
        if self.settings.write_baseline is not None:
            return None
        path = self.settings.baseline or config.baseline
        if path is None:
            return None
        key = Path(os.path.abspath(path))
        if key not in self._baselines:
            try:
                self._baselines[key] = Baseline.load(key, display_path(key))
            except BaselineError as exc:
                raise RunError(str(exc)) from None
        return self._baselines[key]

    # -- the run ---------------------------------------------------------------------

    def execute(self) -> int:
        s = self.settings
        if s.output_file is not None:
            try:
                report: TextIO = open(s.output_file, "w", encoding="utf-8")  # noqa: SIM115
            except OSError as exc:
                raise RunError(
                    f"cannot write the report to '{s.output_file}' ({exc.strerror})"
                ) from None
        elif self.stdin and self.mode.fix:
            # With --fix, the fixed text of standard input is the output: the report moves.
            report = self.stderr
        else:
            report = self.stdout
        style = Style(s.quiet, colour_wanted(report), terminal_width(report))
        try:
            fmt = formatter(s.output_format)(report, style)
            if self.stdin:
                self._check_stdin(fmt, report)
            else:
                self._check_files(fmt)
            if s.write_baseline is not None:
                count = write_baseline(s.write_baseline, self.collected)
                self.note(f"Wrote {count} problems to the baseline {s.write_baseline}.")
            if s.statistics:
                self._statistics(report)
            else:
                fmt.finish(self.summary)
        finally:
            if report is not self.stdout:
                report.close()
        if self.failed:
            return 2
        if self.summary.blocking and not s.exit_zero and s.write_baseline is None:
            return 1
        return 0

    def note(self, text: str) -> None:
        self.stderr.write(shown(text) + "\n")

    def emit(self, fmt: Formatter, result: FileResult) -> None:
        self.summary.add(result)
        if result.error is not None:
            self.failed = True
            self.note(f"error: {result.error}")
        elif result.skipped is not None and (self.settings.verbose or result.notice):
            self.note(f"skipped {result.path}: {result.skipped}")
        if result.diff:
            self.stderr.write(result.diff)
        if not self.settings.statistics:
            fmt.file(result)

    def _items(self) -> Iterator[Task | FileResult]:
        errors: list[FileResult] = []
        for path in targets(
            self.settings.paths or (Path("."),), self.configs.for_path, errors.append
        ):
            yield from errors
            errors.clear()
            display = display_path(path)
            try:
                config = self.configs.for_path(path)
                options = self.options_for(config)
            except ConfigError as exc:
                yield FileResult(display, error=str(exc))
                continue
            yield Task(path, display, config, options)
        yield from errors

    def _check_files(self, fmt: Formatter) -> None:
        s = self.settings
        cache = None
        if s.cache:
            try:
                cache = ResultCache.open(s.cache_dir, [Path("."), *s.paths])
            except CacheError as exc:
                raise RunError(str(exc)) from None
        diff_base = None
        if s.diff_base is not None:
            from linter.diffbase import DiffBase, DiffBaseError

            diff_base = DiffBase(s.diff_base)
            try:
                # A revision the repository does not have is one error, not one per file.
                for path in s.paths or (Path("."),):
                    if path.exists():  # a missing path is reported with the files
                        diff_base.check(path)
            except DiffBaseError as exc:
                raise RunError(str(exc)) from None
        progress = _Progress(s.output_format in ("concise", "full") and not s.quiet, self.stderr)
        jobs = s.jobs or os.cpu_count() or 1
        try:
            for item, result in run(self._items(), self.mode, jobs, cache, diff_base):
                if isinstance(item, Task):
                    result = self._against_baseline(item, result)
                progress.step(bool(result.diagnostics or result.error))
                self.emit(fmt, result)
        finally:
            progress.done()

    def _against_baseline(self, item: Task, result: FileResult) -> FileResult:
        if self.settings.write_baseline is not None:
            if result.error is None and result.skipped is None:
                self.collected.append((item.path, result.diagnostics))
            return result
        baseline = self.baseline_for(item.config)
        if baseline is not None:
            hidden = baseline.hidden
            result = replace(result, diagnostics=baseline.filter(item.path, result.diagnostics))
            self.summary.baseline_hidden += baseline.hidden - hidden
        self.summary.baseline_gone = sum(b.gone for b in self._baselines.values())
        return result

    def _check_stdin(self, fmt: Formatter, report: TextIO) -> None:
        """Standard input as if it were --stdin-filename: its config, audience and
        glossary. Never cached; with --fix the fixed text is the output, and the report
        goes to standard error."""
        s = self.settings
        path = s.stdin_filename or Path("-")
        display = display_path(path) if s.stdin_filename else "-"
        try:
            config = self.configs.for_path(s.stdin_filename or Path("stdin.md"))
            options = self.options_for(config)
        except ConfigError as exc:
            self.emit(fmt, FileResult(display, error=str(exc)))
            return
        data = sys.stdin.buffer.read(config.max_file_size + 1)
        result, fixed = process_text(data, display, config, options, self.mode)
        if self.mode.fix and fixed is not None:
            self.stdout.flush()
            self.stdout.buffer.write(fixed)  # type: ignore[attr-defined]
            self.stdout.flush()
        if s.stdin_filename is not None and s.write_baseline is None:
            baseline = self.baseline_for(config)
            if baseline is not None:
                kept = baseline.filter(s.stdin_filename, result.diagnostics)
                self.summary.baseline_hidden += len(result.diagnostics) - len(kept)
                result = replace(result, diagnostics=kept)
        self.emit(fmt, result)

    def _statistics(self, out: TextIO) -> None:
        """Problems per rule, with how many --fix (and --unsafe-fixes) could fix."""
        by = self.summary.by_code
        names_ = {r.code: r.name for r in all_rules()}
        rows = sorted(by.items(), key=lambda kv: (-kv[1], kv[0]))
        if self.settings.output_format in ("json", "jsonl"):
            data = [
                {
                    "code": code,
                    "name": names_.get(code, ""),
                    "count": n,
                    "fixable": self.summary.safe_fixes.get(code, 0),
                    "unsafe_fixable": self.summary.unsafe_fixes.get(code, 0),
                }
                for code, n in rows
            ]
            out.write(json_text(data) + "\n")
            return
        for code, n in rows:
            safe = self.summary.safe_fixes.get(code, 0)
            unsafe = self.summary.unsafe_fixes.get(code, 0)
            fixable = []
            if safe:
                fixable.append(f"{safe} with --fix")
            if unsafe:
                fixable.append(f"{unsafe} with --unsafe-fixes")
            tail = f"  (fixable: {', '.join(fixable)})" if fixable else ""
            out.write(f"{n:>6}  {code}  {names_.get(code, ''):<24}{tail}".rstrip() + "\n")
        if not self.settings.quiet:
            out.write(self.summary.sentence() + "\n")


class _Progress:
    """A progress line on stderr for long runs on a terminal; nothing otherwise."""

    def __init__(self, wanted: bool, stream: TextIO) -> None:
        self.count = 0
        self.shown = False
        self.stream = stream
        self.start = self.last = time.monotonic()
        self.on = wanted and stream.isatty()

    def step(self, clear: bool) -> None:
        self.count += 1
        if not self.on:
            return
        now = time.monotonic()
        if clear and self.shown:
            self.stream.write("\r\x1b[K")
            self.shown = False
        # Only runs that take a while get a progress line; files are counted as they go.
        if now - self.start >= 1.0 and now - self.last >= 0.1:
            self.last = now
            rate = self.count / (now - self.start)
            self.stream.write(f"\rChecked {self.count} files ({rate:.0f} a second)…")
            self.stream.flush()
            self.shown = True

    def done(self) -> None:
        if self.on and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
