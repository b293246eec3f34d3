"""--jobs and the result cache: the output never depends on how it was made."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import ROOT, SEED, run_cli

from linter.lexicon import load_lexicon
from linter.packs import pack_files


def make_collection(folder: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    plain = (ROOT / "examples" / "managing-tiredness.md").read_text(encoding="utf-8")
    for i in range(12):
        body = text if i % 3 else plain
        (folder / f"article-{i:02}.md").write_text(
            body.replace("Pomalidomide", f"Drug{i}"), encoding="utf-8"
        )
    (folder / "broken.md").write_bytes(b"\xff\xfe not utf-8")


def test_output_is_identical_across_jobs_and_cached_runs(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    make_collection(site)
    cache = str(tmp_path / "cache")
    outputs = []
    for args in (
        ["--jobs", "1", "--no-cache"],
        ["--jobs", "2", "--no-cache"],
        ["--jobs", "2", "--cache-dir", cache],  # fills the cache
        ["--jobs", "1", "--cache-dir", cache],  # reads it
        ["--jobs", "2", "--cache-dir", cache, "--format", "full"],
    ):
        proc = run_cli("check", *args, "site", cwd=tmp_path)
        assert proc.returncode == 2  # broken.md is not UTF-8
        outputs.append((args[-1] == "full", proc.stdout, proc.stderr))
    concise = [(out, err) for full, out, err in outputs if not full]
    assert all(o == concise[0] for o in concise)
    assert "site/article-01.md:20:3: PL301" in concise[0][0]
    assert (tmp_path / "cache" / ".gitignore").read_text().strip().endswith("*")
    assert list((tmp_path / "cache").glob("*/*/*.json"))


def test_cache_notices_changed_files_and_settings(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    article = site / "a.md"
    shutil.copy(SEED, article)
    first = run_cli("check", "--select", "PL201", "site", cwd=tmp_path)
    assert "site/a.md:66:1: PL201" in first.stdout
    article.write_text(
        SEED.read_text(encoding="utf-8").replace("A subsequent report", "A report"),
        encoding="utf-8",
    )
    changed = run_cli("check", "--select", "PL201", "site", cwd=tmp_path)
    assert "has 53 words" in changed.stdout and "has 54 words" not in changed.stdout
    (site / ".plainlint.yaml").write_text(
        "profiles:\n  patient:\n    sentence-limit: 60\n", encoding="utf-8"
    )
    settings = run_cli("check", "--select", "PL201", "site", cwd=tmp_path)
    assert "PL201" not in settings.stdout


def test_json_output_is_identical_with_and_without_the_cache(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    make_collection(site)
    fresh = run_cli("check", "--format", "json", "--no-cache", "site", cwd=tmp_path).stdout
    run_cli("check", "--format", "json", "site", cwd=tmp_path)
    cached = run_cli("check", "--format", "json", "site", cwd=tmp_path).stdout
    assert json.loads(fresh) == json.loads(cached) and fresh == cached


def test_lexicon_loads_the_same_from_yaml_and_parsed_copy() -> None:
    from linter.lexicon import Lexicon, load_entries

    entries = [e for path in pack_files("lexicon") for e in load_entries(path)]
    from_yaml = Lexicon.from_entries(entries)
    assert [t.term for t in from_yaml.terms] == [t.term for t in load_lexicon().terms]
