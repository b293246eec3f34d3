"""## What it does
Finds everyday words and phrases that have a plainer choice, such as `utilize`
(use), `approximately` (about), `prior to` (before) or `in the event that` (if).
The list is `rules/complex-words.yaml`.

## Why is this bad?
Long, formal words slow every reader down and add nothing. Plain-language
guides for health writing ask for the short, common word whenever it says the
same thing.

## Example
```markdown
Prior to your visit, you can request a list of the medications you utilize.
```

## Use instead
```markdown
Before your visit, you can ask for a list of the medicines you use.
```

A swap has to fit its sentence. Each word on the list says which part of speech it
replaces and which words around it show that it fits: "request" becomes "ask for"
after "you can", but nothing is said about "on request" or "your request". Nothing
is said inside quotation marks, inside a longer word ("self-sufficient"), in a name
or title written with capitals ("Principal Investigator"), or in a fixed phrase
("prior authorization", "assisted living"). Where the words around it do not show
whether a swap fits, the plainer word is a hint: "if it fits here".

## Fix safety
`plainlint check --fix --unsafe-fixes` makes the swap where the words around it
show that it fits and there is one choice. "a" and "an" change with the new word
("an initial visit" becomes "a first visit"), and a capital stays a capital. The
fix is unsafe: read the sentence again afterwards. A swap that leaves a new problem
in the file (a sentence now too long, a word that needs a link) is taken back.

## Options
This rule reports at `info` level, which does not fail a run; raise it with
`severity: {PL103: warning}`. The setting `fixed-phrases` lists the site's own
phrases and titles that keep their words ("Patient Assistance Program").

## References
US Federal Plain Language Guidelines, "Use simple words and phrases". The word list is
rules/complex-words.yaml.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from linter.diagnostics import Applicability, Edit, Fix, Span
from linter.document import Document
from linter.lexicon import Entry, Lexicon
from linter.packs import load_pack, packs_dir, parsed_packs, unchanged
from linter.prose import HEADING, Unit
from linter.rules import Report

CODE = "PL103"
NAME = "complex-word"
SEVERITY = "info"
SUMMARY = "Word or phrase with a plainer choice"
TAGS = ("words", "style")
HIGHLIGHT = "complex"

# What stands before or after an entry, when it is not a word.
START, END, PUNCT = "START", "END", "PUNCT"
_BUILT_IN = {START, END, PUNCT, "NUMBER", "CONTENT", "ING", "ANY"}
_FRAME_KEYS = ("fix-after", "fix-before", "never-after", "never-before")
_WORD_CHAR = re.compile(r"[^\W_]")
_HYPHENS = "-‐‑"
# After these, a new clause or sentence begins: the entry starts it.
_OPENERS = ":;(“‘[—–"


class ComplexWordsError(ValueError):
    """rules/complex-words.yaml holds something PL103 cannot use; the message says what."""


@dataclass(frozen=True)
class Swap:
    """One entry: its plainer choices and the frames where each outcome applies."""

    part: str
    choices: tuple[str, ...]
    fix: str | None  # the choice a fix writes, when there is more than one
    frames: dict[str, tuple[str, ...]]
    elsewhere: str  # "hint" or "silent"
    hint_only: bool = False  # never a fix: the plain word is only named
    # The choices offered: those not on the list themselves ('prior' -> 'previous' is no
    # help), unless all are; and the one a fix writes, if there is one.
    offered: tuple[str, ...] = ()
    pick: str | None = None


@dataclass(frozen=True)
class SwapList:
    lexicon: Lexicon
    swaps: dict[str, Swap]
    classes: dict[str, frozenset[str]]
    function_words: frozenset[str]
    an_words: frozenset[str]
    a_words: frozenset[str]
    fixed_phrases: tuple[str, ...]


def _words(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ComplexWordsError(f"{where} must be a list of words")
    return tuple(value)


def build_swap_list(data: dict[str, object]) -> SwapList:
    """The parsed contents of complex-words.yaml, checked: every frame names a known class."""
    raw_classes = data.get("classes") or {}
    if not isinstance(raw_classes, dict):
        raise ComplexWordsError("'classes' must map class names to lists of words")
    classes = {
        str(k): frozenset(w.lower() for w in _words(v, f"class {k}"))
        for k, v in raw_classes.items()
    }
    known = set(classes) | _BUILT_IN

    def frames_of(raw: dict[str, object], where: str) -> dict[str, tuple[str, ...]]:
        out = {}
        for key in _FRAME_KEYS:
            if key in raw:
                words = _words(raw[key], f"{where} {key}")
                bad = [w for w in words if w.isupper() and w not in known]
                if bad:
                    raise ComplexWordsError(f"{where} {key}: no class named {bad[0]!r}")
                out[key] = tuple(w if w.isupper() else w.lower() for w in words)
        return out

    raw_frames = data.get("frames") or {}
    if not isinstance(raw_frames, dict):
        raise ComplexWordsError("'frames' must map parts of speech to their frames")
    part_frames = {}
    part_elsewhere = {}
    for part, raw in raw_frames.items():
        if not isinstance(raw, dict):
            raise ComplexWordsError(f"frames of {part!r} must be a mapping")
        part_frames[str(part)] = frames_of(raw, f"frames of {part!r}")
        part_elsewhere[str(part)] = str(raw.get("elsewhere", "hint"))
    swaps: dict[str, Swap] = {}
    raw_swap = data.get("swap") or {}
    if not isinstance(raw_swap, dict):
        raise ComplexWordsError("'swap' must hold one section per part of speech")
    for part, entries in raw_swap.items():
        if part not in part_frames:
            raise ComplexWordsError(f"swap section {part!r} has no frames under 'frames'")
        if not isinstance(entries, dict):
            raise ComplexWordsError(f"swap section {part!r} must map words to plainer ones")
        for word, value in entries.items():
            where = f"swap {part} {word!r}"
            spec = value if isinstance(value, dict) else {"plain": value}
            plain = spec.get("plain")
            if not isinstance(plain, str) or not plain.strip():
                raise ComplexWordsError(f"{where} needs a plainer choice")
            choices = tuple(c.strip() for c in plain.split("/") if c.strip())
            fix = spec.get("fix")
            if fix is not None and fix not in choices:
                raise ComplexWordsError(f"{where}: 'fix' must be one of its choices")
            elsewhere = str(spec.get("elsewhere", part_elsewhere[part]))
            if elsewhere not in ("hint", "silent"):
                raise ComplexWordsError(f"{where}: 'elsewhere' must be 'hint' or 'silent'")
            frames = {**part_frames[part], **frames_of(spec, where)}
            key = str(word).lower()
            if key in swaps:
                raise ComplexWordsError(f"{where} is listed twice")
            hint_only = spec.get("hint-only", False)
            if not isinstance(hint_only, bool):
                raise ComplexWordsError(f"{where}: 'hint-only' must be true or false")
            swaps[key] = Swap(part, choices, fix, frames, elsewhere, hint_only)
    articles = data.get("articles") or {}
    entries_ = [Entry(word, None, (), "complex-words.yaml") for word in swaps]
    lexicon = Lexicon.from_entries(entries_, plurals=False)
    for key, swap in swaps.items():
        offered = tuple(c for c in swap.choices if not lexicon.find(c)) or swap.choices
        pick = swap.fix if swap.fix in offered else (offered[0] if len(offered) == 1 else None)
        swaps[key] = replace(swap, offered=offered, pick=pick)
    function_words = frozenset().union(*classes.values()) | {"to", "not"}
    return SwapList(
        lexicon,
        swaps,
        classes,
        function_words,
        frozenset(articles.get("an") or ()),  # type: ignore[union-attr]
        frozenset(articles.get("a") or ()),  # type: ignore[union-attr]
        tuple(str(p) for p in data.get("fixed-phrases") or ()),  # type: ignore[union-attr]
    )


@cache
def swap_list() -> SwapList:
    path = packs_dir() / "complex-words.yaml"
    if not path.is_file():
        return build_swap_list({})
    parsed = parsed_packs().get("complex-words") or {}
    if unchanged(path, parsed.get("sha256")):
        return build_swap_list(parsed["data"])
    return build_swap_list(load_pack("complex-words.yaml"))


@lru_cache(maxsize=32)
def _fixed_lexicon(phrases: tuple[str, ...]) -> Lexicon:
    return Lexicon.from_entries([Entry(p) for p in phrases], plurals=False)


@dataclass(frozen=True)
class _Token:
    """The word (lowercase) or mark next to an entry, as the frames name it."""

    kind: str  # a word, START, END or PUNCT
    raw: str = ""  # the word as written
    start: int = 0  # where the word starts in the unit's text


def _before(text: str, at: int, floor: int) -> _Token:
    i = at
    while i > floor and text[i - 1].isspace():
        i -= 1
    if i <= floor:
        return _Token(START)
    ch = text[i - 1]
    if not _WORD_CHAR.match(ch):
        return _Token(START if ch in _OPENERS else PUNCT)
    j = i
    while j > floor and (
        _WORD_CHAR.match(text[j - 1])
        or (text[j - 1] in "'’" and j - 1 > floor and _WORD_CHAR.match(text[j - 2]))
    ):
        j -= 1
    raw = text[j:i]
    return _Token(raw.lower().replace("’", "'"), raw, j)


def _after(text: str, at: int, ceiling: int) -> _Token:
    i = at
    while i < ceiling and text[i].isspace():
        i += 1
    if i >= ceiling:
        return _Token(END)
    ch = text[i]
    if not _WORD_CHAR.match(ch):
        return _Token(END if ch in ".!?" else PUNCT)
    j = i
    while j < ceiling and (
        _WORD_CHAR.match(text[j])
        or (text[j] in "'’" and j + 1 < ceiling and _WORD_CHAR.match(text[j + 1]))
    ):
        j += 1
    raw = text[i:j]
    return _Token(raw.lower().replace("’", "'"), raw, i)


def _is(token: _Token, name: str, words: SwapList) -> bool:
    kind = token.kind
    if name in (START, END, PUNCT):
        return kind == name
    if name == "ANY":
        return True
    if kind in (START, END, PUNCT):
        return False
    if name == "NUMBER":
        return kind[0].isdigit()
    if name == "ING":
        return len(kind) > 4 and kind.endswith("ing")
    if name == "CONTENT":
        return not kind[0].isdigit() and kind not in words.function_words
    if name in words.classes:
        return kind in words.classes[name]
    return kind == name


def _outcome(swap: Swap, before: _Token, after: _Token, words: SwapList) -> str:
    """'fix' where the frames show the swap fits, 'silent' where they show it cannot,
    else the entry's 'elsewhere' ('hint' or 'silent')."""
    frames = swap.frames

    def holds(key: str, token: _Token) -> bool:
        return any(_is(token, name, words) for name in frames.get(key, ()))

    if holds("never-after", before) or holds("never-before", after):
        return "silent"
    fits_after = "fix-after" not in frames or holds("fix-after", before)
    fits_before = "fix-before" not in frames or holds("fix-before", after)
    if fits_after and fits_before:
        return "hint" if swap.hint_only else "fix"
    return swap.elsewhere


def _quoted(text: str) -> list[tuple[int, int]]:
    """The stretches of a unit's text inside quotation marks: a quotation keeps its words."""
    spans = []
    straight = None
    curly = None
    for i, ch in enumerate(text):
        if ch == '"':
            if straight is None:
                straight = i
            else:
                spans.append((straight, i))
                straight = None
        elif ch == "“":
            curly = i
        elif ch == "”" and curly is not None:
            spans.append((curly, i))
            curly = None
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    k = bisect.bisect_right(spans, (start, 1 << 62)) - 1
    return k >= 0 and spans[k][0] < start and end <= spans[k][1]


def _in_compound(text: str, start: int, end: int) -> bool:
    """'self-sufficient', 'robot-assisted': the entry is part of a longer word."""
    joined_before = start >= 2 and text[start - 1] in _HYPHENS and text[start - 2].isalnum()
    joined_after = end + 1 < len(text) and text[end] in _HYPHENS and text[end + 1].isalnum()
    return joined_before or joined_after


def _match_case(original: str, replacement: str) -> str:
    if len(original) > 1 and original.isupper():
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _article(word: str, words: SwapList) -> str:
    first = word.split()[0].lower() if word.split() else ""
    if first in words.an_words:
        return "an"
    if first in words.a_words:
        return "a"
    return "an" if first[:1] in "aeiou" else "a"


def _sentence_bounds(doc: Document, unit: Unit) -> tuple[list[int], list[int]]:
    """Where each sentence of a unit starts and ends (one stretch for a label or heading)."""
    if not unit.is_prose_sentences:
        return [0], [len(unit.text)]
    sentences = doc.sentences_of(unit)
    if not sentences:
        return [0], [len(unit.text)]
    return [s.start for s in sentences], [s.end for s in sentences]


def _bounds(starts: list[int], ends: list[int], at: int, size: int) -> tuple[int, int]:
    k = bisect.bisect_right(starts, at) - 1
    if k < 0:
        return 0, size
    return starts[k], max(ends[k], at)


def _said(choices: list[str]) -> str:
    quoted = [f"'{c}'" for c in choices]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def check(doc: Document, report: Report) -> None:
    words = swap_list()
    fixed = _fixed_lexicon(tuple(words.fixed_phrases) + tuple(doc.config.fixed_phrases))
    for unit in doc.units:
        text = unit.text
        matches = words.lexicon.find(text)
        if not matches:
            continue
        # The fixed phrases in the unit, in order and apart: found by bisection.
        kept = [(m.start, m.end) for m in fixed.find(text)]
        kept_starts = [s for s, _ in kept]
        quoted = _quoted(text)
        starts, ends = _sentence_bounds(doc, unit)
        for match in matches:
            start, end = match.start, match.end
            swap = words.swaps[match.term.term.lower()]
            k = bisect.bisect_left(kept_starts, end) - 1
            if k >= 0 and kept[k][1] > start:
                continue
            if _inside(quoted, start, end) or _in_compound(text, start, end):
                continue
            floor, ceiling = _bounds(starts, ends, start, len(text))
            before = _before(text, start, floor)
            after = _after(text, end, ceiling)
            shown = " ".join(text[start:end].split())
            # A capital inside a sentence, or a run of capitals, is a name or a title
            # ('Principal Investigator', 'Frequently Asked Questions'): it keeps its words.
            if shown[:1].isupper() and not shown.isupper():
                next_capital = after.raw[:1].isupper() and after.kind != "i"
                if before.kind != START or next_capital:
                    continue
            outcome = _outcome(swap, before, after, words)
            if outcome == "silent":
                continue
            choices, pick = list(swap.offered), swap.pick
            fix = None
            span = unit.span(start, end)
            # A phrase broken by markup or a line break is left for the writer to mend.
            # In a heading, the words make the page's anchor ('#providing-the-store'):
            # links to it would break, so the swap is only suggested.
            if (
                outcome == "fix"
                and pick is not None
                and unit.kind != HEADING
                and doc.source.text[span.start : span.end] == shown
                and pick.split()[-1].lower() != after.kind
            ):
                fix = _swap_fix(doc, unit, start, span, shown, pick, before, words)
            said = _said([pick] if fix is not None else choices)
            if outcome == "fix":
                message, advice = f"'{shown}' has a plainer choice: {said}.", f"Say {said}."
            else:
                # A hint: the words around it do not show whether the plain word fits.
                message = f"'{shown}' may have a plainer choice: {said}."
                advice = f"Say {said} if it fits here."
            report(span, message, [advice], fix)


def _swap_fix(
    doc: Document,
    unit: Unit,
    start: int,
    span: Span,
    shown: str,
    pick: str,
    before: _Token,
    words: SwapList,
) -> Fix | None:
    new = _match_case(shown, pick)
    edit_start, edit_end = span.start, span.end
    if before.kind in ("a", "an"):
        wanted = _article(pick, words)
        if wanted != before.kind:
            # 'an initial visit' is 'a first visit': the article changes with the word.
            gap = unit.text[before.start + len(before.raw) : start]
            article_at = unit.span(before.start, before.start + len(before.raw)).start
            if doc.source.text[article_at:edit_end] != before.raw + gap + shown:
                return None
            new = _match_case(before.raw, wanted) + gap + new
            edit_start = article_at
    return Fix(f"Replace with '{pick}'", Applicability.UNSAFE, (Edit(edit_start, edit_end, new),))
