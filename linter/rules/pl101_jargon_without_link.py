"""## What it does
Finds medical words and phrases from the jargon list (and the site's glossary)
whose first use in the article is neither explained where it stands nor a link to a
definition. Explained means one of the patterns in `rules/explanations.yaml`:
"Neutropenia, a low white cell count, ...", "swollen ankles (oedema)", "which means",
"is called", "This is called", a medicine with its purpose, the next sentence ("That
means ..."), a definition list or a footnote. A definition link is a link to the
glossary, or to a page about the term: its address's last part or its #fragment names
it (`/drugs/pomalidomide`, `#anemia`, `../glossary.md#hypoglycemia`).

## Why is this bad?
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

## Fix safety
When the site's glossary (`glossary:` in the config) has the term, or the article
links it later on, `plainlint check --fix` links the first use (and removes the
later link). This is a safe fix: no words change.

## Options
`jargon-policy: link` (default `link-or-explain`) reports explained terms too, for sites
that want every term linked. Add your own ways of explaining with `explanations:`.
Glossary links are found by `glossary-patterns`, by the addresses in the site's
`glossary:` files, by addresses that name the term, and by the site's own glossary
markup: shortcodes and components named in `glossary-markup` (by default Hugo's
`{{< glossary "term" >}}` and `{{< glossary_tooltip text="term" >}}`, and MDX's
`<Glossary>` and `<GlossaryTerm>`). The fix writes a Markdown link; a site that links
its glossary another way sets `link-template`, with `{text}`, `{slug}` and `{href}`:
`'<Glossary term="{slug}">{text}</Glossary>'` or `'{{< glossary "{text}" >}}'`.
Add term lists with
`lexicon:`. Allow a term in one article with `plainlint: {allow: [term]}` in its
front matter.

## References
US National Library of Medicine, MedlinePlus, "How to Write Easy-to-Read Health
Materials": explain medical words or link them where they are first used. CDC,
"Everyday Words for Public Health Communication".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.diagnostics import Applicability, Edit, Fix
from linter.document import Document
from linter.lexicon import Term, tokens
from linter.names import capitalized, is_name
from linter.prose import HEADING, LABEL, Link, Unit
from linter.rules import Report

CODE = "PL101"
NAME = "jargon-without-link"
SEVERITY = "warning"
SUMMARY = "Jargon whose first use has no glossary link"
TAGS = ("jargon", "glossary")
HIGHLIGHT = "jargon"


# Who wrote a page, then a colon, in a link's words: the rest is that page's title.
_PAGE_TITLE = re.compile(r"[A-Z][\w&.’'-]*(?:\s+(?:[A-Z][\w&.’'-]*|of|and|for|the|on))*:\s")


# A word that makes the words before it the name of a service.
_SERVICE_AFTER = re.compile(r"\s+(?:clinic|clinics|department|unit|service|team|ward)\b")


@dataclass
class _Use:
    unit: Unit
    start: int
    end: int
    link: Link | None
    glossary: bool


def check(doc: Document, report: Report) -> None:
    allowed = {tokens(a) for a in doc.settings.allow}
    explained = doc.explanations
    uses: dict[Term, list[_Use]] = {}
    linked_later: dict[Term, _Use] = {}
    # Every run of words inside a term used so far: 'anemia' after 'iron-deficiency
    # anemia' is the same thing named again, not a new term.
    named: set[tuple[str, ...]] = set()
    for unit in doc.units:
        # Headings and bold labels are never linked by style, so the first use is in the body.
        if unit.kind in (HEADING, LABEL):
            continue
        starts: set[int] | None = None
        for match in doc.jargon_in(unit):
            term = match.term
            if allowed and tokens(term.term) in allowed:
                continue
            words = unit.text[match.start : match.end]
            if capitalized(words) and term.term.islower():
                # 'Lancet Oncology' or 'the Myeloma Section' names something: it is not jargon.
                if starts is None:
                    starts = {s.start for s in doc.sentences_of(unit)}
                around = unit.text[max(0, match.start - 80) : match.start]
                after = unit.text[match.end : match.end + 80]
                if is_name(words, match.start in starts, before=around, after=after):
                    continue
            link = unit.link_at(match.start)
            if _SERVICE_AFTER.match(unit.text, match.end) and not explained.how(
                unit, match.start, match.end
            ):
                # 'call our endocrine clinic': the name of a service, as its sign says.
                # (One explained where it is named counts as the term's first use: 'an
                # inpatient clinic (where you live full time)'.)
                continue
            if link is not None and _PAGE_TITLE.match(unit.text, link.start, match.start):
                # '[CDC: Genetic testing](https://...)': the title of a page to read next.
                continue
            glossary = (
                link is not None
                and doc.is_definition_link(
                    link.href, term.term, words, unit.text[link.start : link.end]
                )
            ) or doc.in_glossary_markup(unit.offset(match.start))
            use = _Use(unit, match.start, match.end, link, glossary)
            if term not in uses:
                said = tokens(words)
                if said in named:
                    uses[term] = []
                    continue
                named.update(_runs(said))
                if explained.explaining(unit, match.start, match.end):
                    # Words that explain another term are plain words in that place.
                    uses[term] = []
                    continue
                uses[term] = [use]
            elif uses[term]:
                uses[term].append(use)
                if (
                    glossary
                    and term not in linked_later
                    and not uses[term][0].glossary
                    and (link is None or _whole_link(unit, link, match.start, match.end))
                ):
                    # Only a link whose words are the term moves: '[lint-staged](...)' is
                    # a link about something else, which 'staged' must not take.
                    linked_later[term] = use
    link_only = doc.wants_links
    for term, found in uses.items():
        if not found or found[0].glossary:
            continue
        how = explained.first_use_explained([(u.unit, u.start, u.end) for u in found])
        if how and not link_only:
            continue
        _report(doc, report, term, found[0], linked_later.get(term), bool(how))


def _whole_link(unit: Unit, link: Link, start: int, end: int) -> bool:
    """Whether the link's words are the term's, no more."""
    return _letters(unit.text[link.start : link.end]) == _letters(unit.text[start:end])


def _runs(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The shorter runs of words inside a term ('anemia' in 'iron deficiency anemia')."""
    return [
        words[i:j]
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
        if j - i < len(words)
    ]


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _report(
    doc: Document, report: Report, term: Term, use: _Use, later: _Use | None, explained: bool
) -> None:
    unit = use.unit
    span = unit.span(use.start, use.end)
    # A term split by a line break or a comment is quoted as one line.
    shown = " ".join(unit.text[use.start : use.end].split())
    suggestions = []
    fix = None
    # A fix wraps the words as they stand in the file: only offer it when they are there.
    safe_to_wrap = _letters(doc.source.text[span.start : span.end]) == _letters(shown)
    if later is not None and later.link is not None:
        line = doc.source.position(later.link.source.start)[0]
        suggestions.append(f"Move the glossary link on line {line} to this first use.")
        if use.link is None and safe_to_wrap:
            fix = _link_fix(
                doc, span.start, span.end, shown, _written_url(doc, later.link), later.link
            )
    elif use.link is not None:
        suggestions.append(f"Its link does not go to the glossary. Link '{shown}' to its entry.")
    elif term.url:
        before, after = _template(doc, shown, term.url)
        suggestions.append(f"Link it to the glossary: {before}{shown}{after}")
        if safe_to_wrap:
            fix = _link_fix(doc, span.start, span.end, shown, term.url, None)
    else:
        suggestions.append(f"Link '{shown}' to its glossary entry here, at its first use.")
    if term.plain:
        suggestions.append(f"Or say it plainly: '{term.plain}'.")
    if explained:
        message = f"'{shown}' is explained here, but this site asks for a glossary link too."
    else:
        message = f"'{shown}' is jargon and its first use has no glossary link."
    report(span, message, suggestions, fix)


def _written_url(doc: Document, link: Link) -> str:
    """The link's address as the writer wrote it, else as markdown-it read it."""
    after = doc.source.text[link.text_source.end : link.source.end]
    if after.startswith("]("):
        parts = after[2:-1].split()
        if parts:
            return parts[0]
    return link.href


_PLACEHOLDER = re.compile(r"\{(text|slug|href)\}")


def _template(doc: Document, text: str, url: str) -> tuple[str, str]:
    """What goes before and after the term's words in a link of the site's own form
    (setting link-template: '[{text}]({href})', or '{{< glossary "{text}" >}}')."""
    slug = "-".join(re.findall(r"[a-z0-9]+", text.lower()))
    values = {"text": text, "slug": slug, "href": url}
    before, _, after = doc.config.link_template.partition("{text}")
    # Not str.format: the site's own form may hold braces of its own ('{{< ... >}}').
    return (
        _PLACEHOLDER.sub(lambda m: values[m.group(1)], before),
        _PLACEHOLDER.sub(lambda m: values[m.group(1)], after),
    )


def _link_fix(doc: Document, start: int, end: int, text: str, url: str, remove: Link | None) -> Fix:
    before, after = _template(doc, text, url)
    edits = [Edit(start, start, before), Edit(end, end, after)]
    message = "Link the first use to the glossary"
    if remove is not None:
        # The later link becomes plain text: its words stay exactly as written.
        inner = doc.source.text[remove.text_source.start : remove.text_source.end]
        edits.append(Edit(remove.source.start, remove.source.end, inner))
        message = "Move the glossary link to the first use"
    return Fix(message, Applicability.SAFE, tuple(edits))
