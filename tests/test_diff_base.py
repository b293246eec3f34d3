"""--diff-base against a real git repository made in the test."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import run_cli

HEAD = "---\naudienceLevel: patient\n---\n\n# Your treatment\n\n"
OLD_LONG = (
    "This old sentence was already far too long before the pull request came along and it "
    "goes on and on about many things that a patient would rather not read at all.\n"
)
NEW_LONG = (
    "This new sentence is also far too long because the writer of the pull request added it "
    "without splitting it into two or three shorter and clearer sentences for readers.\n"
)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def make_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "site"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "writer@example.org")
    git(repo, "config", "user.name", "Writer")
    (repo / "old.md").write_text(HEAD + OLD_LONG + "\nYou can rest.\n", encoding="utf-8")
    (repo / "untouched.md").write_text(HEAD + OLD_LONG, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    return repo


def lines_reported(out: str, name: str, code: str) -> list[int]:
    return [
        int(line.split(":")[1])
        for line in out.splitlines()
        if line.startswith(name) and code in line
    ]


def test_only_new_lines_are_reported(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / "old.md").write_text(
        HEAD + OLD_LONG + "\n" + NEW_LONG + "\nYou can rest.\n", encoding="utf-8"
    )
    (repo / "new.md").write_text(HEAD + NEW_LONG, encoding="utf-8")
    everything = run_cli("check", "--select", "PL201", ".", cwd=repo).stdout
    assert lines_reported(everything, "old.md", "PL201") == [7, 9]
    assert lines_reported(everything, "untouched.md", "PL201") == [7]
    proc = run_cli("check", "--select", "PL201", "--diff-base", "main", ".", cwd=repo)
    assert lines_reported(proc.stdout, "old.md", "PL201") == [9]
    assert lines_reported(proc.stdout, "untouched.md", "PL201") == []
    # A file the base does not have is new: all of it counts.
    assert lines_reported(proc.stdout, "new.md", "PL201") == [7]


def test_reading_grade_only_when_it_got_worse(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    # A harder sentence raises the grade: reported.
    (repo / "old.md").write_text(
        HEAD + OLD_LONG + "\nImmunomodulatory pharmacotherapy necessitates thromboprophylaxis.\n",
        encoding="utf-8",
    )
    worse = run_cli("check", "--select", "PL301", "--diff-base", "HEAD", "old.md", cwd=repo)
    assert lines_reported(worse.stdout, "old.md", "PL301") == [5]
    # A plain sentence added lowers the grade: the old problem is not this change's doing.
    (repo / "old.md").write_text(
        HEAD + OLD_LONG + "\nYou can rest. Drink water.\n", encoding="utf-8"
    )
    better = run_cli("check", "--select", "PL301", "--diff-base", "HEAD", "old.md", cwd=repo)
    assert lines_reported(better.stdout, "old.md", "PL301") == []
    assert better.returncode == 0


def test_bad_revision_is_a_clear_error(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    proc = run_cli("check", "--diff-base", "no-such-branch", ".", cwd=repo)
    assert proc.returncode == 2
    assert "'no-such-branch' is not a commit" in proc.stderr
    assert "Traceback" not in proc.stderr
