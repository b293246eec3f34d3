"""The words the jargon rules can flag, found one way for every rule: acronyms and rare
words (jargon-list matches come from the lexicon)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from linter.frequency import frequencies
from linter.packs import load_pack

# Two or more capitals (digits allowed after the first letter), with an optional
# plural s, standing alone: not part of a code such as CC-4047-MM-007. Short forms in
# mixed case count when two capitals (or a capital and a digit) stand together, as in
# FeNO, HbA1c and eGFR; a name in CamelCase (YouTube, McDonald) has none.
_LETTERS = (
    r"(?:[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*"
    r"|(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z][A-Z0-9])[A-Za-z][A-Za-z0-9]*[A-Z0-9][a-z]?)"
)
# Short forms joined by hyphens are one: 'CHA2DS2-VASc', 'tTG-IgA' (not 'NHS-funded'),
# and so is a letter before one: 'G-CSF'. An ampersand joins capitals: 'I&D', 'U&Es'.
ACRONYM = re.compile(
    r"(?<![\w\-/.])"
    rf"((?:[A-Z]-)?{_LETTERS}(?:-{_LETTERS})*)"
    r"(s?)(?![\w\-/]|\.\w)"
)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_LETTERS = 4


def acronyms_in(text: str) -> Iterator[re.Match[str]]:
    return ACRONYM.finditer(text)


@cache
def everyday_acronyms(locale: str | None) -> frozenset[str]:
    """Acronyms most patients know (TV, OK), with those of the article's country (GP)."""
    pack = load_pack("acronyms.yaml")
    known = {a.upper() for a in pack["known"]}
    if locale:
        tag = locale.replace("_", "-").lower()
        tag = str((pack.get("default-country") or {}).get(tag, tag)).lower()
        known.update(str(a).upper() for a in for_locale(pack.get("by-locale") or {}, tag))
    return frozenset(known)


def for_locale(by_locale: dict[Any, Any], locale: str) -> list[Any]:
    """The items listed under a language tag that the article's tag is or starts with:
    'en-AU' for an article in 'en-AU' or 'en_AU'."""
    tag = locale.replace("_", "-").lower()
    found: list[Any] = []
    for name, items in by_locale.items():
        name = str(name).lower()
        if tag == name or tag.startswith(name + "-"):
            found.extend(items or ())
    return found


# A name written with a small first letter and a capital inside: 'iStock', 'eBay'.
_BRAND = re.compile(r"[a-z]{1,2}[A-Z][a-z]+")


def rare_words_in(text: str, threshold: float) -> Iterator[re.Match[str]]:
    """Words of four letters or more, not in capitals, rarer than the threshold."""
    table = frequencies()
    for m in WORD.finditer(text):
        word = m.group()
        if len(word) < MIN_LETTERS or word.isupper() or _BRAND.fullmatch(word):
            continue
        key = word.lower().replace("’", "'")
        zipf = table.get(key, 0.0)
        # A possessive is as common as the word itself: 'adult's'.
        if key.endswith("'s"):
            zipf = max(zipf, table.get(key[:-2], 0.0))
        if zipf < threshold:
            zipf = max((table.get(w, 0.0) for w in other_spellings(key)), default=zipf)
        if zipf < threshold:
            yield m


# British spellings and their American forms, which the frequency lists count apart:
# 'paediatrician' is as everyday as 'pediatrician'.
_SPELLINGS = (
    (re.compile(r"ae"), "e"),
    (re.compile(r"oe(?=[a-z])"), "e"),
    (re.compile(r"our(?=s?$|ed$|ing$|ite|able)"), "or"),
    (re.compile(r"is(?=(?:e|es|ed|ing|ation|ations)$)"), "iz"),
    (re.compile(r"tre(?=s?$)"), "ter"),
    (re.compile(r"ogue(?=s?$)"), "og"),
)


def other_spellings(word: str) -> Iterator[str]:
    """The American spelling of a British word, one change at a time and all together."""
    every, changes = word, 0
    for pattern, repl in _SPELLINGS:
        changed = pattern.sub(repl, word)
        if changed != word:
            changes += 1
            yield changed
        every = pattern.sub(repl, every)
    if changes > 1:
        yield every


@cache
def _parts() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    data = load_pack("word-parts.yaml")
    # Longest parts first, so 'cytosis' wins over 'osis'.
    suffixes = sorted(data["suffixes"].items(), key=lambda p: -len(p[0]))
    prefixes = sorted(data["prefixes"].items(), key=lambda p: -len(p[0]))
    return tuple(suffixes), tuple(prefixes)


@cache
def _drug_stems() -> tuple[str, ...]:
    return tuple(str(s) for s in load_pack("word-parts.yaml").get("drug-stems", ()))


def drug_name(word: str) -> bool:
    """Whether the word ends like a generic drug name ('phenazopyridine', 'ramipril')."""
    w = word.lower()
    return any(w.endswith(stem) and len(w) > len(stem) + 3 for stem in _drug_stems())


def word_part(word: str) -> str | None:
    """The medical word part a word is built with, and what it means ('-itis' means
    swelling), from rules/word-parts.yaml."""
    suffixes, prefixes = _parts()
    w = word.lower()
    for part, meaning in suffixes:
        if w.endswith(part) and len(w) > len(part) + 2:
            return f"'-{part}' means {meaning}"
    for part, meaning in prefixes:
        if w.startswith(part) and len(w) > len(part) + 3:
            return f"'{part}-' means {meaning}"
    return None
