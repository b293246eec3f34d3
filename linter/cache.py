"""A result cache, like ruff's: an unchanged file with unchanged settings is not linted again.

An entry's key is the hash of the file's bytes, the resolved config, the selected rules
and audience; entries live in a folder named by plainlint's version and a hash of its
code and rule packs, so a new version or an edited rule pack never reads old results.
Writes are atomic (a temporary file, then a rename), so two runs can share the cache.
Entries not used for a week, and folders of other versions, are removed now and then.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import tempfile
import time
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from linter import __version__
from linter.config import Config, Profile
from linter.diagnostics import Applicability, Details, Diagnostic, Edit, Fix, Severity, Span
from linter.interrupts import uninterrupted
from linter.results import FileResult, Options

DEFAULT_DIR = ".plainlint_cache"
_STALE = 7 * 24 * 3600
_CLEAN_EVERY = 24 * 3600


@cache
def environment_key() -> str:
    """plainlint's version, its code and data, and the contents of its rule packs."""
    from importlib.metadata import PackageNotFoundError, version

    from linter.packs import packs_dir

    digest = hashlib.sha256(__version__.encode())
    # The parser and the data packages decide results too.
    for name in ("markdown-it-py", "mdit-py-plugins", "PyYAML", "textstat"):
        try:
            digest.update(f"{name}={version(name)}".encode())
        except PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    package = Path(__file__).resolve().parent
    # Installed code and data change only with a new install: their size and time
    # stand for them, which is far quicker than reading 4 MB on every run.
    for file in sorted([*package.rglob("*.py"), *(package / "data").glob("*")]):
        stat = file.stat()
        digest.update(f"{file.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    # Rule packs are what sites edit: their contents count.
    for file in sorted(packs_dir().rglob("*.yaml")):
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return f"{__version__}-{digest.hexdigest()[:16]}"


def settings_key(config: Config, options: Options) -> str:
    """Everything besides the file that decides its result: every setting of the config
    (rule options included), the rules and audience, what the output format keeps, and
    the contents of the site's term lists and glossaries. (plainlint's version, code,
    packages and rule packs are in environment_key, which names the cache's folder.)"""
    data: dict[str, Any] = {
        "config": {
            k: (str(v) if isinstance(v, Path) else v)
            for k, v in asdict(config).items()
            if k not in ("source", "root")
        },
        "rules": [r.code for r in options.rules],
        "audience": options.audience,
        "lines": options.keep_lines,
    }
    text = json.dumps(data, sort_keys=True, default=str)
    digest = hashlib.sha256(text.encode())
    # Term lists and glossaries are part of the settings: their contents count too.
    for path in (*config.lexicon, *config.glossary, *config.explanations):
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()


TAG_NAME = "CACHEDIR.TAG"
# The standard cache-folder tag (bford.info/cachedir), which backup tools honour; the
# second line is how plainlint knows the folder as its own.
TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by plainlint.\n"
)
_IGNORE = "# Made by plainlint: its result cache.\n*\n"
_VERSION_DIR = re.compile(r"^\d+\.\d+\.\d+[\w.+]*-[0-9a-f]{16}$")
_SHARD = re.compile(r"^[0-9a-f]{2}$")
_ENTRY = re.compile(r"^[0-9a-f]{64}\.json$|^tmp\w+\.tmp$")
_LAST_CLEAN = "last-clean"


class CacheError(Exception):
    """A cache folder plainlint must not use; the message says why and what to do."""


class ResultCache:
    """The cache in one folder, which holds only what plainlint wrote there.

    A folder is used only when it is new, empty, or tagged as plainlint's (CACHEDIR.TAG).
    Cleaning deletes only what matches the names plainlint gives its own files, and never
    follows a link.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / environment_key()

    @classmethod
    def open(cls, root: Path, protected: list[Path]) -> ResultCache:
        """The cache at root, or CacheError when that folder is not plainlint's to use.

        protected: folders the cache may not be, or be above (the current folder and
        the paths being checked).
        """
        shown = root.as_posix()
        real = Path(os.path.realpath(root))
        try:
            info = os.lstat(root)
        except FileNotFoundError:
            info = None
        except OSError as exc:
            raise CacheError(f"cache folder '{shown}' cannot be used ({exc.strerror})") from None
        if info is not None and stat.S_ISLNK(info.st_mode):
            raise CacheError(
                f"cache folder '{shown}' is a link; plainlint keeps its cache only in a real "
                "folder (remove the link, or choose another folder with --cache-dir)"
            )
        if info is not None and not stat.S_ISDIR(info.st_mode):
            raise CacheError(f"cache folder '{shown}' is a file, not a folder")
        if ".git" in real.parts:
            raise CacheError(f"cache folder '{shown}' is inside a git folder; choose another")
        for folder in protected:
            guarded = Path(os.path.realpath(folder))
            if real == guarded or real in guarded.parents:
                raise CacheError(
                    f"cache folder '{shown}' holds the files being checked; "
                    "choose a folder of its own with --cache-dir"
                )
        if (real / ".git").exists():
            raise CacheError(f"cache folder '{shown}' is a git repository; choose another")
        if info is not None and not _is_ours(root):
            raise CacheError(
                f"cache folder '{shown}' already holds files that plainlint did not make; "
                "choose an empty or new folder with --cache-dir"
            )
        return cls(root)

    def key(self, data: bytes, display: str, settings: str) -> str:
        digest = hashlib.sha256(data)
        digest.update(b"\0" + display.encode("utf-8", "surrogateescape"))
        digest.update(b"\0" + settings.encode())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str) -> FileResult | None:
        """The stored result, or None when it is missing or not what plainlint writes."""
        path = self._path(key)
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode):
                return None
            data = json.loads(path.read_text(encoding="utf-8"))
            result = _result_from(data)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            # A bad entry is never trusted: the file is checked again and the entry rewritten.
            return None
        with contextlib.suppress(OSError):
            os.utime(path, follow_symlinks=False)  # used: keep it
        return result

    def put(self, key: str, result: FileResult) -> None:
        path = self._path(key)
        try:
            self._prepare(path.parent)
            text = json.dumps(_result_to(result), ensure_ascii=False, separators=(",", ":"))
            with uninterrupted():
                fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="tmp", suffix=".tmp")
                with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape") as fh:
                    fh.write(text)
                os.replace(tmp, path)
        except (OSError, ValueError):
            # A cache that cannot be written only makes the next run slower.
            return

    def _prepare(self, folder: Path) -> None:
        if folder.is_dir():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        for name, text in ((TAG_NAME, TAG), (".gitignore", _IGNORE)):
            _write_new(self.root / name, text)
        folder.mkdir(parents=True, exist_ok=True)

    def clean(self) -> None:
        """Now and then, drop entries not used for a week and other versions' folders.

        Only files with the names plainlint gives them are deleted, a folder only once it
        is empty, and links are never followed: anything else in the folder stays.
        """
        now = time.time()
        marker = self.root / _LAST_CLEAN
        try:
            if not _is_ours(self.root):
                return
            with contextlib.suppress(FileNotFoundError):
                last = os.lstat(marker)
                if stat.S_ISREG(last.st_mode) and now - last.st_mtime < _CLEAN_EVERY:
                    return
            for child in os.scandir(self.root):
                if (
                    child.name != self.folder.name
                    and _VERSION_DIR.match(child.name)
                    and child.is_dir(follow_symlinks=False)
                ):
                    _remove_version(Path(child.path), 0.0)
            if os.path.isdir(self.folder) and not os.path.islink(self.folder):
                _remove_version(self.folder, now - _STALE, keep_folder=True)
            with contextlib.suppress(FileNotFoundError):
                if stat.S_ISLNK(os.lstat(marker).st_mode):
                    return
            marker.write_text(str(now), encoding="utf-8")
        except OSError:
            return


def _is_ours(root: Path) -> bool:
    """Whether a folder is plainlint's cache: tagged, empty, or made by plainlint 0.1.0."""
    tag = root / TAG_NAME
    try:
        if stat.S_ISREG(os.lstat(tag).st_mode):
            return "created by plainlint" in tag.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        pass
    names = os.listdir(root)
    if not names:
        return True
    # plainlint 0.1.0 wrote no tag: its caches hold only these names.
    ignore = root / ".gitignore"
    legacy = (
        os.path.isfile(ignore)
        and not os.path.islink(ignore)
        and ignore.read_text(encoding="utf-8", errors="replace") == _IGNORE
        and all(n in (".gitignore", _LAST_CLEAN) or _VERSION_DIR.match(n) for n in names)
    )
    if legacy:
        _write_new(root / TAG_NAME, TAG)
    return legacy


def _write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet (never through a link someone left there)."""
    with contextlib.suppress(FileExistsError):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)


def _remove_version(folder: Path, older_than: float, keep_folder: bool = False) -> None:
    """Delete plainlint's entries in one version folder (those last used before
    older_than, or all with 0.0 ... meaning every entry), then the folders left empty."""
    for shard in os.scandir(folder):
        if not (_SHARD.match(shard.name) and shard.is_dir(follow_symlinks=False)):
            continue
        for entry in os.scandir(shard.path):
            if not _ENTRY.match(entry.name) or not entry.is_file(follow_symlinks=False):
                continue
            if older_than and entry.stat(follow_symlinks=False).st_mtime >= older_than:
                continue
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
        with contextlib.suppress(OSError):
            os.rmdir(shard.path)  # only if it is empty now
    if not keep_folder:
        with contextlib.suppress(OSError):
            os.rmdir(folder)


def _result_to(r: FileResult) -> dict[str, Any]:
    return {
        "path": r.path,
        "error": r.error,
        "skipped": r.skipped,
        "notice": r.notice,
        "grade": r.grade,
        "target": r.target,
        "profile": None if r.profile is None else _profile_to(r.profile),
        "lines": {str(k): v for k, v in r.lines.items()},
        "diagnostics": [
            {**d.to_dict(), "span": [d.span.start, d.span.end], "scope": d.scope}
            for d in r.diagnostics
        ],
    }


def _profile_to(p: Profile) -> dict[str, Any]:
    return {
        "name": p.name,
        "grade_target": p.grade_target,
        "grade_metric": p.grade_metric,
        "severity": {k: v.value for k, v in p.severity.items()},
        "preset": p.preset,
        "options": p.options,
    }


def _result_from(data: dict[str, Any]) -> FileResult:
    profile = data["profile"]
    return FileResult(
        path=data["path"],
        error=data["error"],
        skipped=data["skipped"],
        notice=data["notice"],
        grade=data["grade"],
        target=data["target"],
        profile=None
        if profile is None
        else Profile(
            profile["name"],
            profile["grade_target"],
            profile["grade_metric"],
            {k: Severity(v) for k, v in profile["severity"].items()},
            profile["preset"],
            profile["options"],
        ),
        lines={int(k): v for k, v in data["lines"].items()},
        diagnostics=[_diagnostic_from(d) for d in data["diagnostics"]],
    )


def _diagnostic_from(d: dict[str, Any]) -> Diagnostic:
    fix = d["fix"]
    out = Diagnostic(
        d["code"],
        d["name"],
        Severity(d["severity"]),
        d["message"],
        Span(*d["span"]),
        list(d["suggestions"]),
        None
        if fix is None
        else Fix(
            fix["message"],
            Applicability(fix["applicability"]),
            tuple(Edit(e["start"], e["end"], e["text"]) for e in fix["edits"]),
        ),
    )
    out.path, out.line, out.column = d["path"], d["line"], d["column"]
    out.end_line, out.end_column = d["end_line"], d["end_column"]
    out.scope, out.subject, out.highlight = d["scope"], d["subject"], d["highlight"]
    out.details = None if d["details"] is None else Details.from_dict(d["details"])
    return out
