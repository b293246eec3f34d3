"""concise: one line per problem, `path:line:col: CODE message`."""

from __future__ import annotations

from typing import TextIO

from linter.display import shown
from linter.formats import Summary
from linter.results import FileResult


class Formatter:
    def __init__(self, out: TextIO, notes: TextIO, quiet: bool = False) -> None:
        self.out = out
        self.notes = notes
        self.quiet = quiet

    def file(self, result: FileResult) -> None:
        if not result.diagnostics:
            return
        path = shown(result.path)
        self.out.write(
            "".join(
                f"{path}:{d.line}:{d.column}: {d.code} {shown(d.message)}\n"
                for d in result.diagnostics
            )
        )

    def finish(self, summary: Summary) -> None:
        if not self.quiet:
            self.out.write(summary.sentence() + "\n")
