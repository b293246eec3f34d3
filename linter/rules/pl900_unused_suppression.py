"""## What it does
Finds suppression comments that switch nothing off: a `plainlint-disable` comment with
no problem under it for the rules it names, and a word in a suppression comment (or in
the front matter's `ignore` list) that is not a rule at all, such as a typo (`PL2O1`) or
a reason written without ` -- ` before it.

## Why is this bad?
A comment that switches nothing off says something that is not true: a reader thinks the
text below it breaks a rule. Once the text has been made plainer, the comment only hides
the next problem that appears there. A misspelt rule switches nothing off, so the
problem
it was meant for is still reported, or was never there.

## Example
```markdown
<!-- plainlint-disable PL201 -->
Take one tablet a day.
<!-- plainlint-enable PL201 -->

<!-- plainlint-disable-next-line PL2O1 quoted as said -->
```

## Use instead
Remove the first pair of comments. Write the rule as a code, a prefix or a name, and put
the reason after ` -- `:
```markdown
<!-- plainlint-disable-next-line PL201 -- quoted as the speaker said it -->
```

## Fix safety
`--fix` removes a comment that switched nothing off (and the `plainlint-enable` that
closes it). This is safe: only the comment goes. A comment with a word that is not a
rule
is left for you to mend.

## Options
None. A comment is checked only for rules that ran: with `--select PL1`, a
`plainlint-disable PL201` is not reported.

## References
Like ruff's RUF100 (unused `noqa`).
"""

from __future__ import annotations

from difflib import get_close_matches

from linter.diagnostics import Applicability, Edit, Fix, Span
from linter.document import Document
from linter.rules import Report, all_rules
from linter.source import SourceFile
from linter.suppressions import Directive, Outcome

CODE = "PL900"
NAME = "unused-suppression"
SEVERITY = "warning"
SUMMARY = "Suppression comment that switches nothing off"
TAGS = ("suppressions",)


def check(doc: Document, report: Report) -> None:
    """Nothing to check before the suppressions are applied."""


def _guess(word: str) -> str:
    names = [r.code for r in all_rules()] + [r.name for r in all_rules()]
    close = get_close_matches(word.upper() if word[:2].lower() == "pl" else word, names, 1, 0.7)
    return f" Did you mean '{close[0]}'?" if close else ""


def check_suppressions(doc: Document, outcome: Outcome, ran: set[str], report: Report) -> None:
    src = doc.source
    for d in outcome.directives:
        span = d.comment.span
        if d.unknown:
            quoted = [f"'{w}'" for w in d.unknown]
            listed = (
                quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
            )
            verb, them = ("is not a rule", "it") if len(quoted) == 1 else ("are not rules", "them")
            help_ = [f"Name a rule by its code, code prefix or name.{_guess(d.unknown[0])}"]
            if len(d.unknown) > 1 or not d.codes:
                help_.append("Write a reason after ' -- ': 'plainlint-disable PL201 -- a quote'.")
            report(
                span, f"{listed} {verb}, so this comment switches nothing off for {them}.", help_
            )
        if d.kind == "enable" or d.unknown:
            continue
        words = list(d.codes) or [""]
        unused = [
            w
            for w in words
            if w not in d.used and CODE not in (d.codes.get(w) or ()) and _all_ran(d, w, ran)
        ]
        if not unused:
            continue
        names = "every rule" if unused == [""] else ", ".join(unused)
        fix = None
        if len(unused) == len(words):
            edits = [_removal(src, d)]
            if d.closed_by is not None and d.closed_by.closes == [d]:
                edits.append(_removal(src, d.closed_by))
            fix = Fix("Remove the comment", Applicability.SAFE, tuple(edits))
        report(
            span,
            f"This comment switches off {names}, but nothing here needed it.",
            ["Remove it, or the words it no longer needs."],
            fix,
        )
    if outcome.unknown_ignores:
        for word in outcome.unknown_ignores:
            report(
                _front_matter_word(doc, word),
                f"'{word}' in the front matter's 'ignore' list is not a rule.",
                [f"Name a rule by its code, code prefix or name.{_guess(word)}"],
            )


def _all_ran(d: Directive, word: str, ran: set[str]) -> bool:
    rules = d.codes.get(word) if word else {r.code for r in all_rules()}
    return bool(rules) and set(rules) <= ran


def _removal(src: SourceFile, d: Directive) -> Edit:
    """Remove the comment; with its line when nothing else is on it."""
    start, end = d.comment.span.start, d.comment.span.end
    text = src.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end + 1
    if not text[line_start:start].strip() and not text[end:line_end].strip():
        return Edit(line_start, line_end, "")
    if not text[end:line_end].strip():
        # At the end of a line: the spaces before it go too, so no line is left with
        # trailing spaces (two of which would make a Markdown line break).
        while start > line_start and text[start - 1] in " \t":
            start -= 1
    return Edit(start, end, "")


def _front_matter_word(doc: Document, word: str) -> Span:
    """The word as written in the front matter after its 'plainlint' key, else the key."""
    text = doc.source.text
    end = doc.front_matter.body_start
    key = text.find("plainlint", 0, end)
    if key < 0:
        return Span(0, 0)
    at = text.find(word, key, end)
    return Span(at, at + len(word)) if at >= 0 else Span(key, key + len("plainlint"))
