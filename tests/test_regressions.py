"""Bugs that were made on purpose, one at a time, and passed the suite unnoticed: each has
a test here (or names the test that now catches it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, run_cli
from test_formats import hostile_result, render, unescape_data
from test_registry import PYTHON, copy_env

from linter.formats.github import escape_data

HEAD = "---\naudienceLevel: patient\n---\n\n# Your care\n\n"
LONG = (
    "This sentence is long on purpose and it goes on and on so that it passes the limit of "
    "twenty five words that the patient profile sets for every sentence.\n"
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_full_format_underline_sits_under_its_words(tmp_path: Path) -> None:
    write(tmp_path / "a.md", HEAD + "Ask about your prognosis today.\n")
    out = run_cli(
        "check", "--no-cache", "--format", "full", "--select", "PL101", "a.md", cwd=tmp_path
    )
    lines = out.stdout.splitlines()
    source = next(line for line in lines if line.startswith("7 | "))
    marks = lines[lines.index(source) + 1]
    start = marks.index("^")
    assert source[start : start + len("prognosis")] == "prognosis"
    assert marks[start:].rstrip() == "^" * len("prognosis")


def test_disable_next_line_counts_from_the_comments_last_line(tmp_path: Path) -> None:
    body = "<!-- plainlint-disable-next-line PL201\n     -- a quotation -->\n" + LONG
    write(tmp_path / "a.md", HEAD + body)
    proc = run_cli("check", "--no-cache", "--select", "PL201", "a.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    # The line after the comment's first line is the comment itself: nothing to switch off.
    write(tmp_path / "b.md", HEAD + "<!-- plainlint-disable-next-line PL201 -->\n\n" + LONG)
    assert "b.md:9:1: PL201" in run_cli("check", "--no-cache", "b.md", cwd=tmp_path).stdout


def test_percent_is_escaped_in_github_workflow_data() -> None:
    assert escape_data("5%0A of 100%") == "5%250A of 100%25"
    result = hostile_result()
    result.diagnostics[0].message = "grew by 5%0A in a year"
    out = render("github", [result])
    assert "5%250A" in out
    data = out.splitlines()[0].split("::", 2)[2]
    assert unescape_data(data).startswith("grew by 5%0A in a year")


def test_dale_chall_adjustment_threshold() -> None:
    """Caught by test_shipped_data.test_the_dale_chall_adjustment_starts_at_five_percent."""
    from test_shipped_data import test_the_dale_chall_adjustment_starts_at_five_percent

    test_the_dale_chall_adjustment_starts_at_five_percent()


def test_diff_base_keeps_a_problem_whose_second_line_changed(tmp_path: Path) -> None:
    """Caught by test_diff_base.test_a_problem_over_two_lines_is_kept_when_its_second_line_changed."""
    from test_diff_base import test_a_problem_over_two_lines_is_kept_when_its_second_line_changed

    test_a_problem_over_two_lines_is_kept_when_its_second_line_changed(tmp_path)


def test_the_cache_key_includes_what_the_format_keeps(tmp_path: Path) -> None:
    write(tmp_path / "a.md", HEAD + LONG)
    first = run_cli("check", "a.md", cwd=tmp_path)
    assert first.returncode == 1
    full = run_cli("check", "--format", "full", "a.md", cwd=tmp_path).stdout
    source = [line for line in full.splitlines() if line.startswith("7 | ")]
    assert source and source[0].startswith("7 | This sentence is long on purpose")


def test_a_profiles_severity_is_used(tmp_path: Path) -> None:
    write(tmp_path / ".plainlint.yaml", "profiles:\n  patient:\n    severity: {PL201: error}\n")
    write(tmp_path / "a.md", HEAD + LONG)
    for cache in ((), ("--no-cache",)):
        data = json.loads(run_cli("check", *cache, "--format", "json", "a.md", cwd=tmp_path).stdout)
        assert [d["severity"] for d in data if d["code"] == "PL201"] == ["error"]
    write(tmp_path / ".plainlint.yaml", "profiles:\n  patient:\n    severity: {PL201: info}\n")
    proc = run_cli("check", "--format", "json", "--select", "PL201", "a.md", cwd=tmp_path)
    assert json.loads(proc.stdout)[0]["severity"] == "info" and proc.returncode == 0


def test_the_cache_key_includes_the_rule_packs_contents(tmp_path: Path) -> None:
    copy = tmp_path / "plainlint"
    shutil.copytree(ROOT / "linter", copy / "linter", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", copy / "rules")
    article = write(tmp_path / "site" / "a.md", HEAD + "Please utilize the inhaler.\n")

    def check() -> str:
        proc = subprocess.run(
            [*PYTHON, "-m", "linter", "check", "--format", "json", "--select", "PL103", "a.md"],
            cwd=article.parent,
            env=copy_env(copy),
            capture_output=True,
            text=True,
            timeout=120,
        )
        return json.loads(proc.stdout)[0]["message"]

    assert "'use'" in check()
    assert "'use'" in check()  # from the cache
    words = copy / "rules" / "complex-words.yaml"
    words.write_text(
        words.read_text(encoding="utf-8").replace("  utilize: use\n", "  utilize: make use of\n"),
        encoding="utf-8",
    )
    assert "'make use of'" in check()
    assert os.path.isdir(article.parent / ".plainlint_cache")
