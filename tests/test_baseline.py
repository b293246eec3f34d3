"""Baselines through the real CLI: record today's problems, then see only new ones."""

from __future__ import annotations

from pathlib import Path

from conftest import SEED, run_cli

ARTICLE = SEED.read_text(encoding="utf-8")


def reported(out: str) -> list[str]:
    return [line for line in out.splitlines() if ": PL" in line]


def test_baseline_survives_edits_elsewhere_and_counts_what_is_gone(tmp_path: Path) -> None:
    article = tmp_path / "content" / "health" / "a.md"
    article.parent.mkdir(parents=True)
    article.write_text(ARTICLE, encoding="utf-8")
    wrote = run_cli("check", "--write-baseline", "base.json", "content", cwd=tmp_path)
    assert wrote.returncode == 0
    total = len(reported(run_cli("check", "--no-cache", "content", cwd=tmp_path).stdout))
    assert f"Wrote {total} problems to the baseline base.json." in wrote.stderr
    # Lines added above every problem move them all: none is new.
    moved = ARTICLE.replace("# ", "Rest well.\n\n# ", 1)
    article.write_text(moved, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--baseline", "base.json", "content", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    assert reported(proc.stdout) == []
    assert f"{total} problems in the baseline not shown." in proc.stdout
    # A problem fixed is counted as gone; a new one shows.
    fixed = moved.replace("prognosis", "outlook").replace("Rest well.", "Your neutropenia.")
    article.write_text(fixed, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--baseline", "base.json", "content", cwd=tmp_path)
    assert proc.returncode == 1
    assert [line.split(": ", 1)[1][:31] for line in reported(proc.stdout)] == [
        "PL101 'neutropenia' is jargon a"
    ]
    assert "1 baseline entry no longer found: refresh it with --write-baseline." in proc.stdout


def test_baseline_from_the_config_and_bad_baselines(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    run_cli("check", "--write-baseline", "b.json", "a.md", cwd=tmp_path)
    (tmp_path / ".plainlint.yaml").write_text("baseline: b.json\n", encoding="utf-8")
    assert run_cli("check", "--no-cache", "a.md", cwd=tmp_path).returncode == 0
    missing = run_cli("check", "--baseline", "nope.json", "a.md", cwd=tmp_path)
    assert missing.returncode == 2
    assert "baseline file 'nope.json' does not exist (make it with --write-baseline)" in (
        missing.stderr
    )
    (tmp_path / "b.json").write_text("[1, 2]", encoding="utf-8")
    broken = run_cli("check", "--no-cache", "a.md", cwd=tmp_path)
    assert broken.returncode == 2 and "is not a plainlint baseline file" in broken.stderr
    assert "Traceback" not in broken.stderr
