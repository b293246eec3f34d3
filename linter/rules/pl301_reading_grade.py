"""## What it does
Works out the article's reading grade from its sentences (not its headings,
labels, code or links' addresses) and reports it when it is above the target
of the article's profile: grade 8 by the Flesch-Kincaid formula for patients,
unless your config says otherwise. It names the hardest sentences (by plainlint's
jargon-aware difficulty score: long, with many-syllable words, jargon and rare
words), so you know where to start.

## Why is this bad
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

## Settings
`grade-target` and `grade-metric` in the audience's profile. The metric is one
of flesch-kincaid, smog, coleman-liau, ari, gunning-fog or dale-chall.
"""

from __future__ import annotations

from linter.document import Document
from linter.grades import METRIC_NAMES, grade, sentence_counts, total
from linter.rules import Report

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
    target = doc.profile.grade_target
    counts = [sentence_counts(s) for s in sentences]
    whole = total(counts)
    score = grade(metric, whole)
    if round(score, 1) <= target:
        return
    # Name the sentences readers find hardest: long, and full of jargon and rare words.
    ranked = sorted(sentences, key=lambda s: -doc.difficulty(s).score)
    suggestions = []
    for sentence in ranked[:_NAMED]:
        line = doc.source.position(sentence.unit.offset(sentence.start))[0]
        words = sentence.text.split()
        quote = " ".join(words[:6]) + (" ..." if len(words) > 6 else "")
        suggestions.append(
            f"Rewrite the sentence on line {line} ('{quote}'): it is one of the hardest."
        )
    if not suggestions:
        suggestions.append("Use shorter sentences and shorter, everyday words.")
    report(
        title.span(0, len(title.text.rstrip())),
        f"Reading grade is {score:.1f} ({METRIC_NAMES[metric]}); the target is {target:g}.",
        suggestions,
    )
