"""full: each problem with its source line, the span underlined, and the suggestions."""

from __future__ import annotations

from linter.diagnostics import Diagnostic
from linter.display import shown
from linter.formats import concise
from linter.results import FileResult

_WIDTH = 100


def _piece(text: str) -> str:
    return shown(text.replace("\t", " "))


class Formatter(concise.Formatter):
    def file(self, result: FileResult) -> None:
        for d in result.diagnostics:
            self.out.write(self.render(d, result.lines.get(d.line, "")))

    def render(self, d: Diagnostic, line: str) -> str:
        head = (
            f"{shown(d.path)}:{d.line}:{d.column}: {d.code} [{d.severity.value}] {shown(d.message)}"
        )
        number = str(d.line)
        pad = " " * len(number)
        start = d.column - 1
        end = d.end_column - 1 if d.end_line == d.line else len(line)
        end = max(end, start + 1)
        # Long paragraphs are one line in Markdown: show a window around the problem.
        left = max(0, start - 20) if len(line) > _WIDTH else 0
        right = min(len(line), max(left + _WIDTH, min(end, left + _WIDTH)))
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < len(line) else ""
        # Escapes make some characters wider on screen: measure the marks on what is shown.
        before = _piece(line[left:start])
        marked = _piece(line[start : min(end, right)])
        after = _piece(line[min(end, right) : right])
        parts = [
            head,
            f"{pad} |",
            f"{number} | {prefix}{before}{marked}{after}{suffix}",
            f"{pad} | {' ' * (len(prefix) + len(before))}{'^' * max(1, len(marked))}",
        ]
        for suggestion in d.suggestions:
            parts.append(f"{pad} = help: {shown(suggestion)}")
        return "\n".join(parts) + "\n\n"
