"""Syllable counts: the CMU Pronouncing Dictionary first, then an estimate from spelling."""

from __future__ import annotations

import re
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


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Vowel pairs that are said as two syllables (hiatus), as in anemia, video, medium, dual.
_HIATUS = re.compile(r"(?<![cstgx])i[ao]|eo|iu|(?<![qg])ua|uo|(?<![qg])ui(?=[tscv])|ea(?=l$|n$|s$)")
_DIGITS = re.compile(r"\d")


@cache
def estimate(word: str) -> int:
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        # A number is read aloud; count its digits as a rough guide.
        return max(1, len(_DIGITS.findall(word)))
    if w.startswith("y"):
        w = "x" + w[1:]
    count = len(_VOWEL_GROUPS.findall(w))
    count += len(_HIATUS.findall(w))
    if (len(w) > 3 and w.endswith("e") and not w.endswith(("le", "ee", "ie", "ye"))) or (
        len(w) > 3 and w.endswith("le") and w[-3] in "aeiouy"
    ):
        count -= 1
    if len(w) > 4 and w.endswith("ed") and w[-3] not in "tdaeiouy":
        count -= 1
    if len(w) > 4 and w.endswith("es") and w[-3] not in "sxzcgaeiouy" and not w.endswith("ies"):
        count -= 1
    if w.endswith("ism"):
        count += 1
    return max(1, count)
