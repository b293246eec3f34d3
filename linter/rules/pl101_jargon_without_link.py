"""## What it does
Finds medical words and phrases from the jargon list whose first use in the
article is not a link to a glossary definition.

## Why is this bad
Patients stop reading, or misread, when they meet a word they do not know.
Health-literacy guides ask writers to swap jargon for plain words, or to explain
it where it is first used. A glossary link at the first use lets readers check
the word without leaving the page. Later uses need no link.

## Example
```markdown
Your doctor will talk about your prognosis.
```

## Use instead
Say it plainly:
```markdown
Your doctor will talk about how your illness is likely to go.
```
Or link the first use to the glossary:
```markdown
Your doctor will talk about your [prognosis](/glossary/prognosis).
```

## Settings
Glossary links are found by `glossary-patterns` in the config. Add your own term
lists with `lexicon:`. Allow a term in one article with
`plainlint: {allow: [term]}` in its front matter.
"""

from __future__ import annotations

from linter.document import Document
from linter.lexicon import Term, load_lexicon, tokens
from linter.prose import HEADING, LABEL
from linter.rules import Report

CODE = "PL101"
NAME = "jargon-without-link"
SEVERITY = "warning"
SUMMARY = "Jargon whose first use has no glossary link"
TAGS = ("jargon", "glossary")


def check(doc: Document, report: Report) -> None:
    lexicon = load_lexicon(doc.config.lexicon)
    allowed = {tokens(a) for a in doc.settings.allow}
    first: dict[Term, tuple[int, int, int, bool, bool]] = {}
    linked_later: dict[Term, int] = {}
    for u, unit in enumerate(doc.units):
        # Headings and bold labels are never linked by style, so the first use is in the body.
        if unit.kind in (HEADING, LABEL):
            continue
        for match in lexicon.find(unit.text):
            term = match.term
            if tokens(term.term) in allowed:
                continue
            link = unit.link_at(match.start)
            glossary = link is not None and doc.is_glossary_link(link.href)
            if term not in first:
                first[term] = (u, match.start, match.end, glossary, link is not None)
            elif glossary and term not in linked_later and not first[term][3]:
                linked_later[term] = doc.source.position(unit.offset(match.start))[0]
    for term, (u, start, end, glossary, linked) in first.items():
        if glossary:
            continue
        unit = doc.units[u]
        # A term split by a line break or a comment is quoted as one line.
        shown = " ".join(unit.text[start:end].split())
        suggestions = []
        if term in linked_later:
            suggestions.append(
                f"Move the glossary link on line {linked_later[term]} to this first use."
            )
        elif linked:
            suggestions.append(
                f"Its link does not go to the glossary. Link '{shown}' to its glossary entry."
            )
        else:
            suggestions.append(f"Link '{shown}' to its glossary entry here, at its first use.")
        if term.plain:
            suggestions.append(f"Or say it plainly: '{term.plain}'.")
        report(
            unit.span(start, end),
            f"'{shown}' is jargon and its first use has no glossary link.",
            suggestions,
        )
