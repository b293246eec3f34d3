"""The jargon lexicon: terms patients often do not know, with plain alternatives.

Terms are matched on whole words, ignoring case, with hyphens and spaces alike
(open-label, open label), across line breaks, with plurals, longest term first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from linter.packs import pack_files

_TOKEN = re.compile(r"[^\W_]+")
# What may stand between the words of one term: spaces, line breaks, hyphens, apostrophes.
_JOINER = re.compile(r"[\s\-‐‑–'’]*")


class LexiconError(Exception):
    pass


@dataclass(frozen=True)
class Term:
    term: str
    plain: str | None
    source: str


@dataclass(frozen=True)
class Match:
    term: Term
    start: int
    end: int


def tokens(text: str) -> tuple[str, ...]:
    return tuple(m.group().lower() for m in _TOKEN.finditer(text))


def plural_forms(word: str) -> set[str]:
    forms = {word + "s", word + "es"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms.add(word[:-1] + "ies")
    if word.endswith("is"):
        forms.add(word[:-2] + "es")  # metastasis, metastases
    if word.endswith("um"):
        forms.add(word[:-2] + "a")  # bacterium, bacteria
    if word.endswith("us"):
        forms.add(word[:-2] + "i")  # bronchus, bronchi
    if word.endswith("a"):
        forms.add(word + "e")  # vertebra, vertebrae
    if word.endswith(("ex", "ix")):
        forms.add(word[:-2] + "ices")  # cortex, cortices
    return forms


class Lexicon:
    def __init__(self) -> None:
        self.terms: list[Term] = []
        # First word of a form -> (form's words, term), longest form first.
        self.index: dict[str, list[tuple[tuple[str, ...], Term]]] = {}

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[str, str | None, list[str], str]]) -> Lexicon:
        lex = cls()
        explicit: dict[tuple[str, ...], Term] = {}
        derived: dict[tuple[str, ...], Term] = {}
        for text, plain, variants, source in entries:
            term = Term(text, plain, source)
            lex.terms.append(term)
            for form in [text, *variants]:
                words = tokens(form)
                if not words:
                    continue
                explicit.setdefault(words, term)
                for plural in plural_forms(words[-1]):
                    derived.setdefault((*words[:-1], plural), term)
        # A listed word always wins over a plural made up for another term.
        forms = {**derived, **explicit}
        for words, term in forms.items():
            lex.index.setdefault(words[0], []).append((words, term))
        for entries_ in lex.index.values():
            entries_.sort(key=lambda e: -len(e[0]))
        return lex

    def find(self, text: str) -> list[Match]:
        found = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]
        out: list[Match] = []
        i = 0
        n = len(found)
        while i < n:
            candidates = self.index.get(found[i][2])
            matched = 0
            if candidates:
                for words, term in candidates:
                    k = len(words)
                    if i + k > n:
                        continue
                    if all(found[i + j][2] == words[j] for j in range(1, k)) and all(
                        _JOINER.fullmatch(text, found[i + j - 1][1], found[i + j][0])
                        for j in range(1, k)
                    ):
                        out.append(Match(term, found[i][0], found[i + k - 1][1]))
                        matched = k
                        break
            i += matched or 1
        return out


def load_entries(path: Path) -> list[tuple[str, str | None, list[str], str]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise LexiconError(
            f"{path}: cannot read the term list ({exc.__class__.__name__})"
        ) from None
    items = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise LexiconError(f"{path}: a term list needs a 'terms:' list")
    out = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("term"), str):
            raise LexiconError(f"{path}: entry {number} needs a 'term'")
        unknown = set(item) - {"term", "plain", "variants"}
        if unknown:
            raise LexiconError(f"{path}: entry {number} has an unknown key '{sorted(unknown)[0]}'")
        plain = item.get("plain")
        variants = item.get("variants") or []
        if plain is not None and not isinstance(plain, str):
            raise LexiconError(f"{path}: entry {number} ('plain') must be text")
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise LexiconError(f"{path}: entry {number} ('variants') must be a list of text")
        out.append((item["term"], plain, variants, path.name))
    return out


@cache
def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    entries = []
    for path in [*pack_files("lexicon"), *extra]:
        entries.extend(load_entries(path))
    return Lexicon.from_entries(entries)
