"""Only regular files inside the checked tree are read, within a size limit, and --fix
never writes through a link, to a read-only file, or outside the tree; it keeps hard
links and reports a folder it cannot write. Every test works in a temporary folder."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import run_cli

ARTICLE = (
    "---\naudienceLevel: patient\n---\n\n# Care\n\n"
    "Your [prognosis](/glossary/prognosis) is good.\n\nThe prognosis is good.\n"
)
GLOSSARY = "glossary:\n  - {term: prognosis, url: /glossary/prognosis}\n"
FIXED = ARTICLE.replace("Your [prognosis](/glossary/prognosis) is good", "Your prognosis is good")


def tree(tmp_path: Path) -> Path:
    """A site whose article has a safe fix: the glossary link moves to the first use."""
    root = tmp_path / "tree"
    root.mkdir()
    (root / "glossary.yaml").write_text(GLOSSARY)
    (root / ".plainlint.yaml").write_text("glossary: [glossary.yaml]\n")
    return root


def reversed_article() -> str:
    # The link is on the later use: --fix moves it to the first one.
    return (
        "---\naudienceLevel: patient\n---\n\n# Care\n\n"
        "Your prognosis is good.\n\nThe [prognosis](/glossary/prognosis) is good.\n"
    )


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.md")
    (tmp_path / "y.md").write_text(ARTICLE)
    for args in (["."], ["x.md", "y.md"], ["--jobs", "2", "."]):
        proc = run_cli("check", *args, cwd=tmp_path)  # run_cli times out after 120 s
        assert proc.returncode == 2, args
        assert "error: x.md: is a pipe (FIFO), not a file; not read" in proc.stderr
        assert "y.md:" in proc.stdout or "No problems" in proc.stdout


def test_a_link_to_a_device_is_never_read(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "zero.md").symlink_to("/dev/zero")
    (tmp_path / "site" / "urandom.md").symlink_to("/dev/urandom")
    proc = run_cli("check", "site", cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    assert (
        "skipped site/zero.md: is a link to a file outside the folder being checked" in proc.stderr
    )
    # Named on the command line, a link is followed only into the current folder.
    named = run_cli("check", "site/zero.md", cwd=tmp_path)
    assert "skipped site/zero.md: is a link" in named.stderr
    # A device inside the tree is refused as not a regular file.
    inside = run_cli("check", "--no-cache", "/dev/zero")
    assert inside.returncode == 2 and "is a device, not a file; not read" in inside.stderr


def test_files_over_the_size_limit_are_not_read(tmp_path: Path) -> None:
    (tmp_path / "big.md").write_text(ARTICLE + "Word. " * 200_000)  # 1.2 MB
    (tmp_path / "small.md").write_text(ARTICLE)
    (tmp_path / ".plainlint.yaml").write_text("max-file-size: 1\n")
    proc = run_cli("check", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert "error: big.md: is larger than 1 MB, the most plainlint reads" in proc.stderr
    assert "1 article checked (1 could not be read)" in proc.stdout
    (tmp_path / ".plainlint.yaml").write_text("max-file-size: 2\n")
    assert "big.md" not in run_cli("check", ".", cwd=tmp_path).stderr


def test_links_out_of_the_tree_are_not_followed_or_fixed(tmp_path: Path) -> None:
    root = tree(tmp_path)
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    secret = outside / "secret.md"
    secret.write_text(reversed_article())
    (outside / "folder" / "other.md").write_text(reversed_article())
    (root / "x.md").symlink_to("../outside/secret.md")
    (root / "linked-folder").symlink_to("../outside/folder", target_is_directory=True)
    proc = run_cli("check", "--fix", "tree", cwd=tmp_path)
    assert secret.read_text() == reversed_article()
    assert (outside / "folder" / "other.md").read_text() == reversed_article()
    assert "skipped tree/x.md: is a link to a file outside the folder being checked" in proc.stderr
    assert "skipped tree/linked-folder: is a link to a folder outside" in proc.stderr
    assert "other.md" not in proc.stdout


def test_fix_never_writes_through_a_link_inside_the_tree(tmp_path: Path) -> None:
    root = tree(tmp_path)
    real = root / "real.md"
    real.write_text(reversed_article())
    (root / "alias.md").symlink_to("real.md")
    proc = run_cli("check", "--fix", "tree/alias.md", cwd=tmp_path)
    assert "error: tree/alias.md: is a link; not fixed" in proc.stderr
    assert real.read_text() == reversed_article() and (root / "alias.md").is_symlink()


def test_fix_leaves_a_read_only_file_alone(tmp_path: Path) -> None:
    root = tree(tmp_path)
    article = root / "a.md"
    article.write_text(reversed_article())
    article.chmod(0o444)
    proc = run_cli("check", "--fix", "tree", cwd=tmp_path)
    assert proc.returncode == 2
    assert "error: tree/a.md: is read-only; not fixed" in proc.stderr
    assert article.read_text() == reversed_article()
    assert article.stat().st_mode & 0o777 == 0o444


def test_fix_keeps_hard_links(tmp_path: Path) -> None:
    root = tree(tmp_path)
    article = root / "a.md"
    article.write_text(reversed_article())
    twin = tmp_path / "twin.md"
    os.link(article, twin)
    inode = article.stat().st_ino
    proc = run_cli("check", "--fix", "tree", cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    assert article.stat().st_ino == inode and twin.stat().st_ino == inode
    assert "Your [prognosis](/glossary/prognosis) is good" in twin.read_text()
    assert sorted(p.name for p in root.iterdir()) == [".plainlint.yaml", "a.md", "glossary.yaml"]


@contextlib.contextmanager
def unwritable(folder: Path) -> Iterator[None]:
    """A folder whose entries cannot be added or renamed, even by root."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot make a folder unwritable as root: {made.stderr!r}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_fix_in_a_folder_it_cannot_write_says_so_and_goes_on(tmp_path: Path) -> None:
    root = tree(tmp_path)
    locked = root / "locked"
    locked.mkdir()
    (locked / "a.md").write_text(reversed_article())
    (root / "b.md").write_text(reversed_article())
    with unwritable(locked):
        proc = run_cli("check", "--no-cache", "--fix", "tree", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "error: tree/locked/a.md: not fixed: cannot write in its folder" in proc.stderr
    assert (locked / "a.md").read_text() == reversed_article()
    assert "Your [prognosis](/glossary/prognosis) is good" in (root / "b.md").read_text()
