"""The real pre-commit, running plainlint's hooks from this checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

BAD = (
    "---\naudienceLevel: patient\n---\n\n# Your treatment\n\n"
    "Your prognosis depends on the regimen, and the median time to progression was longer "
    "in the randomized study that compared two drugs over many months of careful follow-up.\n"
)
GOOD = (
    "---\naudienceLevel: patient\n---\n\n# Rest and sleep\n\n"
    "Many people feel tired. Take a short walk each day. Go to bed at the same time.\n"
)

pytestmark = pytest.mark.skipif(
    not (ROOT / ".git").exists(), reason="pre-commit needs this checkout to be a git repository"
)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    # One pre-commit cache for the module, so each hook environment is built once.
    home = tmp_path_factory.mktemp("pre-commit-home")
    return {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def make_repo(tmp_path: Path, env: dict[str, str]) -> Path:
    repo = tmp_path / "site"
    repo.mkdir()
    for args in (
        ["git", "init", "-q"],
        ["git", "config", "user.email", "writer@example.org"],
        ["git", "config", "user.name", "Writer"],
    ):
        run(args, repo, env).check_returncode()
    (repo / "bad.md").write_text(BAD, encoding="utf-8")
    (repo / "good.md").write_text(GOOD, encoding="utf-8")
    return repo


PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def test_try_repo_fails_a_bad_article_and_passes_a_good_one(
    tmp_path: Path, env: dict[str, str]
) -> None:
    repo = make_repo(tmp_path, env)
    run(["git", "add", "."], repo, env).check_returncode()
    bad = run([*PRE_COMMIT, "try-repo", str(ROOT), "plainlint", "--files", "bad.md"], repo, env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "plainlint" in bad.stdout and "Failed" in bad.stdout
    assert "bad.md:7:1: PL201 This sentence has 28 words; the limit is 25." in bad.stdout
    assert "bad.md:7:6: PL101 'prognosis' is jargon" in bad.stdout
    good = run([*PRE_COMMIT, "try-repo", str(ROOT), "plainlint", "--files", "good.md"], repo, env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def test_installed_hook_blocks_the_commit_of_a_bad_article(
    tmp_path: Path, env: dict[str, str]
) -> None:
    head = run(["git", "rev-parse", "HEAD"], ROOT, env).stdout.strip()
    repo = make_repo(tmp_path, env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {head}\n  hooks:\n  - id: plainlint\n", encoding="utf-8"
    )
    run([*PRE_COMMIT, "install"], repo, env).check_returncode()
    run(["git", "add", "bad.md", ".pre-commit-config.yaml"], repo, env).check_returncode()
    blocked = run(["git", "commit", "-m", "Add an article"], repo, env)
    assert blocked.returncode != 0
    assert "PL201" in blocked.stdout + blocked.stderr
    assert run(["git", "log", "--oneline"], repo, env).stdout == ""
    run(["git", "reset", "-q", "bad.md"], repo, env).check_returncode()
    run(["git", "add", "good.md"], repo, env).check_returncode()
    passed = run(["git", "commit", "-m", "Add a plain article"], repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Add a plain article" in run(["git", "log", "--oneline"], repo, env).stdout


def test_file_names_that_look_like_options_are_checked_as_files(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """A pull request adds '--config=evil.md' (a config that switches every rule off) and
    '-x.md': pre-commit passes their names after the hook's options, with no '--'."""
    repo = make_repo(tmp_path, env)
    (repo / "--config=evil.md").write_text("ignore: [PL1, PL2, PL3]\n", encoding="utf-8")
    (repo / "-x.md").write_text(BAD, encoding="utf-8")
    run(["git", "add", "--", "."], repo, env).check_returncode()
    proc = run([*PRE_COMMIT, "try-repo", str(ROOT), "plainlint", "--all-files"], repo, env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "-x.md:7:1: PL201" in proc.stdout
    assert "bad.md:7:1: PL201" in proc.stdout
    assert "No such option" not in proc.stdout


def test_one_commit_gives_one_run_and_one_summary(tmp_path: Path, env: dict[str, str]) -> None:
    """pre-commit splits the files between processes unless the hook asks it not to."""
    repo = make_repo(tmp_path, env)
    for i in range(50):
        folder = repo / "content" / f"part{i % 5}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"article{i}.md").write_text(BAD, encoding="utf-8")
    run(["git", "add", "."], repo, env).check_returncode()
    proc = run([*PRE_COMMIT, "try-repo", str(ROOT), "plainlint", "--all-files"], repo, env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    summaries = [line for line in proc.stdout.splitlines() if line.startswith("Found ")]
    assert len(summaries) == 1, summaries
    assert "52 articles checked" in summaries[0]


OLD_LINE = "You may feel tired for a day or two after each dose.\n"
BASELINE_SITE = {
    "content/health/tired.md": BAD + "\n" + OLD_LINE,
    "content/health/sleep/rest.md": BAD.replace("Your treatment", "Rest"),
}


def test_with_a_baseline_the_hook_reports_only_what_an_edit_brought(
    tmp_path: Path, env: dict[str, str]
) -> None:
    head = run(["git", "rev-parse", "HEAD"], ROOT, env).stdout.strip()
    repo = tmp_path / "site"
    for rel, text in BASELINE_SITE.items():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(text, encoding="utf-8")
    (repo / ".plainlint.yaml").write_text("baseline: plainlint-baseline.json\n", encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {head}\n  hooks:\n  - id: plainlint\n", encoding="utf-8"
    )
    for args in (
        ["git", "init", "-q"],
        ["git", "config", "user.email", "writer@example.org"],
        ["git", "config", "user.name", "Writer"],
    ):
        run(args, repo, env).check_returncode()
    # Adopting: record today's problems, then commit with the hook on.
    plainlint = [sys.executable, "-m", "linter"]
    wrote = run([*plainlint, "check", "--write-baseline", "plainlint-baseline.json"], repo, env)
    assert wrote.returncode == 0, wrote.stdout + wrote.stderr
    assert "Wrote " in wrote.stderr
    run([*PRE_COMMIT, "install"], repo, env).check_returncode()
    run(["git", "add", "."], repo, env).check_returncode()
    first = run(["git", "commit", "-m", "Adopt plainlint"], repo, env)
    assert first.returncode == 0, first.stdout + first.stderr
    # The writer edits one old line and brings in a jargon word; the old long sentence
    # and the article's grade (already in the baseline) stay as they were.
    tired = repo / "content" / "health" / "tired.md"
    tired.write_text(
        BAD + "\n" + OLD_LINE.replace("each dose", "each dose, as neutropenia starts"),
        encoding="utf-8",
    )
    run(["git", "add", "."], repo, env).check_returncode()
    blocked = run(["git", "commit", "-m", "Edit a heading"], repo, env)
    assert blocked.returncode != 0
    out = blocked.stdout + blocked.stderr
    reported = [line for line in out.splitlines() if ": PL" in line]
    assert reported == [
        "content/health/tired.md:9:57: PL101 'neutropenia' is jargon and its first use has "
        "no glossary link."
    ], out
    assert "in the baseline not shown" in out


def test_the_hook_checks_mdx_articles_in_nested_folders(
    tmp_path: Path, env: dict[str, str]
) -> None:
    repo = make_repo(tmp_path, env)
    nested = repo / "docs" / "conditions"
    nested.mkdir(parents=True)
    (nested / "tired.mdx").write_text(BAD, encoding="utf-8")
    run(["git", "add", "."], repo, env).check_returncode()
    found = run([*PRE_COMMIT, "try-repo", str(ROOT), "plainlint", "--all-files"], repo, env)
    assert found.returncode == 1, found.stdout + found.stderr
    assert "docs/conditions/tired.mdx:7:6: PL101 'prognosis' is jargon" in found.stdout
