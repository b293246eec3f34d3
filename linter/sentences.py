"""Sentences and words: where each sentence of a unit starts and ends, and its words.

The splitter does not break at abbreviations (Dr., e.g., vs., No. 5), initials (J. Smith),
decimals (4.0 months) or inside brackets, and keeps closing quotes with their sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from linter.packs import load_pack
from linter.prose import LINE_BREAK, Unit

# A word: letters or digits, joined by inner apostrophes, hyphens, dots or slashes
# (don't, low-dose, U.S, 4.0, mg/dL).
WORD = re.compile(r"[^\W_]+(?:['’.\-/][^\W_]+)*")
# A possible sentence end: terminal punctuation, then closing quotes or brackets.
_LINE_BREAK = re.compile(LINE_BREAK)
_END = re.compile(r"(?:\.(?:\s\.)+|[.!?…]+)[\"'”’)\]]*(?=\s|$)")
# "1." or "a." or "• 9." at the start of a sentence numbers it; it does not end it.
_LIST_MARKER = re.compile(r"\s*[•⁃\-*]?\s*(?:\d{1,3}|[a-z])\.\)?")
_OPENERS = "\"'“‘([¿¡"


class Word(NamedTuple):
    start: int
    end: int
    text: str


@dataclass
class Sentence:
    unit: Unit
    start: int
    end: int
    words: list[Word]
    # Filled in once by grades.sentence_counts.
    counts: object = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.unit.text[self.start : self.end]


@dataclass(frozen=True)
class _Abbreviations:
    titles: frozenset[str]
    before_number: frozenset[str]
    common: frozenset[str]
    units: frozenset[str]


@cache
def _abbreviations() -> _Abbreviations:
    data = load_pack("abbreviations.yaml")
    return _Abbreviations(
        frozenset(data["titles"]),
        frozenset(data["before-number"]),
        frozenset(data["common"]),
        frozenset(data["units"]),
    )


def words_in(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    end = len(text) if end is None else end
    return [Word(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]


def split_sentences(unit: Unit) -> list[Sentence]:
    text = unit.text
    out: list[Sentence] = []
    start = 0
    for end in _boundaries(text):
        _add(unit, start, end, out)
        start = end
    _add(unit, start, len(text), out)
    return out


def _add(unit: Unit, start: int, end: int, out: list[Sentence]) -> None:
    text = unit.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    words = words_in(text, start, end)
    if words:
        out.append(Sentence(unit, start, end, words))


# A list marker inside running text: "1.)", "2)", "3.", "b.", "• 10.", "⁃9.".
_INLINE_MARKER = re.compile(r"(?:(?<=\s)|^)(?:[•⁃]\s*)?(?:\d{1,2}|[a-z])(?:\.\)|\)|\.)(?=\s)")
_BULLET = re.compile(r"(?:(?<=\s)|^)[•⁃]")


def _list_starts(text: str) -> list[int]:
    """Where the items of an inline list start, when the text opens with a list marker."""
    first = _INLINE_MARKER.match(text)
    bullet = _BULLET.match(text)
    if bullet:
        return [m.start() for m in _BULLET.finditer(text)][1:]
    if first is None:
        return []
    marker = first.group()
    token = marker.rstrip(".)")
    style = marker[len(token) :]
    # The next items must follow in order: 2 after 1, b after a.
    out = []
    expect = _next_label(token)
    for m in _INLINE_MARKER.finditer(text, first.end()):
        label = m.group()
        if label.rstrip(".)") == expect and label[len(expect) :] == style:
            out.append(m.start())
            expect = _next_label(expect)
    return out


def _next_label(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


def _boundaries(text: str) -> list[int]:
    ends: list[int] = []
    depth = 0
    last = 0
    items = _list_starts(text)
    for m in _END.finditer(text):
        if _LIST_MARKER.fullmatch(text, ends[-1] if ends else 0, m.end()):
            continue
        k = bisect.bisect_left(items, m.end() - 6)
        if k < len(items) and items[k] < m.end() <= items[k] + 6:
            continue
        # Brackets opened and not yet closed keep a sentence going: "(He worked. Then)".
        depth += text.count("(", last, m.start()) - text.count(")", last, m.start())
        last = m.start()
        if depth > 0 and ")" not in m.group():
            continue
        punct = m.group()
        if punct.startswith(". ."):
            # A spaced ellipsis: ". . ." leaves words out mid-sentence; a full stop
            # written against the word before it ends the sentence there.
            attached = m.start() > 0 and not text[m.start() - 1].isspace()
            if attached:
                if text[m.end() :].strip() and _is_boundary(text, m.start(), m.start() + 1, "."):
                    ends.append(m.start() + 1)
                continue
            if punct.count(".") < 4 and text[m.end() :].strip():
                continue
        elif "[" in text[max(0, m.start() - 1) : m.start()] or "]" in punct:
            # "[...]" marks words left out of a quotation, not the end of a sentence.
            continue
        if _is_boundary(text, m.start(), m.end(), punct):
            ends.append(m.end())
    breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
    return sorted({*ends, *items, *breaks})


_WORD_STOPS = frozenset("(\"'“‘[")


def _word_before(text: str, end: int) -> str:
    """The run of characters before end, back to a space or an opening bracket or quote."""
    start = end
    while start > 0 and not (text[start - 1].isspace() or text[start - 1] in _WORD_STOPS):
        start -= 1
    return text[start:end]


_NOT_SPACE = re.compile(r"\S")
# How far around a full stop the splitter looks: enough for any word, and it keeps a
# single huge paragraph linear in its length.
_NEAR = 200


def _is_boundary(text: str, start: int, end: int, punct: str) -> bool:
    after = _NOT_SPACE.search(text, end)
    if after is None:
        return True
    following = text[after.start() : after.start() + _NEAR]
    nxt = following[0]
    if nxt.islower():
        return False
    if not punct.startswith("."):
        return True
    word = _word_before(text, start)
    bare = word.lower().rstrip(".")
    abbr = _abbreviations()
    if (
        punct != "."
        and not punct.startswith(". ")
        and punct.startswith(".")
        and punct[1] not in "."
    ):
        # A full stop followed by a closing quote or bracket ends the sentence inside it.
        return nxt.isupper() or nxt.isdigit() or nxt in _OPENERS
    if bare in abbr.titles:
        return False
    if bare in abbr.before_number and nxt.isdigit():
        return False
    if bare in ("e.g", "i.e", "vs", "cf", "viz", "approx"):
        return False
    if bare in abbr.units and re.search(
        r"\d\s*$", text[max(0, start - len(word) - _NEAR) : start - len(word)]
    ):
        # "5 mg. Higher doses ...": a measurement ends the sentence.
        return nxt.isupper()
    if len(bare) == 1 and bare.isalpha() and word[:1].isupper():
        # An initial (J. Smith), unless it is the pronoun I ending a sentence.
        if word != "I":
            return False
        before = text[max(0, start - 1 - _NEAR) : start - 1].rstrip()
        return not (before[-1:].isalpha() and before.split()[-1][:1].isupper())
    if "." in bare and bare.replace(".", "").isalpha():
        # Dotted abbreviations (U.S., a.m.) end a sentence only before a clear opener,
        # and only a sentence long enough to stand alone ("At 5 a.m. Mr. Smith left").
        near = max(0, start - _NEAR)
        opening = max(text.rfind(". ", near, start - len(word)), near)
        return (
            nxt.isupper()
            and _starts_sentence(following)
            and len(WORD.findall(text, opening, start)) >= 4
        )
    if bare in abbr.common:
        return nxt.isupper() and _starts_sentence(following)
    return nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or not nxt.isalnum()


# Words that often open a sentence; after an ambiguous abbreviation they tip the balance.
_OPENING_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "there",
        "here",
        "how",
        "what",
        "when",
        "where",
        "why",
        "who",
        "which",
        "if",
        "in",
        "on",
        "at",
        "after",
        "before",
        "but",
        "and",
        "so",
        "as",
        "for",
        "to",
        "some",
        "many",
        "most",
        "all",
        "each",
        "one",
        "two",
        "three",
        "ask",
        "talk",
        "tell",
        "call",
        "take",
        "keep",
        "please",
        "half",
        "both",
        "none",
        "every",
        "several",
        "few",
        "no",
        "do",
        "then",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)


def _starts_sentence(following: str) -> bool:
    m = WORD.match(following)
    return bool(m) and m.group().lower() in _OPENING_WORDS
