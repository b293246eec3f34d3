"""Suppressions: comments and front matter that switch rules off, and which of them did.

<!-- plainlint-disable -->                      every rule, until plainlint-enable
<!-- plainlint-disable PL201 long-sentence -->  rules by code, code prefix (PL2) or name
<!-- plainlint-disable PL201 -- a quotation --> text after ' -- ' is the reason
<!-- plainlint-enable -->                       switch back on (or: enable PL201)
<!-- plainlint-disable-next-line PL101 -->      the line after the comment
front matter: plainlint: {ignore: [PL201, jargon-without-link]}

A word in the list that names no rule is reported (it would switch nothing off), and so
is a comment that switched off nothing: both through the rule PL900.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from linter.diagnostics import Diagnostic
from linter.prose import Comment
from linter.source import SourceFile

# Matched against the comment's text with its ends stripped: a word, then any text, so a
# comment padded with thousands of spaces takes one pass.
_DIRECTIVE = re.compile(r"plainlint-(disable-next-line|disable|enable)(?![\w-])(.*)", re.DOTALL)
_ALL = "*"

# A word of a suppression list -> the codes it names, or None when it names no rule.
Resolver = Callable[[str], frozenset[str] | None]


@dataclass
class Directive:
    """One suppression comment."""

    comment: Comment
    kind: str  # disable, enable, disable-next-line
    words: list[str]  # as written
    codes: dict[str, frozenset[str]]  # each known word -> the rules it names
    unknown: list[str]
    reason: str | None
    line: int  # where the comment starts
    end_line: int
    # Words that switched off at least one problem.
    used: set[str] = field(default_factory=set)
    # The enable comment that closes this disable, if any, and the disables an enable closes.
    closed_by: Directive | None = None
    closes: list[Directive] = field(default_factory=list)


@dataclass
class _Region:
    first_line: int
    last_line: int  # inclusive
    rules: frozenset[str] | None  # None: every rule
    directive: Directive
    word: str  # the word that named the rules ('' for every rule)


def _resolved(words: list[str], resolve: Resolver) -> tuple[dict[str, frozenset[str]], list[str]]:
    """Each word that names rules, with the rules; and the words that name none."""
    codes: dict[str, frozenset[str]] = {}
    unknown = []
    for word in words:
        found = resolve(word)
        if found is None:
            unknown.append(word)
        else:
            codes[word] = found
    return codes, unknown


def parse(src: SourceFile, comments: list[Comment], resolve: Resolver) -> list[Directive]:
    out = []
    for comment in sorted(comments, key=lambda c: c.span.start):
        m = _DIRECTIVE.fullmatch(comment.text.strip())
        if m is None:
            continue
        rest, _, reason = m.group(2).partition(" -- ")
        words = [w for w in re.split(r"[\s,]+", rest) if w]
        codes, unknown = _resolved(words, resolve)
        out.append(
            Directive(
                comment,
                m.group(1),
                words,
                codes,
                unknown,
                reason.strip() or None,
                src.position(comment.span.start)[0],
                src.position(max(comment.span.end - 1, comment.span.start))[0],
            )
        )
    return out


def _regions(directives: list[Directive], last_line: int) -> list[_Region]:
    out: list[_Region] = []
    # What is switched off now: word -> (the disable comment, its first line).
    open_: dict[tuple[int, str], tuple[Directive, int]] = {}
    for d in directives:
        named = [(w, d.codes[w]) for w in d.codes] or ([("", None)] if not d.unknown else [])
        if d.kind == "disable-next-line":
            for word, rules in named:
                out.append(_Region(d.end_line + 1, d.end_line + 1, rules, d, word))
        elif d.kind == "disable":
            for word, _ in named:
                open_.setdefault((id(d), word), (d, d.line))
        else:
            closing = set(_codes_of(d)) if d.codes else None
            for key, (opened, line) in list(open_.items()):
                rules = opened.codes.get(key[1]) if key[1] else None
                if closing is None or (rules is not None and rules <= closing):
                    out.append(_Region(line, d.line, rules, opened, key[1]))
                    opened.closed_by = d
                    if opened not in d.closes:
                        d.closes.append(opened)
                    del open_[key]
    for (_, word), (opened, line) in open_.items():
        out.append(_Region(line, last_line, opened.codes.get(word) if word else None, opened, word))
    return out


def _codes_of(d: Directive) -> set[str]:
    return {code for codes in d.codes.values() for code in codes}


@dataclass
class Outcome:
    kept: list[Diagnostic]
    directives: list[Directive]
    # Front matter 'ignore' words that name no rule, and the rules the others name.
    unknown_ignores: list[str]
    ignored: set[str]


def apply_suppressions(
    diagnostics: list[Diagnostic],
    src: SourceFile,
    comments: list[Comment],
    ignore: tuple[str, ...],
    resolve: Resolver,
) -> Outcome:
    directives = parse(src, comments, resolve)
    regions = _regions(directives, len(src.line_starts) + 1)
    named, unknown_ignores = _resolved(list(ignore), resolve)
    ignored: set[str] = set().union(*named.values())
    # One sweep down the lines: regions open and close, problems meet the regions open at
    # their line. A region is marked used once, so the work grows with the number of
    # problems plus regions, not their product.
    events: dict[int, list[tuple[int, int]]] = {}  # line -> (0 open / 1 close, region)
    for index, r in enumerate(regions):
        events.setdefault(r.first_line, []).append((0, index))
        events.setdefault(r.last_line + 1, []).append((1, index))
    active: dict[str, set[int]] = {}
    unmarked: dict[str, set[int]] = {}
    lines = sorted(events)
    next_event = 0
    kept = []
    for d in sorted(diagnostics, key=lambda d: d.line):
        if d.code in ignored:
            continue
        while next_event < len(lines) and lines[next_event] <= d.line:
            for kind, index in events[lines[next_event]]:
                r = regions[index]
                for code in r.rules if r.rules is not None else (_ALL,):
                    if kind == 0:
                        active.setdefault(code, set()).add(index)
                        unmarked.setdefault(code, set()).add(index)
                    else:
                        active.get(code, set()).discard(index)
                        unmarked.get(code, set()).discard(index)
            next_event += 1
        if not (active.get(d.code) or active.get(_ALL)):
            kept.append(d)
            continue
        for code in (d.code, _ALL):
            for index in unmarked.pop(code, set()):
                regions[index].directive.used.add(regions[index].word)
    return Outcome(kept, directives, unknown_ignores, ignored)
