"""How common words are in everyday English (wordfreq's Zipf scale), and rare words."""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from linter.packs import grouped_table

_DATA = Path(__file__).resolve().parent / "data" / "word-frequency.txt"
_SUFFIXES = ("lessness", "ness", "less", "ers", "er", "es", "s", "ed", "ing", "ly", "ful")
_PREFIXES = ("under", "over", "un", "re", "pre", "non", "dis", "mis", "out", "self")
_COMMON_PART = 3.5


@cache
def frequencies() -> dict[str, float]:
    return grouped_table(_DATA, float)


def built_from_common_words(word: str, table: dict[str, float], threshold: float) -> bool:
    """Breathlessness, inhalers, recheck, eardrum: rare as a whole, plain in its parts."""

    def common(w: str, level: float = threshold) -> bool:
        return len(w) >= 3 and table.get(w, 0.0) >= level

    for suffix in _SUFFIXES:
        if word.endswith(suffix):
            base = word[: -len(suffix)]
            candidates = [base, base + "e"]
            if base.endswith("i"):
                candidates.append(base[:-1] + "y")
            if len(base) > 3 and base[-1] == base[-2]:
                candidates.append(base[:-1])
            if any(common(c) or built_from_common_words(c, table, threshold) for c in candidates):
                return True
    for prefix in _PREFIXES:
        if word.startswith(prefix) and common(word[len(prefix) :]):
            return True
    return any(
        common(word[:i], _COMMON_PART) and common(word[i:], _COMMON_PART)
        for i in range(3, len(word) - 2)
    )


# Bounded: numbers and names make the set of words grow with the collection.
@lru_cache(maxsize=4096)
def is_rare(word: str, threshold: float) -> bool:
    """A lowercase word that is rare in everyday English and not built from common words."""
    table = frequencies()
    lower = word.lower().replace("’", "'")
    return table.get(lower, 0.0) < threshold and not built_from_common_words(
        lower, table, threshold
    )
