"""full: each problem with its source line, the span underlined, and the suggestions, fitted
to the width of the terminal."""

from __future__ import annotations

from linter.diagnostics import Diagnostic
from linter.display import shown
from linter.formats import concise
from linter.results import FileResult


def _piece(text: str) -> str:
    return shown(text.replace("\t", " "))


class Formatter(concise.Formatter):
    NEEDS_LINES = True

    def file(self, result: FileResult) -> None:
        for d in result.diagnostics:
            self.out.write(self.render(d, result.lines.get(d.line, "")))

    def render(self, d: Diagnostic, line: str) -> str:
        head = f"{self.head(d)} [{d.severity.value}] {shown(d.message)}"
        number = str(d.line)
        pad = " " * len(number)
        # The source line's window: on a terminal, its width less the gutter.
        width = 100 if self.style.width is None else max(20, self.style.width - len(number) - 5)
        start = d.column - 1
        end = d.end_column - 1 if d.end_line == d.line else len(line)
        end = max(end, start + 1)
        # Long paragraphs are one line in Markdown: show a window around the problem.
        left = max(0, start - min(20, width // 5)) if len(line) > width else 0
        right = min(len(line), max(left + width, min(end, left + width)))
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < len(line) else ""
        # Escapes make some characters wider on screen: measure the marks on what is shown.
        before = _piece(line[left:start])
        marked = _piece(line[start : min(end, right)])
        after = _piece(line[min(end, right) : right])
        caret = self.paint("^" * max(1, len(marked)), concise._LEVEL[d.severity.value])
        parts = [
            head,
            f"{pad} |",
            f"{number} | {prefix}{before}{marked}{after}{suffix}",
            f"{pad} | {' ' * (len(prefix) + len(before))}{caret}",
        ]
        for suggestion in d.suggestions:
            parts.append(f"{pad} = help: {shown(suggestion)}")
        return "\n".join(parts) + "\n\n"
