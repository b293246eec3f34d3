"""rdjson: the Reviewdog Diagnostic Format (DiagnosticResult as JSON), for reviewdog.

Columns are counted in UTF-8 bytes, as the format asks; the end of a range is exclusive.
"""

from __future__ import annotations

from typing import Any, TextIO

from linter.diagnostics import Diagnostic
from linter.display import json_text
from linter.formats import Style, Summary
from linter.results import FileResult

_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
URL = "https://pypi.org/project/plainlint/"


def _byte_column(line: str, column: int) -> int:
    return len(line[: column - 1].encode("utf-8", "surrogatepass")) + 1


class Formatter:
    NEEDS_LINES = True

    def __init__(self, out: TextIO, style: Style) -> None:
        self.out = out
        self.items: list[dict[str, Any]] = []

    def _position(self, result: FileResult, line: int, column: int) -> dict[str, int]:
        text = result.lines.get(line)
        col = column if text is None else _byte_column(text, column)
        return {"line": line, "column": col}

    def _item(self, result: FileResult, d: Diagnostic) -> dict[str, Any]:
        return {
            "message": "\n".join([d.message, *d.suggestions]),
            "location": {
                "path": d.path,
                "range": {
                    "start": self._position(result, d.line, d.column),
                    "end": self._position(result, d.end_line, d.end_column),
                },
            },
            "severity": _SEVERITY[d.severity.value],
            "code": {"value": d.code, "url": URL},
        }

    def file(self, result: FileResult) -> None:
        self.items.extend(self._item(result, d) for d in result.diagnostics)

    def finish(self, summary: Summary) -> None:
        result = {"source": {"name": "plainlint", "url": URL}, "diagnostics": self.items}
        self.out.write(json_text(result) + "\n")
