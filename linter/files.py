"""Which files to check: paths from the command line, folders walked for Markdown."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from linter.display import shown

if TYPE_CHECKING:
    from linter.config import Config
    from linter.results import FileResult

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
    return first_match(path, root, patterns) is not None


def first_match(path: Path, root: Path, patterns: tuple[str, ...]) -> str | None:
    """The first of the globs that matches the path, if one does."""
    if not patterns:
        return None
    rel = _relative(path, os.path.normpath(os.path.join(_cwd(), root))) or path.as_posix()
    parts = rel.split("/")
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        bare = pattern.removesuffix("/**")
        if (
            fnmatch(rel, pattern)
            or fnmatch(path.name, pattern)
            # 'drafts' or 'drafts/**' means everything under any folder named drafts.
            or ("/" not in bare and any(fnmatch(p, bare) for p in parts[:-1]))
            or (
                "/" in bare
                and any(fnmatch("/".join(parts[:i]), bare) for i in range(1, len(parts)))
            )
        ):
            return pattern
    return None


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


def targets(
    paths: tuple[Path, ...],
    config_for: Callable[[Path], Config],
    emit: Callable[[FileResult], None],
) -> Iterator[Path]:
    """Files to check, in a stable order. Missing paths are errors; links out of the tree
    and named files that the config excludes are skips worth telling the writer about."""
    from linter.config import ConfigError
    from linter.results import FileResult

    here = os.path.realpath(".")
    # Only several paths can name one file twice; one folder walk never does.
    seen: set[str] | None = set() if len(paths) > 1 else None
    for given in paths:
        if not given.exists() and not given.is_symlink():
            emit(
                FileResult(
                    display_path(given), error=f"{shown(str(given))}: no such file or folder"
                )
            )
            continue
        if given.is_dir():
            candidates: Iterator[Found] = walk(given)
            explicit = False
        else:
            # A link named on the command line is followed only into the current folder.
            target = os.path.realpath(given)
            outside = target if given.is_symlink() and not inside(target, here) else None
            candidates = iter([Found(given, outside)])
            explicit = True
        for found in candidates:
            path = found.path
            try:
                config = config_for(path)
            except ConfigError as exc:
                emit(FileResult(display_path(path), error=str(exc)))
                continue
            if not (explicit or found.is_dir or matches(path, config.include_root, config.include)):
                continue
            excluded = first_match(path, config.exclude_root, config.exclude)
            if excluded is not None:
                if explicit:
                    # Named on purpose and then skipped: say so, or it passes as checked.
                    why = (
                        f"excluded by '{excluded}' in {config.origins.get('exclude', 'the config')}"
                    )
                    emit(FileResult(display_path(path), skipped=why, notice=True))
                continue
            if found.outside is not None:
                what = "folder" if found.is_dir else "file"
                emit(
                    FileResult(
                        display_path(path),
                        skipped=f"is a link to a {what} outside the folder being checked "
                        f"({found.outside}); not followed",
                        notice=True,
                    )
                )
                continue
            if seen is not None:
                key = os.path.abspath(path)
                if key in seen:
                    continue
                seen.add(key)
            yield path
