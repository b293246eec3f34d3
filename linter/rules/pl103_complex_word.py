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
Prior to your visit, obtain a list of the medications you utilize.
```

## Use instead
```markdown
Before your visit, make a list of the medicines you use.
```

## Fix safety
`plainlint check --fix --unsafe-fixes` swaps in the plainer word when there is
one choice. This fix is unsafe: read the sentence again afterwards, because a
swap can change the meaning or the grammar.

## Options
This rule reports at `info` level, which does not fail a run; raise it with
`severity: {PL103: warning}`.

## References
US Federal Plain Language Guidelines, "Use simple words and phrases". The word list is
rules/complex-words.yaml.
"""

from __future__ import annotations

from functools import cache

from linter.diagnostics import Applicability, Edit, Fix
from linter.document import Document
from linter.lexicon import Entry, Lexicon
from linter.packs import load_pack, packs_dir, parsed_packs, unchanged
from linter.prose import HEADING
from linter.rules import Report

CODE = "PL103"
NAME = "complex-word"
SEVERITY = "info"
SUMMARY = "Word or phrase with a plainer choice"
TAGS = ("words", "style")
HIGHLIGHT = "complex"


@cache
def _swaps() -> Lexicon:
    path = packs_dir() / "complex-words.yaml"
    if not path.is_file():
        return Lexicon()
    parsed = parsed_packs().get("complex-words") or {}
    if unchanged(path, parsed.get("sha256")):
        swap = parsed["swap"]
    else:
        swap = load_pack("complex-words.yaml")["swap"]
    # Each phrase is listed in every form it needs: no plurals are made up here.
    entries = [
        Entry(str(word), str(plain), (), "complex-words.yaml") for word, plain in swap.items()
    ]
    return Lexicon.from_entries(entries, plurals=False)


def _match_case(original: str, replacement: str) -> str:
    if original[:1].isupper() and not original.isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def check(doc: Document, report: Report) -> None:
    swaps = _swaps()
    for unit in doc.units:
        for match in swaps.find(unit.text):
            shown = " ".join(unit.text[match.start : match.end].split())
            choices = [c.strip() for c in (match.term.plain or "").split("/") if c.strip()]
            # A choice that is itself on the list ('prior' -> 'previous') is no help.
            plainer = [c for c in choices if not swaps.find(c)]
            choices = plainer or choices
            if not choices:
                continue
            span = unit.span(match.start, match.end)
            fix = None
            # A phrase broken by markup or a line break is left for the writer to mend.
            # In a heading, the words make the page's anchor ('#providing-the-store'):
            # links to it would break, so the swap is only suggested.
            in_heading = unit.kind == HEADING
            if (
                len(choices) == 1
                and not in_heading
                and doc.source.text[span.start : span.end] == shown
            ):
                fix = Fix(
                    f"Replace with '{choices[0]}'",
                    Applicability.UNSAFE,
                    (Edit(span.start, span.end, _match_case(shown, choices[0])),),
                )
            quoted = [f"'{c}'" for c in choices]
            plain = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
            report(span, f"'{shown}' has a plainer choice: {plain}.", [f"Say {plain}."], fix)
