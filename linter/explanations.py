"""Terms explained where they are used: 'Neutropenia, a low white cell count, ...',
'swollen ankles (oedema)', 'This is called insulin resistance', a definition list, a
footnote, a table row that says what a word means.

The patterns are data (`rules/explanations.yaml`, and a site's own files named with
`explanations:`). For each unit of prose the candidate terms (jargon, rare words and
acronyms) are tried against them once; the rules then ask whether a use is explained
and whether words are part of an explanation, which they never flag."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from linter.packs import packs_dir
from linter.prose import (
    DEF_DETAILS,
    DEF_TERM,
    FOOTNOTE,
    NOT_SENTENCES,
    TABLE_CELL,
    TABLE_HEADER,
    Unit,
)
from linter.sentences import Sentence
from linter.yamlfile import YamlProblem, load_yaml

# How far around a term its explanation is looked for, in characters: more than the
# longest plain explanation, and it keeps a paragraph-long sentence linear.
_WINDOW = 300
# The end of a question after the term it asks about: 'What is a seroma?'.
_ASKED_END = re.compile(r"\s*\?\W*")
# What a medicine treats is named, not explained: 'Metformin is also used to treat
# polycystic ovary syndrome (PCOS)' leaves the condition to be explained.
_TREATS = re.compile(r"\b(?:used\s+(?:to\s+treat|for\s+treating)|to\s+treat|treats)\s")
_PIECE = re.compile(r"\{([a-z][a-z-]*)\}")
# The term opens its sentence, or ends the phrase that does: 'Otitis media with effusion
# happens when ...', 'The glands of the endocrine system make ...'.
_SUBJECT = re.compile(
    r"^[\s\W]*(?:(?:a|an|the|your|this|these|that|those|our|their|his|her|my|some)\s+)?"
    r"(?:(?:[\w’'-]+\s+){1,3}(?:of|with|in|for)\s+(?:(?:a|an|the|your)\s+)?)?"
    # A short form or a name may come first: 'An HCV antibody test shows ...'.
    # A describing word that opens the sentence may too ('Topical corticosteroids calm
    # ...'), but not a verb ('Treating anemia now lowers the risk ...').
    r"(?-i:[A-Z][A-Z0-9-]+\s+|(?![A-Za-z]+ing\b)[A-Z][a-z-]+\s+)?"
    # After 'the', a word joined by hyphens describes the term: 'The return-to-play
    # protocol is ...'.
    r"(?:(?<=\s)(?-i:[a-z]+(?:-[a-z]+)+)\s+)?"
    r"[\s\"“‘']*$",
    re.IGNORECASE,
)
# A clause that opens the sentence before its subject: 'If that test is positive, ...'.
_FRONTED = re.compile(
    r"^\W*(?:if|when|once|after|before|because|while|although|unless)\b[^,;]*,\s+", re.I
)
_PRONOUN = re.compile(r"\W*(?:It|They)\b")
_QUOTED = re.compile(r"\W*?[\"“‘']([\w-]+)[,.]?[\"”’']")
_NAME_GAP = re.compile(r"\s*(?:,\s*)?(?:or\s+)?\(?\s*\Z|[-\s]+[\w-]+\s*\(\s*\Z|-\Z")
# How a test or procedure is brought in: alone, as a label ('A transvaginal ultrasound.',
# 'Pure-tone audiometry.'), or as one you have or do ('do a digital rectal exam', 'remove
# it with ERCP').
_INTRODUCED = re.compile(
    r"(?:^[\W\d]*(?:(?:an?|the|your)\s+)?(?:[\w-]+\s+){0,2}?"
    r"|\b(?:have|has|had|do|does|need|needs|get|gets|having|is|are|be|book|called|try|offer|"
    r"offers|suggest|suggests|arrange|arranges|order|orders|send|sends|take|takes)\s+"
    r"(?:an?|your|the)\s+(?:[\w-]+\s+){0,2}?"
    r"|\b(?:with|using)\s+(?:(?:an?|the)\s+)?)\Z",
    re.IGNORECASE,
)
_JOIN = re.compile(r"(?:,\s+(?:and|but|so|while)|;)\s+")
_POINTER = re.compile(r"^[\s\W]*(?:this|it|these|that|they)\s*$", re.IGNORECASE)
# The rest of a bracketed name after the term: 'acute otitis media)'.
_CLOSES = re.compile(r"(?:\s+[\w’'-]+){0,3}\s*\)")
_BRACKETED = re.compile(r"\s*\(\s*")
_CELL_WORD = re.compile(r"[^\W\d_]{3,}")
_CLAUSE_BREAK = re.compile(r"[,;:(]\s*|\s[-–—]\s|\b(?:and|but|so|when|if|because)\s", re.I)


def _sentence_at(sentences: list[Sentence], i: int) -> int | None:
    """The index of the sentence holding text offset i (sentences are in order)."""
    k = bisect.bisect_right(sentences, i, key=lambda s: s.start) - 1
    if k >= 0 and i < sentences[k].end:
        return k
    return None


class ExplanationError(Exception):
    """A patterns file that cannot be used: the message names the file and the problem."""


@dataclass(frozen=True)
class Pattern:
    name: str
    after: re.Pattern[str] | None
    before: re.Pattern[str] | None
    subject: bool = False
    closes: bool = False
    # What must also follow the term in its sentence, for a 'before' pattern.
    then: re.Pattern[str] | None = None
    # What must not come before the term in its sentence.
    not_before: re.Pattern[str] | None = None
    # The words before the match must point back ('This is ...'): the sentence before
    # explains.
    pointer: bool = False
    # The explanation names a group, which may be a term itself: 'Dopamine agonists, such
    # as pramipexole, act like dopamine'.
    group: bool = False
    # What it does, not what it is: its words may be terms that need explaining too
    # ('Mammograms can show calcifications').
    keeps_terms: bool = False


@dataclass(frozen=True)
class Patterns:
    patterns: tuple[Pattern, ...]
    reject: re.Pattern[str] | None
    # A sentence that explains the last term of the sentence before it.
    next_sentence: re.Pattern[str] | None = None
    # A table cell that says nothing of what the cell before it is ('Used less often
    # now', 'Tablet').
    not_cell: re.Pattern[str] | None = None
    # One word in the cell that is enough: the kind of medicine ('Stimulant').
    cell_kind: re.Pattern[str] | None = None
    question: re.Pattern[str] | None = None
    not_answer: re.Pattern[str] | None = None


def _compile(text: str, pieces: dict[str, str], where: str) -> re.Pattern[str]:
    def piece(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in pieces:
            raise ExplanationError(f"{where}: there is no piece called {{{name}}}")
        return pieces[name]

    try:
        return re.compile(_PIECE.sub(piece, text))
    except re.error as exc:
        raise ExplanationError(f"{where}: the pattern cannot be read ({exc})") from None


def _read(path: Path) -> dict[str, Any]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ExplanationError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    except YamlProblem as problem:
        line = f":{problem.line}" if problem.line is not None else ""
        raise ExplanationError(f"{path}{line}: {problem.message}") from None
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise ExplanationError(f"{path}: it needs a 'patterns:' list")
    return data


@lru_cache(maxsize=8)
def load_patterns(extra: tuple[Path, ...] = ()) -> Patterns:
    """The shipped patterns and a site's own, which may use the shipped pieces."""
    shipped = _read(packs_dir() / "explanations.yaml")
    pieces: dict[str, str] = dict(shipped.get("pieces") or {})
    reject_parts = [shipped["not-explanations"]] if shipped.get("not-explanations") else []
    found: list[Pattern] = []
    for path, data in [(packs_dir() / "explanations.yaml", shipped)] + [
        (p, _read(p)) for p in extra
    ]:
        pieces.update({str(k): str(v) for k, v in (data.get("pieces") or {}).items()})
        if data is not shipped and data.get("not-explanations"):
            reject_parts.append(str(data["not-explanations"]))
        for number, item in enumerate(data["patterns"], 1):
            where = f"{path}: pattern {number}"
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                raise ExplanationError(f"{where} needs a 'name'")
            if ("after" in item) == ("before" in item):
                raise ExplanationError(f"{where} ({item['name']}) needs 'after' or 'before'")
            after = _compile(str(item["after"]), pieces, where) if "after" in item else None
            before = (
                _compile(f"(?:{item['before']})\\Z", pieces, where) if "before" in item else None
            )
            then = _compile(str(item["then"]), pieces, where) if "then" in item else None
            not_before = (
                _compile(str(item["not-before"]), pieces, where) if "not-before" in item else None
            )
            found.append(
                Pattern(
                    item["name"],
                    after,
                    before,
                    bool(item.get("subject")),
                    bool(item.get("closes")),
                    then,
                    not_before,
                    bool(item.get("pointer")),
                    bool(item.get("group")),
                    bool(item.get("keeps-terms")),
                )
            )
    reject = re.compile("|".join(f"(?:{r})" for r in reject_parts), re.I) if reject_parts else None
    nxt = shipped.get("next-sentence")
    following = _compile(str(nxt), pieces, "next-sentence") if nxt else None
    cell = shipped.get("not-table-explanations")
    not_cell = _compile(str(cell), pieces, "not-table-explanations") if cell else None
    kinds = shipped.get("table-kinds")
    cell_kind = _compile(str(kinds), pieces, "table-kinds") if kinds else None
    asked = shipped.get("question")
    question = _compile(str(asked), pieces, "question") if asked else None
    elsewhere = shipped.get("not-answers")
    not_answer = _compile(str(elsewhere), pieces, "not-answers") if elsewhere else None
    return Patterns(tuple(found), reject, following, not_cell, cell_kind, question, not_answer)


@dataclass
class _UnitFacts:
    # Term uses explained in place, by (start, end), with the pattern that did it.
    explained: dict[tuple[int, int], str] = field(default_factory=dict)
    # Ranges of unit text that explain something.
    explaining: list[tuple[int, int]] = field(default_factory=list)
    # The ranges by start, and the furthest end among each range and those before it:
    # a range holds [start, end) when one starting at or before start reaches end.
    _starts: list[int] = field(default_factory=list)
    _reach: list[int] = field(default_factory=list)

    def index(self) -> None:
        self.explaining.sort()
        self._starts = [s for s, _ in self.explaining]
        furthest = -1
        self._reach = []
        for _, e in self.explaining:
            furthest = max(furthest, e)
            self._reach.append(furthest)

    def covers(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self._starts, start) - 1
        return k >= 0 and self._reach[k] >= end


@dataclass
class Explanations:
    """What the article explains in place, worked out once per unit on first use."""

    units: list[Unit]
    sentences_of: Callable[[Unit], list[Sentence]]
    # A unit's candidate terms: (start, end) of every jargon match, rare word and acronym.
    candidates: Callable[[Unit], Sequence[tuple[int, int]]]
    patterns: Patterns
    _facts: dict[int, _UnitFacts] = field(default_factory=dict, repr=False)
    _index: dict[int, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {id(u): i for i, u in enumerate(self.units)}

    def how(self, unit: Unit, start: int, end: int) -> str | None:
        """The pattern that explains this use of a term, if one does."""
        return self._of(unit).explained.get((start, end))

    def explaining(self, unit: Unit, start: int, end: int) -> bool:
        """Whether the words [start, end) are (part of) an explanation of another term."""
        return self._of(unit).covers(start, end)

    def first_use_explained(self, uses: Sequence[tuple[Unit, int, int]]) -> str | None:
        """Whether a term's first use is explained: there, or by a use of the same term in
        the same sentence or the one after it (or, at a unit's end, the next unit)."""
        if not uses:
            return None
        unit, start, end = uses[0]
        found = self.how(unit, start, end)
        if found:
            return found
        sentences = self.sentences_of(unit)
        here = _sentence_at(sentences, start)
        last_unit = self._index.get(id(unit), -1)
        if unit.kind in (TABLE_CELL, TABLE_HEADER):
            # A table is explained by the sentence right after it, as a list is.
            while last_unit + 1 < len(self.units) and self.units[last_unit + 1].kind in (
                TABLE_CELL,
                TABLE_HEADER,
            ):
                last_unit += 1
        for other, s, e in uses[1:]:
            if other is unit and here is not None:
                at = _sentence_at(sentences, s)
                if at is None or at > here + 1:
                    return None
            elif other is not unit or here is None:
                # The next unit counts only when the first use ends its own unit.
                if here is not None and here < len(sentences) - 1:
                    return None
                if self._index.get(id(other), -1) != last_unit + 1:
                    return None
                if (_sentence_at(self.sentences_of(other), s) or 0) > 0:
                    return None
            how = self.how(other, s, e)
            if how:
                return how
        return None

    def _of(self, unit: Unit) -> _UnitFacts:
        key = id(unit)
        facts = self._facts.get(key)
        if facts is None:
            facts = self._work_out(unit, list(self.candidates(unit)))
            facts.index()
            self._facts[key] = facts
        return facts

    def _work_out(self, unit: Unit, spans: list[tuple[int, int]]) -> _UnitFacts:
        facts = _UnitFacts()
        text = unit.text
        if unit.kind in (DEF_DETAILS, FOOTNOTE):
            # A definition or a footnote is there to explain.
            facts.explaining.append((0, len(text)))
        if unit.kind == TABLE_CELL and unit.column == 2:
            before = self._before(unit)
            if (
                before is not None
                and self._structural(before) == "table-row"
                and self.candidates(before)
            ):
                # The cell that explains a hard word beside it: its words are the plain
                # words there ('Oxycodone | a strong opioid pain reliever').
                facts.explaining.append((0, len(text)))
        structural = self._structural(unit)
        if structural is not None:
            for span in spans:
                facts.explained[span] = structural
            return facts
        sentences = self.sentences_of(unit) or []
        terms = set(spans)
        ends_at: dict[int, list[tuple[int, int]]] = {}
        for span in spans:
            ends_at.setdefault(span[1], []).append(span)
        for number, (start, end) in enumerate(spans):
            named = text[start:end]
            k = _sentence_at(sentences, start)
            sentence = sentences[k] if k is not None else None
            low = max(sentence.start if sentence else 0, start - _WINDOW)
            high = min(sentence.end if sentence else len(text), end + _WINDOW)
            for pattern in self.patterns.patterns:
                got = self._try(pattern, text, start, end, low, high)
                if got is None:
                    continue
                s, e = got
                if (s, e) in terms and not pattern.group:
                    # 'Prolia (denosumab)': one hard word beside another explains neither.
                    continue
                if (
                    pattern.closes
                    and named[:1].isupper()
                    and named[1:].islower()
                    and self._holds_term(spans, s, e, start)
                ):
                    # 'a prescription for ondansetron (Zofran)', 'Ivermectin cream
                    # (Soolantra)': the words before the bracket hold a hard word, which a
                    # brand name in the bracket only names again. (Before a short form,
                    # 'in vitro fertilization (IVF)', they are what it stands for.)
                    continue
                pointing = pattern.before is not None and not text[s:e].strip(" \"“‘'")
                facts.explained[(start, end)] = pattern.name
                if pattern.after is not None:
                    # 'Anterior blepharitis: the front edge of the lid ...': a hard word
                    # right before the term describes it, and is part of the name explained.
                    at, back = start, number - 1
                    # A term already explained ends the walk: those before it were seen
                    # then, which keeps a run of many terms linear.
                    while (
                        back >= 0
                        and spans[back] not in facts.explained
                        and spans[back][1] <= at
                        and not text[spans[back][1] : at].strip()
                    ):
                        facts.explained.setdefault(spans[back], pattern.name)
                        at, back = spans[back][0], back - 1
                # The words before an acronym may be what it stands for, which is not an
                # explanation of them: they can still be jargon. And 'This is called X'
                # points at the sentence before, whose own terms still need explaining
                # ('The scan may show emphysema. These are called incidental findings.').
                if (
                    not pointing
                    and not pattern.keeps_terms
                    and not (pattern.before is not None and text[start:end].isupper())
                    and not _TREATS.search(text, s, e)
                ):
                    facts.explaining.append((s, e))
                break
        self._next_sentence(unit, sentences, spans, facts)
        self._answered(unit, sentences, spans, facts)
        self._spelled_out(text, spans, facts)
        # A footnote right after a term explains it: 'hyperkalaemia[^1]'.
        if unit.footnote_marks:
            for at in unit.footnote_marks:
                stop = at
                while stop > 0 and text[stop - 1].isspace():
                    stop -= 1
                # Only spaces between the term's end and the mark.
                for end in range(stop, at + 1):
                    for span in ends_at.get(end, ()):
                        facts.explained.setdefault(span, "footnote")
        return facts

    def _next_sentence(
        self,
        unit: Unit,
        sentences: list[Sentence],
        spans: list[tuple[int, int]],
        facts: _UnitFacts,
    ) -> None:
        """'... may call it hyperuricemia. That means ...': the last term of a sentence is
        explained by a next sentence that points back to it."""
        following = self.patterns.next_sentence
        if following is None or not sentences:
            return
        j = 0
        for k, sentence in enumerate(sentences):
            # This sentence's candidates (spans are in order, so each is seen once).
            here: list[tuple[int, int]] = []
            while j < len(spans) and spans[j][0] < sentence.end:
                if spans[j][0] >= sentence.start:
                    here.append(spans[j])
                j += 1
            if not here:
                continue
            after = self._sentence_after(unit, sentences, k)
            if after is None:
                continue
            said = following.match(*after[:3])
            if not said:
                continue
            next_here = after[1:3] if after[3] else None
            # What happens in a test may name hard words of its own: they are still checked.
            describes = said.groupdict().get("describes") is not None
            does = said.groupdict().get("does") is not None
            if next_here is not None and not describes and not does:
                facts.explaining.append(next_here)
            quoted = _QUOTED.match(said.group())
            if quoted:
                # '"Systemic" means it can affect many parts of the body': the term the
                # quoted word belongs to.
                word = quoted.group(1).lower()
                for c in here:
                    if word in unit.text[c[0] : c[1]].lower().split():
                        facts.explained.setdefault(c, "next-sentence")
            if _PRONOUN.match(said.group()) and _SUBJECT.match(
                unit.text, sentence.start, here[0][0]
            ):
                # 'They slow the disease down' after 'Disease-modifying drugs are the main
                # treatment ...': 'they' is the subject of the sentence before.
                facts.explained.setdefault(here[0], "next-sentence")
            # 'postherpetic neuralgia, or PHN. This is ...': the name and its short form.
            named = [here[-1]]
            for c in reversed(here[:-1]):
                gap = unit.text[c[1] : named[-1][0]]
                # Only a bracket, a comma, a hyphen ('trimethoprim-sulfamethoxazole') or
                # 'or' between them, or one word before the short form's bracket
                # ('apnoea-hypopnoea index (AHI)'): 'Nephrectomy can
                # cause hypotension. That means ...' explains hypotension alone.
                if not _NAME_GAP.match(gap):
                    break
                named.append(c)
            if describes and not _INTRODUCED.search(unit.text, sentence.start, named[-1][0]):
                # What happens in a test explains a test the sentence before brings in as
                # one you have or do ('the next step is an upper endoscopy'), not whatever
                # word came last ('A nurse gives you sedation through an IV').
                continue
            for c in named:
                facts.explained.setdefault(c, "next-sentence")

    def _answered(
        self,
        unit: Unit,
        sentences: list[Sentence],
        spans: list[tuple[int, int]],
        facts: _UnitFacts,
    ) -> None:
        """'What is a seroma? A soft, fluid-filled bump under one of the cuts.': a question
        that asks what a term is, and the sentence after it that answers."""
        asked = self.patterns.question
        if asked is None:
            return
        text = unit.text
        for k, sentence in enumerate(sentences):
            lead = asked.match(text, sentence.start, sentence.end)
            if lead is None:
                continue
            at = bisect.bisect_left(spans, (lead.end(), -1))
            here: list[tuple[int, int]] = []
            while at < len(spans) and spans[at][1] <= sentence.end:
                here.append(spans[at])
                at += 1
            if not here or here[0][0] != lead.end():
                continue
            if not _ASKED_END.fullmatch(text, here[-1][1], sentence.end):
                continue
            after = self._sentence_after(unit, sentences, k)
            if after is None:
                continue
            said = after[0][after[1] : after[2]]
            answer = after[1:3] if after[3] else None
            if said.rstrip().endswith("?") or not re.search(r"[a-z]{3}", said):
                continue
            if self.patterns.not_answer is not None and self.patterns.not_answer.match(said):
                continue
            if answer is not None:
                facts.explaining.append(answer)
            for c in here:
                facts.explained.setdefault(c, "question-answer")

    @staticmethod
    def _holds_term(spans: list[tuple[int, int]], s: int, e: int, term: int) -> bool:
        """Whether a candidate term other than the one at `term` lies within [s, e)."""
        k = bisect.bisect_left(spans, (s, -1))
        return k < len(spans) and spans[k][0] != term and spans[k][1] <= e

    @staticmethod
    def _spelled_out(text: str, spans: list[tuple[int, int]], facts: _UnitFacts) -> None:
        """'The prostate-specific antigen (PSA) test measures the level of PSA, a protein
        made by the prostate': what explains the short form explains the words it stands
        for."""
        # The span right after each one, passing over the words inside it ('chorionic
        # villus sampling (CVS)' holds 'villus', a rare word, before its bracket).
        starts = [s for s, _ in spans]
        pairs = []
        for span in spans:
            k = bisect.bisect_left(starts, span[1])
            if k < len(spans) and _BRACKETED.fullmatch(text, span[1], spans[k][0]):
                pairs.append((span, spans[k]))
        # The short form in its own bracket is explained by the words it stands for, which
        # is no explanation of them: another use of it must be explained.
        bracketed = {short for _, short in pairs}
        explained = {
            text[s:e]
            for (s, e) in facts.explained
            if (s, e) not in bracketed and text[s:e].isupper()
        }
        for words, short in pairs:
            if text[short[0] : short[1]] in explained:
                facts.explained.setdefault(words, "short-form-explained")

    def _sentence_after(
        self, unit: Unit, sentences: list[Sentence], k: int
    ) -> tuple[str, int, int, bool] | None:
        """The sentence after sentence k: its text, start, end, and whether it is in the same
        unit (else it opens the next one)."""
        if k + 1 < len(sentences):
            return unit.text, sentences[k + 1].start, sentences[k + 1].end, True
        nxt = self._after(unit)
        # A heading after a paragraph starts something new: it explains nothing.
        if nxt is None or nxt.kind in NOT_SENTENCES:
            return None
        first = self.sentences_of(nxt)
        if not first:
            return None
        return nxt.text, first[0].start, first[0].end, False

    def _before(self, unit: Unit) -> Unit | None:
        k = self._index.get(id(unit), -1)
        return self.units[k - 1] if k > 0 else None

    def _after(self, unit: Unit) -> Unit | None:
        k = self._index.get(id(unit), -1)
        if 0 <= k < len(self.units) - 1:
            return self.units[k + 1]
        return None

    def _structural(self, unit: Unit) -> str | None:
        """Definition-list terms and the first cell of a two-column table row are
        explained by what sits beside them."""
        if unit.kind == DEF_TERM:
            return "definition-list"
        if unit.kind == TABLE_CELL and unit.column == 1:
            nxt = self._after(unit)
            # The cell beside says something in words, not only a number ('74 fL').
            if (
                nxt is not None
                and nxt.kind == TABLE_CELL
                and nxt.column == 2
                and (
                    len(_CELL_WORD.findall(nxt.text)) >= 2
                    or bool(self.patterns.cell_kind and self.patterns.cell_kind.fullmatch(nxt.text))
                )
                and not (self.patterns.not_cell and self.patterns.not_cell.match(nxt.text))
            ):
                return "table-row"
        return None

    def _try(
        self, pattern: Pattern, text: str, start: int, end: int, low: int, high: int
    ) -> tuple[int, int] | None:
        if pattern.subject:
            # The subject of its sentence, or of a clause joined to it ('..., and the
            # urethra is the short tube ...').
            lead = text[low:start]
            joins = list(_JOIN.finditer(lead))
            if joins:
                lead = lead[joins[-1].end() :]
            fronted = _FRONTED.match(lead)
            if fronted:
                lead = lead[fronted.end() :]
            if not _SUBJECT.match(lead):
                return None
        if pattern.not_before is not None and pattern.not_before.search(text[low:start]):
            return None
        if pattern.after is not None:
            m = pattern.after.match(text, end, high)
            if m is None:
                return None
            if "explanation" in m.re.groupindex and m.group("explanation") is not None:
                s, e = m.span("explanation")
            else:
                s, e = m.end(), m.end()
            if self._rejected(text[s:e]):
                return None
            return s, e
        assert pattern.before is not None
        window = text[low:start]
        m = pattern.before.search(window)
        if m is None:
            return None
        if pattern.closes and not _CLOSES.match(text, end, high):
            return None
        if pattern.then is not None and not pattern.then.match(text, end, high):
            return None
        if "explanation" in m.re.groupindex and m.group("explanation") is not None:
            s, e = low + m.start("explanation"), low + m.end("explanation")
        else:
            # The words before the match, back to the start of their clause.
            head = window[: m.start()]
            cut = 0
            for b in _CLAUSE_BREAK.finditer(head):
                if b.end() < len(head.rstrip()):
                    cut = b.end()
            s, e = low + cut, low + m.start()
            if pattern.pointer:
                # Nothing before the match, or a word that points back: 'This is ...'.
                if text[s:e].strip() and not _POINTER.match(text[s:e]):
                    return None
                return low, low
            if not re.search(r"[^\W\d_]", text[s:e]):
                return None
            if _POINTER.match(text[s:e]):
                s = e = low
        return s, e

    def _rejected(self, explanation: str) -> bool:
        words = explanation.strip(" \"“‘'")
        return self.patterns.reject is not None and bool(self.patterns.reject.match(words))


__all__ = ["ExplanationError", "Explanations", "Pattern", "Patterns", "load_patterns"]
