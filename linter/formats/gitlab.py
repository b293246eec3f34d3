"""gitlab: GitLab Code Quality JSON, shown in merge requests.

Fingerprints depend on the file, the rule and the words the problem is about (not on
line numbers), so a problem keeps its fingerprint when lines above it move.
"""

from __future__ import annotations

import hashlib
from typing import Any, TextIO

from linter.display import json_text
from linter.formats import Summary
from linter.results import FileResult

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


class Formatter:
    def __init__(self, out: TextIO, notes: TextIO, quiet: bool = False) -> None:
        self.out = out
        self.items: list[dict[str, Any]] = []

    def file(self, result: FileResult) -> None:
        seen: dict[str, int] = {}
        for d in result.diagnostics:
            key = f"{d.path}\0{d.code}\0{d.message}"
            seen[key] = seen.get(key, 0) + 1
            fingerprint = hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()
            self.items.append(
                {
                    "description": d.message,
                    "check_name": f"{d.code} {d.name}",
                    "fingerprint": fingerprint,
                    "severity": _SEVERITY[d.severity.value],
                    "location": {
                        "path": d.path,
                        "positions": {
                            "begin": {"line": d.line, "column": d.column},
                            "end": {"line": d.end_line, "column": d.end_column},
                        },
                    },
                }
            )

    def finish(self, summary: Summary) -> None:
        self.out.write(json_text(self.items) + "\n")
