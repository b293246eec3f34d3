"""Standard input, checked as if it were a file of the site: `check - --stdin-filename`."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import SEED, plainlint_command

ARTICLE = SEED.read_text(encoding="utf-8")


def run(args: list[str], cwd: Path, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*plainlint_command(), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def site(tmp_path: Path) -> Path:
    """A site whose config (a folder above the article, below where plainlint runs)
    ignores a rule and names a glossary."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / ".plainlint.yaml").write_text(
        "ignore: [PL103]\nglossary: glossary.yaml\n", encoding="utf-8"
    )
    (tmp_path / "content" / "glossary.yaml").write_text(
        "glossary:\n  - term: prognosis\n    url: /glossary/prognosis\n",
        encoding="utf-8",
    )
    article = tmp_path / "content" / "health" / "pomalidomide.md"
    article.parent.mkdir()
    article.write_text(ARTICLE, encoding="utf-8")
    return article


def test_stdin_gives_the_same_problems_as_the_file_twice_with_the_cache_on(
    tmp_path: Path,
) -> None:
    article = site(tmp_path)
    rel = "content/health/pomalidomide.md"
    from_file = run(["check", rel], tmp_path, "")
    assert from_file.returncode == 1
    assert "PL103" not in from_file.stdout
    for _ in range(2):
        piped = run(["check", "-", "--stdin-filename", rel], tmp_path, ARTICLE)
        assert piped.returncode == 1
        assert piped.stdout == from_file.stdout
    # Nothing about standard input is cached: only the file's own entry is there.
    entries = [p for p in (tmp_path / ".plainlint_cache").rglob("*") if p.is_file()]
    assert len([p for p in entries if p.suffix == ".json"]) == 1, entries
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_dev_stdin_is_read_once_and_checked(tmp_path: Path) -> None:
    site(tmp_path)
    rel = "content/health/pomalidomide.md"
    from_file = run(["check", rel], tmp_path, "")
    for _ in range(2):
        piped = run(["check", "/dev/stdin", "--stdin-filename", rel], tmp_path, ARTICLE)
        assert piped.returncode == 1, piped.stderr
        assert piped.stdout == from_file.stdout
    without_name = run(["check", "-"], tmp_path, ARTICLE)
    assert without_name.returncode == 1
    assert "-:20:3: PL301" in without_name.stdout
    assert "skipped" not in without_name.stdout + without_name.stderr


def test_fix_writes_the_fixed_text_to_stdout_and_the_report_to_stderr(tmp_path: Path) -> None:
    article = site(tmp_path)
    rel = "content/health/pomalidomide.md"
    piped = run(["check", "-", "--stdin-filename", rel, "--fix"], tmp_path, ARTICLE)
    fixed = piped.stdout
    # The glossary of the article's config gave the link.
    assert "(/glossary/prognosis)" in fixed and "(/glossary/prognosis)" not in ARTICLE
    # The fixed text is what --fix writes to the file itself.
    run(["check", "--fix", "--no-cache", rel], tmp_path, "")
    assert fixed == article.read_text(encoding="utf-8")
    assert "Fixed " in piped.stderr


def test_stdin_audience_comes_from_the_text_and_a_bad_byte_is_an_error(tmp_path: Path) -> None:
    site(tmp_path)
    clinician = ARTICLE.replace("audienceLevel: patient", "audienceLevel: clinician", 1)
    proc = run(["check", "-", "--stdin-filename", "content/health/x.md"], tmp_path, clinician)
    assert proc.returncode == 0 and "PL" not in proc.stdout
    raw = subprocess.run(
        [*plainlint_command(), "check", "-"],
        cwd=tmp_path,
        input=b"---\naudienceLevel: patient\n---\n\n\xff\xfe bad\n",
        capture_output=True,
        timeout=120,
    )
    assert raw.returncode == 2
    assert b"not UTF-8" in raw.stderr and b"Traceback" not in raw.stderr
