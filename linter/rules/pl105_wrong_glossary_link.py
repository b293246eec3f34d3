"""## What it does
Finds glossary links that point to the wrong entry: the link's words are one term
of the site's glossary, but its address is the glossary's address for another term.

## Why is this bad?
A reader who taps "neutropenia" and lands on the entry for "anemia" learns the
wrong thing, and stops trusting the links. Such mistakes creep in when links are
copied from one place to another.

## Example
```markdown
Some people get [neutropenia](/glossary/anemia).
```

## Use instead
```markdown
Some people get [neutropenia](/glossary/neutropenia).
```

## Fix safety
`plainlint check --fix` points the link at the right entry (a safe fix: no words
change).

## Options
Needs the site's glossary: `glossary:` in the config lists its files.

## References
The site's glossary files (`glossary:` in the config).
"""

from __future__ import annotations

from linter.diagnostics import Applicability, Edit, Fix
from linter.document import Document
from linter.lexicon import normalize_url
from linter.rules import Report

CODE = "PL105"
NAME = "wrong-glossary-link"
SEVERITY = "warning"
SUMMARY = "Glossary link that goes to another term's entry"
TAGS = ("glossary", "links")
HIGHLIGHT = "jargon"


def check(doc: Document, report: Report) -> None:
    if not doc.config.glossary:
        return
    by_url = doc.lexicon.by_url
    text = doc.source.text
    for unit in doc.units:
        for link in unit.links:
            target = by_url.get(normalize_url(link.href))
            if target is None:
                continue
            named = [m.term for m in doc.lexicon.find(unit.text[link.start : link.end])]
            if not named or target in named:
                continue
            right = next((t for t in named if t.url), None)
            if right is None:
                continue
            words = " ".join(unit.text[link.start : link.end].split())
            suggestions = [f"Link it to the entry for '{right.term}': {right.url}"]
            fix = None
            # Only the address changes; the words and any title stay as written.
            after = text[link.text_source.end : link.source.end]
            if after.startswith("](") and link.href:
                raw = after[2:-1].split()[0] if after[2:-1].split() else ""
                if raw:
                    at = link.text_source.end + 2 + after[2:].index(raw)
                    fix = Fix(
                        f"Point the link at '{right.term}'",
                        Applicability.SAFE,
                        (Edit(at, at + len(raw), right.url),),
                    )
            report(
                unit.span(link.start, link.end),
                f"The link on '{words}' goes to the glossary entry for '{target.term}'.",
                suggestions,
                fix,
            )
