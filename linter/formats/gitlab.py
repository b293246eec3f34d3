"""gitlab: GitLab Code Quality JSON, shown in merge requests.

Fingerprints depend on the file, the rule and the words the problem points at (not on
line numbers or messages), so a problem keeps its fingerprint when lines around it move or
change: the same fingerprints as a baseline's.
"""

from __future__ import annotations

from typing import Any, TextIO

from linter.baseline import fingerprints
from linter.display import json_text
from linter.formats import Style, Summary
from linter.results import FileResult

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


class Formatter:
    NEEDS_LINES = False

    def __init__(self, out: TextIO, style: Style) -> None:
        self.out = out
        self.items: list[dict[str, Any]] = []

    def file(self, result: FileResult) -> None:
        prints = fingerprints(result.path, result.diagnostics)
        for d, fingerprint in zip(result.diagnostics, prints, strict=True):
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
