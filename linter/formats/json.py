"""json: a list of diagnostic objects, for scripts and editors."""

from __future__ import annotations

from typing import TextIO

from linter.display import json_text
from linter.formats import Style, Summary
from linter.results import FileResult


class Formatter:
    NEEDS_LINES = False

    def __init__(self, out: TextIO, style: Style) -> None:
        self.out = out
        self.items: list[dict[str, object]] = []

    def file(self, result: FileResult) -> None:
        self.items.extend(d.to_dict() for d in result.diagnostics)

    def finish(self, summary: Summary) -> None:
        self.out.write(json_text(self.items) + "\n")
