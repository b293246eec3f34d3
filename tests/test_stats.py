"""plainlint stats says where its sentences come from, and `list-items` chooses whether a
lead-in and its unpunctuated list items are one sentence or several (the real CLI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

ARTICLE = """---
title: Bring
audienceLevel: patient
---

Please bring these things with you to the clinic on the day:

- your insurance card
- your tablets in their boxes
- your glasses.
- a list of questions. Write them down the night before.

Rest well.

- a nap after lunch

| Day | What to do |
| --- | --- |
| Monday | Rest at home. |
"""


def _stats(tmp_path: Path, config: str | None) -> dict[str, object]:
    article = tmp_path / "site" / "care" / "bring.md"
    article.parent.mkdir(parents=True, exist_ok=True)
    article.write_text(ARTICLE, encoding="utf-8")
    if config is not None:
        (tmp_path / "site" / ".plainlint.yaml").write_text(config, encoding="utf-8")
    proc = run_cli("stats", "--format", "json", str(article), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_stats_says_how_many_sentences_came_from_lists_and_tables(tmp_path: Path) -> None:
    data = _stats(tmp_path, None)
    # 6 from the items (one has two), 2 from the cells of Monday's row.
    assert data["sentences_from"] == {
        "list_items": 6,
        "table_cells": 2,
        "list_items_in_lead_in": 0,
    }
    table = run_cli("stats", str(tmp_path / "site" / "care" / "bring.md")).stdout
    assert f"{data['sentences']} (6 from list items, 2 from table cells)" in table


def test_a_lead_in_and_its_items_can_count_as_one_sentence(tmp_path: Path) -> None:
    apart = _stats(tmp_path, None)
    together = _stats(tmp_path, "list-items: with-lead-in\n")
    # The two items with no full stop join the lead-in; those with full stops do not.
    assert together["sentences_from"]["list_items_in_lead_in"] == 2
    assert together["sentences"] == apart["sentences"] - 2
    assert together["words"] == apart["words"]
    assert together["grades"]["flesch-kincaid"] > apart["grades"]["flesch-kincaid"]
    shown = run_cli("stats", str(tmp_path / "site" / "care" / "bring.md"), cwd=tmp_path).stdout
    assert "and 2 list items counted in the sentence before them" in shown


@pytest.mark.parametrize("value", ["together", "1"])
def test_a_bad_list_items_value_is_a_clear_error(tmp_path: Path, value: str) -> None:
    (tmp_path / ".plainlint.yaml").write_text(f"list-items: {value}\n", encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text(ARTICLE, encoding="utf-8")
    proc = run_cli("check", str(article), cwd=tmp_path)
    assert proc.returncode == 2
    assert "'list-items' must be one of 'separately', 'with-lead-in'" in proc.stderr
    assert "Traceback" not in proc.stderr
