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


# Longer runs of letters are not words made of everyday words (and one of 300,000
# letters would cost time in proportion to its square).
_LONGEST = 40


def built_from_common_words(word: str, table: dict[str, float], threshold: float) -> bool:
    """Breathlessness, inhalers, recheck, eardrum: rare as a whole, plain in its parts."""
    if len(word) > _LONGEST:
        return False
    return _built(word, table, threshold, {})


def _built(word: str, table: dict[str, float], threshold: float, seen: dict[str, bool]) -> bool:
    # Each word is worked out once: stripping suffixes two ways at each step ('-s' and
    # '-es', a base with and without 'e') would otherwise branch exponentially.
    if word in seen:
        return seen[word]
    seen[word] = False

    def common(w: str, level: float = threshold) -> bool:
        return len(w) >= 3 and table.get(w, 0.0) >= level

    found = False
    for suffix in _SUFFIXES:
        if word.endswith(suffix):
            base = word[: -len(suffix)]
            candidates = [base, base + "e"]
            if base.endswith("i"):
                candidates.append(base[:-1] + "y")
            if len(base) > 3 and base[-1] == base[-2]:
                candidates.append(base[:-1])
            if any(common(c) or _built(c, table, threshold, seen) for c in candidates):
                found = True
                break
    if not found:
        found = any(
            word.startswith(prefix) and common(word[len(prefix) :]) for prefix in _PREFIXES
        ) or any(
            common(word[:i], _COMMON_PART) and common(word[i:], _COMMON_PART)
            for i in range(3, len(word) - 2)
        )
    seen[word] = found
    return found


# Bounded: numbers and names make the set of words grow with the collection.
@lru_cache(maxsize=4096)
def is_rare(word: str, threshold: float) -> bool:
    """A lowercase word that is rare in everyday English and not built from common words."""
    table = frequencies()
    lower = word.lower().replace("’", "'")
    return table.get(lower, 0.0) < threshold and not built_from_common_words(
        lower, table, threshold
    )
