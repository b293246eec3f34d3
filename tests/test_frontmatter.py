"""Front matter as Hugo and other generators write it: YAML between `---` lines, TOML
between `+++` lines, or a JSON object. Each gives the article's audience and settings,
and none of it is ever read as prose."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from helpers import lint_text

BODY = "\n# Gout\n\nThe prognosis is good.\n"
TOML = '+++\ntitle = "Gout"\naudienceLevel = "patient"\ntags = ["joints", "diet"]\n+++\n'
JSON = '{\n  "title": "Gout",\n  "audienceLevel": "patient",\n  "tags": ["joints"]\n}\n'


def _found(text: str, path: str = "gout.md") -> list[tuple[int, str]]:
    result = lint_text(text, path=path)
    assert result.error is None and result.skipped is None, (result.error, result.skipped)
    return [(d.line, d.code) for d in result.diagnostics]


def test_toml_and_json_front_matter_name_the_audience() -> None:
    yaml = _found('---\ntitle: "Gout"\naudienceLevel: patient\ntags: [joints, diet]\n---\n' + BODY)
    # Five lines of YAML, TOML or JSON: the same findings on the same lines.
    assert yaml == _found(TOML + BODY) == _found(JSON + BODY)
    assert yaml == [(9, "PL101")]


def test_front_matter_is_never_prose() -> None:
    # Words in the front matter that would be findings in the body ('prognosis').
    text = '+++\ntitle = "Prognosis after chemotherapy"\naudienceLevel = "patient"\n+++\n'
    assert _found(text + "\nEat well.\n") == []
    text = '{\n  "title": "Prognosis after chemotherapy",\n  "audienceLevel": "patient"\n}\n'
    assert _found(text + "\nEat well.\n") == []


def test_json_on_one_line() -> None:
    assert _found('{"audienceLevel": "patient"}\n' + BODY) == [(5, "PL101")]


def test_an_mdx_comment_at_the_top_is_not_json_front_matter() -> None:
    result = lint_text("{/* reviewed in March */}\n\nThe prognosis is good.\n", path="a.mdx")
    assert result.error is None
    assert result.skipped is not None and "audienceLevel" in result.skipped


def test_a_folder_run_checks_mdx_files(tmp_path: Path) -> None:
    site = tmp_path / "site" / "docs" / "conditions"
    site.mkdir(parents=True)
    (site / "gout.mdx").write_text(TOML + BODY, encoding="utf-8")
    (site / "notes.txt").write_text("The prognosis is good.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "site", cwd=tmp_path)
    assert "site/docs/conditions/gout.mdx:9:5: PL101 'prognosis'" in proc.stdout, proc.stdout
    assert "notes.txt" not in proc.stdout
