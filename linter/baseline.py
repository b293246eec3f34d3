"""Baselines: adopt plainlint on a collection that already has many problems.

`--write-baseline FILE` records today's problems; `--baseline FILE` (or `baseline:` in the
config) then reports only problems that are not in it. A problem is recorded by its
fingerprint: the file (relative to the baseline's folder), the rule, the words it points
at, and which of the same words' problems in that file it is (first, second, ...). So an
edit elsewhere in the file leaves it recognised, while an edit to the words it points at
(or a new problem) shows. Entries no longer found are counted, so the file can be
refreshed as problems get fixed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from linter.diagnostics import Diagnostic

VERSION = 1


class BaselineError(Exception):
    pass


def fingerprints(path: str, diagnostics: Iterable[Diagnostic]) -> list[str]:
    """Each problem's fingerprint, in order; path is as the baseline records it."""
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for d in diagnostics:
        key = (d.code, d.subject)
        seen[key] += 1
        text = f"{path}\0{d.code}\0{d.subject}\0{seen[key]}"
        out.append(hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:24])
    return out


def relative(file: Path, baseline: Path) -> str:
    """A checked file's name as the baseline records it: from the baseline's folder."""
    folder = os.path.dirname(os.path.abspath(baseline))
    return Path(os.path.relpath(os.path.abspath(file), folder)).as_posix()


class Baseline:
    def __init__(self, path: Path, entries: dict[str, set[str]]) -> None:
        self.path = path
        # file (as recorded) -> fingerprints of its recorded problems
        self.entries = entries
        self.used: set[str] = set()
        self.files_seen: set[str] = set()
        self.hidden = 0

    @classmethod
    def load(cls, path: Path, shown: str | None = None) -> Baseline:
        """Read a baseline; shown is its name in messages (default: the path)."""
        name = shown or str(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(
                f"baseline file '{name}' does not exist (make it with --write-baseline)"
            ) from None
        except (OSError, ValueError) as exc:
            raise BaselineError(f"baseline file '{name}' cannot be read ({exc})") from None
        if (
            not isinstance(data, dict)
            or data.get("plainlint-baseline") != VERSION
            or not isinstance(data.get("problems"), list)
        ):
            raise BaselineError(f"'{name}' is not a plainlint baseline file")
        problems = data["problems"]
        entries: dict[str, set[str]] = {}
        for item in problems:
            if not isinstance(item, dict) or not all(
                isinstance(item.get(k), str) for k in ("file", "fingerprint")
            ):
                raise BaselineError(f"'{name}' has an entry that is not a problem: {item!r:.80}")
            entries.setdefault(item["file"], set()).add(item["fingerprint"])
        return cls(path, entries)

    def filter(self, file: Path, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """The problems of one file that are not in the baseline."""
        name = relative(file, self.path)
        self.files_seen.add(name)
        known = self.entries.get(name, set())
        kept = []
        for d, fingerprint in zip(diagnostics, fingerprints(name, diagnostics), strict=True):
            if fingerprint in known:
                self.used.add(fingerprint)
                self.hidden += 1
            else:
                kept.append(d)
        return kept

    @property
    def gone(self) -> int:
        """Recorded problems of the files checked in this run that were not found again."""
        return sum(
            1
            for name in self.files_seen
            for fingerprint in self.entries.get(name, ())
            if fingerprint not in self.used
        )


def write_baseline(path: Path, problems: list[tuple[Path, list[Diagnostic]]]) -> int:
    """Write a baseline of these problems; returns how many it holds."""
    items = []
    for file, diagnostics in problems:
        name = relative(file, path)
        for d, fingerprint in zip(diagnostics, fingerprints(name, diagnostics), strict=True):
            items.append(
                {
                    "file": name,
                    "fingerprint": fingerprint,
                    "code": d.code,
                    "line": d.line,
                    "message": d.message,
                }
            )
    items.sort(key=lambda i: (i["file"], i["line"], i["code"], i["fingerprint"]))
    text = json.dumps({"plainlint-baseline": VERSION, "problems": items}, indent=1)
    tmp = path.with_name(f".{path.name}.plainlint")
    tmp.write_text(text + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return len(items)
