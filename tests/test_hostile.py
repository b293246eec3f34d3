"""Hostile content: no code runs from input, and article text cannot break any output."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import run_cli
from helpers import lint_text

ESCAPES = "\x1b[2J\x1b[31mred\x1b]0;title\x07\x08\r"
ARTICLE = (
    "---\naudienceLevel: patient\n---\n\n# Title\n\n"
    f"Your prognosis {ESCAPES} is good, and the regimen {ESCAPES} is short; this sentence "
    "goes on and on with many more words than any patient should need to read at once.\n"
)


def write(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")


def test_terminal_output_has_no_control_characters(tmp_path: Path) -> None:
    name = "evil\x1b[31m.md"
    write(tmp_path, name)
    for fmt in ("concise", "full"):
        proc = run_cli("check", "--no-cache", "--format", fmt, ".", cwd=tmp_path)
        assert proc.returncode == 1
        assert "PL101" in proc.stdout
        assert not any(ch in proc.stdout for ch in "\x1b\x07\x08\r"), fmt


def test_json_sarif_and_junit_hold_the_text_safely(tmp_path: Path) -> None:
    write(tmp_path, "a.md")
    data = json.loads(
        run_cli("check", "--no-cache", "--format", "json", "a.md", cwd=tmp_path).stdout
    )
    assert data and all(d["path"] == "a.md" for d in data)
    sarif = json.loads(
        run_cli("check", "--no-cache", "--format", "sarif", "a.md", cwd=tmp_path).stdout
    )
    assert sarif["runs"][0]["results"]
    junit = run_cli("check", "--no-cache", "--format", "junit", "a.md", cwd=tmp_path).stdout
    ET.fromstring(junit)


def test_yaml_cannot_build_objects_or_run_code(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = (
        "---\naudienceLevel: patient\n"
        f"x: !!python/object/apply:os.system ['touch {marker}']\n---\n\nText.\n"
    )
    result = lint_text(text)
    assert result.error is not None and "not valid YAML" in result.error
    assert not marker.exists()
    config = tmp_path / ".plainlint.yaml"
    config.write_text(f"select: !!python/object/apply:os.system ['touch {marker}']\n")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and "not valid YAML" in proc.stderr
    assert not marker.exists()
