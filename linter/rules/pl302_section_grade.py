"""## What it does
Works out a reading grade for each section of the article and reports each section
above the target at its heading, with its grade and its hardest sentence. A whole
article can average out below the target while one dense section is far above it;
this finds that section.

Sections start at `##` headings. An article with no `##` headings but bold labels
such as `**Results**` gets sections at its labels. Text before the first section
heading is not a section. A section with fewer words than the profile's
`section-min-words` (50 for patients) is too short for a fair grade: it is folded
into the next section, and the message names it; a short last section is folded
into the one before.

## Why is this bad?
Readers do not average a page: they give up at its hardest part. An article whose
grade is on target overall can still lose them in one section.

## Example
```markdown
## How the drug works
Pomalidomide potentiates cytotoxicity of natural killer lymphocytes against
malignant plasma cells, and augments erythropoiesis.
```

## Use instead
```markdown
## How the drug works
Pomalidomide helps your immune cells kill cancer cells. It also helps your body
make red blood cells.
```

## Fix safety
None: the words need a person to rewrite them.

## Options
The profile's grade metric and target (or the article's own `plainlint: {grade}`),
and `section-min-words`.

## References
As PL301.
"""

from __future__ import annotations

from linter.diagnostics import Details, Driver
from linter.document import Document
from linter.grades import METRIC_NAMES, grade
from linter.options import Option
from linter.rules import Report

CODE = "PL302"
NAME = "section-grade"
SEVERITY = "warning"
SUMMARY = "Section whose reading grade is above the target"
TAGS = ("readability", "grade")
OPTIONS = (
    Option(
        "section-min-words",
        int,
        0,
        100_000,
        "sections with fewer words are folded into the next one before grading",
        per_profile=True,
    ),
)
HIGHLIGHT = "section"
SCOPE = "article"


def check(doc: Document, report: Report) -> None:
    metric = doc.profile.grade_metric
    target = doc.grade_target
    for section in doc.sections():
        if not section.sentences:
            continue
        score = grade(metric, doc.counts_of(section.sentences))
        if round(score, 1) <= target:
            continue
        heading = section.heading
        title = " ".join(heading.text.split())
        hardest = max(section.sentences, key=lambda s: doc.difficulty(s).score)
        line, column = doc.source.position(hardest.unit.offset(hardest.start))
        words = hardest.text.split()
        quote = " ".join(words[:6]) + (" ..." if len(words) > 6 else "")
        suggestions = [f"Start with its hardest sentence, at {line}:{column} ('{quote}')."]
        if section.folded:
            names = ", ".join(f"'{' '.join(u.text.split())}'" for u in section.folded)
            suggestions.append(f"This grade includes the short section(s) {names}.")
        report(
            heading.span(0, len(heading.text.rstrip())),
            f"Section '{title}' reads at grade {score:.1f} ({METRIC_NAMES[metric]}); "
            f"the target is {target:g}.",
            suggestions,
            details=Details(
                grade=round(score, 1),
                target=target,
                metric=metric,
                section=title,
                drivers=(Driver("sentence", quote, line, column),),
            ),
        )
