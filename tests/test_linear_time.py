"""Time grows in step with the input, for the shapes that once grew faster.

Each family of bench/families.py is timed at two sizes, four times apart (best of three
runs each, in this process). Linear work takes about four times as long; the shapes these
tests guard took 16 times as long (quadratic) or more (one took 1.6 times as long for
each extra letter). `python bench/growth.py` measures every family at three larger sizes.
"""

from __future__ import annotations

import gc
import time

import pytest
from families import HARD, HEAD, Family, by_name
from growth import run_once
from helpers import PATIENT

from linter.config import defaults
from linter.engine import load_document
from linter.source import SourceFile

# Each of these took at least 8 times as long for 4 times the input before it was fixed.
GUARDED = [
    "jargon-paragraph",
    "acronym-brackets",
    "dotted-abbreviations",
    "padded-suppression",
    "suppression-regions",
    "unclosed-comments",
    "space-run",
    "long-url",
    "entities",
    "bullets",
    "long-word",
    "zq-words",
    "swaps",
    "report-marks",
    "footnote-marks",
]


@pytest.fixture(scope="module", autouse=True)
def warm() -> None:
    # Word lists and models load once, on text of no family's own.
    text = HEAD + HARD * 20 + "\n\nWe utilize the XQZ regimen.\n"
    for run in ("lint", "fix", "report"):
        run_once(Family("warm", lambda n: text, (1, 2, 4), run), text)


def best(family: Family, n: int) -> float:
    text = family.make(n)
    return min(run_once(family, text) for _ in range(3))


@pytest.mark.parametrize("name", GUARDED)
def test_four_times_the_input_takes_about_four_times_as_long(name: str) -> None:
    family = by_name(name)
    large = family.sizes[0]
    # A machine busy with other work can slow one measurement; quadratic growth (16x)
    # shows every time, so a second try is allowed before it fails.
    for _ in range(2):
        small_time, large_time = best(family, large // 4), best(family, large)
        ratio = large_time / max(small_time, 1e-4)
        if ratio < 8:
            break
    assert ratio < 8, f"{name}: {small_time:.3f} s, then {large_time:.3f} s ({ratio:.1f}x)"


def test_folding_thousands_of_empty_sections_is_linear() -> None:
    """Sections too short to grade fold into the next; each fold once copied all before it."""

    def fold_time(n: int) -> float:
        doc = load_document(
            SourceFile.from_text("a.md", PATIENT + "## Heading\n\n" * n + "Word " * 60 + "\n"),
            defaults(),
            None,
        )
        assert not isinstance(doc, str)
        times = []
        gc.disable()  # as while linting (engine.lint_source): time the folding alone
        try:
            for _ in range(3):
                start = time.perf_counter()
                sections = doc.sections()
                times.append(time.perf_counter() - start)
        finally:
            gc.enable()
        assert len(sections) == 1 and len(sections[0].folded) == n - 1
        return min(times)

    small, large = fold_time(10_000), fold_time(40_000)
    assert large < 8 * small + 0.05, (small, large)
