"""The document that rules see: an article's prose, sentences, profile and settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from linter.config import Config, Profile
from linter.difficulty import Difficulty, sentence_difficulty
from linter.frontmatter import FrontMatter
from linter.lexicon import Lexicon, Match, load_lexicon, normalize_url
from linter.prose import HEADING, Prose, Unit
from linter.sentences import Sentence, split_sentences
from linter.source import ReadError, SourceFile

_ARTICLE_KEYS = {"ignore", "allow"}


@dataclass
class ArticleSettings:
    """The front matter's `plainlint:` block: rules to skip and terms to allow here."""

    ignore: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()

    @classmethod
    def from_front_matter(cls, fm: FrontMatter, path: str) -> ArticleSettings:
        raw: Any = fm.data.get("plainlint")
        if raw is None:
            return cls()
        if not isinstance(raw, dict):
            raise ReadError(f"{path}: front matter 'plainlint' must hold 'ignore' or 'allow' lists")
        unknown = sorted(set(raw) - _ARTICLE_KEYS)
        if unknown:
            raise ReadError(
                f"{path}: front matter 'plainlint.{unknown[0]}' is not a known setting "
                "(use 'ignore' or 'allow')"
            )
        values = {}
        for key in _ARTICLE_KEYS:
            items = raw.get(key) or []
            if isinstance(items, str):
                items = [items]
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise ReadError(f"{path}: front matter 'plainlint.{key}' must be a list of words")
            values[key] = tuple(items)
        return cls(ignore=tuple(c.upper() for c in values["ignore"]), allow=values["allow"])


@dataclass
class Document:
    source: SourceFile
    front_matter: FrontMatter
    profile: Profile
    config: Config
    prose: Prose
    settings: ArticleSettings = field(default_factory=ArticleSettings)

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def units(self) -> list[Unit]:
        return self.prose.units

    @cached_property
    def _split(self) -> dict[int, list[Sentence]]:
        return {id(unit): split_sentences(unit) for unit in self.prose.units}

    def sentences_of(self, unit: Unit) -> list[Sentence]:
        return self._split[id(unit)]

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of the units that hold sentences (not headings, labels or headers)."""
        out: list[Sentence] = []
        for unit in self.prose.units:
            if unit.is_prose_sentences:
                out.extend(self.sentences_of(unit))
        return out

    @cached_property
    def lexicon(self) -> Lexicon:
        return load_lexicon(self.config.lexicon, self.config.glossary)

    @cached_property
    def _matches(self) -> dict[int, list[Match]]:
        return {id(unit): self.lexicon.find(unit.text) for unit in self.prose.units}

    def jargon_in(self, unit: Unit) -> list[Match]:
        """The jargon list's matches in a unit (found once, used by several rules)."""
        return self._matches[id(unit)]

    def difficulty(self, sentence: Sentence) -> Difficulty:
        return sentence_difficulty(
            sentence, self.lexicon, unit_matches=self.jargon_in(sentence.unit)
        )

    def is_glossary_link(self, href: str) -> bool:
        if self.config.is_glossary_address(href):
            return True
        return bool(self.config.glossary) and normalize_url(href) in self.lexicon.by_url

    def title_unit(self) -> Unit | None:
        """Where article-wide problems are shown: the first heading, else the first unit."""
        for unit in self.prose.units:
            if unit.kind == HEADING:
                return unit
        return self.prose.units[0] if self.prose.units else None
