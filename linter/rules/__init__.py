"""The rules. Each is one module in this package; this finds them all.

A rule module declares CODE, NAME, SEVERITY, SUMMARY and TAGS, a docstring in four parts
(What it does / Why is this bad / Example / Use instead) that `plainlint rule CODE` prints,
and `check(doc, report)`, which calls `report(...)` for each problem it finds.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Protocol

from linter.diagnostics import Fix, Severity, Span
from linter.document import Document


class Report(Protocol):
    def __call__(
        self,
        span: Span,
        message: str,
        suggestions: list[str] | None = None,
        fix: Fix | None = None,
    ) -> None: ...


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    tags: tuple[str, ...]
    doc: str
    check: Callable[[Document, Report], None]
    # "lines" for problems about some text; "article" for the whole article (a grade).
    scope: str = "lines"
    # Rules about the suppressions themselves run after them: (doc, outcome, ran, report).
    after_suppressions: Callable[..., None] | None = None

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(
            code=module.CODE,
            name=module.NAME,
            severity=Severity(module.SEVERITY),
            summary=module.SUMMARY,
            tags=tuple(module.TAGS),
            doc=(module.__doc__ or "").strip(),
            check=module.check,
            scope=getattr(module, "SCOPE", "lines"),
            after_suppressions=getattr(module, "check_suppressions", None),
        )


@cache
def all_rules() -> tuple[Rule, ...]:
    rules = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        rules.append(Rule.from_module(module))
    return tuple(sorted(rules, key=lambda r: r.code))


def find_rule(key: str) -> Rule | None:
    key = key.strip()
    for rule in all_rules():
        if key.upper() == rule.code or key.lower() == rule.name:
            return rule
    return None


_PREFIX = re.compile(r"^PL\d{0,3}$", re.IGNORECASE)


def resolve(word: str) -> frozenset[str] | None:
    """The rules a word names: a code (PL201), a code prefix (PL2, PL), a rule's name
    (long-sentence) or 'all'; None when it names none."""
    key = word.strip()
    rules = all_rules()
    if key.lower() == "all":
        return frozenset(r.code for r in rules)
    found = frozenset(
        r.code
        for r in rules
        if key.lower() == r.name or (_PREFIX.match(key) and r.code.startswith(key.upper()))
    )
    return found or None


def selected(select: tuple[str, ...], ignore: tuple[str, ...]) -> list[Rule]:
    """Rules chosen by code, code prefix or name ('PL201', 'PL2', 'long-sentence')."""
    chosen: set[str] = set()
    for key in select:
        chosen |= resolve(key) or set()
    dropped: set[str] = set()
    for key in ignore:
        dropped |= resolve(key) or set()
    return [r for r in all_rules() if (not select or r.code in chosen) and r.code not in dropped]


def unknown_keys(keys: tuple[str, ...]) -> list[str]:
    return [k for k in keys if resolve(k) is None]
