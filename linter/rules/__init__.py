"""The rule registry: every rule, found, checked and described in one table.

A rule is one module in this package, named after its code and name
(`pl201_long_sentence.py` is PL201 long-sentence). It declares CODE, NAME, SEVERITY,
SUMMARY and TAGS, optionally OPTIONS (settings it reads, with their checks) and SCOPE,
a docstring in the sections of DOC_SECTIONS that `plainlint rule CODE` prints, and
`check(doc, report)`, which calls `report(...)` for each problem it finds.

The table is checked when it loads (`registry()`): file names, codes and names must
agree and be unique, metadata must be complete and the docstring in shape. A rule that
is not raises RegistryError naming the module and what is wrong, which the commands
print as an error rather than a traceback. Adding a rule touches its module, its data
file if any (rules/), its fixture and its snapshot (tests/): nothing else.
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

from linter.diagnostics import Details, Fix, Severity, Span
from linter.document import Document
from linter.options import Option

# The group of a rule is the first digit of its code.
GROUPS = {
    "1": "words",
    "2": "sentences",
    "3": "grades",
    "9": "comments",
}
DOC_SECTIONS = (
    "What it does",
    "Why is this bad?",
    "Example",
    "Use instead",
    "Fix safety",
    "Options",
    "References",
)
_MODULE = re.compile(r"^pl(\d{3})_([a-z]+(?:_[a-z]+)*)$")
_SCOPES = ("lines", "article")
# The ways the HTML report can mark a problem's words.
HIGHLIGHTS = ("long", "jargon", "unfamiliar", "complex", "acronym", "section")


class RegistryError(Exception):
    """A rule module that cannot be registered; the message names it and the problem."""


class Report(Protocol):
    def __call__(
        self,
        span: Span,
        message: str,
        suggestions: list[str] | None = None,
        fix: Fix | None = None,
        details: Details | None = None,
    ) -> None: ...


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    group: str
    module: str
    severity: Severity
    summary: str
    tags: tuple[str, ...]
    doc: str
    check: Callable[[Document, Report], None]
    options: tuple[Option, ...] = ()
    # How the HTML report marks its problems (a kind from HIGHLIGHTS), or None.
    highlight: str | None = None
    # "lines" for problems about some text; "article" for the whole article (a grade).
    scope: str = "lines"
    # Rules about the suppressions themselves run after them: (doc, outcome, ran, report).
    after_suppressions: Callable[..., None] | None = None

    def __reduce__(self) -> tuple[Callable[[str], Rule], tuple[str]]:
        # Sent to a worker by its code: the worker has the same registry.
        return (_shipped_rule, (self.code,))


def doc_sections(doc: str) -> list[str]:
    """The '## ' headings of a rule's docstring, outside its code examples."""
    found = []
    fenced = False
    for line in doc.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("## "):
            found.append(line[3:].strip())
    return found


def rule_from_module(module: ModuleType, file_name: str) -> Rule:
    """Check one rule module against the registry's contract and describe it."""
    where = f"rule module {file_name}.py"
    m = _MODULE.match(file_name)
    if m is None:
        raise RegistryError(f"{where}: name it pl<3 digits>_<name>.py, as pl201_long_sentence.py")
    missing = [
        a
        for a in ("CODE", "NAME", "SEVERITY", "SUMMARY", "TAGS", "check")
        if not hasattr(module, a)
    ]
    if missing:
        raise RegistryError(f"{where}: it must define {', '.join(missing)}")
    code, name = f"PL{m.group(1)}", m.group(2).replace("_", "-")
    if code != module.CODE or name != module.NAME:
        raise RegistryError(
            f"{where}: CODE and NAME must be {code!r} and {name!r}, as its file name says "
            f"(not {module.CODE!r} and {module.NAME!r})"
        )
    group = GROUPS.get(code[2])
    if group is None:
        raise RegistryError(f"{where}: no group for codes {code[:3]}xx (groups: {GROUPS})")
    try:
        severity = Severity(module.SEVERITY)
    except ValueError:
        raise RegistryError(f"{where}: SEVERITY must be error, warning or info") from None
    if not isinstance(module.SUMMARY, str) or not module.SUMMARY.strip():
        raise RegistryError(f"{where}: SUMMARY must say in a few words what it finds")
    if not isinstance(module.TAGS, tuple) or not all(isinstance(t, str) for t in module.TAGS):
        raise RegistryError(f"{where}: TAGS must be a tuple of words")
    if not callable(module.check):
        raise RegistryError(f"{where}: check must be a function (doc, report)")
    doc = (module.__doc__ or "").strip()
    sections = doc_sections(doc)
    if tuple(sections) != DOC_SECTIONS:
        raise RegistryError(
            f"{where}: its docstring's sections must be {', '.join(DOC_SECTIONS)}, in that "
            f"order (it has: {', '.join(sections) or 'none'})"
        )
    options = getattr(module, "OPTIONS", ())
    if not isinstance(options, tuple) or not all(isinstance(o, Option) for o in options):
        raise RegistryError(f"{where}: OPTIONS must be a tuple of Option")
    highlight = getattr(module, "HIGHLIGHT", None)
    if highlight is not None and highlight not in HIGHLIGHTS:
        raise RegistryError(f"{where}: HIGHLIGHT must be one of {', '.join(HIGHLIGHTS)}")
    scope = getattr(module, "SCOPE", "lines")
    if scope not in _SCOPES:
        raise RegistryError(f"{where}: SCOPE must be one of {', '.join(_SCOPES)}")
    return Rule(
        code=code,
        name=name,
        group=group,
        module=module.__name__,
        severity=severity,
        summary=module.SUMMARY.strip(),
        tags=module.TAGS,
        doc=doc,
        check=module.check,
        options=options,
        highlight=highlight,
        scope=scope,
        after_suppressions=getattr(module, "check_suppressions", None),
    )


def build_registry(modules: list[tuple[str, ModuleType]]) -> tuple[Rule, ...]:
    """The checked table of rules from (file name, module) pairs."""
    rules = [rule_from_module(module, name) for name, module in modules]
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen:
                raise RegistryError(f"rules {seen[key]} and {rule.module} both use {key!r}")
            seen[key] = rule.module
    options: dict[str, str] = {}
    for rule in rules:
        for option in rule.options:
            if option.name in options:
                raise RegistryError(
                    f"rules {options[option.name]} and {rule.code} both declare the option "
                    f"{option.name!r}"
                )
            options[option.name] = rule.code
    return tuple(sorted(rules, key=lambda r: r.code))


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule shipped with plainlint (the package's own modules, which do not change
    while it runs)."""
    modules = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        modules.append((info.name, importlib.import_module(f"{__name__}.{info.name}")))
    return build_registry(modules)


def _shipped_rule(code: str) -> Rule:
    found = find_rule(code)
    if found is None:
        raise RegistryError(f"no rule {code} in this plainlint")
    return found


def all_options() -> dict[str, tuple[Rule, Option]]:
    """Every rule option by its config key."""
    return {o.name: (r, o) for r in all_rules() for o in r.options}


def find_rule(key: str) -> Rule | None:
    key = key.strip()
    for rule in all_rules():
        if key.upper() == rule.code or key.lower() == rule.name:
            return rule
    return None


def describe(rule: Rule) -> str:
    """What `plainlint rule CODE` prints: the docstring, with each option's default."""
    head = f"# {rule.code} {rule.name} ({rule.severity.value}; {rule.group})\n\n{rule.summary}.\n"
    doc = rule.doc
    if rule.options:
        rows = []
        for o in rule.options:
            where = "in each audience's profile" if o.per_profile else "at the top of the config"
            rows.append(f"- `{o.name}` (default {o.default:g}, {where}): {o.help}")
        doc = doc.replace("## Options\n", "## Options\n" + "\n".join(rows) + "\n\n", 1)
    return f"{head}\n{doc}"


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
