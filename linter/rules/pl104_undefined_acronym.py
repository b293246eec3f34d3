"""## What it does
Finds an acronym used before it is spelled out, such as `PFS` with no
"progression-free survival (PFS)" before it. Acronyms most patients know
(DNA, HIV, MRI and others in `rules/acronyms.yaml`) are fine.

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
from functools import cache

from linter.document import Document
from linter.packs import load_pack
from linter.prose import HEADING, LABEL, Unit
from linter.rules import Report

CODE = "PL104"
NAME = "undefined-acronym"
SEVERITY = "warning"
SUMMARY = "Acronym used before it is spelled out"
TAGS = ("jargon", "acronyms")
HIGHLIGHT = "acronym"

# Two or more capitals (digits allowed after the first letter), with an optional
# plural s, standing alone: not part of a code such as CC-4047-MM-007.
_ACRONYM = re.compile(r"(?<![\w\-/.])([A-Z][A-Z0-9]*[A-Z][A-Z0-9]*)(s?)(?![\w\-/]|\.\w)")
_ROMAN = re.compile(r"^[IVXLC]+$")
_SMALL = {"and", "of", "the", "for", "in", "on", "to", "a", "an", "with", "at", "by"}


@cache
def _known() -> frozenset[str]:
    return frozenset(a.upper() for a in load_pack("acronyms.yaml")["known"])


def _initials(words: list[str]) -> str:
    out = []
    for w in words:
        for part in re.split(r"[-‐]", w):
            if part and part.lower() not in _SMALL:
                out.append(part[0].upper())
    return "".join(out)


# How far around an acronym its spelled-out form is looked for, in characters: enough
# for the longest name, and it keeps a paragraph of thousands of acronyms linear.
_WINDOW = 400


def _is_definition(unit: Unit, start: int, end: int, acronym: str) -> bool:
    """'Food and Drug Administration (FDA)' or 'FDA (Food and Drug Administration)'."""
    text = unit.text
    before = text[max(0, start - _WINDOW) : start].rstrip()
    after = text[end : end + _WINDOW]
    if before.endswith("(") and after.lstrip().startswith((")", ",", ";")):
        words = re.findall(r"[^\W\d_][\w\-‐’']*", before[:-1])
        # The spelled-out words come right before the bracket; allow a few extra words.
        for size in range(len(acronym), min(len(words), len(acronym) + 4) + 1):
            initials = _initials(words[-size:])
            if initials.endswith(acronym) or initials == acronym:
                return True
        return False
    if after.lstrip().startswith("("):
        close = after.find(")")
        inside = re.findall(r"[^\W\d_][\w\-‐’']*", after[: close if close > 0 else len(after)])
        return _initials(inside).startswith(acronym)
    return False


def check(doc: Document, report: Report) -> None:
    allowed = _known() | {a.upper() for a in doc.settings.allow} | set(doc.config.acronyms)
    defined: set[str] = set()
    first_bad: dict[str, tuple[Unit, int, int]] = {}
    defined_at: dict[str, int] = {}
    for unit in doc.units:
        if unit.kind in (HEADING, LABEL):
            continue
        for m in _ACRONYM.finditer(unit.text):
            acronym = m.group(1)
            if acronym in allowed or _ROMAN.match(acronym) or acronym in defined:
                continue
            link = unit.link_at(m.start())
            if (link is not None and doc.is_glossary_link(link.href)) or _is_definition(
                unit, m.start(), m.end(), acronym
            ):
                defined.add(acronym)
                if acronym in first_bad:
                    defined_at[acronym] = doc.source.position(unit.offset(m.start()))[0]
                continue
            first_bad.setdefault(acronym, (unit, m.start(), m.end()))
    for acronym, (unit, start, end) in first_bad.items():
        if acronym in defined_at:
            hint = (
                f"It is spelled out on line {defined_at[acronym]}: do that here, at its first use."
            )
        else:
            hint = f"Write the full name the first time, then '({acronym})', or leave it out."
        report(
            unit.span(start, end),
            f"'{acronym}' is used before it is spelled out.",
            [hint],
        )
