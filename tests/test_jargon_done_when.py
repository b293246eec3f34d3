"""The jargon issue's checks: rare terms are all caught, a plain handout is clean,
and --fix with a site glossary links what it can."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from conftest import ROOT, SEED, run_cli
from helpers import PATIENT, lint_text

HARD = PATIENT + (
    "# After radiation\n\n"
    "Some people get esophagitis after treatment to the chest. Others notice dyspnea "
    "when they climb stairs. Before treatment, the team does dosimetry to plan each dose. "
    "A stereotactic approach aims the beams very precisely.\n"
)

HANDOUT = PATIENT + (
    "# Feeling tired\n\n"
    "Many people feel tired during and after treatment. Tiredness can make it hard to "
    "work, cook or look after your family.\n\n"
    "## Sleep\n\n"
    "Go to bed at the same time each night. Keep your bedroom dark and quiet. A short nap "
    "after lunch can help, but keep it under an hour.\n\n"
    "## Walking\n\n"
    "A short walk each day gives you more energy. Start with ten minutes and add a little "
    "more each week. Walk with a friend if you can.\n"
)


def test_rare_terms_are_all_reported_with_a_plain_word_or_a_reason() -> None:
    found = lint_text(HARD, ("PL101", "PL102")).diagnostics
    for term in ("esophagitis", "dyspnea", "dosimetry", "stereotactic"):
        [hit] = [d for d in found if f"'{term}'" in d.message]
        assert (
            any("plainly" in s for s in hit.suggestions)
            or "because" in hit.message
            or ":" in hit.message
        )


def test_a_plain_handout_gives_no_diagnostics_at_all() -> None:
    assert lint_text(HANDOUT).diagnostics == []


def test_the_shipped_plain_example_gives_no_diagnostics() -> None:
    proc = run_cli("check", "examples/managing-tiredness.md", cwd=ROOT)
    assert proc.returncode == 0 and "No problems found" in proc.stdout


def test_fix_on_the_seed_with_the_example_glossary(tmp_path: Path) -> None:
    for name in ("glossary.yaml", "plainlint-site.yaml"):
        shutil.copy(ROOT / "examples" / name, tmp_path / name)
    article = tmp_path / "seed.md"
    shutil.copy(SEED, article)
    config = str(tmp_path / "plainlint-site.yaml")
    glossary = yaml.safe_load((tmp_path / "glossary.yaml").read_text(encoding="utf-8"))
    known = {entry["term"] for entry in glossary["glossary"]}
    before = run_cli(
        "check", "--select", "PL101", "--config", config, "--format", "json", str(article)
    )
    terms_before = [d["message"].split("'")[1].lower() for d in json.loads(before.stdout)]
    fixable = [t for t in terms_before if any(t.rstrip("s") == k.rstrip("s") for k in known)]
    assert len(fixable) >= 8
    first = run_cli("check", "--fix", "--select", "PL101", "--config", config, str(article))
    assert f"Fixed {len(fixable)} problems" in first.stdout, first.stdout
    after = run_cli(
        "check", "--select", "PL101", "--config", config, "--format", "json", str(article)
    )
    terms_after = {d["message"].split("'")[1].lower() for d in json.loads(after.stdout)}
    # What is left has no glossary entry to link to.
    assert terms_after == set(terms_before) - set(fixable)
    assert not any(t.rstrip("s") == k.rstrip("s") for t in terms_after for k in known)
    text = article.read_text(encoding="utf-8")
    assert "poor [prognosis](/glossary/prognosis)." in text
    once = article.read_bytes()
    run_cli("check", "--fix", "--select", "PL101", "--config", config, str(article))
    assert article.read_bytes() == once
