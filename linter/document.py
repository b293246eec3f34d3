"""The document that rules see: an article's prose, sentences, profile and settings."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any
from urllib.parse import unquote

from linter.config import Config, Profile
from linter.difficulty import Difficulty, sentence_difficulty
from linter.explanations import Explanations, load_patterns
from linter.frontmatter import FrontMatter
from linter.grades import Counts, grade, sentence_counts, total
from linter.lexicon import Lexicon, Match, load_lexicon, normalize_url
from linter.names import titled
from linter.prose import HEADING, LABEL, LIST_ITEM, PARAGRAPH, Prose, Unit
from linter.sentences import Sentence, split_sentences
from linter.source import ReadError, SourceFile
from linter.terms import acronyms_in, everyday_acronyms, rare_words_in
from linter.yamlfile import key_name, sorted_keys

_ARTICLE_KEYS = {"ignore", "allow", "grade", "reason"}
_BRACKETED_SHORT = re.compile(r"\(([A-Z][A-Za-z0-9&-]{1,9})\)")
_GENERIC_END = re.compile(r"-(?:disorders?|diseases?|syndromes?|conditions?)$")
_PAGE_SUFFIX = re.compile(r"\.(?:md|mdx|markdown|html?|php|aspx?)$", re.IGNORECASE)


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", unquote(text).lower().replace("’", "'").replace("'", ""))
    return "-".join(words)


def _singular(slug: str) -> str:
    for end, keep in (("ies", "y"), ("es", ""), ("s", "")):
        if slug.endswith(end) and len(slug) > len(end) + 2:
            return slug[: -len(end)] + keep
    return slug


def names_page(href: str, names: tuple[str, ...] | list[str]) -> bool:
    """Whether the address's last path part, or its fragment, is one of the names."""
    address = href.split("?", 1)[0]
    path, _, fragment = address.partition("#")
    parts = [p for p in path.split("/") if p]
    last = _PAGE_SUFFIX.sub("", parts[-1]) if parts else ""
    wanted = {_slug(n) for n in names} - {""}
    wanted |= {_singular(w) for w in wanted}
    # A page named without the kind of thing the term is: 'bipolar.asp' for 'bipolar
    # disorder', 'generalizedanxiety.asp' for 'generalized anxiety disorder'.
    wanted |= {_GENERIC_END.sub("", w) for w in wanted} - {""}
    wanted |= {w.replace("-", "") for w in wanted}
    for place in (fragment, last):
        slug = _slug(place)
        if slug and (
            slug in wanted or _singular(slug) in wanted or slug.replace("-", "") in wanted
        ):
            return True
    return False


@dataclass
class ArticleSettings:
    """The front matter's `plainlint:` block: rules to skip, terms to allow, and a grade
    target for this article alone (which must give its reason)."""

    ignore: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    grade: float | None = None
    reason: str | None = None

    @classmethod
    def from_front_matter(cls, fm: FrontMatter, path: str) -> ArticleSettings:
        raw: Any = fm.data.get("plainlint")
        if raw is None:
            return cls()
        if not isinstance(raw, dict):
            raise ReadError(f"{path}: front matter 'plainlint' must hold 'ignore' or 'allow' lists")
        unknown = [k for k in sorted_keys(raw) if k not in _ARTICLE_KEYS]
        if unknown:
            raise ReadError(
                f"{path}: front matter 'plainlint.{key_name(unknown[0])}' is not a known setting "
                f"(use {', '.join(repr(k) for k in sorted(_ARTICLE_KEYS))})"
            )
        grade = raw.get("grade")
        reason = raw.get("reason")
        if grade is not None:
            if isinstance(grade, bool) or not isinstance(grade, int | float) or not 0 < grade < 30:
                raise ReadError(f"{path}: front matter 'plainlint.grade' must be a number")
            if not isinstance(reason, str) or not reason.strip():
                raise ReadError(
                    f"{path}: front matter 'plainlint.grade' needs a 'reason' saying why "
                    "this article may be harder to read"
                )
        values = {}
        for key in ("ignore", "allow"):
            items = raw.get(key) or []
            if isinstance(items, str):
                items = [items]
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise ReadError(f"{path}: front matter 'plainlint.{key}' must be a list of words")
            values[key] = tuple(items)
        return cls(
            ignore=values["ignore"],
            allow=values["allow"],
            grade=float(grade) if grade is not None else None,
            reason=reason if grade is not None else None,
        )

    @property
    def has_override(self) -> bool:
        return self.grade is not None


@dataclass
class Section:
    """A part of the article under one heading (## or, with none, a bold label)."""

    heading: Unit
    sentences: list[Sentence]
    # Short sections folded into this one, by their headings.
    folded: list[Unit] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(len(s.words) for s in self.sentences)


def _last_from(ranges: tuple[tuple[int, int], ...], at: int) -> tuple[int, int] | None:
    """The last of the sorted ranges that starts at or before `at`."""
    k = bisect.bisect_right(ranges, (at, float("inf"))) - 1
    return ranges[k] if k >= 0 else None


def _inside(ranges: tuple[tuple[int, int], ...], at: int) -> bool:
    last = _last_from(ranges, at)
    return last is not None and last[1] > at


@dataclass
class Document:
    source: SourceFile
    front_matter: FrontMatter
    profile: Profile
    config: Config
    prose: Prose
    settings: ArticleSettings = field(default_factory=ArticleSettings)
    # The dialect's markup (shortcodes, Liquid, MDX blocks), as sorted ranges of the file:
    # never prose, and no fix may touch it.
    markup: tuple[tuple[int, int], ...] = ()
    # Short forms the article defines with abbreviation lines ('*[CPAP]: ...').
    abbreviations: frozenset[str] = frozenset()
    # Where '<abbr title="...">X</abbr>' elements stand in the file, in order.
    abbr_elements: tuple[tuple[int, int], ...] = ()
    # Where the dialect's glossary markup ('{{< glossary "x" >}}') links a term.
    glossary_terms: tuple[tuple[int, int], ...] = ()
    _difficulty: dict[int, Difficulty] = field(default_factory=dict, repr=False)

    def in_abbr_element(self, at: int) -> bool:
        """Whether the file offset is inside an <abbr title> element."""
        return _inside(self.abbr_elements, at)

    def in_glossary_markup(self, at: int) -> bool:
        """Whether the file offset is in a term the dialect's glossary markup links."""
        return _inside(self.glossary_terms, at)

    def touches_markup(self, start: int, end: int) -> bool:
        """Whether [start, end] meets the dialect's markup, or only touches its edge:
        '{{< glossary "' right before a term is as much the shortcode's as its middle."""
        last = _last_from(self.markup, end)
        return last is not None and last[1] >= start

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def units(self) -> list[Unit]:
        return self.prose.units

    @cached_property
    def _split(self) -> dict[int, list[Sentence]]:
        return {id(unit): split_sentences(unit) for unit in self.prose.units}

    @cached_property
    def counts(self) -> Counts:
        """The counts of all the article's sentences: the engine and rules share them."""
        return self.counts_of(self.sentences)

    @cached_property
    def _folded(self) -> frozenset[int]:
        """With `list-items: with-lead-in`, the list items that are part of the sentence
        leading into them ('Bring:' then '- your card'): one sentence, not one each. An
        item counts so when it is one sentence with no full stop, in a run of items right
        after a paragraph that ends with a colon."""
        if self.config.list_items != "with-lead-in":
            return frozenset()
        folded: set[int] = set()
        lead_in = False
        for unit in self.prose.units:
            if unit.kind == LIST_ITEM:
                items = self.sentences_of(unit)
                text = unit.text.rstrip()
                if lead_in and len(items) == 1 and text and text[-1] not in ".!?":
                    folded.add(id(items[0]))
                continue
            lead_in = unit.kind == PARAGRAPH and unit.text.rstrip().endswith(":")
        return frozenset(folded)

    @property
    def lead_in_items(self) -> int:
        """How many list items are counted in the sentence that leads into them."""
        return len(self._folded)

    def counts_of(self, sentences: list[Sentence]) -> Counts:
        """The counts of some of the article's sentences, for grades: a list item that is
        part of its lead-in sentence adds its words, not a sentence."""
        counts = total(sentence_counts(s) for s in sentences)
        folded = self._folded
        if folded:
            counts = replace(
                counts, sentences=counts.sentences - sum(id(s) in folded for s in sentences)
            )
        return counts

    @cached_property
    def grade(self) -> float:
        """The article's reading grade by its profile's metric."""
        return grade(self.profile.grade_metric, self.counts)

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

    @cached_property
    def explanations(self) -> Explanations:
        """What the article explains where it uses it (shared by the jargon rules)."""
        threshold = float(self.config.option("unfamiliar-threshold"))

        # Words no rule would flag are not terms an explanation can be about: in '...
        # unless Dr. Whitford says it is OK. These are pain relievers ...', 'These' points
        # past 'OK' and the name to the NSAIDs.
        def candidates(unit: Unit) -> list[tuple[int, int]]:
            text = unit.text
            spans = {(m.start, m.end) for m in self.jargon_in(unit)}
            # With its plural 's': 'FODMAPs are types of sugar ...'.
            spans.update(
                m.span() for m in acronyms_in(text) if not self.is_everyday_acronym(m.group(1))
            )
            for m in rare_words_in(text, threshold):
                s, e = m.span()
                # A title marks a name only where the word has a capital: 'C. difficile'
                # is a germ, 'C. Patel' a person.
                if not (text[s].isupper() and titled(text[max(0, s - 80) : s], text[e : e + 80])):
                    spans.add((s, e))
            return sorted(spans)

        return Explanations(
            self.prose.units, self.sentences_of, candidates, load_patterns(self.config.explanations)
        )

    @cached_property
    def _everyday_acronyms(self) -> frozenset[str]:
        return frozenset(
            everyday_acronyms(self.locale)
            | {a.upper() for a in self.settings.allow}
            | set(self.config.acronyms)
        )

    def is_everyday_acronym(self, acronym: str) -> bool:
        """An acronym most readers know (for the article's country), or one the site or
        the article allows: no rule asks for it to be spelled out."""
        return acronym.upper() in self._everyday_acronyms

    @property
    def wants_links(self) -> bool:
        """The site's jargon policy asks for links even where a term is explained."""
        return self.config.jargon_policy == "link"

    @property
    def locale(self) -> str | None:
        """The article's language tag: its front matter's, else the site's."""
        for key in ("language", "lang", "locale"):
            value = self.front_matter.data.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
        return self.config.locale

    def difficulty(self, sentence: Sentence) -> Difficulty:
        # PL301, PL302 and stats all rank sentences: score each one once.
        key = id(sentence)
        found = self._difficulty.get(key)
        if found is None:
            found = sentence_difficulty(
                sentence, self.lexicon, unit_matches=self.jargon_in(sentence.unit)
            )
            self._difficulty[key] = found
        return found

    @property
    def grade_target(self) -> float:
        """The article's target: its front matter's override, else its profile's."""
        return self.settings.grade if self.settings.grade is not None else self.profile.grade_target

    def sections(self) -> list[Section]:
        """Sections by ## headings (or bold labels when there are none), short ones
        folded into the next; text before the first heading is not a section."""
        units = self.prose.units
        has_h2 = any(u.kind == HEADING and u.level == 2 for u in units)

        def starts_section(u: Unit) -> bool:
            if has_h2:
                return u.kind == HEADING and u.level <= 2 and u.level != 1
            return u.kind == LABEL

        raw: list[Section] = []
        for unit in units:
            if starts_section(unit):
                raw.append(Section(unit, []))
            elif unit.kind == HEADING and unit.level == 1:
                continue
            elif raw and unit.is_prose_sentences:
                raw[-1].sentences.extend(self.sentences_of(unit))
        minimum = int(self.config.option("section-min-words", self.profile))
        out: list[Section] = []
        # Short sections waiting to be folded into the next one: their sentences and
        # headings, gathered in place (a run of thousands of short sections stays linear).
        sentences: list[Sentence] = []
        folded: list[Unit] = []
        words = 0
        for section in raw:
            sentences.extend(section.sentences)
            words += section.words
            if words < minimum:
                folded.append(section.heading)
                continue
            out.append(Section(section.heading, sentences, folded))
            sentences, folded, words = [], [], 0
        if words and folded:
            if out:
                # A short last section goes into the one before.
                out[-1].sentences.extend(sentences)
                out[-1].folded.extend(folded)
            else:
                heading = folded.pop()
                out.append(Section(heading, sentences, folded))
        return out

    def is_definition_link(self, href: str, *names: str) -> bool:
        """A glossary link, or a link to a page about the term itself: its address's
        last part or its '#fragment' names it ('/drugs/pomalidomide', '#anemia')."""
        # A short form in brackets names the page, and so do the words without it:
        # '[Posttraumatic stress disorder (PTSD)](/mental-health/ptsd/)',
        # '[Pyridostigmine bromide (PB)](/sources/pyridostigmine-bromide.asp)'.
        shorts = [m.group(1) for n in names for m in _BRACKETED_SHORT.finditer(n)]
        bare = [_BRACKETED_SHORT.sub("", n) for n in names if "(" in n]
        return self.is_glossary_link(href) or names_page(href, [*names, *shorts, *bare])

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
