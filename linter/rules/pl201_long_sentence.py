"""## What it does
Finds sentences with more words than the article's profile allows
(25 for patient articles, unless your config says otherwise).

## Why is this bad?
Long sentences make readers hold many ideas at once. Readers with low health
literacy, or who are ill or worried, lose the thread. Health-literacy guides
ask for sentences of 15 to 20 words on average, and few over 25.

## Example
```markdown
Patients who received the combination therapy lived longer without the disease
getting worse than patients who received the older drug alone, and they also
lived longer overall, according to the researchers who ran the study.
```

## Use instead
```markdown
Patients who got both drugs lived longer without the disease getting worse.
They also lived longer overall.
```

## Fix safety
None: a split is suggested, because only a person can judge whether both halves read
well. A split is offered only where both halves stand alone: after a semicolon or a
dash, or before 'and', 'but', 'so', 'or' or 'then' when a clause with its own subject
(or another instruction to the reader) follows. Never inside a list, before 'which',
'because', 'including' or 'such as', between a name and its title, or inside a
quotation. Where the words after ', which' can take a subject, it gives the rewrite
("... the six visits. They will take place ..."), but not after a list or a clause
such as 'before you go home', where 'which' may mean something further back. Where
there is no such place, it says what to do instead (brackets that could be a
sentence, a list that could be bullet points).

## Options
`sentence-limit` in the audience's profile. The words that mark a clause are in
`rules/sentence-splits.yaml`.

## References
CDC, "Simply Put" (3rd ed., 2009): sentences of 15 words or fewer on average. NIH,
"Clear & Simple".
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from linter.document import Document
from linter.options import Option
from linter.packs import load_pack
from linter.rules import Report
from linter.sentences import Sentence

CODE = "PL201"
NAME = "long-sentence"
SEVERITY = "warning"
SUMMARY = "Sentence longer than the profile's word limit"
TAGS = ("sentences", "readability")
OPTIONS = (
    Option("sentence-limit", int, 1, 1000, "the most words a sentence may have", per_profile=True),
)
HIGHLIGHT = "long"

_MIN_PART = 5
_DASHES = ("—", "–", " - ")


@cache
def _words() -> dict[str, Any]:
    """The word lists that say where a split leaves two sentences (rules/sentence-splits.yaml)."""
    data = load_pack("sentence-splits.yaml")
    return {
        key: frozenset(str(w).lower() for w in value) if isinstance(value, list) else value
        for key, value in data.items()
    }


def check(doc: Document, report: Report) -> None:
    limit = doc.config.option("sentence-limit", doc.profile)
    for sentence in doc.sentences:
        count = len(sentence.words)
        if count <= limit:
            continue
        suggestions = []
        split = best_split(sentence) or _rewrite_split(sentence)
        suggestions.append(split if split is not None else _instead(sentence.text))
        report(
            sentence.unit.span(sentence.start, sentence.end),
            f"This sentence has {count} words; the limit is {limit}.",
            suggestions,
        )


def best_split(sentence: Sentence) -> str | None:
    """Where to split so that both halves stand alone, quoting the words on each side;
    of the places that do, the one nearest the middle wins. None when there is none."""
    lists = _words()
    words = sentence.words
    text = sentence.unit.text
    total = len(words)
    if total < 2 * _MIN_PART:
        return None
    low = [w.text.lower() for w in words]
    gaps = [""] + [text[words[k - 1].end : words[k].start] for k in range(1, total)]
    # 'If you feel dizzy ..., sit down': nothing before the main clause stands alone. It
    # starts at the first comma with no joining word after it ('If you ..., and you ...,
    # call the clinic'), and a split must come after its first word. With no such comma
    # ('After the procedure you will ...') the sentence opens with no clause.
    first = 0
    if low[0] in lists["openers"]:
        first = (
            next(
                (
                    k
                    for k in range(1, total)
                    if "," in gaps[k] and low[k] not in lists["joining-words"]
                ),
                -1,
            )
            + 1
        )
    best: tuple[float, int] | None = None
    clause_order = _is_order(low, max(first - 1, 0), lists)
    # Quotation marks before each word, counted as the words go: one pass in all.
    straight = curly = 0
    at = sentence.start
    for k in range(1, total - _MIN_PART + 1):
        piece = text[at : words[k].start]
        straight += piece.count('"')
        curly += piece.count("“") - piece.count("”")
        at = words[k].start
        if k < max(first, _MIN_PART):
            continue
        gap = gaps[k]
        if straight % 2 == 1 or curly > 0:
            # Inside a quotation: the quoted words are not to be cut.
            continue
        ok = False
        if ";" in gap or any(d in gap for d in _DASHES):
            ok = _starts_clause(low, gaps, k, lists, clause_order)
        elif low[k] in lists["joining-words"] and low[k - 1] not in lists["joining-words"]:
            j = k + 1 if low[k] != "and" or k + 1 >= total or low[k + 1] != "then" else k + 2
            listed = _list_before(low, gaps, k, lists["joining-words"])
            if j < total and "," in gap:
                # ', so try to drink ...': after a comma and a joining word, an order to
                # the reader starts a sentence too.
                ok = _starts_clause(low, gaps, j, lists, not listed)
            elif j < total:
                # 'sit down straight away and wait a few minutes': an order joined to an
                # order, with no comma.
                ok = clause_order and low[j] in lists["orders"] and not listed
        if ok:
            score = abs(k - (total - k)) / total - (0.1 if ";" in gap else 0.0)
            if best is None or score < best[0]:
                best = (score, k)
        if k > first and (";" in gap or ("," in gap and low[k] in lists["joining-words"])):
            # A new clause starts here, after its joining words: is it an order?
            j = k
            while j < total and low[j] in lists["joining-words"]:
                j += 1
            clause_order = _is_order(low, j, lists)
    if best is None:
        return None
    k = best[1]
    cut = words[k - 1].end
    left = " ".join(text[sentence.start : cut].split()[-3:])
    right = " ".join(text[words[k].start : sentence.end].split()[:3])
    return (
        f"Split it after word {k}: end the sentence at '{left}' and start a new one at '{right}'."
    )


_BRACKETS = re.compile(r"\(([^()]*)\)")


def _rewrite_split(sentence: Sentence) -> str | None:
    """', which usually goes away ...': the words after 'which' have no subject of their
    own, but 'This' gives them one. The place nearest the middle wins, outside quotations;
    each half keeps at least five words and the second has its verb close after 'which'."""
    lists = _words()
    words = sentence.words
    text = sentence.unit.text
    total = len(words)
    low = [w.text.lower() for w in words]
    best: tuple[float, int] | None = None
    # Quotation marks before each word, counted as the words go: one pass in all.
    straight = opened = closed = 0
    at = sentence.start
    for k in range(_MIN_PART, total - _MIN_PART):
        piece = text[at : words[k].start]
        straight += piece.count('"')
        opened += piece.count("“")
        closed += piece.count("”")
        at = words[k].start
        if low[k] != "which" or text[words[k - 1].end : words[k].start].strip() != ",":
            continue
        if straight % 2 or opened > closed:
            continue
        window = low[k + 1 : k + 1 + int(lists["verb-window"])]
        if not any(w in lists["verbs"] for w in window):
            continue
        if any(w in lists["joining-words"] for w in low[max(0, k - 3) : k]):
            # '... scrambled eggs and mashed potato, which are easier to swallow': 'which'
            # means the whole list, and no one word can stand for it.
            continue
        if any(w in lists["openers"] for w in low[max(0, k - 6) : k]):
            # '... your letter before you go home, which lists ...': 'which' may mean
            # something before the 'before' clause, and 'This' would point at 'home'.
            continue
        score = abs(k - (total - k)) / total
        if best is None or score < best[0]:
            best = (score, k)
    if best is None:
        return None
    k = best[1]
    left = " ".join(text[sentence.start : words[k - 1].end].split()[-3:])
    right = " ".join(text[words[k + 1].start : sentence.end].split()[:3])
    subject = _new_subject(low, k, lists)
    return (
        "Split it at ', which' and give the new sentence a subject: "
        f"'{left}. {subject} {right} ...'."
    )


_SINGULAR = frozenset({"is", "was", "has", "does"})
_PLURAL = frozenset({"are", "were", "have", "do"})
_MODALS = frozenset({"will", "would", "can", "could", "may", "might", "must", "should", "shall"})


def _new_subject(low: list[str], k: int, lists: dict[str, Any]) -> str:
    """'This' for one thing, 'They' for several: read from the verb after 'which'
    ('which lists', 'which are'), or after a modal from the word before the comma
    ('the six visits, which will')."""
    j = k + 1
    while j < len(low) - 1 and low[j].endswith("ly"):
        j += 1  # 'which usually goes'
    verb = low[j]
    if verb in _MODALS:
        noun = low[k - 1]
        plural = noun.endswith("s") and not noun.endswith(("ss", "us", "is"))
        return "They" if plural else "This"
    if verb in _SINGULAR or (verb.endswith("s") and verb not in _PLURAL):
        return "This"
    return "They"


def _instead(text: str) -> str:
    """What to do with a long sentence that has no place to split as it stands."""
    inner = max((m.group(1).split() for m in _BRACKETS.finditer(text)), key=len, default=[])
    if len(inner) >= 4:
        return "Make the words in brackets a sentence of their own."
    if re.search(r",\s+because\s", text):
        return "End the sentence before 'because' and start the next one with 'This is because'."
    if re.search(r"\b(?:including|such as)\s", text) or (
        text.count(",") >= 2 and re.search(r",\s+(?:and|or)\s", text)
    ):
        return "If it holds a list, put the items in bullet points."
    return "Break it into two or more shorter sentences: say one thing in each."


def _list_before(low: list[str], gaps: list[str], k: int, joining: frozenset[str]) -> bool:
    """'do not drive, cycle, or use tools': a comma a few words before, with no joining
    word since, means the words after the joining word are a list's last item. ('...
    inhalers and vitamins, and write down ...': the list ended at its own 'and'.)"""
    for at in range(k - 1, max(0, k - 4), -1):
        if "," in gaps[at]:
            return not any(word in joining for word in low[at:k])
    return False


def _is_order(low: list[str], j: int, lists: dict[str, Any]) -> bool:
    """Whether the clause starting at word j tells the reader what to do ('Take ...')."""
    return j < len(low) and low[j] in lists["orders"]


def _starts_clause(
    low: list[str], gaps: list[str], j: int, lists: dict[str, Any], order: bool
) -> bool:
    """Whether the words from j on start a sentence of their own: a subject, a noun
    phrase with its verb close after it, or (after an order) another order."""
    word = low[j]
    if word in lists["subjects"]:
        return True
    if order and word in lists["orders"]:
        return True
    if word in lists["noun-starts"]:
        for k in range(j + 1, min(len(low), j + 1 + int(lists["verb-window"]))):
            if any(mark in gaps[k] for mark in ",;:"):
                return False
            if low[k] in lists["verbs"]:
                return True
    return False
