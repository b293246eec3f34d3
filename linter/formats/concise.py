"""concise: one line per problem, `path:line:col: CODE message`."""

from __future__ import annotations

from typing import TextIO

from linter.diagnostics import Diagnostic
from linter.display import shown
from linter.formats import Style, Summary
from linter.results import FileResult

# ANSI colours, used only on a terminal (or with FORCE_COLOR), never with NO_COLOR.
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"
_LEVEL = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}


class Formatter:
    NEEDS_LINES = False

    def __init__(self, out: TextIO, style: Style) -> None:
        self.out = out
        self.style = style

    def paint(self, text: str, colour: str) -> str:
        return f"{colour}{text}{_RESET}" if self.style.color else text

    def head(self, d: Diagnostic) -> str:
        where = self.paint(f"{shown(d.path)}:{d.line}:{d.column}:", _BOLD)
        return f"{where} {self.paint(d.code, _LEVEL[d.severity.value])}"

    def file(self, result: FileResult) -> None:
        if result.diagnostics:
            self.out.write(
                "".join(f"{self.head(d)} {shown(d.message)}\n" for d in result.diagnostics)
            )

    def finish(self, summary: Summary) -> None:
        if not self.style.quiet:
            self.out.write(
                "".join(f"{line}\n" for line in [summary.sentence(), *summary.closing()])
            )
