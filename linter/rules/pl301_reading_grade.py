"""## What it does
Works out the article's reading grade from its sentences (not its headings,
labels, code or links' addresses) and reports it when it is above the target
of the article's profile: grade 8 by the Flesch-Kincaid formula for patients,
unless your config says otherwise. It names the hardest sentences (by plainlint's
jargon-aware difficulty score: long, with many-syllable words, jargon and rare
words) and the long words that weigh most, each with its line and column, and
says what the grade would be without them, so you know where to start.

## Why is this bad?
The NIH, the CDC and the AMA ask for patient materials at grade 6 to 8. Text
above that is hard for about half of adults, and harder still for people who
are ill or worried.

## Example
```markdown
Pomalidomide augments erythropoiesis and potentiates cytotoxicity of natural
killer cells against malignant plasma cells.
```

## Use instead
```markdown
Pomalidomide helps your body make red blood cells. It also helps your immune
cells kill cancer cells.
```

## Fix safety
None: the words need a person to rewrite them.

## Options
`preset`, or `grade-target` and `grade-metric`, in the audience's profile. The
metric is one of flesch-kincaid, smog, coleman-liau, ari, gunning-fog or
dale-chall. Presets, with their sources:

- `nih` (the patient default): Flesch-Kincaid grade 8 or lower. US National
  Institutes of Health, "Clear & Simple": patient materials below an 8th-grade
  level; studies cite NIH for grade 6 to 8.
- `ama`: Flesch-Kincaid grade 6 or lower. American Medical Association
  Foundation (B. D. Weiss, "Health Literacy and Patient Safety", 2007).
- `cdc-smog`: SMOG grade 8 or lower. US Centers for Disease Control and
  Prevention, "Simply Put" (3rd ed., 2009).

One article can set its own target, with a reason, in its front matter:
`plainlint: {grade: 10, reason: "Quotes the trial report."}`. PL303 reports the
override once the article no longer needs it.

## References
NIH "Clear & Simple"; AMA Foundation, B. D. Weiss, "Health Literacy and Patient
Safety" (2007); CDC "Simply Put" (2009). Formulas as in textstat, with plainlint's own
syllable and sentence counts.
"""

from __future__ import annotations

from linter.diagnostics import Details, Driver
from linter.document import Document
from linter.grades import METRIC_NAMES, Counts, grade, sentence_counts, total, word_counts
from linter.rules import Report
from linter.sentences import Sentence

CODE = "PL301"
NAME = "reading-grade"
SEVERITY = "warning"
SUMMARY = "Reading grade above the profile's target"
TAGS = ("readability", "grade")
SCOPE = "article"

_NAMED = 3


def check(doc: Document, report: Report) -> None:
    sentences = doc.sentences
    title = doc.title_unit()
    if not sentences or title is None:
        return
    metric = doc.profile.grade_metric
    target = doc.grade_target
    score = doc.grade
    if round(score, 1) <= target:
        return
    # Name the sentences readers find hardest: long, and full of jargon and rare words.
    ranked = sorted(sentences, key=lambda s: -doc.difficulty(s).score)
    hardest = ranked[:_NAMED] if len(sentences) > _NAMED else ranked[:1]
    rest = [s for s in sentences if not any(s is h for h in hardest)]
    suggestions = []
    drivers = []
    for sentence in hardest:
        line, column = doc.source.position(sentence.unit.offset(sentence.start))
        words = sentence.text.split()
        quote = " ".join(words[:6]) + (" ..." if len(words) > 6 else "")
        drivers.append(Driver("sentence", quote, line, column))
        which = "one of the hardest" if len(hardest) > 1 else "the hardest"
        suggestions.append(f"Rewrite the sentence at {line}:{column} ('{quote}'): it is {which}.")
    long_words = _long_words(doc, rest, by_count=metric in ("smog", "gunning-fog"))
    for word, count, syllables_, line, column in long_words:
        times = "once" if count == 1 else f"{count} times"
        drivers.append(Driver("word", word, line, column))
        suggestions.append(
            f"Find a shorter word for '{word}' ({syllables_} syllables, {times}, "
            f"first at {line}:{column})."
        )
    # What the grade would be with those sentences rewritten and those words plain.
    after = _without(total(sentence_counts(s) for s in rest), long_words) if rest else None
    tail = ""
    if after is not None and after.words:
        tail = f" {_what_if(len(hardest), len(long_words), grade(metric, after))}"
    report(
        title.span(0, len(title.text.rstrip())),
        f"Reading grade is {score:.1f} ({METRIC_NAMES[metric]}); the target is {target:g}.{tail}",
        suggestions,
        details=Details(
            grade=round(score, 1), target=target, metric=metric, drivers=tuple(drivers)
        ),
    )


_WORDS_NAMED = 5


def _what_if(sentences: int, words: int, after: float) -> str:
    """'Without the 3 hardest sentences and with plain words for the 2 longest ones, it
    would be 6.1.', worded for any count, and for a formula's grade under 1."""
    if sentences == 1:
        changes = "Without the hardest sentence"
    else:
        changes = f"Without the {sentences} hardest sentences"
    if words == 1:
        changes += " and with a plain word for the longest one"
    elif words > 1:
        changes += f" and with plain words for the {words} longest ones"
    # The formulas go below zero for very short text; no reader is at grade -3.
    level = "under 1" if after < 1 else f"{after:.1f}"
    return f"{changes}, it would be {level}."


def _long_words(
    doc: Document, sentences: list[Sentence], by_count: bool = False
) -> list[tuple[str, int, int, int, int]]:
    """Words of three or more syllables that weigh most: (word, times, syllables, line, col)."""
    seen: dict[str, list[int]] = {}
    where: dict[str, tuple[int, int]] = {}
    for sentence in sentences:
        for w in sentence.words:
            n = word_counts(w.text)[0]
            if n < 3 or w.text[0].isdigit():
                continue
            key = w.text.lower()
            if key not in seen:
                seen[key] = [0, n]
                where[key] = doc.source.position(sentence.unit.offset(w.start))
            seen[key][0] += 1

    # Flesch-Kincaid counts every syllable beyond the usual; SMOG and fog count each
    # word of three or more syllables once, however long.
    def weight(item: tuple[str, list[int]]) -> tuple[int, str]:
        times, n = item[1]
        return (-(times if by_count else times * (n - 2)), item[0])

    ranked = sorted(seen.items(), key=weight)
    return [(w, c, n, *where[w]) for w, (c, n) in ranked[:_WORDS_NAMED]]


def _without(counts: Counts, words: list[tuple[str, int, int, int, int]]) -> Counts:
    """Counts with each named word replaced by a plain two-syllable, six-letter word."""
    syl, poly, letters, unfamiliar = (
        counts.syllables,
        counts.polysyllables,
        counts.letters,
        counts.unfamiliar,
    )
    for word, times, n, _, _ in words:
        syl -= times * (n - 2)
        poly -= times
        letters -= times * max(0, len(word) - 6)
        unfamiliar -= times
    return Counts(counts.sentences, counts.words, syl, letters, max(poly, 0), max(unfamiliar, 0))
