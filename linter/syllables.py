"""Syllable counts: the CMU Pronouncing Dictionary first, then an estimate from spelling."""

from __future__ import annotations

import re
import zlib
from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "cmu-syllables.txt"


@cache
def dictionary() -> dict[str, int]:
    counts: dict[str, int] = {}
    with _DATA.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.split()
            counts.update(dict.fromkeys(parts[1:], int(parts[0])))
    return counts


def syllables(word: str) -> tuple[int, str]:
    """Syllables in a word, and where the count came from: 'dictionary' or 'estimate'."""
    w = word.lower().replace("’", "'")
    found = dictionary().get(w)
    if found is not None:
        return max(found, 1), "dictionary"
    if "-" in w or "/" in w:
        parts = [p for p in re.split(r"[-/]", w) if p]
        return sum(syllables(p)[0] for p in parts) or 1, "estimate"
    return estimate(w), "estimate"


_MODEL = Path(__file__).resolve().parent / "data" / "syllable-model.txt"
_GROUP = re.compile(r"[aeiouy]+")


def held_out(word: str) -> bool:
    """The tenth of dictionary words never used to train the estimator (stable hash)."""
    return zlib.crc32(word.encode("utf-8")) % 10 == 0


def features(word: str) -> list[str]:
    """The vowel groups of a word, each in several contexts, as feature names."""
    w = "^" + word + "$"
    out = ["bias", f"end:{w[-4:]}", f"start:{w[:4]}"]
    for m in _GROUP.finditer(w):
        g, a, b = m.group(), m.start(), m.end()
        if g == "y" and w[b] in "aeiou":
            continue
        p1, p2 = w[a - 1], w[max(0, a - 2) : a]
        n1, n2 = w[b], w[b : b + 2]
        n3 = w[b : b + 3]
        out += [
            f"g:{g}",
            f"gn:{g}|{n1}",
            f"pg:{p1}|{g}",
            f"pgn:{p1}|{g}|{n2}",
            f"gnnn:{g}|{n3}",
            f"ppg:{p2}|{g}",
        ]
    return out


@cache
def _weights() -> dict[str, float]:
    weights: dict[str, float] = {}
    with _MODEL.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                name, _, value = line.rstrip("\n").partition("\t")
                weights[name] = float(value)
    return weights


_DIGITS = re.compile(r"\d")


@cache
def estimate(word: str) -> int:
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        # A number is read aloud; count its digits as a rough guide.
        return max(1, len(_DIGITS.findall(word)))
    weights = _weights()
    return max(1, round(sum(weights.get(f, 0.0) for f in features(w))))
