"""Fixes: apply the edits that rules attach to diagnostics, and write files safely.

Only fixes of the allowed applicability are applied (safe, or also unsafe); a fix whose
edits overlap an edit already taken waits for the next pass. Passes repeat until nothing
more applies, so a second run changes nothing. Edits never touch the front matter.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from linter.config import Config
from linter.diagnostics import Applicability, Diagnostic, Edit
from linter.engine import lint_source
from linter.frontmatter import parse_front_matter
from linter.interrupts import uninterrupted
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


class _Taken:
    """The edits taken so far, as marks on the text, so that whether a new edit clashes
    with any of them costs its own length, not the number taken (32,000 swaps in one file
    stay linear).

    Two edits clash when they share a character, when one inserts strictly inside the
    other, or when they start at the same point (two insertions there would depend on
    their order).
    """

    def __init__(self, size: int) -> None:
        self.chars = bytearray(size + 1)  # characters replaced
        self.inserts = bytearray(size + 1)  # points where text is inserted
        self.starts: set[int] = set()

    def clashes(self, e: Edit) -> bool:
        if e.start in self.starts:
            return True
        if e.start == e.end:
            return e.start > 0 and self.chars[e.start - 1] == 1 == self.chars[e.start]
        return (
            self.chars.find(1, e.start, e.end) >= 0 or self.inserts.find(1, e.start + 1, e.end) >= 0
        )

    def take(self, e: Edit) -> None:
        self.starts.add(e.start)
        if e.start == e.end:
            self.inserts[e.start] = 1
        else:
            self.chars[e.start : e.end] = b"\x01" * (e.end - e.start)


def select_edits(
    text: str, diagnostics: list[Diagnostic], unsafe: bool, protected_end: int = 0
) -> tuple[list[Edit], int]:
    """The edits to make in one pass, and how many fixes they come from."""
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    taken: list[Edit] = []
    marks = _Taken(len(text))
    applied = 0
    fixes = [d.fix for d in diagnostics if d.fix is not None and d.fix.applicability in allowed]
    fixes.sort(key=lambda f: min(e.start for e in f.edits))
    for fix in fixes:
        edits = fix.edits
        if any(e.start < protected_end or e.end > len(text) or e.start > e.end for e in edits):
            continue
        if any(marks.clashes(e) for e in edits):
            continue
        for e in edits:
            marks.take(e)
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
        body = fm.body_start
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
    """Write the fixed text, changing only the bytes of the edits.

    Never through a link, never to a read-only file, never to a file that changed on
    disk since it was read. A file with one name is replaced atomically (a temporary
    file, then a rename). A file with other hard links is rewritten in place, so that
    every name still shows the same file, after a copy of the old text is made beside it
    (removed once the new text is safely on disk).
    """
    before = (("\ufeff" if src.bom else "") + src.text).encode("utf-8")
    after = (("\ufeff" if src.bom else "") + fixed).encode("utf-8")
    try:
        info = os.lstat(path)
    except OSError as exc:
        raise WriteError(f"{src.path}: cannot be fixed ({exc.strerror})") from None
    if stat.S_ISLNK(info.st_mode):
        raise WriteError(f"{src.path}: is a link; not fixed (fix the file it points to)")
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(f"{src.path}: is not a regular file; not fixed")
    if not info.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise WriteError(f"{src.path}: is read-only; not fixed")
    try:
        with open(path, "rb") as fh:
            on_disk = fh.read(len(before) + 1)
    except OSError as exc:
        raise WriteError(f"{src.path}: cannot read it again to fix it ({exc.strerror})") from None
    if on_disk != before:
        raise WriteError(f"{src.path}: changed on disk while plainlint was fixing it; not written")
    with uninterrupted():
        if info.st_nlink > 1:
            _write_in_place(path, src.path, before, after)
        else:
            _replace(path, src.path, after, info.st_mode)


def _temporary(path: Path, display: str, data: bytes, suffix: str) -> str:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    except OSError as exc:
        raise WriteError(
            f"{display}: not fixed: cannot write in its folder ({exc.strerror})"
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteError(f"{display}: not fixed: could not be written ({exc.strerror})") from None
    return tmp


def _replace(path: Path, display: str, after: bytes, mode: int) -> None:
    tmp = _temporary(path, display, after, ".plainlint")
    try:
        os.chmod(tmp, mode & 0o7777)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteError(f"{display}: not fixed: could not be written ({exc.strerror})") from None


def _write_in_place(path: Path, display: str, before: bytes, after: bytes) -> None:
    backup = _temporary(path, display, before, ".plainlint-backup")
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            view = memoryview(after)
            while view:
                view = view[os.write(fd, view) :]
            os.ftruncate(fd, len(after))
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise WriteError(
            f"{display}: not fixed: writing failed ({exc.strerror}); "
            f"its old text is kept in {Path(backup).name}"
        ) from None
    os.unlink(backup)
