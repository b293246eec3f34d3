"""Fixes: apply the edits that rules attach to diagnostics, and write files safely.

Only fixes of the allowed applicability are applied (safe, or also unsafe); a fix whose
edits overlap an edit already taken waits for the next pass. Passes repeat until nothing
more applies, so a second run changes nothing. Edits never touch the front matter.

After each pass the file is checked again. A fix that leaves a problem the file did not
have (a swap that makes its sentence too long, a word that now needs a link) is taken
back, and its problem stays for the writer.
"""

from __future__ import annotations

import bisect
import contextlib
import difflib
import os
import stat
import tempfile
from dataclasses import dataclass, replace
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


def _fixes(diagnostics: list[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    return [d for d in diagnostics if d.fix is not None and d.fix.applicability in allowed]


def _choose(
    text: str, candidates: list[Diagnostic], protected_end: int
) -> tuple[list[Edit], list[Diagnostic]]:
    """The edits to make in one pass, and the diagnostics whose fixes they are."""
    taken: list[Edit] = []
    chosen: list[Diagnostic] = []
    marks = _Taken(len(text))
    ordered = sorted(candidates, key=lambda d: min(e.start for e in d.fix.edits))  # type: ignore[union-attr]
    for d in ordered:
        edits = d.fix.edits  # type: ignore[union-attr]
        if any(e.start < protected_end or e.end > len(text) or e.start > e.end for e in edits):
            continue
        if any(marks.clashes(e) for e in edits):
            continue
        for e in edits:
            marks.take(e)
        taken.extend(edits)
        chosen.append(d)
    return sorted(taken, key=lambda e: e.start), chosen


def select_edits(
    text: str, diagnostics: list[Diagnostic], unsafe: bool, protected_end: int = 0
) -> tuple[list[Edit], int]:
    """The edits to make in one pass, and how many fixes they come from."""
    edits, chosen = _choose(text, _fixes(diagnostics, unsafe), protected_end)
    return edits, len(chosen)


def _apply(text: str, edits: list[Edit]) -> str:
    # One pass over the text, so many fixes in a large file stay linear.
    pieces: list[str] = []
    pos = 0
    for edit in edits:
        pieces.append(text[pos : edit.start])
        pieces.append(edit.text)
        pos = edit.end
    pieces.append(text[pos:])
    return "".join(pieces)


def apply_edits(
    text: str, diagnostics: list[Diagnostic], unsafe: bool, protected_end: int = 0
) -> tuple[str, int]:
    edits, applied = select_edits(text, diagnostics, unsafe, protected_end)
    return _apply(text, edits), applied


class _Shift:
    """Maps offsets of the text after a pass's edits back to the text before them."""

    def __init__(self, edits: list[Edit]) -> None:
        self.old: list[tuple[int, int]] = []
        self.new: list[tuple[int, int]] = []
        delta = 0
        for e in edits:
            self.old.append((e.start, e.end))
            self.new.append((e.start + delta, e.start + delta + len(e.text)))
            delta += len(e.text) - (e.end - e.start)
        self.new_starts = [s for s, _ in self.new]
        self.old_starts = [s for s, _ in self.old]

    def back(self, at: int) -> int:
        k = bisect.bisect_right(self.new_starts, at) - 1
        if k < 0:
            return at
        new_end, (old_start, old_end) = self.new[k][1], self.old[k]
        if at < new_end:
            return old_start  # inside the new text: where the edit began
        return old_end + (at - new_end)

    def forward(self, at: int) -> int:
        """An offset of the old text outside every edit, in the new text."""
        k = bisect.bisect_right(self.old_starts, at) - 1
        if k < 0:
            return at
        old_end, new_end = self.old[k][1], self.new[k][1]
        return new_end + (at - old_end) if at >= old_end else at


def _key(d: Diagnostic) -> tuple[str, int, int]:
    return (d.code, d.span.start, d.span.end)


def _fix_key(d: Diagnostic) -> tuple[str, int, int, str]:
    edits = d.fix.edits  # type: ignore[union-attr]
    return (d.code, edits[0].start, edits[-1].end, edits[0].text)


def _made_worse(
    before: list[Diagnostic], after: list[Diagnostic], edits: list[Edit], chosen: list[Diagnostic]
) -> list[tuple[Diagnostic, str]]:
    """The chosen fixes that meet a problem the text did not have before them, each with
    the rule of the nearest such problem ('PL201 long-sentence')."""
    shift = _Shift(edits)
    old = {_key(d) for d in before}
    # A problem about the whole article (its grade) is the same one wherever it is shown:
    # it moves when a fix changes where the article's text starts.
    whole = {d.code for d in before if d.scope == "article"}
    fresh = []
    for d in after:
        if d.scope == "article" and d.code in whole:
            continue
        start, end = shift.back(d.span.start), shift.back(d.span.end)
        if (d.code, start, end) not in old:
            fresh.append((start, max(start, end), f"{d.code} {d.name}"))
    if not fresh:
        return []
    fresh.sort()
    starts = [s for s, _, _ in fresh]
    # The new problem reaching furthest among those that start at or before each one.
    reach: list[tuple[int, str]] = []
    for _, end, rule in fresh:
        reach.append(max(reach[-1], (end, rule)) if reach else (end, rule))
    blamed = []
    for d in chosen:
        lo = min(e.start for e in d.fix.edits)  # type: ignore[union-attr]
        hi = max(e.end for e in d.fix.edits)  # type: ignore[union-attr]
        k = bisect.bisect_right(starts, hi)
        if k and reach[k - 1][0] >= lo:
            blamed.append((d, reach[k - 1][1]))
    return blamed


def fix_source(src: SourceFile, config: Config, options: Options, unsafe: bool) -> FixOutcome:
    text = src.text
    applied = 0
    result = first = lint_source(src, config, options)
    # Fixes taken back, as (code, start, end, text) in the current text, with the rule of
    # the problem each would have left; and those of the first pass, in the file as it was.
    undone: dict[tuple[str, int, int, str], str] = {}
    undone_first: dict[tuple[str, int, int, str], str] = {}
    for _ in range(_MAX_PASSES):
        if result.error is not None or result.skipped is not None:
            break
        current = SourceFile.from_text(src.path, text, src.bom)
        try:
            fm = parse_front_matter(current)
        except ReadError:
            break
        candidates = [d for d in _fixes(result.diagnostics, unsafe) if _fix_key(d) not in undone]
        edits, chosen = _choose(text, candidates, fm.body_start)
        new = _apply(text, edits)
        if not chosen or new == text:
            break
        after = lint_source(SourceFile.from_text(src.path, new, src.bom), config, options)
        worse = (
            _made_worse(result.diagnostics, after.diagnostics, edits, chosen)
            if (after.error is None and after.skipped is None)
            else []
        )
        if worse:
            for d, rule in worse:
                undone[_fix_key(d)] = rule
                if applied == 0:  # nothing made yet: offsets are the file's own
                    undone_first[_fix_key(d)] = rule
            bad = {id(d) for d, _ in worse}
            edits, chosen = _choose(text, [d for d in chosen if id(d) not in bad], fm.body_start)
            new = _apply(text, edits)
            if not chosen:
                continue
            after = lint_source(SourceFile.from_text(src.path, new, src.bom), config, options)
        shift = _Shift(edits)
        undone = {
            (c, shift.forward(s), shift.forward(e), t): r for (c, s, e, t), r in undone.items()
        }
        text = new
        applied += len(chosen)
        result = after
    result = _mark_taken_back(result, undone)
    first = _mark_taken_back(first, undone_first)
    return FixOutcome(result, src.text, text, applied, first)


def _mark_taken_back(
    result: FileResult, undone: dict[tuple[str, int, int, str], str]
) -> FileResult:
    """The problems whose fix was taken back lose the fix, and say why."""
    if not undone:
        return result
    marked = []
    for d in result.diagnostics:
        rule = undone.get(_fix_key(d)) if d.fix is not None else None
        if rule is None:
            marked.append(d)
            continue
        why = f"Not fixed: the change would leave a new problem ({rule})."
        marked.append(replace(d, fix=None, fix_taken_back=True, suggestions=[*d.suggestions, why]))
    return replace(result, diagnostics=marked)


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
