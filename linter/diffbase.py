"""--diff-base: keep only the problems on lines added or changed since a git revision.

Article-wide problems (the reading grade) are kept when the article changed and its
grade got worse than at the base revision, or when the article is new.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

from linter.config import Config
from linter.engine import lint_source
from linter.results import FileResult, Options
from linter.rules import find_rule
from linter.source import SourceFile

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class DiffBaseError(Exception):
    pass


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
    except FileNotFoundError:
        raise DiffBaseError("--diff-base needs git, and git was not found") from None


@dataclass
class Changes:
    """What changed in one file since the base: None means the whole file is new."""

    lines: set[int] | None
    old_text: str | None


def changes_since(base: str, path: Path) -> Changes:
    folder = path.resolve().parent
    check = _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], folder)
    if check.returncode != 0:
        raise DiffBaseError(f"--diff-base: '{base}' is not a commit in this git repository")
    root = _git(["rev-parse", "--show-toplevel"], folder).stdout.strip()
    rel = path.resolve().relative_to(Path(root).resolve()).as_posix()
    old = _git(["show", f"{base}:{rel}"], folder)
    if old.returncode != 0:
        return Changes(None, None)
    diff = _git(["diff", "--no-color", "--no-ext-diff", "--unified=0", base, "--", rel], folder)
    lines: set[int] = set()
    for m in _HUNK.finditer(diff.stdout):
        start, count = int(m.group(1)), int(m.group(2) or "1")
        lines.update(range(start, start + count))
    return Changes(lines, old.stdout)


def filter_result(
    result: FileResult, path: Path, base: str, config: Config, options: Options
) -> FileResult:
    if result.error is not None or result.skipped is not None:
        return result
    changes = changes_since(base, path)
    if changes.lines is None:
        return result
    if not changes.lines:
        return replace(result, diagnostics=[])
    kept = []
    old_grade: float | None = None
    for d in result.diagnostics:
        rule = find_rule(d.code)
        if rule is not None and rule.scope == "article":
            if old_grade is None:
                old = lint_source(
                    SourceFile.from_text(result.path, changes.old_text or ""), config, options
                )
                old_grade = old.grade if old.grade is not None else float("-inf")
            if result.grade is not None and result.grade > old_grade:
                kept.append(d)
        elif any(line in changes.lines for line in range(d.line, d.end_line + 1)):
            kept.append(d)
    return replace(result, diagnostics=kept)
