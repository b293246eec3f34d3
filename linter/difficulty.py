"""A jargon-aware difficulty score for each sentence.

Grade formulas see only word and sentence lengths. This score adds a fixed number of
grade levels for each jargon term and each rare word in the sentence (weights in
rules/difficulty.yaml), because unknown words are what readers find hardest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from linter.frequency import is_rare
from linter.grades import grade, sentence_counts
from linter.lexicon import Lexicon
from linter.packs import load_pack
from linter.sentences import Sentence

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


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


@dataclass(frozen=True)
class Difficulty:
    grade: float
    jargon: int
    rare: int
    score: float


def sentence_difficulty(
    sentence: Sentence, lexicon: Lexicon, w: Weights | None = None
) -> Difficulty:
    w = w or weights()
    text = sentence.text
    matches = lexicon.find(text)
    covered = [(m.start, m.end) for m in matches]
    rare = 0
    for m in _WORD.finditer(text):
        word = m.group()
        if len(word) < 4 or any(s <= m.start() < e for s, e in covered):
            continue
        # Names (a capital inside the sentence) and acronyms are not counted.
        if word.isupper() or (word[0].isupper() and m.start() > 0):
            continue
        if is_rare(word, w.threshold):
            rare += 1
    fk = grade("flesch-kincaid", sentence_counts(sentence))
    return Difficulty(fk, len(matches), rare, fk + w.jargon * len(matches) + w.rare * rare)
