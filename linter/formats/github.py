"""github: GitHub Actions workflow commands, shown as annotations on pull request lines.

Text from articles is escaped as GitHub's runner expects, so that no file name or
message can end a command early or start another one. With GITHUB_STEP_SUMMARY set,
a Markdown summary is added to the job's page too.
"""

from __future__ import annotations

import os
from typing import TextIO

from linter.display import shown
from linter.formats import Style, Summary
from linter.results import FileResult

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class Formatter:
    NEEDS_LINES = False

    def __init__(self, out: TextIO, style: Style) -> None:
        self.out = out
        self.results: list[FileResult] = []

    def file(self, result: FileResult) -> None:
        self.results.append(result)
        if result.error is not None:
            where = escape_property(result.path)
            text = escape_data(shown(result.error))
            self.out.write(f"::error file={where},title=plainlint::{text}\n")
        for d in result.diagnostics:
            props = {
                "file": d.path,
                "line": str(d.line),
                "col": str(d.column),
                "endLine": str(d.end_line),
                "endColumn": str(d.end_column),
                "title": f"{d.code} {d.name}",
            }
            head = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
            body = "\n".join(shown(t) for t in [d.message, *d.suggestions])
            self.out.write(f"::{_LEVEL[d.severity.value]} {head}::{escape_data(body)}\n")

    def finish(self, summary: Summary) -> None:
        path = os.environ.get("GITHUB_STEP_SUMMARY")
        if path:
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(step_summary(self.results, summary))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def step_summary(results: list[FileResult], summary: Summary) -> str:
    lines = [
        "## plainlint",
        "",
        f"{summary.sentence()}",
        "",
        f"- Files looked at: {summary.files}",
        f"- Articles checked: {summary.checked}",
        f"- Skipped: {summary.skipped}",
        f"- Could not be read: {summary.errors}",
        "",
    ]
    if summary.by_code:
        lines += ["| Rule | Problems |", "| --- | ---: |"]
        lines += [f"| {code} | {n} |" for code, n in sorted(summary.by_code.items())]
        lines.append("")
    graded = [r for r in results if r.grade is not None and r.target is not None and r.profile]
    if graded:
        lines += [
            "| Article | Audience | Reading grade | Target | |",
            "| --- | --- | ---: | ---: | --- |",
        ]
        for r in graded:
            assert r.profile is not None and r.grade is not None and r.target is not None
            ok = "✅" if r.grade <= r.target else "❌ above target"
            lines.append(
                f"| {_cell(r.path)} | {r.profile.name} | {r.grade:.1f} | {r.target:g} | {ok} |"
            )
        lines.append("")
    return "\n".join(lines) + "\n"
