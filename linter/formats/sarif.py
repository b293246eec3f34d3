"""sarif: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from linter import __version__
from linter.display import json_text
from linter.formats import Style, Summary
from linter.results import FileResult

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    # Paths are POSIX paths with '/' already; a backslash is part of a name (as in the
    # escapes of a name that is not UTF-8), so it is percent-encoded, not turned into '/'.
    return quote(PurePosixPath(path).as_posix())


class Formatter:
    NEEDS_LINES = False

    def __init__(self, out: TextIO, style: Style) -> None:
        self.out = out
        self.results: list[dict[str, Any]] = []
        self.artifacts: list[str] = []

    def file(self, result: FileResult) -> None:
        if result.error is None and result.skipped is None:
            self.artifacts.append(result.path)
        for d in result.diagnostics:
            item: dict[str, Any] = {
                "ruleId": d.code,
                "level": _LEVEL[d.severity.value],
                "message": {"text": "\n".join([d.message, *d.suggestions])},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(d.path)},
                            "region": {
                                "startLine": d.line,
                                "startColumn": d.column,
                                "endLine": d.end_line,
                                "endColumn": d.end_column,
                            },
                        }
                    }
                ],
            }
            if d.fix is not None:
                item["fixes"] = [
                    {
                        "description": {"text": f"{d.fix.message} ({d.fix.applicability.value})"},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": _uri(d.path)},
                                "replacements": [
                                    {
                                        "deletedRegion": {
                                            "charOffset": e.start,
                                            "charLength": e.end - e.start,
                                        },
                                        "insertedContent": {"text": e.text},
                                    }
                                    for e in d.fix.edits
                                ],
                            }
                        ],
                    }
                ]
            self.results.append(item)

    def finish(self, summary: Summary) -> None:
        from linter.rules import all_rules

        rules = list(all_rules())
        index = {r.code: i for i, r in enumerate(rules)}
        for item in self.results:
            item["ruleIndex"] = index[item["ruleId"]]
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "plainlint",
                            "version": __version__,
                            "informationUri": "https://pypi.org/project/plainlint/",
                            "rules": [
                                {
                                    "id": r.code,
                                    "name": r.name,
                                    "shortDescription": {"text": r.summary},
                                    "fullDescription": {"text": r.summary},
                                    "help": {"text": r.doc, "markdown": r.doc},
                                    "defaultConfiguration": {"level": _LEVEL[r.severity.value]},
                                    "properties": {"tags": list(r.tags)},
                                }
                                for r in rules
                            ],
                        }
                    },
                    # Columns and offsets count characters (code points), not UTF-16 units.
                    "columnKind": "unicodeCodePoints",
                    "artifacts": [{"location": {"uri": _uri(p)}} for p in self.artifacts],
                    "results": self.results,
                }
            ],
        }
        self.out.write(json_text(log) + "\n")
