"""Reading grade formulas, from counts that plainlint makes itself.

textstat's own counting downloads the CMU dictionary through nltk on first use, so
plainlint counts words, sentences and syllables itself and applies the published
formulas here. The Dale-Chall list of familiar words is the one textstat ships, copied
into linter/data with its provenance.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from linter.sentences import Sentence
from linter.syllables import PHONE_NUMBER, syllables

# The one list of grade metrics: config key -> the name shown to writers.
METRIC_NAMES = {
    "flesch-kincaid": "Flesch-Kincaid grade",
    "smog": "SMOG grade",
    "coleman-liau": "Coleman-Liau index",
    "ari": "Automated Readability Index",
    "gunning-fog": "Gunning fog index",
    "dale-chall": "Dale-Chall score",
}
GRADE_METRICS = tuple(METRIC_NAMES)


@dataclass(frozen=True)
class Counts:
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    letters: int = 0
    polysyllables: int = 0  # words of three or more syllables
    unfamiliar: int = 0  # words not on the Dale-Chall list


_DALE_CHALL = Path(__file__).resolve().parent / "data" / "dale-chall.txt"


@cache
def familiar_words() -> frozenset[str]:
    """The Dale-Chall list (linter/data/dale-chall.txt, made by tools/build_dale_chall.py).
    Shipped with plainlint: a missing list is a broken install, and says so."""
    lines = _DALE_CHALL.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


# Bounded: numbers and names make the set of words grow with the collection.
@lru_cache(maxsize=4096)
def word_counts(word: str) -> tuple[int, int, int, int]:
    """(syllables, letters, polysyllable 0/1, unfamiliar 0/1) for one word."""
    n, source = syllables(word)
    # A phone number is one short word, not ten letters' worth of reading.
    letters = 1 if source == PHONE_NUMBER else sum(1 for ch in word if ch.isalnum())
    unfamiliar = 0 if word.lower() in familiar_words() or word[0].isdigit() else 1
    return n, letters, int(n >= 3), unfamiliar


def sentence_counts(sentence: Sentence) -> Counts:
    # Several rules and the engine need the same counts: work them out once.
    if sentence.counts is not None:
        return sentence.counts  # type: ignore[no-any-return]
    syl = let = poly = unf = 0
    for w in sentence.words:
        a, b, c, d = word_counts(w.text)
        syl += a
        let += b
        poly += c
        unf += d
    sentence.counts = Counts(1, len(sentence.words), syl, let, poly, unf)
    return sentence.counts


def total(counts: Iterable[Counts]) -> Counts:
    sums = [0, 0, 0, 0, 0, 0]
    for c in counts:
        sums[0] += c.sentences
        sums[1] += c.words
        sums[2] += c.syllables
        sums[3] += c.letters
        sums[4] += c.polysyllables
        sums[5] += c.unfamiliar
    return Counts(*sums)


def grade(metric: str, c: Counts) -> float:
    if c.words == 0 or c.sentences == 0:
        return 0.0
    wps = c.words / c.sentences
    if metric == "flesch-kincaid":
        return 0.39 * wps + 11.8 * c.syllables / c.words - 15.59
    if metric == "smog":
        return 1.0430 * math.sqrt(c.polysyllables * 30 / c.sentences) + 3.1291
    if metric == "coleman-liau":
        return 0.0588 * (100 * c.letters / c.words) - 0.296 * (100 * c.sentences / c.words) - 15.8
    if metric == "ari":
        return 4.71 * c.letters / c.words + 0.5 * wps - 21.43
    if metric == "gunning-fog":
        return 0.4 * (wps + 100 * c.polysyllables / c.words)
    if metric == "dale-chall":
        pct = 100 * c.unfamiliar / c.words
        return 0.1579 * pct + 0.0496 * wps + (3.6365 if pct > 5 else 0.0)
    raise ValueError(f"unknown grade metric {metric!r}")
