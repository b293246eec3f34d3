"""The jargon lexicon: terms patients often do not know, with plain alternatives.

Terms are matched on whole words, ignoring case, with hyphens and spaces alike
(open-label, open label), across line breaks, with plurals, longest term first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from linter.packs import pack_files, parsed_packs, unchanged
from linter.yamlfile import YamlProblem, key_name, load_yaml, sorted_keys

_TOKEN = re.compile(r"[^\W_]+")
# What may stand between the words of one term: spaces, line breaks, hyphens, apostrophes,
# and slashes ('V/Q scan').
_JOINER = re.compile(r"[\s\-‐‑–'’/]*")


class LexiconError(Exception):
    pass


@dataclass(frozen=True)
class Term:
    term: str
    plain: str | None
    source: str
    # From the site's glossary, when it has the term.
    url: str | None = None
    definition: str | None = None


@dataclass(frozen=True)
class Entry:
    """One entry of a term list or a glossary, before matching is built."""

    term: str
    plain: str | None = None
    variants: tuple[str, ...] = ()
    source: str = ""
    url: str | None = None
    definition: str | None = None

    def forms(self) -> list[tuple[str, ...]]:
        return [t for t in (tokens(f) for f in (self.term, *self.variants)) if t]


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
        # Glossary address -> its term, to catch links to the wrong entry.
        self.by_url: dict[str, Term] = {}
        # Words of every form, as nested tables; _END marks where a form ends.
        self.trie: dict[str, dict[str, object]] = {}

    @classmethod
    def from_entries(
        cls, entries: Iterable[Entry], glossary: Iterable[Entry] = (), plurals: bool = True
    ) -> Lexicon:
        lex = cls()
        glossary = list(glossary)
        explicit: dict[tuple[str, ...], Term] = {}
        derived: dict[tuple[str, ...], Term] = {}
        # The site's glossary gives lexicon terms their address; its other terms join them.
        known: dict[tuple[str, ...], Entry] = {}
        for g in glossary:
            for form in g.forms():
                known.setdefault(form, g)
        merged: set[int] = set()
        pairs: list[tuple[Term, list[tuple[str, ...]]]] = []
        for entry in entries:
            g = next((known[f] for f in entry.forms() if f in known), None)
            if g is None:
                pairs.append((Term(entry.term, entry.plain, entry.source), entry.forms()))
                continue
            merged.add(id(g))
            term = Term(entry.term, entry.plain, entry.source, g.url, g.definition)
            pairs.append((term, entry.forms() + g.forms()))
        for g in glossary:
            if id(g) not in merged:
                pairs.append((Term(g.term, None, g.source, g.url, g.definition), g.forms()))
        for term, forms in pairs:
            lex.terms.append(term)
            if term.url:
                lex.by_url.setdefault(normalize_url(term.url), term)
            for words in forms:
                explicit.setdefault(words, term)
                for plural in plural_forms(words[-1]) if plurals else ():
                    derived.setdefault((*words[:-1], plural), term)
        # A listed word always wins over a plural made up for another term.
        forms = {**derived, **explicit}
        for words, term in forms.items():
            lex.index.setdefault(words[0], []).append((words, term))
        for entries_ in lex.index.values():
            entries_.sort(key=lambda e: -len(e[0]))
        for words, term in forms.items():
            node = lex.trie.setdefault(words[0], {})
            for word in words[1:]:
                node = node.setdefault(word, {})  # type: ignore[assignment]
            node[_END] = term
        return lex

    def find(self, text: str) -> list[Match]:
        lower = text.lower()
        if len(lower) != len(text):
            # A few characters change length when lowercased (İ): match token by token.
            return self._find_slow(text)
        trie = self.trie
        out: list[Match] = []
        after = 0
        n = len(lower)
        for m in _TOKEN.finditer(lower):
            start = m.start()
            if start < after:
                continue
            node = trie.get(m.group())
            if node is None:
                continue
            # Walk the words that follow as far as a listed phrase goes: the longest wins.
            best: Term | None = node.get(_END)  # type: ignore[assignment]
            best_end = pos = m.end()
            while len(node) > (_END in node):
                i = pos
                while i < n and (lower[i] in _JOINER_CHARS or lower[i].isspace()):
                    i += 1
                word = _TOKEN.match(lower, i) if i > pos else None
                child = node.get(word.group()) if word is not None else None
                if child is None:
                    break
                node = child  # type: ignore[assignment]
                pos = word.end()  # type: ignore[union-attr]
                if _END in node:
                    best, best_end = node[_END], pos  # type: ignore[assignment]
            if best is not None:
                out.append(Match(best, start, best_end))
                after = best_end
        return out

    def _find_slow(self, text: str) -> list[Match]:
        found = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]
        out: list[Match] = []
        i = 0
        n = len(found)
        while i < n:
            candidates = self.index.get(found[i][2])
            matched = 0
            for words, term in candidates or ():
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


_END = "\0end"
_JOINER_CHARS = frozenset(" \t\n\r\f\v\u00a0-‐‑–'’/")


def normalize_url(url: str) -> str:
    return url.strip().rstrip("/").replace("&amp;", "&").lower()


def _read_list(path: Path, key: str) -> list[object]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    try:
        data = load_yaml(text)
    except YamlProblem as problem:
        where = f":{problem.line}" if problem.line is not None else ""
        raise LexiconError(f"{path}{where}: the list {problem.message}") from None
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise LexiconError(f"{path}: needs a '{key}:' list")
    return items


def _text(item: dict[str, object], key: str, path: Path, number: int) -> str | None:
    value = item.get(key)
    if value is not None and not isinstance(value, str):
        raise LexiconError(f"{path}: entry {number} ('{key}') must be text")
    return value


def _variants(item: dict[str, object], path: Path, number: int) -> tuple[str, ...]:
    variants = item.get("variants") or []
    if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
        raise LexiconError(f"{path}: entry {number} ('variants') must be a list of text")
    return tuple(variants)


def _known_keys(item: dict[object, object], known: set[str], path: Path, number: int) -> None:
    unknown = [k for k in sorted_keys(item) if k not in known]
    if unknown:
        raise LexiconError(f"{path}: entry {number} has an unknown key '{key_name(unknown[0])}'")


def load_entries(path: Path) -> list[Entry]:
    """A term list: `terms:` with term, plain and variants."""
    out = []
    for number, item in enumerate(_read_list(path, "terms"), 1):
        if not isinstance(item, dict) or not isinstance(item.get("term"), str):
            raise LexiconError(f"{path}: entry {number} needs a 'term'")
        _known_keys(item, {"term", "plain", "variants"}, path, number)
        out.append(
            Entry(
                item["term"],
                _text(item, "plain", path, number),
                _variants(item, path, number),
                path.name,
            )
        )
    return out


def load_glossary(path: Path) -> list[Entry]:
    """A site's glossary: `glossary:` with term, variants, url and definition."""
    out = []
    for number, item in enumerate(_read_list(path, "glossary"), 1):
        if not isinstance(item, dict) or not isinstance(item.get("term"), str):
            raise LexiconError(f"{path}: entry {number} needs a 'term'")
        _known_keys(item, {"term", "variants", "url", "definition"}, path, number)
        url = _text(item, "url", path, number)
        if not url:
            raise LexiconError(f"{path}: entry {number} ('{item['term']}') needs a 'url'")
        out.append(
            Entry(
                item["term"],
                None,
                _variants(item, path, number),
                path.name,
                url,
                _text(item, "definition", path, number),
            )
        )
    return out


def _shipped_entries(path: Path) -> list[Entry]:
    """A shipped term list, from its parsed copy when the YAML has not changed since."""
    parsed = parsed_packs().get("lexicon", {}).get(path.name)
    if parsed is not None and unchanged(path, parsed.get("sha256")):
        return [Entry(t, p, tuple(v), src) for t, p, v, src in parsed["entries"]]
    return load_entries(path)


def load_lexicon(extra: tuple[Path, ...] = (), glossaries: tuple[Path, ...] = ()) -> Lexicon:
    """The shipped term lists with a site's own lists and glossaries.

    Kept while the files stay as they are: a list or glossary edited while a long run
    (an editor server) goes on is read again, because its size and time are in the key.
    """
    return _load_lexicon(extra, glossaries, tuple(_stamp(p) for p in (*extra, *glossaries)))


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (-1, -1)
    return (info.st_size, info.st_mtime_ns)


@lru_cache(maxsize=16)
def _load_lexicon(
    extra: tuple[Path, ...], glossaries: tuple[Path, ...], stamps: tuple[tuple[int, int], ...]
) -> Lexicon:
    entries: list[Entry] = []
    for path in pack_files("lexicon"):
        entries.extend(_shipped_entries(path))
    for path in extra:
        entries.extend(load_entries(path))
    glossary: list[Entry] = []
    for path in glossaries:
        glossary.extend(load_glossary(path))
    return Lexicon.from_entries(entries, glossary)
