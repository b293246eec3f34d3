"""Suppressions: HTML comments and front matter that switch rules off.

<!-- plainlint-disable -->            everything, until plainlint-enable
<!-- plainlint-disable PL201 -->      one rule (or several, space separated)
<!-- plainlint-enable -->             switch back on
<!-- plainlint-disable-next-line -->  the line after the comment
front matter: plainlint: {ignore: [PL201]}
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from linter.diagnostics import Diagnostic
from linter.prose import Comment
from linter.source import SourceFile

# Matched against the comment's text with its ends stripped: one run of code characters,
# so a comment padded with thousands of spaces takes one pass.
_DIRECTIVE = re.compile(r"plainlint-(disable-next-line|disable|enable)\b([\s,A-Za-z0-9-]*)")
_ALL = "*"


@dataclass(frozen=True)
class _Region:
    first_line: int
    last_line: int  # inclusive
    codes: frozenset[str]


def _codes(arg: str) -> frozenset[str]:
    found = {c.upper() for c in re.split(r"[\s,]+", arg) if c}
    return frozenset(found) or frozenset({_ALL})


def regions(src: SourceFile, comments: list[Comment]) -> list[_Region]:
    out: list[_Region] = []
    open_: dict[str, int] = {}
    last = len(src.line_starts) + 1
    for comment in sorted(comments, key=lambda c: c.span.start):
        m = _DIRECTIVE.fullmatch(comment.text.strip())
        if m is None:
            continue
        kind, codes = m.group(1), _codes(m.group(2))
        start_line = src.position(comment.span.start)[0]
        end_line = src.position(max(comment.span.end - 1, comment.span.start))[0]
        if kind == "disable-next-line":
            out.append(_Region(end_line + 1, end_line + 1, codes))
        elif kind == "disable":
            for code in codes:
                open_.setdefault(code, start_line)
        else:
            closing = list(open_) if _ALL in codes else [c for c in codes if c in open_]
            for code in closing:
                out.append(_Region(open_.pop(code), start_line, frozenset({code})))
    for code, line in open_.items():
        out.append(_Region(line, last, frozenset({code})))
    return out


class _Lines:
    """Line ranges, merged, so that whether a line is in one of them takes one bisection."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for first, last in sorted(ranges):
            if merged and first <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], last)
            else:
                merged.append([first, last])
        self.firsts = [m[0] for m in merged]
        self.lasts = [m[1] for m in merged]

    def __contains__(self, line: int) -> bool:
        k = bisect.bisect_right(self.firsts, line) - 1
        return k >= 0 and line <= self.lasts[k]


def apply_suppressions(
    diagnostics: list[Diagnostic], src: SourceFile, comments: list[Comment], ignore: tuple[str, ...]
) -> list[Diagnostic]:
    ranges: dict[str, list[tuple[int, int]]] = {}
    for r in regions(src, comments):
        for code in r.codes:
            ranges.setdefault(code, []).append((r.first_line, r.last_line))
    off = {code: _Lines(spans) for code, spans in ranges.items()}
    everything = off.get(_ALL)
    kept = []
    for d in diagnostics:
        if d.code in ignore or d.name.upper() in ignore:
            continue
        if (everything is not None and d.line in everything) or (
            d.code in off and d.line in off[d.code]
        ):
            continue
        kept.append(d)
    return kept
