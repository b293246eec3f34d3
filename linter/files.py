"""Which files to check: paths from the command line, folders walked for Markdown."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from functools import cache
from pathlib import Path

from linter.display import shown

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
    """How a file is named in output: relative to the current folder when it is below it.

    Newlines, control characters and bytes that are not UTF-8 are shown as escapes, so
    no file name can pass for a line of output or break a format.
    """
    return shown(_relative(path, _cwd()) or path.as_posix())


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


def inside(path: str, folder: str) -> bool:
    """Whether a real (resolved) path is the folder or below it."""
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:
        return False


@dataclass(frozen=True)
class Found:
    """A file in a folder, or a link that leads out of it (then `outside` is its target)."""

    path: Path
    outside: str | None = None
    is_dir: bool = False


def walk(folder: Path) -> Iterator[Found]:
    """Files under a folder in a stable (sorted) order, skipping tool folders.

    Links are followed only when they lead to a file or folder inside the folder being
    walked: a link to '../elsewhere' or '/dev/zero' is reported, never read, so nothing
    outside the tree is read (or, with --fix, written).
    """
    top = os.path.realpath(folder)
    seen: set[tuple[int, int]] = set()
    stack = [Path(folder)]
    while stack:
        here = stack.pop()
        try:
            st = os.stat(here)
            entries = sorted(os.scandir(here), key=lambda e: e.name)
        except OSError:
            continue
        # A link back up the tree would loop forever: visit each folder once.
        key = (st.st_dev, st.st_ino)
        if key in seen:
            continue
        seen.add(key)
        folders: list[Path] = []
        for entry in entries:
            path = here / entry.name
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir()  # follows a link, to say what it leads to
            except OSError:
                is_link, is_dir = False, False
            if is_dir and (entry.name in _SKIP_DIRS or entry.name.startswith(".")):
                continue
            if is_link:
                target = os.path.realpath(path)
                if not inside(target, top):
                    yield Found(path, target, is_dir)
                    continue
            if is_dir:
                folders.append(path)
            else:
                yield Found(path)
        # Depth first, in name order: the stack takes the last folder first.
        stack.extend(reversed(folders))
