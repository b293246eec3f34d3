"""The result cache owns only what it made: it never deletes, follows or fills a folder
that is not its own. Every test works in a temporary folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

from conftest import ROOT, run_cli

EXAMPLES = ROOT / "examples"


def snapshot(folder: Path) -> dict[str, object]:
    """Every name under a folder with its bytes (files) or target (links), links not followed."""
    out: dict[str, object] = {}
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink():
                out[rel] = ("link", os.readlink(path))
            elif path.is_dir():
                out[rel] = ("dir",)
            else:
                out[rel] = ("file", path.read_bytes(), path.stat().st_mode)
    return out


def site(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    return tmp_path


def test_a_folder_holding_anything_else_keeps_every_byte(tmp_path: Path) -> None:
    site(tmp_path)
    c = tmp_path / "c"
    (c / "keep").mkdir(parents=True)
    (c / "keep" / "notes.txt").write_text("mine\n")
    (c / ".hidden").write_text("secret\n")
    (c / "0.0.1-0123456789abcdef" / "ab").mkdir(parents=True)  # looks like a version folder
    (c / "0.0.1-0123456789abcdef" / "ab" / f"{'a' * 64}.json").write_text("{}")
    (c / "link").symlink_to(tmp_path / "examples")
    before = snapshot(c)
    examples = snapshot(tmp_path / "examples")
    proc = run_cli("check", "--cache-dir", "c", "examples", cwd=tmp_path)
    assert proc.returncode == 2
    assert "error: cache folder 'c' already holds files that plainlint did not make" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert snapshot(c) == before
    assert snapshot(tmp_path / "examples") == examples


def test_the_project_root_and_git_folders_are_refused(tmp_path: Path) -> None:
    site(tmp_path)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "keep.md").write_text("kept\n")
    before = snapshot(tmp_path)
    for cache_dir, reason in (
        (".", "holds the files being checked"),
        ("..", "holds the files being checked"),
        (".git", "is inside a git folder"),
        (".git/plainlint", "is inside a git folder"),
        ("examples", "holds the files being checked"),
    ):
        proc = run_cli("check", "--cache-dir", cache_dir, "examples", cwd=tmp_path)
        assert proc.returncode == 2, cache_dir
        assert reason in proc.stderr, (cache_dir, proc.stderr)
    assert snapshot(tmp_path) == before


def test_a_committed_link_as_the_cache_folder_is_never_followed(tmp_path: Path) -> None:
    repo = site(tmp_path / "repo")
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "photos").mkdir(parents=True)
    (elsewhere / "photos" / "cat.jpg").write_bytes(b"\xff\xd8 not really")
    (elsewhere / "0.1.0-0123456789abcdef").mkdir()
    (repo / ".plainlint_cache").symlink_to("../elsewhere")
    before = snapshot(elsewhere)
    proc = run_cli("check", "examples", cwd=repo)
    assert proc.returncode == 2
    assert "cache folder '.plainlint_cache' is a link" in proc.stderr
    assert snapshot(elsewhere) == before


def test_cleaning_removes_only_plainlint_entries(tmp_path: Path) -> None:
    site(tmp_path)
    cache = tmp_path / "cache"
    assert run_cli("check", "--cache-dir", "cache", "examples", cwd=tmp_path).returncode == 1
    assert (
        (cache / "CACHEDIR.TAG")
        .read_text()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    current = next(p for p in cache.iterdir() if p.is_dir())
    # An old version's folder with a file of someone else's, a link, and plainlint's own entries.
    old = cache / "0.0.9-0123456789abcdef"
    (old / "ab").mkdir(parents=True)
    entry = old / "ab" / f"{'ab' * 32}.json"
    entry.write_text("{}")
    (old / "ab" / "mine.txt").write_text("not plainlint's\n")
    outside = tmp_path / "outside"
    (outside / "cd").mkdir(parents=True)
    (outside / "cd" / f"{'cd' * 32}.json").write_text("{}")
    (old / "cd").symlink_to(outside / "cd")
    (cache / "photos").mkdir()
    (cache / "photos" / "x.json").write_text("{}")
    # Make the next run clean up: the last clean-up was long ago, and one entry is stale.
    stale = next(current.glob("*/*.json"))
    # An entry no file of this run uses, as old: it goes.
    (current / "ab").mkdir(exist_ok=True)
    orphan = current / "ab" / f"{'ab' * 32}.json"
    orphan.write_text("{}")
    # Seven and a half days ago: older than the week an entry is kept.
    week_ago = time.time() - 7.5 * 24 * 3600
    os.utime(stale, (week_ago, week_ago))
    os.utime(orphan, (week_ago, week_ago))
    os.utime(cache / "last-clean", (week_ago, week_ago))
    outside_before = snapshot(outside)
    assert run_cli("check", "--cache-dir", "cache", "examples", cwd=tmp_path).returncode == 1
    assert not entry.exists() and not orphan.exists()
    assert (old / "ab" / "mine.txt").read_text() == "not plainlint's\n"
    assert (old / "cd").is_symlink()
    assert snapshot(outside) == outside_before
    assert (cache / "photos" / "x.json").exists()
    # The stale entry of this version went, and was written again by the run.
    assert stale.exists() and stale.stat().st_mtime > week_ago


def test_a_cache_from_plainlint_0_1_0_is_adopted(tmp_path: Path) -> None:
    site(tmp_path)
    cache = tmp_path / ".plainlint_cache"
    (cache / "0.1.0-0123456789abcdef" / "ab").mkdir(parents=True)
    (cache / ".gitignore").write_text("# Made by plainlint: its result cache.\n*\n")
    (cache / "last-clean").write_text("0")
    proc = run_cli("check", "examples", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert (cache / "CACHEDIR.TAG").exists()


def test_a_cache_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    site(tmp_path)
    (tmp_path / "c").write_text("a file\n")
    proc = run_cli("check", "--cache-dir", "c", "examples", cwd=tmp_path)
    assert proc.returncode == 2 and "is a file, not a folder" in proc.stderr
    assert (tmp_path / "c").read_text() == "a file\n"


def test_a_bad_cache_entry_is_ignored_and_rewritten(tmp_path: Path) -> None:
    site(tmp_path)
    first = run_cli("check", "examples", cwd=tmp_path)
    entries = sorted((tmp_path / ".plainlint_cache").glob("*/*/*.json"))
    assert entries
    good = json.loads(entries[0].read_text())
    shapes = [
        json.dumps({**good, "lines": []}),  # valid JSON, a list where a table belongs
        json.dumps({**good, "diagnostics": [7]}),
        json.dumps({**good, "profile": {"name": "patient"}}),
        '{"path": 1}',
        "[]",
        "{",
    ]
    for entry, shape in zip(entries, shapes * len(entries), strict=False):
        entry.write_text(shape)
    again = run_cli("check", "examples", cwd=tmp_path)
    assert again.returncode == first.returncode
    assert again.stdout == first.stdout and "Traceback" not in again.stderr
    # Each bad entry was replaced by a good one.
    third = run_cli("check", "examples", cwd=tmp_path)
    assert third.stdout == first.stdout
    assert all(e.read_text().startswith('{"path"') for e in entries)


def test_an_empty_folder_is_used_and_an_old_looking_one_with_other_files_is_not(
    tmp_path: Path,
) -> None:
    site(tmp_path)
    (tmp_path / "empty").mkdir()
    assert run_cli("check", "--cache-dir", "empty", "examples", cwd=tmp_path).returncode == 1
    assert (tmp_path / "empty" / "CACHEDIR.TAG").exists()
    # Looks like plainlint 0.1.0's cache, but holds someone's notes too: not adopted.
    odd = tmp_path / "odd"
    odd.mkdir()
    (odd / ".gitignore").write_text("# Made by plainlint: its result cache.\n*\n")
    (odd / "notes.txt").write_text("mine\n")
    before = snapshot(odd)
    proc = run_cli("check", "--cache-dir", "odd", "examples", cwd=tmp_path)
    assert proc.returncode == 2 and "did not make" in proc.stderr
    assert snapshot(odd) == before


def test_a_link_named_like_an_entry_and_an_old_version_folder_on_clean_up(tmp_path: Path) -> None:
    site(tmp_path)
    cache = tmp_path / "cache"
    assert run_cli("check", "--cache-dir", "cache", "examples", cwd=tmp_path).returncode == 1
    current = next(p for p in cache.iterdir() if p.is_dir())
    shard = next(p for p in current.iterdir() if p.is_dir())
    target = tmp_path / "precious.json"
    target.write_text("{}")
    link = shard / f"{'ef' * 32}.json"
    link.symlink_to(target)
    week_ago = time.time() - 8 * 24 * 3600
    os.utime(link, (week_ago, week_ago), follow_symlinks=False)
    old = cache / "0.0.9-0123456789abcdef"
    (old / "ab").mkdir(parents=True)
    (old / "ab" / f"{'ab' * 32}.json").write_text("{}")
    os.utime(cache / "last-clean", (week_ago, week_ago))
    assert run_cli("check", "--cache-dir", "cache", "examples", cwd=tmp_path).returncode == 1
    # Someone's link is left as it is; the other version's folder, all plainlint's, goes.
    assert link.is_symlink() and target.read_text() == "{}"
    assert not old.exists()


def test_an_unchanged_file_comes_from_the_cache_and_a_deep_cache_folder_is_made(
    tmp_path: Path,
) -> None:
    site(tmp_path)
    args = ("check", "--format", "json", "--cache-dir", "build/tmp/cache", "examples")
    first = json.loads(run_cli(*args, cwd=tmp_path).stdout)
    entries = list((tmp_path / "build" / "tmp" / "cache").glob("*/*/*.json"))
    assert len(entries) == 4
    # Mark every stored result: a second run shows the marks, so it read them.
    for entry in entries:
        data = json.loads(entry.read_text(encoding="utf-8"))
        for d in data["diagnostics"]:
            d["message"] = "from the cache"
        entry.write_text(json.dumps(data), encoding="utf-8")
    second = json.loads(run_cli(*args, cwd=tmp_path).stdout)
    assert len(second) == len(first) and {d["message"] for d in second} == {"from the cache"}
