"""Suppressions: HTML comments and front matter that switch rules off.

<!-- plainlint-disable -->            everything, until plainlint-enable
<!-- plainlint-disable PL201 -->      one rule (or several, space separated)
<!-- plainlint-enable -->             switch back on
<!-- plainlint-disable-next-line -->  the line after the comment
front matter: plainlint: {ignore: [PL201]}
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.diagnostics import Diagnostic
from linter.prose import Comment
from linter.source import SourceFile

_DIRECTIVE = re.compile(r"^\s*plainlint-(disable-next-line|disable|enable)\b([\s,A-Za-z0-9-]*)\s*$")
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
        m = _DIRECTIVE.match(comment.text)
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


def apply_suppressions(
    diagnostics: list[Diagnostic], src: SourceFile, comments: list[Comment], ignore: tuple[str, ...]
) -> list[Diagnostic]:
    spans = regions(src, comments)
    kept = []
    for d in diagnostics:
        if d.code in ignore or d.name.upper() in ignore:
            continue
        if any(
            r.first_line <= d.line <= r.last_line and (_ALL in r.codes or d.code in r.codes)
            for r in spans
        ):
            continue
        kept.append(d)
    return kept
