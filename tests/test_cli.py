"""The command line, through click's runner and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import ROOT, SEED, run_cli

from linter.cli import main
from linter.difficulty import weights

EXAMPLES = ROOT / "examples"
CLEAN = EXAMPLES / "managing-tiredness.md"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_concise_output_and_exit_code() -> None:
    result = invoke("check", str(SEED))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    found = [line for line in lines if line.startswith("Found ")]
    assert found == [lines[-2]] and "1 article checked" in found[0]
    assert lines[-1] == "1 can be fixed with --fix (5 more with --unsafe-fixes)."
    first = lines[0]
    assert first.endswith("PL301 Reading grade is " + first.split("grade is ")[1])
    assert ":20:3: PL301" in first


def test_clean_article_exits_zero() -> None:
    result = invoke("check", str(CLEAN))
    assert result.exit_code == 0
    assert "No problems found" in result.output


def test_full_format_shows_line_underline_and_help() -> None:
    result = invoke("check", str(SEED), "--format", "full", "--select", "PL101")
    out = result.output
    assert "PL101 [warning] 'prognosis'" in out
    assert "^^^^^^^^^" in out
    assert "= help: Or say it plainly" in out


def test_json_format_keys() -> None:
    result = invoke("check", str(SEED), "--format", "json")
    data = json.loads(result.output)
    assert data
    assert set(data[0]) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "name",
        "severity",
        "message",
        "subject",
        "highlight",
        "details",
        "suggestions",
        "fix",
    }
    assert {d["code"] for d in data} >= {"PL101", "PL201", "PL301", "PL103", "PL104"}


def test_select_and_ignore_by_code_prefix_and_name() -> None:
    only = json.loads(invoke("check", str(SEED), "--format", "json", "--select", "PL2").output)
    assert {d["code"] for d in only} == {"PL201"}
    rest = json.loads(
        invoke("check", str(SEED), "--format", "json", "--ignore", "long-sentence,PL3,PL1").output
    )
    assert {d["code"] for d in rest} == set()
    some = json.loads(
        invoke(
            "check",
            str(SEED),
            "--format",
            "json",
            "--select",
            "PL1",
            "--ignore",
            "PL102,PL103,PL104",
        ).output
    )
    assert {d["code"] for d in some} == {"PL101"}


def test_unknown_rule_and_format_are_usage_errors() -> None:
    assert invoke("check", str(SEED), "--select", "PL999").exit_code == 2
    bad = invoke("check", str(SEED), "--format", "xml")
    assert bad.exit_code == 2 and "unknown format" in bad.output


def test_quiet_and_verbose() -> None:
    quiet = invoke("check", str(EXAMPLES), "--quiet")
    assert "Found" not in quiet.output
    verbose = invoke("check", str(EXAMPLES), "--verbose")
    assert "skipped" in verbose.output and "professional" in verbose.output


def test_unreadable_and_non_utf8_files_are_reported_and_others_still_checked(
    tmp_path: Path,
) -> None:
    (tmp_path / "a-latin1.md").write_bytes(
        "---\naudienceLevel: patient\n---\n\nCaf\xe9.\n".encode("latin-1")
    )
    (tmp_path / "b.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("check", str(tmp_path))
    assert result.exit_code == 2
    assert "a-latin1.md: is not UTF-8 text" in result.output
    assert "b.md:20:3: PL301" in result.output
    assert "Traceback" not in result.output


def test_missing_path_is_an_error() -> None:
    result = invoke("check", "no/such/file.md")
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_rules_and_rule_commands() -> None:
    listing = invoke("rules").output
    assert "PL101" in listing and "long-sentence" in listing and "reading-grade" in listing
    for key in ("PL201", "long-sentence"):
        text = invoke("rule", key).output
        for part in ("## What it does", "## Why is this bad", "## Example", "## Use instead"):
            assert part in text
    assert invoke("rule", "PL999").exit_code == 2


def test_stats_table_and_json() -> None:
    table = invoke("stats", str(SEED)).output
    assert "Flesch-Kincaid grade" in table and "Longest sentences" in table
    data = json.loads(invoke("stats", str(SEED), "--format", "json").output)
    assert data["sentences"] > 30 and data["longest_sentences"][0]["words"] == 54
    assert set(data["grades"]) == {
        "flesch-kincaid",
        "smog",
        "coleman-liau",
        "ari",
        "gunning-fog",
        "dale-chall",
    }


def test_real_subprocess_run_on_examples() -> None:
    proc = run_cli("check", "examples", "--format", "concise", cwd=ROOT)
    assert proc.returncode == 1, proc.stderr
    assert "examples/pomalidomide-dexamethasone.md:20:3: PL301" in proc.stdout
    assert "managing-tiredness" not in proc.stdout
    assert proc.stderr == ""


NO_SOCKET = """
import sys
opened = []
def hook(event, args):
    if event.startswith("socket.") or event in ("urllib.Request", "http.client.connect"):
        opened.append(event)
        raise RuntimeError("network use: " + event)
sys.addaudithook(hook)
from linter.cli import main
try:
    main(["check", *sys.argv[1:]])
except SystemExit as exit:
    code = exit.code
assert not opened, opened
print("exit", code)
"""


def test_a_full_lint_run_opens_no_socket() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", NO_SOCKET, str(EXAMPLES), "--format", "full"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "exit 1" in proc.stdout
    assert "PL301" in proc.stdout


def test_stats_words_and_sentences() -> None:
    words = json.loads(invoke("stats", "--words", "--format", "json", str(SEED)).output)
    assert set(words[0]) == {"word", "syllables", "source"}
    by_word = {w["word"].lower(): w for w in words}
    assert by_word["neutropenia"] == {"word": "neutropenia", "syllables": 5, "source": "estimate"}
    assert by_word["patients"]["source"] == "dictionary"
    sentences = json.loads(invoke("stats", "--sentences", "--format", "json", str(SEED)).output)
    columns = ["line", "words", "grade", "difficulty", "rarity", "jargon", "dale_chall", "text"]
    assert set(sentences[0]) == set(columns)
    # The parts shown are the ones the score is made of: they add up to it.
    w = weights()
    for s in sentences:
        total = (
            w.rarity * s["rarity"] / max(1, s["words"]) ** w.length_power
            + w.jargon * s["jargon"]
            + w.dale_chall * s["dale_chall"]
        )
        assert abs(total - s["difficulty"]) < 0.2, s
    assert any(s["jargon"] for s in sentences) and any(s["rarity"] for s in sentences)
    longest = max(sentences, key=lambda s: s["words"])
    assert (longest["line"], longest["words"]) == (66, 54)
    table = invoke("stats", "--sentences", str(SEED)).output
    assert table.splitlines()[0].split() == columns
