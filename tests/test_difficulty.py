"""The difficulty score's parts: graded word rarity, the weights file, and how they add up."""

from __future__ import annotations

import pytest

from linter.difficulty import (
    DifficultyError,
    sentence_difficulty,
    weights,
    weights_from,
    word_rarity,
)
from linter.frequency import frequencies
from linter.lexicon import load_lexicon
from linter.prose import Unit
from linter.sentences import Sentence, split_sentences


def test_rarity_is_graded_and_common_words_count_nothing() -> None:
    table = frequencies()
    assert word_rarity("water", 4.5, 2.0) == 0.0  # Zipf 5.5: above the threshold
    assert word_rarity("dose", 4.5, 2.0) == pytest.approx(4.5 - table["dose"])
    assert word_rarity("platelets", 4.5, 2.0) == pytest.approx(4.5 - table["platelets"])
    # Rarer words add more.
    assert word_rarity("platelets", 4.5, 2.0) > word_rarity("dose", 4.5, 2.0)
    # A word the table does not know counts as the unknown-word level.
    assert word_rarity("zzqxvbn", 4.5, 2.0) == pytest.approx(2.5)
    assert word_rarity("zzqxvbn", 4.5, 1.0) == pytest.approx(3.5)


def test_words_with_digits_or_hyphens_count_by_their_letters() -> None:
    table = frequencies()
    assert word_rarity("BRCA2", 4.5, 2.0) == pytest.approx(4.5 - table["brca"])
    assert word_rarity("IL-6", 4.5, 2.0) == pytest.approx(4.5 - table["il"])
    assert word_rarity("follow-up", 4.5, 2.0) == 0.0
    assert word_rarity("250", 4.5, 2.0) == 0.0
    assert word_rarity("3.8", 4.5, 2.0) == 0.0


def test_the_weights_file_must_give_every_part_a_number() -> None:
    good = {
        "rarity-threshold": 4.5,
        "unknown-word-zipf": 2,
        "rarity-weight": 1,
        "jargon-weight": 1,
        "length-power": 0.4,
        "dale-chall-weight": 0.25,
    }
    assert weights_from(good).length_power == 0.4
    for key in good:
        missing = {k: v for k, v in good.items() if k != key}
        with pytest.raises(DifficultyError, match=key):
            weights_from(missing)
        with pytest.raises(DifficultyError, match=key):
            weights_from({**good, key: "high"})
        with pytest.raises(DifficultyError, match=key):
            weights_from({**good, key: True})
    with pytest.raises(DifficultyError):
        weights_from(["rarity-weight", 1])


def _sentence(text: str) -> Sentence:
    (only,) = split_sentences(Unit("paragraph", text, [0], [0]))
    return only


def test_the_score_is_its_parts_weighed() -> None:
    lexicon = load_lexicon()
    w = weights()
    s = _sentence("Thrombocytopenia may need a transfusion of platelets.")
    d = sentence_difficulty(s, lexicon)
    assert d.words == 7
    assert d.jargon >= 1
    assert d.rarity == pytest.approx(
        sum(word_rarity(x.text, w.rarity_threshold, w.unknown_zipf) for x in s.words)
    )
    assert d.score == pytest.approx(
        w.rarity * d.rarity / d.words**w.length_power
        + w.jargon * d.jargon
        + w.dale_chall * d.dale_chall
    )
    # The same rare words in a longer sentence weigh less.
    longer = sentence_difficulty(
        _sentence(
            "If you have had thrombocytopenia for a long time, you may need a transfusion "
            "of platelets from the blood bank at the hospital."
        ),
        lexicon,
    )
    assert longer.rarity >= d.rarity
    assert longer.rarity / longer.words**w.length_power < d.rarity / d.words**w.length_power
