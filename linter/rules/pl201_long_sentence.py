"""## What it does
Finds sentences with more words than the article's profile allows
(25 for patient articles, unless your config says otherwise).

## Why is this bad?
Long sentences make readers hold many ideas at once. Readers with low health
literacy, or who are ill or worried, lose the thread. Health-literacy guides
ask for sentences of 15 to 20 words on average, and few over 25.

## Example
```markdown
Patients who received the combination therapy lived longer without the disease
getting worse than patients who received the older drug alone, and they also
lived longer overall, according to the researchers who ran the study.
```

## Use instead
```markdown
Patients who got both drugs lived longer without the disease getting worse.
They also lived longer overall.
```

## Fix safety
None: a split is suggested, because only a person can judge whether both halves read
well.

## Options
`sentence-limit` in the audience's profile.

## References
CDC, "Simply Put" (3rd ed., 2009): sentences of 15 words or fewer on average. NIH,
"Clear & Simple".
"""

from __future__ import annotations

import bisect
import re

from linter.document import Document
from linter.options import Option
from linter.rules import Report
from linter.sentences import Sentence

CODE = "PL201"
NAME = "long-sentence"
SEVERITY = "warning"
SUMMARY = "Sentence longer than the profile's word limit"
TAGS = ("sentences", "readability")
OPTIONS = (
    Option("sentence-limit", int, 1, 1000, "the most words a sentence may have", per_profile=True),
)
HIGHLIGHT = "long"

# Good places to end a sentence, best first: a semicolon, a colon, a dash, then a
# comma before a word that starts a new clause. A run of spaces is matched only from its
# start ((?<!\s)), so a long run cannot be tried again from each of its spaces.
_SPLITS = [
    (re.compile(r";\s+"), 0),
    (re.compile(r":\s+"), 1),
    (re.compile(r"(?<!\s)\s+[—–]\s*|—"), 2),
    (
        re.compile(
            r",\s+(?=(?:and|but|or|so|yet|because|although|though|while|whereas|which|who|"
            r"when|where|since|unless|if)\b)",
            re.IGNORECASE,
        ),
        2,
    ),
    (re.compile(r",\s+"), 3),
    (re.compile(r"(?<!\s)\s+(?=(?:but|because|which|while|although|whereas)\s)"), 4),
]
_MIN_PART = 5


def check(doc: Document, report: Report) -> None:
    limit = doc.config.option("sentence-limit", doc.profile)
    for sentence in doc.sentences:
        count = len(sentence.words)
        if count <= limit:
            continue
        suggestions = []
        split = best_split(sentence)
        if split is not None:
            suggestions.append(split)
        else:
            suggestions.append("Break it into two or more shorter sentences.")
        report(
            sentence.unit.span(sentence.start, sentence.end),
            f"This sentence has {count} words; the limit is {limit}.",
            suggestions,
        )


def best_split(sentence: Sentence) -> str | None:
    """Where to split, quoting the words on each side; the split nearest the middle wins."""
    text = sentence.text
    base = sentence.start
    starts = [w.start - base for w in sentence.words]
    total = len(starts)
    best: tuple[float, int, int, int] | None = None
    for pattern, rank in _SPLITS:
        for m in pattern.finditer(text):
            before = bisect.bisect_left(starts, m.start())
            after = total - before
            if before < _MIN_PART or after < _MIN_PART:
                continue
            score = abs(before - after) / total + rank * 0.15
            if best is None or score < best[0]:
                best = (score, m.start(), m.end(), before)
    if best is None:
        return None
    _, cut, resume, before = best
    left = " ".join(text[:cut].split()[-3:])
    right = " ".join(text[resume:].split()[:3])
    return (
        f"Split it after word {before}: end the sentence at '{left}' "
        f"and start a new one at '{right}'."
    )
