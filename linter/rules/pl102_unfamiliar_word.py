"""## What it does
Finds words that are not on the jargon list and not linked, but that ordinary
readers rarely see: words that are rare in everyday English (by their frequency
in the wordfreq word lists) and are not names, numbers, units or acronyms. A word
built from a medical word part (`-itis`, `-emia`, `cardio-`, ...) is named with
that part, to help you explain it.

## Why is this bad?
No word list has every medical word. A rare word is hard for most readers
whatever it means; rare words predict how hard readers find health text better
than sentence length does.

## Example
```markdown
Some patients develop paresthesia in their fingers.
```

## Use instead
```markdown
Some patients get tingling or numbness in their fingers.
```

## Fix safety
None: the words need a person to rewrite them.

## Options
`unfamiliar-threshold` in the config (default 2.5, from 2.0 up): the Zipf
frequency below which a word counts as rare. 2.5 is about 3 uses in 10 million
words. On hand-marked test text, 100% of the words it reported were jargon at
2.5, against 57% to 82% at 3.0 (`python bench/jargon.py`), so 2.5 is the default.

## References
The frequency table is from the wordfreq project (Zipf scale). CDC, "Simply Put": use
familiar words.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from functools import cache

from linter.document import Document
from linter.frequency import built_from_common_words, frequencies
from linter.names import is_name, titled
from linter.options import Option
from linter.packs import load_pack
from linter.prose import HEADING, LABEL, Unit
from linter.rules import Report
from linter.sentences import Sentence
from linter.terms import ACRONYM, for_locale, rare_words_in, word_part

CODE = "PL102"
NAME = "unfamiliar-word"
SEVERITY = "warning"
SUMMARY = "Rare word that most readers will not know"
TAGS = ("jargon", "words")
OPTIONS = (
    Option(
        "unfamiliar-threshold",
        float,
        2.0,
        7.0,
        "how rare a word must be to be reported, as a Zipf frequency",
    ),
)
HIGHLIGHT = "unfamiliar"

_ADVICE = "Use a more common word, or explain it the first time, or link it to the glossary."


_AFTER_NUMBER = re.compile(r"\d\s*/?\s*\Z")
# How to say a word: '(say: YOO-vyuh-luh)'. Its parts are sounds, not words.
_SAY = re.compile(r"\((?:say|pronounced|said)\b:?[^()]{1,60}\)", re.IGNORECASE)


@cache
def _english_words() -> frozenset[str]:
    return frozenset(str(w) for w in load_pack("languages.yaml")["english-words"])


@cache
def _everyday_words(locale: str) -> frozenset[str]:
    words = load_pack("languages.yaml").get("everyday-words") or {}
    return frozenset(str(w).lower() for w in for_locale(words, locale))


def _in_another_language(sentence: Sentence, table: dict[str, float]) -> bool:
    """A sentence of four words or more with none of the commonest English words, and
    two or more words no English word list holds. A list of symptoms has no 'the' or
    'and' either ('Fever, photophobia, neck stiffness'), but its words are English."""
    words = [w.text.lower() for w in sentence.words]
    return (
        len(words) >= 4
        and not _english_words().intersection(words)
        and sum(w not in table for w in words) >= 2
    )


@cache
def _units() -> frozenset[str]:
    return frozenset(u.lower() for u in load_pack("abbreviations.yaml")["units"])


@cache
def _unit_words() -> frozenset[str]:
    return frozenset(u.lower() for u in load_pack("abbreviations.yaml").get("unit-words", ()))


def how_rare(zipf: float) -> str:
    if zipf <= 0:
        return "it is not in our list of everyday English words"
    per = 10 ** (9 - zipf)
    scale = 10 ** math.floor(math.log10(per))
    return f"it appears about once in {round(per / scale) * scale:,.0f} words of everyday English"


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        return word[:-1]
    return word


def check(doc: Document, report: Report) -> None:
    threshold = doc.config.option("unfamiliar-threshold")
    table = frequencies()
    allowed = {a.lower() for a in doc.settings.allow}
    # An article with no language tag is read as English.
    allowed |= _everyday_words(doc.locale or "en")
    explained = doc.explanations
    # Each rare word's uses, in order: the first is reported unless it is explained.
    uses: dict[str, list[tuple[Unit, int, int]]] = {}
    # Unknown words taken for names because they open a sentence or a cell: a use of the
    # same word in small letters later shows it was a word ('Decongestant spray' then 'a
    # decongestant spray'), and the first use counts from there.
    opening: dict[str, tuple[Unit, int, int]] = {}
    for unit in doc.units:
        if unit.kind in (HEADING, LABEL):
            continue
        jargon: set[int] | None = None
        starts: set[int] | None = None
        foreign: list[tuple[int, int]] | None = None
        sounds = [s.span() for s in _SAY.finditer(unit.text)] if "(" in unit.text else []
        # Most words are common: that test comes first, as it is the cheapest.
        for m in rare_words_in(unit.text, threshold):
            word = m.group()
            lower = word.lower().replace("’", "'")
            zipf = table.get(lower, 0.0)
            # One entry for a word and its plural: 'podiatrists ... A podiatrist is ...'.
            key = _singular(lower)
            if sounds and any(s < m.start() < e for s, e in sounds):
                continue
            if lower in allowed or ACRONYM.fullmatch(word):
                # A short form such as 'eGFR' is PL104's to check.
                continue
            if key in uses:
                if uses[key]:
                    uses[key].append((unit, m.start(), m.end()))
                continue
            if built_from_common_words(lower, table, threshold):
                continue
            if lower in _unit_words():
                continue
            if lower in _units() and _AFTER_NUMBER.search(unit.text, 0, m.start()):
                # '140 mmHg': a unit after a number is read as one.
                continue
            if jargon is None:
                jargon = {i for j in doc.jargon_in(unit) for i in range(j.start, j.end)}
            if m.start() in jargon:
                continue
            link = unit.link_at(m.start())
            if link is not None and doc.is_definition_link(
                link.href, word, unit.text[link.start : link.end]
            ):
                continue
            # A capital inside a sentence marks a name; at the start, an unknown word is too.
            if word[0].isupper():
                if starts is None:
                    starts = (
                        {s.start for s in doc.sentences_of(unit)}
                        if unit.is_prose_sentences
                        else {0}
                    )
                before = unit.text[max(0, m.start() - 80) : m.start()]
                after = unit.text[m.end() : m.end() + 80]
                if is_name(word, m.start() in starts, zipf > 0.0, before, after):
                    if m.start() in starts and not titled(before, after):
                        opening.setdefault(key, (unit, m.start(), m.end()))
                    continue
            if foreign is None:
                foreign = (
                    [
                        (s.start, s.end)
                        for s in doc.sentences_of(unit)
                        if _in_another_language(s, table)
                    ]
                    if unit.is_prose_sentences
                    else []
                )
            if foreign:
                at = bisect_right(foreign, (m.start(), math.inf)) - 1
                if at >= 0 and m.start() < foreign[at][1]:
                    continue
            if explained.explaining(unit, m.start(), m.end()):
                # The words of an explanation are plain words in that place.
                uses[key] = []
                continue
            first = opening.get(key) if word[0].islower() else None
            uses[key] = (
                [first, (unit, m.start(), m.end())] if first else [(unit, m.start(), m.end())]
            )
    link_only = doc.wants_links
    for found in uses.values():
        if not found:
            continue
        how = explained.first_use_explained(found)
        if how and not link_only:
            continue
        unit, start, end = found[0]
        word = unit.text[start:end]
        zipf = table.get(word.lower().replace("’", "'"), 0.0)
        reason = how_rare(zipf)
        part = word_part(word)
        why = f"{reason}, and {part}" if part else reason
        if how:
            message = f"'{word}' is explained here, but this site asks for a glossary link too."
        else:
            message = f"'{word}' may be unfamiliar to readers: {why}."
        report(unit.span(start, end), message, [_ADVICE])
