"""One file, start to end: read it, lint it, and fix it when asked."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from linter.config import Config
from linter.engine import lint_source
from linter.fixes import WriteError, fix_source, unified_diff, write_fixed
from linter.results import FileResult, Options
from linter.source import ReadError, decode_source, read_source


@dataclass(frozen=True)
class FixMode:
    fix: bool = False
    unsafe: bool = False
    diff: bool = False  # show what would change, write nothing

    @property
    def active(self) -> bool:
        return self.fix or self.diff


def process_file(
    path: Path, display: str, config: Config, options: Options, mode: FixMode
) -> FileResult:
    try:
        return _process(path, display, config, options, mode)
    except Exception as exc:
        # A bug must not stop the run: this file gets an error line, the others are checked.
        return FileResult(display, error=internal_error(display, exc))


def internal_error(display: str, exc: BaseException) -> str:
    return (
        f"{display}: plainlint could not check this file ({type(exc).__name__}); "
        "this is a bug in plainlint, please report it"
    )


def process_text(
    data: bytes, display: str, config: Config, options: Options, mode: FixMode
) -> tuple[FileResult, bytes | None]:
    """Text that is not a file (standard input): its result, and with --fix its fixed
    bytes (the input unchanged when nothing was fixed)."""
    try:
        if len(data) > config.max_file_size:
            raise ReadError(f"{display}: is larger than the most plainlint reads; not checked")
        src = decode_source(data, display)
    except ReadError as exc:
        return FileResult(display, error=str(exc)), None
    if not mode.active:
        return lint_source(src, config, options), None
    outcome = fix_source(src, config, options, mode.unsafe)
    if mode.diff:
        return (
            replace(
                outcome.before,
                diff=unified_diff(outcome, display) or None,
                would_fix=outcome.applied,
            ),
            None,
        )
    fixed = (("\ufeff" if src.bom else "") + outcome.fixed).encode("utf-8")
    return replace(outcome.result, fixed=outcome.applied), fixed


def _process(
    path: Path, display: str, config: Config, options: Options, mode: FixMode
) -> FileResult:
    try:
        src = read_source(path, display, config.max_file_size)
    except ReadError as exc:
        return FileResult(display, error=str(exc))
    if not mode.active:
        return lint_source(src, config, options)
    outcome = fix_source(src, config, options, mode.unsafe)
    if not outcome.changed:
        return outcome.result
    if mode.diff:
        # Nothing is written: the problems shown are the ones in the file as it is.
        return replace(
            outcome.before, diff=unified_diff(outcome, display), would_fix=outcome.applied
        )
    try:
        write_fixed(path, src, outcome.fixed)
    except WriteError as exc:
        return replace(outcome.result, error=str(exc))
    return replace(outcome.result, fixed=outcome.applied)
