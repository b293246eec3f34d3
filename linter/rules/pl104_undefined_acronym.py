"""## What it does
Finds an acronym used before it is spelled out, such as `PFS` with no
"progression-free survival (PFS)" before it. Acronyms most patients know
(DNA, HIV, MRI and others in `rules/acronyms.yaml`) are fine, and so is one the
article defines with an abbreviation line (`*[CGM]: continuous glucose monitor`) in
MkDocs or Jekyll (kramdown), which shows what it stands for wherever it is used, or
an `<abbr title="...">` element at its first use.

## Why is this bad?
Readers cannot look up what they cannot say. An acronym that is never spelled
out, or only spelled out further down the page, leaves them guessing.

## Example
```markdown
Patients on the new drug had a longer PFS.
```

## Use instead
```markdown
Patients on the new drug lived longer without the cancer growing
(progression-free survival, or PFS).
```
Or leave the acronym out: it is often not needed at all.

## Fix safety
None: the words need a person to rewrite them.

## Options
Allow more acronyms in one article with `plainlint: {allow: [NCI]}` in its front
matter, or for the site with `acronyms: [NCI]` in the config.

## References
US Federal Plain Language Guidelines, "Minimize abbreviations". NIH, "Clear & Simple".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from linter.document import Document
from linter.frequency import frequencies
from linter.names import after_a_name
from linter.packs import load_pack
from linter.prose import HEADING, LABEL, LIST_ITEM, Unit
from linter.rules import Report
from linter.terms import acronyms_in

CODE = "PL104"
NAME = "undefined-acronym"
SEVERITY = "warning"
SUMMARY = "Acronym used before it is spelled out"
TAGS = ("jargon", "acronyms")
HIGHLIGHT = "acronym"

_ROMAN = re.compile(r"^[IVXLC]+$")
# A numbered class, stage or type with a letter after it: 'Class IIA', 'stage IIIB'.
_ROMAN_GRADE = re.compile(r"^[IVX]+[A-Da-d]$")
_MIXED_SHORT = re.compile(r"\(([A-Z][a-z][A-Z][a-z]?)\)")
_GRADED = re.compile(r"(?i:class|stage|type|grade|phase|level|tier|schedule|category)\s+\Z")
# 'National Institute on Deafness and Other Communication Disorders' (NIDCD).
_SMALL = {"and", "of", "the", "for", "in", "on", "to", "a", "an", "with", "at", "by", "other"}


@cache
def _pack() -> dict[str, Any]:
    return load_pack("acronyms.yaml")  # type: ignore[no-any-return]


def _emphasis(word: str) -> bool:
    """'NOT', 'NEVER', 'NOW': a common word in capitals stresses it."""
    pack = _pack()
    zipf = frequencies().get(word.lower(), 0.0)
    if len(word) >= int(pack["emphasis-long-letters"]):
        return zipf >= float(pack["emphasis-long-zipf"])
    return zipf >= float(pack["emphasis-zipf"])


@cache
def _article_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words after which a word in capitals names a thing, and the emphasis words
    that stay emphasis even there."""
    pack = _pack()
    return (
        frozenset(str(w) for w in pack.get("names-after", ())),
        frozenset(str(w) for w in pack.get("emphasis-after-the", ())),
    )


def _names_a_thing(text: str, start: int) -> bool:
    """'a positive FIT', 'your PET scan': a common word in capitals after an article
    names a test or a thing, unless it is an emphasis word there too ('the ONLY way')."""
    names_after, still_emphasis = _article_words()
    word = text[start:].split(None, 1)[0].strip(".,;:!?)")
    if word in still_emphasis:
        return False
    before = text[max(0, start - 40) : start].split()
    # 'ONCE A WEEK': an article in capitals is part of the emphasis.
    return bool(before) and not before[-1].isupper() and before[-1].lower() in names_after


_CAPS_WORD = re.compile(r"[A-Z]{2,}\b")
# A postal code after a short form, and a town and a comma before it.
_POSTAL = re.compile(r"\s+(?:\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{4})\b")
# The first half of an Irish or British postcode: 'T12 AB34', 'SW1A 2AA'.
_IN_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[\dA-Z]?\s\Z")
_AFTER_TOWN = re.compile(r"[A-Z][a-z]+,\s*\Z")


def _in_capitals_phrase(text: str, start: int, end: int) -> bool:
    """'the HEADS UP program': everyday words in capitals next to each other are a name
    or a slogan written in capitals, not short forms."""
    before = text[max(0, start - 30) : start].split()
    after = text[end : end + 30].split()
    for word in (before[-1] if before else "", after[0] if after else ""):
        word = word.strip(".,;:!?()\"'“”‘’")
        if _CAPS_WORD.fullmatch(word) and _emphasis(word):
            return True
    return False


def _spells(words: list[str], acronym: str) -> bool:
    """Whether the words spell the acronym: each word gives its first letter and may give
    more from inside it, in order ('Centers for Disease Control and Prevention' spells
    CDC with a word left over, 'nonsteroidal anti-inflammatory drugs' NSAID, a word in
    small letters inside a name may be passed over,
    'dual-energy X-ray absorptiometry' DXA)."""
    want = "".join(c for c in acronym if c.isupper()) or acronym.upper()
    # A small letter may stand for a word too: 'eGFR (estimated glomerular filtration rate)'.
    every = "".join(c for c in acronym if c.isalpha()).upper()
    # A word with a hyphen gives a letter for each part, or one for the whole word:
    # 'American Society of Health-System Pharmacists' (ASHP).
    split = [p for w in words for p in re.split(r"[-‐/]", w) if p and p.lower() not in _SMALL]
    whole = [w for w in words if w.lower() not in _SMALL]
    # A small word may give its letter too: 'Department of Energy' (DOE).
    ways = {tuple(split), tuple(whole), tuple(words)}
    return any(
        _spelled(parts, letters)
        for parts in ways
        for letters in ((want, every) if every != want else (want,))
    )


def _spelled(parts: Sequence[str], want: str) -> bool:
    if not parts or len(parts) > len(want) + 3 or parts[0][0].upper() != want[0]:
        return False
    proper = parts[0][0].isupper()
    # reach[j]: the acronym's first j letters can be spelled by the words so far.
    reach = {0}
    for part in parts:
        upper = part.upper()
        nxt: set[int] = set()
        for j in reach:
            if j < len(want) and upper[0] == want[j]:
                # This word's letters: its initial, then any of its later letters in order.
                k, i = j + 1, 1
                nxt.add(k)
                while k < len(want) and i < len(upper):
                    if upper[i] == want[k]:
                        k += 1
                        nxt.add(k)
                    i += 1
            elif j == len(want):
                nxt.add(j)  # a word or two left over at the end
            if proper and part.islower() and 0 < j < len(want):
                # A word in small letters inside a name may give no letter: 'Medicines and
                # Healthcare products Regulatory Agency' (MHRA).
                nxt.add(j)
        reach = nxt
        if not reach:
            return False
    return len(want) in reach


# How far around an acronym its spelled-out form is looked for, in characters: enough
# for the longest name, and it keeps a paragraph of thousands of acronyms linear.
_WINDOW = 400
_BRACKET_OR = re.compile(r"\(\s*(?:or|also\s+called|also\s+known\s+as|called)\s*\Z")
_OR_BEFORE = re.compile(r",?\s+(?:or|also\s+called|also\s+known\s+as|known\s+as|called)\s*\Z")
_WORDS = re.compile(r"[^\W\d_][\w\-‐’']*")


def _spelled_before(text: str, acronym: str) -> bool:
    """Whether the words that end the text spell the acronym, with a few extra words."""
    words = _WORDS.findall(text)
    return any(
        _spells(words[-size:], acronym) for size in range(1, min(len(words), len(acronym) + 4) + 1)
    )


def _is_definition(unit: Unit, start: int, end: int, acronym: str) -> bool:
    """'Food and Drug Administration (FDA)' or 'FDA (Food and Drug Administration)'."""
    text = unit.text
    before = text[max(0, start - _WINDOW) : start].rstrip()
    after = text[end : end + _WINDOW]
    if before.endswith("(") and after.lstrip().startswith((")", ",", ";")):
        return _spelled_before(before[:-1], acronym)
    # 'a Patient Aligned Care Team (or PACT)', '(also called PACT)'.
    lead_in = _BRACKET_OR.search(before)
    if lead_in is not None and after.lstrip().startswith(")"):
        return _spelled_before(before[: lead_in.start()], acronym)
    # 'postherpetic neuralgia, or PHN', 'the DASH diet, also called ...' spelled out first.
    lead = _OR_BEFORE.search(before)
    if lead is not None and _spelled_before(before[: lead.start()], acronym):
        return True
    if after.lstrip().startswith("("):
        close = after.find(")")
        inside = _WORDS.findall(after[: close if close > 0 else len(after)])
        return _spells(inside, acronym)
    return False


def _spelled_by_list(units: list[Unit], k: int, acronym: str, end: int) -> bool:
    """'follow RICE:' then '**R**est: ...', '**I**ce: ...' and so on: the short form ends
    its unit and the first letters of the list items after it spell it."""
    if units[k].text[end:].strip(" :.") or len(acronym) < 2:
        return False
    items = units[k + 1 : k + 1 + len(acronym)]
    return len(items) == len(acronym) and all(
        u.kind == LIST_ITEM and u.text.lstrip()[:1].upper() == c.upper()
        for u, c in zip(items, acronym, strict=True)
    )


def check(doc: Document, report: Report) -> None:
    explained = doc.explanations
    link_only = doc.wants_links
    defined: set[str] = set()
    uses: dict[str, list[tuple[Unit, int, int]]] = {}
    defined_at: dict[str, int] = {}
    for k, unit in enumerate(doc.units):
        heading = unit.kind in (HEADING, LABEL)
        # Short forms with one capital in a row are not found as acronyms ('Department of
        # Defense (DoD)'), but spelled out they define the one in capitals ('DOD').
        mixed = [
            (b.start(), b.group(1).upper())
            for b in _MIXED_SHORT.finditer(unit.text)
            if _spelled_before(unit.text[max(0, b.start() - _WINDOW) : b.start()], b.group(1))
        ]
        next_mixed = 0
        for m in acronyms_in(unit.text):
            while next_mixed < len(mixed) and mixed[next_mixed][0] < m.start():
                defined.add(mixed[next_mixed][1])
                next_mixed += 1
            acronym = m.group(1)
            # 'Department of Defense (DoD)' then 'DOD': one short form, in any case.
            key = acronym.upper()
            if doc.is_everyday_acronym(acronym) or _ROMAN.match(acronym) or key in defined:
                continue
            if _ROMAN_GRADE.match(acronym) and _GRADED.search(
                unit.text, max(0, m.start() - 12), m.start()
            ):
                continue
            if acronym in doc.abbreviations:
                # '*[CGM]: continuous glucose monitor': the site shows what it stands for.
                continue
            parts = acronym.split("-")
            if len(parts) > 1 and all(
                len(p) > 1 and (p.upper() in defined or doc.is_everyday_acronym(p)) for p in parts
            ):
                # 'OCD-UK' after 'obsessive-compulsive disorder (OCD)': a name made of
                # short forms the reader already knows.
                continue
            if (
                acronym.isupper()
                and _emphasis(acronym)
                and (
                    not _names_a_thing(unit.text, m.start())
                    or _in_capitals_phrase(unit.text, m.start(), m.end())
                )
            ):
                continue
            start, end = m.span()
            if (
                _POSTAL.match(unit.text, end)
                and _AFTER_TOWN.search(unit.text, max(0, start - 40), start)
            ) or _IN_POSTCODE.search(unit.text, max(0, start - 8), start):
                # 'Madison, WI 53703': a state or county in an address; 'Cork T12 AB34':
                # the second half of a postcode.
                continue
            if after_a_name(unit.text, start):
                # 'Maria Lopez, NP', 'Dr Ana Ruiz, OD': a title after a name.
                continue
            link = unit.link_at(start)
            spelled = (
                _is_definition(unit, m.start(), m.end(), acronym)
                or _spelled_by_list(doc.units, k, acronym, end)
                # '<abbr title="continuous positive airway pressure">CPAP</abbr>'.
                or doc.in_abbr_element(unit.offset(start))
            )
            if heading:
                # A title may spell it out ('# Irritable bowel syndrome (IBS)'); a use
                # there is not its first use in the text.
                if spelled:
                    defined.add(key)
                continue
            if (
                link is not None
                and doc.is_definition_link(link.href, acronym, unit.text[link.start : link.end])
            ) or spelled:
                defined.add(key)
                if uses.get(acronym):
                    defined_at[acronym] = doc.source.position(unit.offset(m.start()))[0]
                continue
            # An acronym is not plain even inside another term's explanation ('a CGRP
            # blocker such as erenumab'): it needs spelling out there too.
            uses.setdefault(acronym, []).append((unit, start, end))
        defined.update(short for _, short in mixed[next_mixed:])
    for acronym, found in uses.items():
        if not found:
            continue
        how = explained.first_use_explained(found)
        if how and not link_only:
            continue
        unit, start, end = found[0]
        if acronym in defined_at:
            hint = (
                f"It is spelled out on line {defined_at[acronym]}: do that here, at its first use."
            )
        else:
            hint = f"Write the full name the first time, then '({acronym})', or leave it out."
        report(
            unit.span(start, end),
            # Quoted as written, with its plural 's' ('AAs'), as its span is.
            f"'{unit.text[start:end]}' is used before it is spelled out.",
            [hint],
        )
