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
import tempfile
import time
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from linter import __version__
from linter.config import Config, Profile
from linter.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity, Span
from linter.results import FileResult, Options

DEFAULT_DIR = ".plainlint_cache"
_STALE = 7 * 24 * 3600
_CLEAN_EVERY = 24 * 3600


@cache
def environment_key() -> str:
    """plainlint's version, its code and data, and the contents of its rule packs."""
    from linter.packs import packs_dir

    digest = hashlib.sha256(__version__.encode())
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
    """Everything besides the file that decides its result."""
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
    for path in (*config.lexicon, *config.glossary):
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()


class ResultCache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / environment_key()

    def key(self, data: bytes, display: str, settings: str) -> str:
        digest = hashlib.sha256(data)
        digest.update(b"\0" + display.encode() + b"\0" + settings.encode())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str) -> FileResult | None:
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            result = _result_from(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # used: keep it
        return result

    def put(self, key: str, result: FileResult) -> None:
        path = self._path(key)
        try:
            self._prepare(path.parent)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(_result_to(result), fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except OSError:
            # A cache that cannot be written only makes the next run slower.
            return

    def _prepare(self, folder: Path) -> None:
        if folder.is_dir():
            return
        folder.mkdir(parents=True, exist_ok=True)
        ignore = self.root / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Made by plainlint: its result cache.\n*\n", encoding="utf-8")

    def clean(self) -> None:
        """Now and then, drop entries not used for a week and other versions' folders."""
        marker = self.root / "last-clean"
        now = time.time()
        try:
            if marker.exists() and now - marker.stat().st_mtime < _CLEAN_EVERY:
                return
            if not self.root.is_dir():
                return
            for child in self.root.iterdir():
                if child.is_dir() and child.name != self.folder.name:
                    _remove_tree(child)
            for entry in self.folder.glob("*/*.json"):
                if now - entry.stat().st_mtime > _STALE:
                    entry.unlink(missing_ok=True)
            marker.write_text(str(now), encoding="utf-8")
        except OSError:
            return


def _remove_tree(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_dir():
            path.rmdir()
        else:
            path.unlink(missing_ok=True)
    folder.rmdir()


def _result_to(r: FileResult) -> dict[str, Any]:
    return {
        "path": r.path,
        "error": r.error,
        "skipped": r.skipped,
        "grade": r.grade,
        "profile": None if r.profile is None else _profile_to(r.profile),
        "lines": {str(k): v for k, v in r.lines.items()},
        "diagnostics": [{**d.to_dict(), "span": [d.span.start, d.span.end]} for d in r.diagnostics],
    }


def _profile_to(p: Profile) -> dict[str, Any]:
    return {
        "name": p.name,
        "grade_target": p.grade_target,
        "grade_metric": p.grade_metric,
        "sentence_limit": p.sentence_limit,
        "severity": {k: v.value for k, v in p.severity.items()},
        "preset": p.preset,
        "section_min_words": p.section_min_words,
    }


def _result_from(data: dict[str, Any]) -> FileResult:
    profile = data["profile"]
    return FileResult(
        path=data["path"],
        error=data["error"],
        skipped=data["skipped"],
        grade=data["grade"],
        profile=None
        if profile is None
        else Profile(
            profile["name"],
            profile["grade_target"],
            profile["grade_metric"],
            profile["sentence_limit"],
            {k: Severity(v) for k, v in profile["severity"].items()},
            profile.get("preset"),
            profile.get("section_min_words", 50),
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
    return out
