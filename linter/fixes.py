"""Fixes: apply the edits that rules attach to diagnostics, and write files safely.

Only fixes of the allowed applicability are applied (safe, or also unsafe); a fix whose
edits overlap an edit already taken waits for the next pass. Passes repeat until nothing
more applies, so a second run changes nothing. Edits never touch the front matter.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from linter.config import Config
from linter.diagnostics import Applicability, Diagnostic, Edit
from linter.engine import lint_source
from linter.frontmatter import parse_front_matter
from linter.results import FileResult, Options
from linter.source import ReadError, SourceFile

_MAX_PASSES = 10


@dataclass
class FixOutcome:
    result: FileResult  # the problems left after fixing
    original: str
    fixed: str
    applied: int
    before: FileResult  # the problems in the file as it was

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def _overlaps(a: Edit, b: Edit) -> bool:
    # Two insertions at one point would depend on their order: treat them as a clash.
    return (a.start < b.end and b.start < a.end) or a.start == b.start


def select_edits(
    text: str, diagnostics: list[Diagnostic], unsafe: bool, protected_end: int = 0
) -> tuple[list[Edit], int]:
    """The edits to make in one pass, and how many fixes they come from."""
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    taken: list[Edit] = []
    applied = 0
    fixes = [d.fix for d in diagnostics if d.fix is not None and d.fix.applicability in allowed]
    fixes.sort(key=lambda f: min(e.start for e in f.edits))
    for fix in fixes:
        edits = fix.edits
        if any(e.start < protected_end or e.end > len(text) or e.start > e.end for e in edits):
            continue
        if any(_overlaps(e, t) for e in edits for t in taken):
            continue
        taken.extend(edits)
        applied += 1
    return sorted(taken, key=lambda e: e.start), applied


def apply_edits(
    text: str, diagnostics: list[Diagnostic], unsafe: bool, protected_end: int = 0
) -> tuple[str, int]:
    edits, applied = select_edits(text, diagnostics, unsafe, protected_end)
    # One pass over the text, so many fixes in a large file stay linear.
    pieces: list[str] = []
    pos = 0
    for edit in edits:
        pieces.append(text[pos : edit.start])
        pieces.append(edit.text)
        pos = edit.end
    pieces.append(text[pos:])
    return "".join(pieces), applied


def fix_source(src: SourceFile, config: Config, options: Options, unsafe: bool) -> FixOutcome:
    text = src.text
    applied = 0
    result = first = lint_source(src, config, options)
    for _ in range(_MAX_PASSES):
        if result.error is not None or result.skipped is not None:
            break
        current = SourceFile.from_text(src.path, text, src.bom)
        try:
            fm = parse_front_matter(current)
        except ReadError:
            break
        body = current.line_starts[fm.body_line] if fm.present else 0
        new, count = apply_edits(text, result.diagnostics, unsafe, body)
        if count == 0 or new == text:
            break
        text = new
        applied += count
        result = lint_source(SourceFile.from_text(src.path, text, src.bom), config, options)
    return FixOutcome(result, src.text, text, applied, first)


def unified_diff(outcome: FixOutcome, path: str) -> str:
    return "".join(
        difflib.unified_diff(
            outcome.original.splitlines(keepends=True),
            outcome.fixed.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )


class WriteError(Exception):
    pass


def write_fixed(path: Path, src: SourceFile, fixed: str) -> None:
    """Replace the file atomically, keeping its BOM and permissions.

    The new text differs from the old only inside the edits, so line endings, the
    final newline and everything else stay as they were. A file that changed on disk
    since it was read is left alone.
    """
    target = path.resolve()
    before = ("\ufeff" if src.bom else "") + src.text
    after = ("\ufeff" if src.bom else "") + fixed
    try:
        on_disk = target.read_bytes()
    except OSError as exc:
        raise WriteError(f"{src.path}: cannot read it again to fix it ({exc.strerror})") from None
    if on_disk != before.encode("utf-8"):
        raise WriteError(f"{src.path}: changed on disk while plainlint was fixing it; not written")
    mode = target.stat().st_mode
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".plainlint", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(after.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode & 0o7777)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteError(f"{src.path}: could not be written ({exc.strerror})") from None
