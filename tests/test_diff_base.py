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


# -- a site whose articles live in folders, as real sites keep them --------------------

JARGON_LONG = (
    "Patients receiving immunomodulatory pharmacotherapy with concomitant corticosteroids "
    "require thromboprophylaxis because venous thromboembolism and consequent pulmonary "
    "embolism are recognised complications necessitating anticoagulation during the "
    "induction phase of the regimen.\n"
)
PLAIN = "You can rest when you feel tired. Drink water. Ask your nurse for help.\n"


def make_site(tmp_path: Path) -> Path:
    """A site with articles two folders deep, on main; the caller then makes a branch."""
    repo = tmp_path / "site"
    for rel in ("content/health/tired.md", "content/health/sleep.md", "articles/eat.md"):
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(HEAD + PLAIN, encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "writer@example.org")
    git(repo, "config", "user.name", "Writer")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "pull-request")
    return repo


def problems(out: str) -> list[tuple[str, int, str]]:
    found = []
    for line in out.splitlines():
        parts = line.split(":")
        if len(parts) > 3 and parts[1].isdigit():
            found.append((parts[0], int(parts[1]), parts[3].split()[0]))
    return found


def test_nested_article_changes_are_reported_from_any_folder(tmp_path: Path) -> None:
    repo = make_site(tmp_path)
    tired = repo / "content" / "health" / "tired.md"
    tired.write_text(HEAD + PLAIN + "\n" + JARGON_LONG, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "add a hard sentence")
    whole = problems(run_cli("check", "--no-cache", "content", cwd=repo).stdout)
    added = [p for p in whole if p[0] == "content/health/tired.md"]
    assert {code for _, _, code in added} >= {"PL101", "PL201", "PL301"}
    # From the top of the repository, from the article's own folder and from outside.
    top = run_cli("check", "--no-cache", "--diff-base", "main", "content", cwd=repo)
    assert top.returncode == 1
    assert problems(top.stdout) == added
    inside = run_cli("check", "--no-cache", "--diff-base", "main", ".", cwd=tired.parent)
    assert [(f"content/health/{n}", line, c) for n, line, c in problems(inside.stdout)] == added
    outside = run_cli(
        "check", "--no-cache", "--diff-base", "main", str(repo / "content"), cwd=tmp_path
    )
    assert len(problems(outside.stdout)) == len(added)


def test_the_actions_own_run_step_reports_exactly_the_added_problems(tmp_path: Path) -> None:
    from test_action import run_step

    repo = make_site(tmp_path)
    tired = repo / "content" / "health" / "tired.md"
    tired.write_text(HEAD + PLAIN + "\n" + JARGON_LONG, encoding="utf-8")
    # The other article in the folder gets only a plain edit.
    sleep = repo / "content" / "health" / "sleep.md"
    sleep.write_text(HEAD + PLAIN + "\nSleep well.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "edit two articles")
    expected = [
        p
        for p in problems(run_cli("check", "--no-cache", "content", cwd=repo).stdout)
        if (p[0] == "content/health/tired.md" and p[1] >= 7) or p[2] == "PL301"
    ]
    assert any(code == "PL301" for _, _, code in expected)
    summary = tmp_path / "summary.md"
    proc = run_step(
        {
            "PLAINLINT_PATHS": "content articles",
            "PLAINLINT_DIFF_BASE": "main",
            "GITHUB_STEP_SUMMARY": str(summary),
        },
        repo,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    reported = []
    for line in proc.stdout.splitlines():
        if line.startswith("::") and "file=" in line:
            props = dict(
                p.split("=", 1) for p in line[2:].split("::")[0].split(" ", 1)[1].split(",")
            )
            title = props["title"].split()[0]
            reported.append((props["file"], int(props["line"]), title))
    assert sorted(reported) == sorted(expected)


def test_a_grade_that_got_better_is_not_reported(tmp_path: Path) -> None:
    repo = make_site(tmp_path)
    tired = repo / "content" / "health" / "tired.md"
    tired.write_text(HEAD + JARGON_LONG, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "hard")
    git(repo, "branch", "-f", "main")
    tired.write_text(HEAD + JARGON_LONG + "\n" + PLAIN, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--diff-base", "main", "content", cwd=repo)
    assert "PL301" not in proc.stdout


def test_renamed_article_reports_only_what_the_rename_changed(tmp_path: Path) -> None:
    repo = make_site(tmp_path)
    old = repo / "content" / "health" / "tired.md"
    old.write_text(HEAD + JARGON_LONG, encoding="utf-8")
    sleep = repo / "content" / "health" / "sleep.md"
    sleep.write_text(HEAD + PLAIN + "\nYour prognosis.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "hard")
    git(repo, "branch", "-f", "main")
    (repo / "content" / "care").mkdir()
    git(repo, "mv", "content/health/tired.md", "content/care/tiredness.md")
    new = repo / "content" / "care" / "tiredness.md"
    new.write_text(HEAD + JARGON_LONG + "\nThis new sentence has a prognosis in it.\n")
    # Other changes in the same diff, listed before and after the rename.
    (repo / "articles" / "eat.md").write_text(HEAD + PLAIN + "\nYour prognosis.\n")
    git(repo, "mv", "content/health/sleep.md", "content/care/sleep-well.md")
    (repo / "content" / "care" / "sleep-well.md").write_text(
        HEAD + PLAIN + "\nYour prognosis.\n\nYour regimen.\n", encoding="utf-8"
    )
    (repo / "content" / "health" / "zzz.md").write_text(HEAD + "Your prognosis.\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-am", "move and edit")
    proc = run_cli("check", "--no-cache", "--diff-base", "main", "content", "articles", cwd=repo)
    found = problems(proc.stdout)
    # Only the added line: the old sentence came with the rename.
    assert {line for name, line, _ in found if "tiredness" in name} == {9}, proc.stdout
    assert [(n, line) for n, line, _ in found if "eat.md" in n] == [("articles/eat.md", 9)]
    assert [(n, line) for n, line, _ in found if "sleep" in n] == [
        ("content/care/sleep-well.md", 11)
    ]
    # A new file: all of it counts.
    assert ("content/health/zzz.md", 7, "PL101") in found


def test_a_problem_on_the_line_before_a_changed_one_is_not_kept(tmp_path: Path) -> None:
    repo = make_site(tmp_path)
    article = repo / "articles" / "eat.md"
    article.write_text(HEAD + "Your prognosis.\n\nRest.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "base")
    git(repo, "branch", "-f", "main")
    article.write_text(HEAD + "Your prognosis.\n\nRest. Your regimen.\n", encoding="utf-8")
    found = problems(
        run_cli("check", "--no-cache", "--diff-base", "main", "articles", cwd=repo).stdout
    )
    assert [(line, code) for _, line, code in found] == [(9, "PL101")]


def test_a_problem_over_two_lines_is_kept_when_its_second_line_changed(tmp_path: Path) -> None:
    repo = make_site(tmp_path)
    article = repo / "articles" / "eat.md"
    first = "This sentence starts on one line and it goes on for quite a while without any\n"
    second_old = "stop so it is long.\n"
    article.write_text(HEAD + first + second_old, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "two lines")
    git(repo, "branch", "-f", "main")
    second_new = "stop at all, because the writer kept adding more and more and more words.\n"
    article.write_text(HEAD + first + second_new, encoding="utf-8")
    everything = problems(
        run_cli("check", "--no-cache", "--select", "PL201", "articles", cwd=repo).stdout
    )
    assert everything == [("articles/eat.md", 7, "PL201")]
    proc = run_cli(
        "check", "--no-cache", "--select", "PL201", "--diff-base", "main", "articles", cwd=repo
    )
    assert problems(proc.stdout) == everything
