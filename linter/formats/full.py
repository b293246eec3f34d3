"""full: each problem with its source line, the span underlined, and the suggestions."""

from __future__ import annotations

from linter.diagnostics import Diagnostic
from linter.formats import clean, concise
from linter.results import FileResult

_WIDTH = 100


class Formatter(concise.Formatter):
    def file(self, result: FileResult) -> None:
        for d in result.diagnostics:
            self.out.write(self.render(d, result.lines.get(d.line, "")))

    def render(self, d: Diagnostic, line: str) -> str:
        head = (
            f"{clean(d.path)}:{d.line}:{d.column}: {d.code} [{d.severity.value}] {clean(d.message)}"
        )
        number = str(d.line)
        pad = " " * len(number)
        start = d.column - 1
        end = d.end_column - 1 if d.end_line == d.line else len(line)
        end = max(end, start + 1)
        # Long paragraphs are one line in Markdown: show a window around the problem.
        left = max(0, start - 20) if len(line) > _WIDTH else 0
        right = min(len(line), max(left + _WIDTH, min(end, left + _WIDTH)))
        shown = clean(line[left:right])
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < len(line) else ""
        mark_start = start - left + len(prefix)
        mark_len = max(1, min(end, right) - start)
        parts = [
            head,
            f"{pad} |",
            f"{number} | {prefix}{shown}{suffix}",
            f"{pad} | {' ' * mark_start}{'^' * mark_len}",
        ]
        for suggestion in d.suggestions:
            parts.append(f"{pad} = help: {clean(suggestion)}")
        return "\n".join(parts) + "\n\n"
