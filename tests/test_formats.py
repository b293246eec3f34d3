"""CI output formats: GitHub workflow commands, SARIF, GitLab Code Quality, JUnit."""

from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import ROOT, SEED, run_cli

from linter.cli import main
from linter.diagnostics import Diagnostic, Severity, Span
from linter.formats import Style, Summary, formatter
from linter.results import FileResult

SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text())


# GitHub's runner (ActionCommand.cs): properties and data are unescaped like this.
def unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return (
        text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


COMMAND = re.compile(r"^::(\w+) ([^:]*)::(.*)$")


def parse_commands(output: str) -> list[tuple[str, dict[str, str], str]]:
    """Read workflow commands as the runner does: one per line, '::' ends the properties."""
    commands = []
    for line in output.splitlines():
        m = COMMAND.match(line)
        assert m, f"not a single well-formed command: {line!r}"
        props = {}
        for part in m.group(2).split(","):
            key, _, value = part.partition("=")
            props[key] = unescape_property(value)
        commands.append((m.group(1), props, unescape_data(m.group(3))))
    return commands


def render(name: str, results: list[FileResult]) -> str:
    out = io.StringIO()
    fmt = formatter(name)(out, Style(quiet=False, color=False, width=None))
    summary = Summary()
    for r in results:
        summary.add(r)
        fmt.file(r)
    fmt.finish(summary)
    return out.getvalue()


HOSTILE_PATH = "docs/a,b:c%41.md"
HOSTILE_MESSAGE = "'open::label\nx' is jargon,\r\n::error file=evil.md::injected 100%"


def hostile_result() -> FileResult:
    d = Diagnostic(
        "PL101",
        "jargon-without-link",
        Severity.WARNING,
        HOSTILE_MESSAGE,
        Span(0, 4),
        ["Say it: 'a::b'\n::warning::no"],
    )
    d.path, d.line, d.column, d.end_line, d.end_column = HOSTILE_PATH, 3, 5, 4, 2
    return FileResult(HOSTILE_PATH, [d])


def test_github_round_trips_hostile_names_and_text_exactly() -> None:
    output = render("github", [hostile_result()])
    [(kind, props, data)] = parse_commands(output)
    assert kind == "warning"
    assert props == {
        "file": HOSTILE_PATH,
        "line": "3",
        "col": "5",
        "endLine": "4",
        "endColumn": "2",
        "title": "PL101 jargon-without-link",
    }
    # Newlines inside a message or a suggestion are shown as escapes; each suggestion is a line.
    assert data == (
        "'open::label\\x0ax' is jargon,\\x0d\\x0a::error file=evil.md::injected 100%"
        "\nSay it: 'a::b'\\x0a::warning::no"
    )


def test_github_end_to_end_with_a_hostile_file_name(tmp_path: Path) -> None:
    name = "a,b:c.md"
    (tmp_path / name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    proc = run_cli("check", "--format", "github", "--select", "PL101", name, cwd=tmp_path)
    commands = parse_commands(proc.stdout)
    assert commands and all(props["file"] == name for _, props, _ in commands)
    assert any("'prognosis' is jargon" in data for _, _, data in commands)


def test_github_step_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = CliRunner().invoke(main, ["check", "--format", "github", str(ROOT / "examples")])
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# earlier step\n## plainlint")
    assert "| PL201 |" in text and "Articles checked: 2" in text
    assert re.search(r"pomalidomide-dexamethasone\.md \| patient \| 1\d\.\d \| 8 \| ❌", text)
    assert re.search(r"managing-tiredness\.md \| patient \| \d\.\d \| 8 \| ✅", text)


def test_sarif_of_the_seed_article_validates_against_the_schema() -> None:
    result = CliRunner().invoke(main, ["check", "--format", "sarif", str(SEED)])
    log = json.loads(result.output)
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "PL201" in ids and all(r["help"]["text"] for r in run["tool"]["driver"]["rules"])
    first = run["results"][0]
    assert first["ruleId"] == ids[first["ruleIndex"]]
    assert first["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_sarif_with_fixes_and_hostile_text_validates(tmp_path: Path) -> None:
    (tmp_path / "glossary.yaml").write_text(
        (ROOT / "examples" / "glossary.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    config = tmp_path / ".plainlint.yaml"
    config.write_text("glossary: [glossary.yaml]\n", encoding="utf-8")
    article = tmp_path / "seed.md"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "sarif", str(article)])
    log = json.loads(result.output)
    jsonschema.validate(log, SCHEMA)
    assert any("fixes" in r for r in log["runs"][0]["results"])
    hostile = json.loads(render("sarif", [hostile_result()]))
    jsonschema.validate(hostile, SCHEMA)
    result = hostile["runs"][0]["results"][0]
    # Every character of the message and the help, exactly; the path as a URI that
    # decodes to it (',' ':' and '%' escaped).
    assert result["message"]["text"] == HOSTILE_MESSAGE + "\nSay it: 'a::b'\n::warning::no"
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    from urllib.parse import unquote

    assert unquote(uri) == HOSTILE_PATH and "%2541" in uri
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 5)
    assert (region["endLine"], region["endColumn"]) == (4, 2)


def test_gitlab_fingerprints_are_stable_and_unique() -> None:
    first = json.loads(CliRunner().invoke(main, ["check", "--format", "gitlab", str(SEED)]).output)
    second = json.loads(CliRunner().invoke(main, ["check", "--format", "gitlab", str(SEED)]).output)
    assert first == second
    prints = [i["fingerprint"] for i in first]
    assert len(prints) == len(set(prints))
    assert {i["severity"] for i in first} <= {"info", "minor", "major", "critical", "blocker"}
    assert all(i["location"]["positions"]["begin"]["line"] >= 1 for i in first)


def test_gitlab_fingerprint_survives_lines_moving(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    text = SEED.read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    before = json.loads(
        CliRunner().invoke(main, ["check", "--format", "gitlab", str(article)]).output
    )
    article.write_text(
        text.replace("\n# Pomalidomide plus", "\n\n\n# Pomalidomide plus"), encoding="utf-8"
    )
    after = json.loads(
        CliRunner().invoke(main, ["check", "--format", "gitlab", str(article)]).output
    )
    assert {i["fingerprint"] for i in before} == {i["fingerprint"] for i in after}


def test_junit_is_well_formed_even_with_hostile_text() -> None:
    bad = hostile_result()
    bad.diagnostics[0].message += " \x1b[31m\x00 <b>&amp;</b>"
    xml = render(
        "junit", [bad, FileResult("ok.md"), FileResult("bad.md", error="bad.md: not UTF-8")]
    )
    root = ET.fromstring(xml)
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    case = suite.find("testcase")
    assert case is not None and case.get("name") == HOSTILE_PATH
    failure = suite.find("testcase/failure")
    assert failure is not None
    assert failure.get("message") == "1 plain-language problem"
    # The message's lines stay lines; the escape and the NUL show as visible text.
    assert failure.text == (
        f"{HOSTILE_PATH}:3:5: PL101 'open::label\nx' is jargon,\\x0d\n"
        "::error file=evil.md::injected 100% \\x1b[31m\\x00 <b>&amp;</b>\n"
        "    help: Say it: 'a::b'\n::warning::no"
    )
    error = suite.findall("testcase")[2].find("error")
    assert error is not None and error.get("message") == "bad.md: not UTF-8"


def test_json_keeps_hostile_names_and_text_exactly() -> None:
    for name in ("json", "jsonl"):
        data = render(name, [hostile_result()])
        [item] = json.loads(data) if name == "json" else [json.loads(data)]
        assert item["path"] == HOSTILE_PATH
        assert item["message"] == HOSTILE_MESSAGE
        assert item["suggestions"] == ["Say it: 'a::b'\n::warning::no"]
        assert (item["line"], item["column"], item["end_line"], item["end_column"]) == (3, 5, 4, 2)


def test_junit_from_the_cli() -> None:
    result = CliRunner().invoke(main, ["check", "--format", "junit", str(ROOT / "examples")])
    root = ET.fromstring(result.output)
    names = [c.get("name") for c in root.iter("testcase")]
    assert any(n.endswith("managing-tiredness.md") for n in names)
    assert os.path.basename(names[0]).endswith(".md")
    messages = [f.get("message") for f in root.iter("failure")]
    assert any(m and m.split()[0] != "1" and m.endswith("problems") for m in messages), messages


def _full(
    line: str, column: int, end_column: int, width: int | None, end_line: int = 3
) -> list[str]:
    from linter.formats.full import Formatter as Full

    d = Diagnostic("PL101", "jargon-without-link", Severity.WARNING, "m", Span(0, 1), ["h"])
    d.path, d.line, d.column, d.end_line, d.end_column = "a.md", 3, column, end_line, end_column
    out = io.StringIO()
    Full(out, Style(quiet=False, color=False, width=width)).file(
        FileResult("a.md", [d], lines={3: line})
    )
    return out.getvalue().splitlines()


def test_full_format_windows_long_lines_exactly() -> None:
    short = _full("Ask about your prognosis.", 16, 25, None)
    assert short == [
        "a.md:3:16: PL101 [warning] m",
        "  |",
        "3 | Ask about your prognosis.",
        "  |                ^^^^^^^^^",
        "  = help: h",
        "",
    ]
    line = "a" * 100 + "TARGET" + "b" * 194
    # A 60-column terminal leaves 54 for the text: 10 characters before the problem.
    window = _full(line, 101, 107, 60)
    assert window[2] == "3 | …" + "a" * 10 + "TARGET" + "b" * 38 + "…"
    assert window[3] == "  |  " + " " * 10 + "^^^^^^"
    # Over two lines: marked to the end of the first line's window.
    two = _full("See the regimen", 9, 3, None, end_line=4)
    assert two[2:4] == ["3 | See the regimen", "  |         ^^^^^^^"]
    # At the very end of a long line, and a problem of no width still gets one mark.
    end = _full("c" * 150, 150, 150, None)
    # (20 characters of context before it, then the line ends.)
    assert end[2] == "3 | …" + "c" * 21 and end[3] == "  |  " + " " * 20 + "^"


def test_summary_lines_read_well_for_every_count() -> None:
    from linter.diagnostics import Applicability, Edit, Fix

    empty = Summary()
    assert (empty.sentence(), empty.closing()) == ("No problems found. 0 articles checked.", [])
    s = Summary()
    d = hostile_result().diagnostics[0]
    d.fix = Fix("f", Applicability.SAFE, (Edit(0, 1, "x"),))
    s.add(FileResult("a.md", [d]))
    s.add(FileResult("b.md", skipped="no audienceLevel"))
    s.add(FileResult("c.md", error="c.md: not UTF-8"))
    assert s.files == 3
    assert s.sentence() == "Found 1 problem. 1 article checked (1 skipped, 1 could not be read)."
    assert s.closing() == ["1 can be fixed with --fix."]
    s.baseline_hidden, s.baseline_gone = 1, 1
    assert s.closing()[1] == (
        "1 problem in the baseline not shown. 1 baseline entry no longer found: "
        "refresh it with --write-baseline."
    )
    s.baseline_gone = 2
    assert s.closing()[1].endswith(
        "2 baseline entries no longer found: refresh it with --write-baseline."
    )


def test_full_format_on_a_very_narrow_terminal_keeps_twenty_columns() -> None:
    line = "a" * 100 + "TARGET" + "b" * 194
    narrow = _full(line, 101, 107, 10)
    assert narrow[2] == "3 | …" + "a" * 4 + "TARGET" + "b" * 10 + "…"
