"""junit: JUnit XML, for CI systems that show test reports. One test case per article;
each problem is a failure of its article's case."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from linter.display import shown
from linter.formats import Style, Summary
from linter.results import FileResult

# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    # Lines of the failure text stay lines; everything else unsafe is a visible escape.
    return _NOT_XML.sub("", "\n".join(shown(line) for line in text.split("\n")))


class Formatter:
    NEEDS_LINES = False

    def __init__(self, out: TextIO, style: Style) -> None:
        self.out = out
        self.suite = ET.Element("testsuite", name="plainlint")
        self.cases = 0
        self.failures = 0
        self.errors = 0

    def file(self, result: FileResult) -> None:
        if result.skipped is not None:
            return
        case = ET.SubElement(self.suite, "testcase", classname="plainlint", name=_xml(result.path))
        self.cases += 1
        if result.error is not None:
            self.errors += 1
            ET.SubElement(case, "error", message=_xml(result.error))
            return
        if not result.diagnostics:
            return
        self.failures += 1
        lines = [
            f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}"
            + "".join(f"\n    help: {s}" for s in d.suggestions)
            for d in result.diagnostics
        ]
        failure = ET.SubElement(
            case,
            "failure",
            message=_xml(_problems(len(result.diagnostics))),
            type="plainlint",
        )
        failure.text = _xml("\n".join(lines))

    def finish(self, summary: Summary) -> None:
        self.suite.set("tests", str(self.cases))
        self.suite.set("failures", str(self.failures))
        self.suite.set("errors", str(self.errors))
        root = ET.Element("testsuites")
        root.append(self.suite)
        ET.indent(root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(ET.tostring(root, encoding="unicode") + "\n")


def _problems(n: int) -> str:
    return "1 plain-language problem" if n == 1 else f"{n} plain-language problems"
