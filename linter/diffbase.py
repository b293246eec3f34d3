"""--diff-base: keep only the problems on lines added or changed since a git revision.

A problem is kept when any line it spans was added or changed. Article-wide problems (the
reading grades) are kept when the article changed and its grade got worse than at the
base revision, or when the article is new. A renamed file is compared with its old name.
git runs in each file's repository, from its top folder, so files at any depth and runs
from any folder see the same changes.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

from linter.config import Config
from linter.engine import lint_source
from linter.results import FileResult, Options
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
    """What changed in one file since the base: lines None means the whole file is new."""

    lines: set[int] | None
    old_text: str | None


class DiffBase:
    """The changes since one revision, for the files of one run."""

    def __init__(self, base: str) -> None:
        self.base = base
        self._roots: dict[Path, Path] = {}
        self._renames: dict[Path, dict[str, str]] = {}

    def _root(self, folder: Path) -> Path:
        root = self._roots.get(folder)
        if root is None:
            top = _git(["rev-parse", "--show-toplevel"], folder)
            if top.returncode != 0:
                raise DiffBaseError(f"--diff-base: {folder} is not in a git repository")
            root = Path(top.stdout.strip()).resolve()
            check = _git(["rev-parse", "--verify", "--quiet", f"{self.base}^{{commit}}"], root)
            if check.returncode != 0:
                raise DiffBaseError(
                    f"--diff-base: '{self.base}' is not a commit in the git repository at {root}"
                )
            self._roots[folder] = root
        return root

    def check(self, path: Path) -> None:
        """Raise DiffBaseError when path is not in a git repository that has the base."""
        real = Path(os.path.realpath(path))
        self._root(real if real.is_dir() else real.parent)

    def _renamed(self, root: Path) -> dict[str, str]:
        """New path -> old path, for the files renamed since the base (once per repository)."""
        found = self._renames.get(root)
        if found is None:
            found = {}
            out = _git(["diff", "--name-status", "-M", "-z", self.base, "--"], root).stdout
            fields = out.split("\0")
            i = 0
            while i < len(fields) - 1:
                status = fields[i]
                if status.startswith(("R", "C")) and i + 2 < len(fields):
                    found[fields[i + 2]] = fields[i + 1]
                    i += 3
                else:
                    i += 2
            self._renames[root] = found
        return found

    def changes(self, path: Path) -> Changes:
        real = Path(os.path.realpath(path))
        root = self._root(real.parent)
        rel = real.relative_to(root).as_posix()
        old_rel = self._renamed(root).get(rel, rel)
        old = _git(["show", f"{self.base}:{old_rel}"], root)
        if old.returncode != 0:
            return Changes(None, None)
        paths = [f":(top,literal){p}" for p in dict.fromkeys([old_rel, rel])]
        diff = _git(
            ["diff", "--no-color", "--no-ext-diff", "--unified=0", "-M", self.base, "--", *paths],
            root,
        )
        lines: set[int] = set()
        for m in _HUNK.finditer(diff.stdout):
            start, count = int(m.group(1)), int(m.group(2) or "1")
            lines.update(range(start, start + count))
        return Changes(lines, old.stdout)

    def filter(
        self, result: FileResult, path: Path, config: Config, options: Options
    ) -> FileResult:
        if result.error is not None or result.skipped is not None:
            return result
        changes = self.changes(path)
        if changes.lines is None:
            return result
        if not changes.lines:
            return replace(result, diagnostics=[])
        kept = []
        old_grade: float | None = None
        for d in result.diagnostics:
            if d.scope == "article":
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
