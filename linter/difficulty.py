"""A jargon-aware difficulty score for each sentence.

Grade formulas see only word and sentence lengths, so a plain sentence that explains a
term at length can score as harder than the jargon it replaces. This score adds up how
rare each word is (graded: a word a little less common than everyday words adds a
little, an unknown word adds the most), weighs that against the sentence's length, and
adds a fixed amount for each jargon term. Its parts and weights are data in
rules/difficulty.yaml. `grade` is the sentence's Flesch-Kincaid grade, shown beside it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from linter.frequency import frequencies
from linter.grades import grade, sentence_counts
from linter.lexicon import Lexicon, Match
from linter.packs import load_pack
from linter.sentences import Sentence


@dataclass(frozen=True)
class Weights:
    rarity_threshold: float
    unknown_zipf: float
    rarity: float
    jargon: float
    length_power: float
    dale_chall: float


class DifficultyError(ValueError):
    """rules/difficulty.yaml is missing a part or gives one a value that is not a number."""


_KEYS = {
    "rarity_threshold": "rarity-threshold",
    "unknown_zipf": "unknown-word-zipf",
    "rarity": "rarity-weight",
    "jargon": "jargon-weight",
    "length_power": "length-power",
    "dale_chall": "dale-chall-weight",
}


def weights_from(data: object) -> Weights:
    if not isinstance(data, dict):
        raise DifficultyError("difficulty.yaml: expected a list of 'part: number' lines")
    values: dict[str, float] = {}
    for field_name, key in _KEYS.items():
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise DifficultyError(f"difficulty.yaml: '{key}' must be a number (got {value!r})")
        values[field_name] = float(value)
    return Weights(**values)


@cache
def weights() -> Weights:
    return weights_from(load_pack("difficulty.yaml"))


_LETTERS = re.compile(r"[^\W\d_]+")
_SPLIT_AT = re.compile(r"[\d\-/.]")


# Bounded: numbers and names make the set of words grow with the collection.
@lru_cache(maxsize=8192)
def word_rarity(word: str, threshold: float, unknown: float) -> float:
    """How far below `threshold` (Zipf) the word's frequency is; 0 for common words.

    A word with digits, hyphens or slashes (BRCA2, IL-6, follow-up) counts by its runs of
    letters; a number counts nothing."""
    table = frequencies()
    lower = word.lower().replace("’", "'")
    parts = _LETTERS.findall(lower) if _SPLIT_AT.search(lower) else [lower]
    return sum(max(0.0, threshold - table.get(p, unknown)) for p in parts)


def _start(m: Match) -> int:
    return m.start


@dataclass(frozen=True)
class Difficulty:
    grade: float  # Flesch-Kincaid, shown beside the score
    words: int
    rarity: float
    jargon: int
    dale_chall: float
    score: float


def sentence_difficulty(
    sentence: Sentence,
    lexicon: Lexicon,
    w: Weights | None = None,
    unit_matches: list[Match] | None = None,
) -> Difficulty:
    """The score; unit_matches are the lexicon's matches in the sentence's unit, if known."""
    w_ = w or weights()
    if unit_matches is None:
        unit_matches = lexicon.find(sentence.unit.text)
    # Matches are in text order: the sentence's own are found by bisection, so a long
    # paragraph of many sentences stays linear.
    lo = bisect.bisect_left(unit_matches, sentence.start, key=_start)
    hi = bisect.bisect_left(unit_matches, sentence.end, lo=lo, key=_start)
    jargon = hi - lo
    rarity = sum(word_rarity(x.text, w_.rarity_threshold, w_.unknown_zipf) for x in sentence.words)
    counts = sentence_counts(sentence)
    dale_chall = grade("dale-chall", counts)
    words = len(sentence.words)
    # Readers find a long sentence with four rare words harder than a short one with
    # two, but not twice as hard: rarity is weighed by length to a power under 1. A
    # jargon term costs the same in any sentence, so a long plain explanation does not
    # outrank the short sentence with the term it explains.
    score = (
        w_.rarity * rarity / max(1, words) ** w_.length_power
        + w_.jargon * jargon
        + w_.dale_chall * dale_chall
    )
    return Difficulty(grade("flesch-kincaid", counts), words, rarity, jargon, dale_chall, score)
