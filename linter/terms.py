"""The words the jargon rules can flag, found one way for every rule: acronyms and rare
words (jargon-list matches come from the lexicon)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.frequency import frequencies

# Two or more capitals (digits allowed after the first letter), with an optional
# plural s, standing alone: not part of a code such as CC-4047-MM-007. Short forms in
# mixed case count when two capitals (or a capital and a digit) stand together, as in
# FeNO, HbA1c and eGFR; a name in CamelCase (YouTube, McDonald) has none.
ACRONYM = re.compile(
    r"(?<![\w\-/.])"
    r"([A-Z][A-Z0-9]*[A-Z][A-Z0-9]*"
    r"|(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z][A-Z0-9])[A-Za-z][A-Za-z0-9]*[A-Z0-9][a-z]?)"
    r"(s?)(?![\w\-/]|\.\w)"
)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_LETTERS = 4


def acronyms_in(text: str) -> Iterator[re.Match[str]]:
    return ACRONYM.finditer(text)


def rare_words_in(text: str, threshold: float) -> Iterator[re.Match[str]]:
    """Words of four letters or more, not in capitals, rarer than the threshold."""
    table = frequencies()
    for m in WORD.finditer(text):
        word = m.group()
        if len(word) < MIN_LETTERS or word.isupper():
            continue
        if table.get(word.lower().replace("’", "'"), 0.0) < threshold:
            yield m
