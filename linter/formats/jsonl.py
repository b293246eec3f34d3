"""jsonl: one JSON object per problem, one per line (JSON Lines), for streaming tools."""

from __future__ import annotations

from typing import TextIO

from linter.display import json_text
from linter.formats import Style, Summary
from linter.results import FileResult


class Formatter:
    NEEDS_LINES = False

    def __init__(self, out: TextIO, style: Style) -> None:
        self.out = out

    def file(self, result: FileResult) -> None:
        self.out.write(
            "".join(json_text(d.to_dict(), indent=None) + "\n" for d in result.diagnostics)
        )

    def finish(self, summary: Summary) -> None:
        pass
