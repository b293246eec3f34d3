"""Syllable counts: the CMU Pronouncing Dictionary first, then an estimate from spelling."""

from __future__ import annotations

import itertools
import re
import zlib
from functools import cache, lru_cache
from pathlib import Path

from linter.packs import grouped_table

_DATA = Path(__file__).resolve().parent / "data" / "cmu-syllables.txt"


@cache
def dictionary() -> dict[str, int]:
    return grouped_table(_DATA, int)


# A phone number, with a vanity part or not: '1-855-829-6636', '273-8255',
# '1-800-MEDICARE', '+44-20-7946-0958', '800.555.1234' ('0300 123 4567' is three words).
# It ends in four or more: not a range ('12.50-13.75', '2010-2015') or a date
# ('2017-01-19', '19-01-2017').
_PHONE = re.compile(r"\+?\d{1,4}(?:[-‑][0-9A-Z]{2,9}){0,3}[-‑][0-9A-Z]{4,9}|\d{3}\.\d{3}\.\d{4}")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{4}|\d{4}[-‑]\d{2,4}")


# Where a phone number's count came from (syllables' second value).
PHONE_NUMBER = "phone number"


def is_phone_number(word: str) -> bool:
    return (
        _PHONE.fullmatch(word) is not None
        and sum(ch.isalnum() for ch in word) >= 7
        and _DATE.fullmatch(word) is None
    )


def syllables(word: str) -> tuple[int, str]:
    """Syllables in a word, and where the count came from: 'dictionary', 'estimate' or
    'phone number'."""
    if is_phone_number(word):
        # Read digit by digit, but no harder for that: one short word to the formulas.
        return 1, PHONE_NUMBER
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
_AFFIXES = Path(__file__).resolve().parent / "data" / "syllable-affixes.txt"


@cache
def _affixes() -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
    prefixes: list[tuple[str, int]] = []
    suffixes: list[tuple[str, int]] = []
    with _AFFIXES.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            kind, part, count = line.split()
            (prefixes if kind == "prefix" else suffixes).append((part, int(count)))
    # Longest first, so 'lidomide' wins over 'mide'.
    return (
        tuple(sorted(prefixes, key=lambda p: -len(p[0]))),
        tuple(sorted(suffixes, key=lambda p: -len(p[0]))),
    )


# Vowel pairs said as one sound; other pairs inside a word part are two syllables.
_DIPHTHONGS = frozenset(
    [
        "ai",
        "au",
        "ay",
        "ee",
        "ei",
        "eu",
        "ey",
        "oa",
        "oe",
        "oi",
        "oo",
        "ou",
        "oy",
        "ui",
        "uy",
        "ae",
        "ew",
        "ow",
        "aw",
    ]
)


def _fragment(part: str) -> int:
    """Syllables in what is left of a word once its known parts are taken off.

    Unlike a whole word, a fragment's final e is said ('dabrafe-nib'), so each vowel
    group counts, plus one for each pair of vowels said apart ('ste-a-tosis').
    """
    count = 0
    for m in _GROUP.finditer(part):
        g = m.group()
        if g[0] == "y" and m.start() == 0 and len(part) > 1:
            g = g[1:]
            if not g:
                continue
        # '-tion', '-sion', '-cion', '-gion': the i is not a syllable of its own.
        soft = m.start() > 0 and part[m.start() - 1] in "tscg" and g.startswith("io")
        pairs = itertools.pairwise(g)
        count += 1 + sum(1 for a, b in pairs if a + b not in _DIPHTHONGS) - int(soft)
    return count


def _model(w: str) -> int:
    weights = _weights()
    return round(sum(weights.get(f, 0.0) for f in features(w)))


# Bounded: numbers and names make the set of words grow with the collection.
@lru_cache(maxsize=4096)
def estimate(word: str) -> int:
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        # A number is read aloud; count its digits as a rough guide.
        return max(1, len(_DIGITS.findall(word)))
    # Medical words are built from parts whose syllables are known: count those,
    # and estimate only what is left.
    prefixes, suffixes = _affixes()
    known = 0
    rest = w
    for part, count in suffixes:
        if rest.endswith(part) and len(rest) > len(part) + 1:
            rest = rest[: -len(part)]
            known += count
            break
    stripped = True
    while stripped:
        stripped = False
        for part, count in prefixes:
            # 'adeno' + 'id' would split the diphthong of 'adenoid': keep it whole.
            if (
                rest.startswith(part)
                and len(rest) > len(part) + 1
                and not (part[-1] in "aeiou" and rest[len(part)] in "iuy")
            ):
                rest = rest[len(part) :]
                known += count
                stripped = True
                break
    if known == 0:
        return max(1, _model(w))
    return known + _fragment(rest)
