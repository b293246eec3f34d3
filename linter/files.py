"""Which files to check: paths from the command line, folders walked for Markdown."""

from __future__ import annotations

import os
from collections.abc import Iterator
from fnmatch import fnmatch
from functools import cache
from pathlib import Path

# Folders that never hold articles a writer wants checked.
_SKIP_DIRS = {
    ".git",
    ".hg",
    ".svn",
    ".plainlint_cache",
    "node_modules",
    "__pycache__",
    ".venv",
    "venv",
    ".tox",
}


@cache
def _cwd() -> str:
    return os.getcwd()


def _relative(path: Path, root: str) -> str | None:
    """The path below root, written with '/', or None when it is not below it."""
    absolute = os.path.normpath(os.path.join(_cwd(), path))
    if absolute == root:
        return "."
    prefix = root if root.endswith(os.sep) else root + os.sep
    if not absolute.startswith(prefix):
        return None
    return absolute[len(prefix) :].replace(os.sep, "/")


def display_path(path: Path) -> str:
    """How a file is named in output: relative to the current folder when it is below it."""
    return _relative(path, _cwd()) or path.as_posix()


def matches(path: Path, root: Path, patterns: tuple[str, ...]) -> bool:
    """A glob matches the path relative to the config's folder, or any trailing part of it."""
    if not patterns:
        return False
    rel = _relative(path, os.path.normpath(os.path.join(_cwd(), root))) or path.as_posix()
    parts = rel.split("/")
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch(rel, pattern) or fnmatch(path.name, pattern):
            return True
        # 'drafts' or 'drafts/**' excludes everything under any folder named drafts.
        bare = pattern.removesuffix("/**")
        if "/" not in bare and any(fnmatch(p, bare) for p in parts[:-1]):
            return True
        if "/" in bare and any(fnmatch("/".join(parts[:i]), bare) for i in range(1, len(parts))):
            return True
    return False


def walk(folder: Path) -> Iterator[Path]:
    """Files under a folder in a stable (sorted) order, skipping tool folders."""
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True):
        try:
            st = os.stat(dirpath)
            key = (st.st_dev, st.st_ino)
        except OSError:
            dirnames[:] = []
            continue
        # A link back up the tree would loop forever: visit each folder once.
        if key in seen:
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            yield Path(dirpath) / name
