"""A jargon-aware difficulty score for each sentence.

Grade formulas see only word and sentence lengths, so a plain sentence that explains a
term at length can score as harder than the jargon it replaces. This score starts from
the Dale-Chall score (which counts words outside a list of familiar words) and adds a
fixed amount for each jargon term and each rare word (weights in rules/difficulty.yaml).
`grade` is the sentence's Flesch-Kincaid grade, shown beside it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

from linter.frequency import is_rare
from linter.grades import grade, sentence_counts
from linter.lexicon import Lexicon, Match
from linter.names import is_name
from linter.packs import load_pack
from linter.sentences import Sentence


@dataclass(frozen=True)
class Weights:
    jargon: float
    rare: float
    threshold: float


@cache
def weights() -> Weights:
    data = load_pack("difficulty.yaml")
    return Weights(
        float(data["jargon-weight"]), float(data["rare-weight"]), float(data["rare-threshold"])
    )


def _start(m: Match) -> int:
    return m.start


@dataclass(frozen=True)
class Difficulty:
    grade: float
    jargon: int
    rare: int
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
    inside = unit_matches[lo:hi]
    covered = {i for m in inside for i in range(m.start, m.end)}
    rare = 0
    for w in sentence.words:
        word = w.text
        if len(word) < 4 or w.start in covered or not word.isalpha():
            continue
        # Names (a capital inside the sentence) and acronyms are not counted.
        if word.isupper() or is_name(word, w.start <= sentence.start):
            continue
        if is_rare(word, w_.threshold):
            rare += 1
    counts = sentence_counts(sentence)
    fk = grade("flesch-kincaid", counts)
    base = grade("dale-chall", counts)
    jargon = len(inside)
    return Difficulty(fk, jargon, rare, base + w_.jargon * jargon + w_.rare * rare)
