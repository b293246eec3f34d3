"""Bad input: every file in tests/bad-inputs, plus the ones that cannot be committed
(links that loop, unreadable files, a folder named x.md, very large files), linted in
one run. Each gives correct problems or one clear error line; nothing crashes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import ROOT, run_cli
from helpers import PATIENT, lint_text

BAD = ROOT / "tests" / "bad-inputs"

ERRORS = {
    "audience-wrong-type.md": "front matter 'audienceLevel' must be a word such as 'patient', not 3",
    "bad-yaml.md": "bad-yaml.md:3: front matter is not valid YAML",
    "binary.md": "binary.md: looks like a binary file, not Markdown text",
    "front-matter-list.md": "front matter must be a list of 'key: value' lines, not a list",
    "latin1.md": "latin1.md: is not UTF-8 text (bad byte on line 5); save it as UTF-8",
    "python-tag.md": "python-tag.md:3: front matter is not valid YAML",
    "unterminated-front-matter.md": "front matter starts with --- but never ends",
    "bad-toml.md": "bad-toml.md:3: front matter is not valid TOML",
    "bad-json.md": "bad-json.md:3: front matter is not valid JSON",
    "unterminated-toml.md": "unterminated-toml.md:1: front matter starts with +++ but never ends",
    "utf16-bom.md": "utf16-bom.md: is UTF-16 text; save it as UTF-8",
    "dangling.md": "dangling.md: cannot be read",
    "deep-nesting.md": "deep-nesting.md:68: lists or quotes are nested more than 100 levels deep",
}
PROBLEMS = {
    "crlf.md": "crlf.md:7:6: PL101 'prognosis'",
    "lone-cr.md": "lone-cr.md:7:6: PL101 'prognosis'",
    "utf8-bom.md": "utf8-bom.md:7:6: PL101 'prognosis'",
    "tabs.md": "tabs.md:7:8: PL101 'prognosis'",
    "zero-width.md": "zero-width.md:7:6: PL101 'prognosis'",
    "html-blocks.md": "html-blocks.md:13:21: PL101 'regimen'",
    "ragged-table.md": "ragged-table.md:11:7: PL101 'regimen'",
    "link-destinations.md": "link-destinations.md:7:11: PL101 'prognosis'",
    "unclosed-fence.md": "unclosed-fence.md:7:6: PL101 'prognosis'",
    "long-lines.md": "long-lines.md:7:1: PL201 This sentence has 20001 words",
    "many-items.md": "many-items.md:10008:5: PL101 'regimen'",
}


def test_the_whole_bad_input_folder_in_one_run(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    shutil.copytree(BAD, folder)
    # What cannot live in git: a folder with a Markdown name, links, a large list.
    (folder / "folder.md").mkdir()
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "dangling.md").symlink_to(folder / "nowhere.md")
    items = "".join(f"- item {i}\n" for i in range(10_000))
    (folder / "many-items.md").write_text(
        PATIENT + "# Many\n\n" + items + "\nThe regimen is long.\n", encoding="utf-8"
    )
    if os.geteuid() != 0:
        locked = folder / "locked.md"
        locked.write_text(PATIENT + "Text.\n", encoding="utf-8")
        locked.chmod(0)
        ERRORS["locked.md"] = "locked.md: cannot be read (permission denied)"
    proc = run_cli("check", "--no-cache", "bad", "bad/folder.md", "bad/dangling.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stdout + proc.stderr
    error_lines = proc.stderr.splitlines()
    for name, message in ERRORS.items():
        hits = [line for line in error_lines if name in line]
        assert hits, (name, proc.stderr)
        assert all(line.startswith("error: ") for line in hits)
        assert message in hits[0], (name, hits[0])
    for name, message in PROBLEMS.items():
        assert message in proc.stdout, (name, message)
    # A folder with a Markdown name is a folder: walked, and nothing in it.
    assert "folder.md" not in proc.stdout + proc.stderr
    # Every error is one line: no more lines than files that failed.
    assert len(error_lines) == len(ERRORS)
    # The loop was walked once: each file is reported under one name only.
    assert "loop/" not in proc.stdout


def test_empty_and_front_matter_only_files() -> None:
    assert lint_text("").skipped is not None
    only = lint_text("---\naudienceLevel: patient\n---\n")
    assert only.error is None and only.diagnostics == []


def test_text_after_lists_nested_ten_deep_is_still_checked() -> None:
    # CommonMark's parser stopped at 20 levels (ten nested lists) and dropped the rest.
    nested = "".join("  " * i + "- step\n" for i in range(15))
    result = lint_text(PATIENT + "# Steps\n\n" + nested + "\nThe prognosis is good.\n", ("PL101",))
    assert result.error is None
    assert [d.line for d in result.diagnostics] == [23]


def test_text_nested_past_the_parsers_limit_is_an_error_not_a_silence() -> None:
    quotes = ">" * 250 + " Hidden prognosis.\n\nThe regimen.\n"
    result = lint_text(PATIENT + "# Deep\n\n" + quotes)
    assert result.error is not None and "nested more than 100 levels deep" in result.error
