"""Accuracy floors for the counts plainlint's grades rest on (figures: bench/accuracy.py)."""

from __future__ import annotations

import csv
import json
import sys

import pytest
from conftest import ROOT

from linter.prose import Unit
from linter.sentences import split_sentences
from linter.syllables import dictionary, estimate, held_out

DATA = ROOT / "bench" / "data"
sys.path.insert(0, str(ROOT / "bench"))


def right(file: str) -> tuple[int, int]:
    cases = json.loads((DATA / file).read_text(encoding="utf-8"))
    ok = sum(
        [s.text for s in split_sentences(Unit("paragraph", c["text"], [0], [0]))]
        == [s.strip() for s in c["sentences"]]
        for c in cases
    )
    return ok, len(cases)


def test_golden_rules() -> None:
    ok, n = right("golden-rules-english.json")
    assert n == 48 and ok >= 46


def test_medical_sentence_cases() -> None:
    ok, n = right("sentences-medical.json")
    assert n >= 40 and ok / n >= 0.95


def test_syllable_estimator_on_held_out_dictionary_words() -> None:
    words = [
        (w, n)
        for w, n in dictionary().items()
        if n >= 3 and w.isalpha() and w.isascii() and held_out(w)
    ]
    assert len(words) > 4000
    assert sum(estimate(w) == n for w, n in words) / len(words) >= 0.92


def test_syllable_estimator_on_medical_words() -> None:
    path = DATA / "medical-syllables.tsv"
    if not path.exists():
        pytest.skip("medical-syllables.tsv is not there")
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) >= 150
    assert not any(r["word"] in dictionary() for r in rows)
    assert sum(estimate(r["word"]) == int(r["syllables"]) for r in rows) / len(rows) >= 0.92


def test_jargon_aware_difficulty_beats_every_grade_formula_on_hard_pairs() -> None:
    import accuracy

    pairs = accuracy.read_pairs("sentence-pairs-hard.tsv")
    assert len(pairs) >= 60
    scores = accuracy.scorers()
    rate = {
        name: sum(score(p) < score(t) for t, p in pairs) / len(pairs)
        for name, score in scores.items()
    }
    ours = rate.pop("plainlint difficulty (jargon-aware)")
    assert all(ours > other for other in rate.values()), (ours, rate)
    # The README gives 99.1% (107 of 108): a change to the term lists that loses a pair
    # must show here, not only when someone reruns the bench.
    assert ours >= 107 / 108, ours
