"""One check run through the real CLI: exit codes, notices, report options and output."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from conftest import SEED, plainlint_command, run_cli

ARTICLE = SEED.read_text(encoding="utf-8")
HEAD = "---\naudienceLevel: patient\n---\n\n# Your treatment\n\n"
LONG = (
    "This sentence is long on purpose and it goes on and on so that it passes the limit of "
    "twenty five words that the patient profile sets for every sentence.\n"
)
INFO_ONLY = HEAD + "You will have dialysis three times a week.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_env(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run(
        [*plainlint_command(), *args],
        cwd=cwd,
        env={**full, **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


# -- what was skipped, and why ----------------------------------------------------------


def test_an_audience_one_edit_from_a_profile_is_told_without_verbose(tmp_path: Path) -> None:
    write(tmp_path / "a.md", ARTICLE.replace("audienceLevel: patient", "audienceLevel: patients"))
    proc = run_cli("check", "--no-cache", "a.md", cwd=tmp_path)
    assert proc.returncode == 0
    assert "skipped a.md:" in proc.stderr and "'patient'" in proc.stderr
    # An audience far from every profile is an ordinary skip: only counted.
    write(tmp_path / "a.md", ARTICLE.replace("audienceLevel: patient", "audienceLevel: nurse"))
    quiet = run_cli("check", "--no-cache", "a.md", cwd=tmp_path)
    assert quiet.stderr == "" and "1 skipped" in quiet.stdout


def test_a_named_file_the_config_excludes_is_told(tmp_path: Path) -> None:
    write(tmp_path / ".plainlint.yaml", "exclude: ['drafts/**']\n")
    write(tmp_path / "drafts" / "a.md", ARTICLE)
    proc = run_cli("check", "--no-cache", "drafts/a.md", cwd=tmp_path)
    assert "drafts/a.md" in proc.stderr and "exclude" in proc.stderr
    folder = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert folder.stderr == ""


# -- one rule for the exit code ---------------------------------------------------------


def test_exit_codes_in_every_mode(tmp_path: Path) -> None:
    write(tmp_path / "warn.md", HEAD + LONG)
    write(tmp_path / "info.md", INFO_ONLY)
    write(tmp_path / ".plainlint.yaml", "severity:\n  PL101: info\n")
    assert run_cli("check", "--no-cache", "warn.md", cwd=tmp_path).returncode == 1
    assert run_cli("check", "--no-cache", "--diff", "warn.md", cwd=tmp_path).returncode == 1
    assert run_cli("check", "--no-cache", "--exit-zero", "warn.md", cwd=tmp_path).returncode == 0
    info = run_cli("check", "--no-cache", "--format", "json", "info.md", cwd=tmp_path)
    assert json.loads(info.stdout) and info.returncode == 0
    write(tmp_path / "bad.md", "---\naudienceLevel: [\n---\n")
    assert run_cli("check", "--no-cache", "--exit-zero", "bad.md", cwd=tmp_path).returncode == 2


def test_diff_prints_every_format_and_the_diff_on_stderr(tmp_path: Path) -> None:
    write(tmp_path / "a.md", ARTICLE)
    before = (tmp_path / "a.md").read_bytes()
    for name in ("json", "sarif", "gitlab", "junit", "jsonl", "rdjson", "github"):
        proc = run_cli("check", "--no-cache", "--diff", "--format", name, "a.md", cwd=tmp_path)
        assert proc.returncode == 1, name
        assert "PL301" in proc.stdout, name
        assert "--- a/a.md" in proc.stderr and "--- a/a.md" not in proc.stdout, name
        if name in ("json", "sarif", "gitlab", "rdjson"):
            json.loads(proc.stdout)
    assert (tmp_path / "a.md").read_bytes() == before


# -- conventions of ruff and Vale ---------------------------------------------------------


def test_output_file_holds_the_report(tmp_path: Path) -> None:
    write(tmp_path / "a.md", ARTICLE)
    proc = run_cli(
        "check", "--no-cache", "--format", "json", "-o", "out/r.json", "a.md", cwd=tmp_path
    )
    assert proc.returncode == 2 and "cannot write the report to 'out/r.json'" in proc.stderr
    proc = run_cli("check", "--no-cache", "--format", "json", "-o", "r.json", "a.md", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout == ""
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert {d["code"] for d in data} >= {"PL101", "PL201", "PL301"}


def test_statistics_counts_problems_per_rule_with_fixable_counts(tmp_path: Path) -> None:
    write(tmp_path / "a.md", ARTICLE)
    plain = run_cli("check", "--no-cache", "--format", "json", "a.md", cwd=tmp_path)
    counts: dict[str, int] = {}
    for d in json.loads(plain.stdout):
        counts[d["code"]] = counts.get(d["code"], 0) + 1
    proc = run_cli("check", "--no-cache", "--statistics", "a.md", cwd=tmp_path)
    assert proc.returncode == 1
    rows = {line.split()[1]: line for line in proc.stdout.splitlines() if " PL" in line}
    assert {code: int(line.split()[0]) for code, line in rows.items()} == counts
    assert "1 with --fix" in rows["PL101"]
    assert "with --unsafe-fixes" in rows["PL103"]
    as_json = run_cli(
        "check", "--no-cache", "--statistics", "--format", "json", "a.md", cwd=tmp_path
    )
    table = {row["code"]: row for row in json.loads(as_json.stdout)}
    assert table["PL101"]["count"] == counts["PL101"] and table["PL101"]["fixable"] == 1


def test_jsonl_is_one_problem_a_line(tmp_path: Path) -> None:
    write(tmp_path / "a.md", ARTICLE)
    full = json.loads(
        run_cli("check", "--no-cache", "--format", "json", "a.md", cwd=tmp_path).stdout
    )
    lines = run_cli("check", "--no-cache", "--format", "jsonl", "a.md", cwd=tmp_path).stdout
    assert [json.loads(line) for line in lines.splitlines()] == full


def test_rdjson_is_reviewdogs_diagnostic_format(tmp_path: Path) -> None:
    text = HEAD + "Café: your prognosis is good.\n"
    write(tmp_path / "a.md", text)
    data = json.loads(
        run_cli(
            "check", "--no-cache", "--format", "rdjson", "--select", "PL101", "a.md", cwd=tmp_path
        ).stdout
    )
    assert data["source"]["name"] == "plainlint"
    [d] = data["diagnostics"]
    assert d["code"]["value"] == "PL101"
    assert d["severity"] == "WARNING"
    assert d["location"]["path"] == "a.md"
    start = d["location"]["range"]["start"]
    # reviewdog counts columns in UTF-8 bytes: 'Café: your ' is 12 bytes.
    assert start == {"line": 7, "column": 13}


def test_colour_follows_the_terminal_and_no_color_and_force_color(tmp_path: Path) -> None:
    write(tmp_path / "a.md", HEAD + LONG)
    piped = run_env(["check", "--no-cache", "a.md"], tmp_path)
    assert "\x1b[" not in piped.stdout
    forced = run_env(["check", "--no-cache", "a.md"], tmp_path, FORCE_COLOR="1")
    assert "\x1b[" in forced.stdout
    assert forced.stdout.replace("\x1b[1m", "").count("PL201") == 1
    never = run_env(["check", "--no-cache", "a.md"], tmp_path, NO_COLOR="1")
    assert "\x1b[" not in never.stdout
    full = run_env(["check", "--no-cache", "--format", "full", "a.md"], tmp_path, FORCE_COLOR="1")
    assert "\x1b[" in full.stdout


def test_full_format_fits_the_terminal_width(tmp_path: Path) -> None:
    write(tmp_path / "a.md", ARTICLE)
    for width in (60, 100, 160):
        proc = run_env(
            ["check", "--no-cache", "--format", "full", "a.md"], tmp_path, COLUMNS=str(width)
        )
        source_lines = [line for line in proc.stdout.splitlines() if " | " in line[:8]]
        assert source_lines
        assert max(len(line) for line in source_lines) <= width, width
    wide = run_env(["check", "--no-cache", "--format", "full", "a.md"], tmp_path, COLUMNS="160")
    narrow = run_env(["check", "--no-cache", "--format", "full", "a.md"], tmp_path, COLUMNS="60")
    assert len(wide.stdout) > len(narrow.stdout)


def test_closing_line_says_what_fix_can_do_and_then_which_files_changed(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "a.md", ARTICLE)
    write(tmp_path / "docs" / "b.md", HEAD + "Rest well.\n")
    before = run_cli("check", "--no-cache", "docs", cwd=tmp_path).stdout.splitlines()
    assert before[-1] == "1 can be fixed with --fix (5 more with --unsafe-fixes)."
    fixed = run_cli("check", "--no-cache", "--fix", "docs", cwd=tmp_path).stdout.splitlines()
    assert fixed[-2].startswith("Fixed 1 problem in 1 file (docs/a.md). ")
    assert fixed[-1] == "5 can be fixed with --fix --unsafe-fixes; read the sentence after."


# -- the target an article is held to ----------------------------------------------------


def test_a_front_matter_grade_is_the_target_everywhere(tmp_path: Path) -> None:
    from test_action import run_step

    raised = ARTICLE.replace(
        "audienceLevel: patient",
        "audienceLevel: patient\nplainlint:\n  grade: 18\n  reason: a research summary",
        1,
    )
    write(tmp_path / "docs" / "a.md", raised)
    summary = tmp_path / "summary.md"
    proc = run_step({"PLAINLINT_PATHS": "docs", "GITHUB_STEP_SUMMARY": str(summary)}, tmp_path)
    assert "PL301" not in proc.stdout
    row = next(r for r in summary.read_text(encoding="utf-8").splitlines() if "docs/a.md" in r)
    assert "| 18 |" in row and "above target" not in row and "✅" in row
    report = tmp_path / "r.html"
    assert run_cli("report", "-o", str(report), "docs", cwd=tmp_path).returncode == 0
    html = report.read_text(encoding="utf-8")
    assert "over-target" not in html.split("<tbody>")[1].split("</tbody>")[0]
    assert "target 18" in html
