"""Every grade formula, against its published definition on hand-computed counts,
and against textstat's implementation fed the same counts."""

from __future__ import annotations

import importlib
import itertools
import math

import pytest

from linter.grades import Counts, grade

# 100 words, 5 sentences, 150 syllables, 470 letters, 12 words of 3+ syllables,
# 20 words not on the Dale-Chall list: counted by hand for this test.
C = Counts(sentences=5, words=100, syllables=150, letters=470, polysyllables=12, unfamiliar=20)

PUBLISHED = {
    # Kincaid et al. 1975: 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59
    "flesch-kincaid": 0.39 * 20 + 11.8 * 1.5 - 15.59,  # = 9.91
    # McLaughlin 1969: 1.0430 sqrt(polysyllables x 30 / sentences) + 3.1291
    "smog": 1.0430 * math.sqrt(12 * 30 / 5) + 3.1291,  # = 11.98
    # Coleman and Liau 1975: 0.0588 L - 0.296 S - 15.8 (per 100 words)
    "coleman-liau": 0.0588 * 470 - 0.296 * 5 - 15.8,  # = 10.356
    # Smith and Senter 1967: 4.71 (letters/words) + 0.5 (words/sentences) - 21.43
    "ari": 4.71 * 4.7 + 0.5 * 20 - 21.43,  # = 10.707
    # Gunning 1952: 0.4 (words/sentences + 100 complex/words)
    "gunning-fog": 0.4 * (20 + 12),  # = 12.8
    # Dale and Chall 1948 (new version 1995): 0.1579 PDW + 0.0496 ASL + 3.6365 if PDW > 5%
    "dale-chall": 0.1579 * 20 + 0.0496 * 20 + 3.6365,  # = 7.7845
}


@pytest.mark.parametrize("metric", sorted(PUBLISHED))
def test_formula_matches_its_published_definition(metric: str) -> None:
    assert grade(metric, C) == pytest.approx(PUBLISHED[metric], abs=1e-9)


def test_hand_computed_values() -> None:
    assert round(grade("flesch-kincaid", C), 2) == 9.91
    assert round(grade("gunning-fog", C), 2) == 12.8
    assert round(grade("smog", C), 2) == 11.98


def test_empty_text_is_grade_zero() -> None:
    assert all(grade(m, Counts()) == 0.0 for m in PUBLISHED)


_unique = itertools.count()


def textstat_with_counts(monkeypatch: pytest.MonkeyPatch, name: str, counts: Counts) -> float:
    """Call textstat's formula with its counting functions replaced by our counts."""
    import textstat

    module = importlib.import_module(f"textstat.backend.metrics._{name}")
    fake = {
        "words_per_sentence": counts.words / counts.sentences,
        "syllables_per_word": counts.syllables / counts.words,
        "count_sentences": counts.sentences,
        "count_polysyllable_words": counts.polysyllables,
        "letters_per_word": counts.letters / counts.words,
        "sentences_per_word": counts.sentences / counts.words,
        "chars_per_word": counts.letters / counts.words,
        "count_words": counts.words,
    }
    for attr, value in fake.items():
        if hasattr(module, attr):
            monkeypatch.setattr(module, attr, lambda *a, v=value, **k: v)
    if hasattr(module, "count_difficult_words"):
        # textstat counts 3+ syllable words for fog and unlisted words for Dale-Chall.
        monkeypatch.setattr(
            module,
            "count_difficult_words",
            lambda text, lang, syllable_threshold=0: (
                counts.polysyllables if syllable_threshold else counts.unfamiliar
            ),
        )
    # textstat caches by text, so every call gets text of its own.
    return getattr(textstat, name)(f"Unique text {next(_unique)}.")


@pytest.mark.parametrize(
    ("metric", "name"),
    [
        ("flesch-kincaid", "flesch_kincaid_grade"),
        ("smog", "smog_index"),
        ("ari", "automated_readability_index"),
        ("gunning-fog", "gunning_fog"),
        ("dale-chall", "dale_chall_readability_score"),
    ],
)
def test_formula_matches_textstat_on_the_same_counts(
    monkeypatch: pytest.MonkeyPatch, metric: str, name: str
) -> None:
    assert grade(metric, C) == pytest.approx(textstat_with_counts(monkeypatch, name, C), abs=1e-9)


def test_coleman_liau_differs_from_textstat_only_by_its_rounded_coefficient(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # textstat uses 0.058 where Coleman and Liau published 0.0588.
    theirs = textstat_with_counts(monkeypatch, "coleman_liau_index", C)
    assert grade("coleman-liau", C) - theirs == pytest.approx(0.0008 * 470, abs=1e-9)


def test_counts_of_real_sentences_counted_by_hand() -> None:
    """The counting under every formula: words, syllables, letters, long words and words
    off the Dale-Chall list, summed over sentences (counted by hand)."""
    from linter.grades import sentence_counts, total
    from linter.prose import Unit
    from linter.sentences import split_sentences

    text = "The doctor gave me medicine. The nurse gave me pneumonia vaccines."
    sentences = split_sentences(Unit("paragraph", text, [0], [0]))
    first, second = (sentence_counts(s) for s in sentences)
    assert first == Counts(1, 5, 8, 23, 1, 0)
    assert second == Counts(1, 6, 9, 31, 1, 2)  # pneumonia and vaccines are not on the list
    whole = total([first, second])
    assert whole == Counts(2, 11, 17, 54, 2, 2)
    # 2 of 11 words unfamiliar is over 5%: the Dale-Chall adjustment applies.
    assert grade("dale-chall", whole) == pytest.approx(
        0.1579 * 100 * 2 / 11 + 0.0496 * 11 / 2 + 3.6365
    )


def test_the_dale_chall_adjustment_starts_above_five_percent() -> None:
    # 100 words in 10 sentences: 5 unfamiliar gets no adjustment, 6 does (3.6365).
    at_five = grade("dale-chall", Counts(10, 100, 150, 400, 5, 5))
    at_six = grade("dale-chall", Counts(10, 100, 150, 400, 5, 6))
    assert round(at_six - at_five, 4) == round(0.1579 + 3.6365, 4)


def test_one_word_is_graded() -> None:
    assert grade("flesch-kincaid", Counts(1, 1, 1, 3, 0, 0)) == pytest.approx(0.39 + 11.8 - 15.59)


@pytest.mark.parametrize(
    ("word", "phone"),
    [
        ("1-855-829-6636", True),
        ("1-800-MEDICARE", True),
        ("1-855-VA-WOMEN", True),
        ("273-8255", True),
        ("+44-20-7946-0958", True),
        ("800.555.1234", True),
        ("2017-01-19", False),  # a date
        ("19-01-2017", False),
        ("12.50-13.75", False),  # a range
        ("2010-2015", False),  # years
        ("120-130", False),  # a range
        ("3.8", False),
        ("838255", False),  # a number: one syllable a digit
        ("COVID-19", False),
    ],
)
def test_a_phone_number_is_one_short_word(word: str, phone: bool) -> None:
    from linter.grades import word_counts

    syllables, letters, polysyllable, _ = word_counts(word)
    if phone:
        assert (syllables, letters, polysyllable) == (1, 1, 0)
    else:
        assert syllables > 1 or letters > 1
