"""## What it does
Finds a grade override in an article's front matter (`plainlint: {grade: 10,
reason: ...}`) that is no longer needed, because the article now meets the profile's
own target.

## Why is this bad?
An override is a promise that an article has a good reason to be harder to read.
Once the article has been made plainer, the override only hides the next time it
gets harder. Like a suppression comment that suppresses nothing, it should go.

## Example
```yaml
plainlint:
  grade: 10
  reason: Quotes the trial's own wording.
```
(on an article that now reads at grade 7)

## Use instead
Remove the `grade` and `reason` lines.

## Fix safety
None: removing the override is your choice.

## Options
None.

## References
Like ruff's RUF100 (unused `noqa`), for grade overrides.
"""

from __future__ import annotations

import re

from linter.diagnostics import Span
from linter.document import Document
from linter.grades import METRIC_NAMES
from linter.rules import Report

CODE = "PL303"
NAME = "unneeded-grade-override"
SEVERITY = "warning"
SUMMARY = "Grade override in front matter that the article no longer needs"
TAGS = ("readability", "grade", "suppressions")

_GRADE_KEY = re.compile(r"^[ \t]*grade[ \t]*:", re.MULTILINE)


def check(doc: Document, report: Report) -> None:
    if not doc.settings.has_override or not doc.sentences:
        return
    metric = doc.profile.grade_metric
    score = doc.grade
    target = doc.profile.grade_target
    if round(score, 1) > target:
        return
    text = doc.source.text
    end = doc.front_matter.body_start
    m = _GRADE_KEY.search(text, 0, end)
    span = Span(m.start(), m.end()) if m else Span(0, 0)
    report(
        span,
        f"The grade override is no longer needed: the article reads at grade {score:.1f} "
        f"({METRIC_NAMES[metric]}), within the target of {target:g}.",
        ["Remove 'grade' and 'reason' from the plainlint block in the front matter."],
    )
