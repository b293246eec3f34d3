"""The engine, in process: skips and their notices, where problems are placed, what
results carry."""

from __future__ import annotations

from helpers import PATIENT, lint_text

from linter.config import defaults
from linter.engine import Skip, load_document
from linter.source import SourceFile

LONG = (
    "This sentence is long on purpose and it goes on and on so that it passes the limit "
    "of twenty five words that the patient profile sets for every sentence."
)


def test_skips_and_which_ones_are_told() -> None:
    def skip(front: str) -> Skip:
        found = load_document(
            SourceFile.from_text("a.md", front + "# A\n\nText.\n"), defaults(), None
        )
        assert isinstance(found, Skip)
        return found

    assert skip("") == Skip("no audienceLevel in its front matter", False)
    typo = skip("---\naudienceLevel: patients\n---\n")
    assert typo.notice and "did you mean 'patient'?" in typo.reason
    assert skip("---\naudienceLevel: surgeon\n---\n") == Skip("no profile for audience 'surgeon'")


def test_problems_are_placed_with_their_words() -> None:
    hard = "Immunomodulatory pharmacotherapy necessitates thromboprophylaxis."
    two_lines = LONG.replace(" so that ", "\nso that ")
    text = PATIENT + "# Care\n\nAsk about your\nprognosis.\n\n" + two_lines + " " + hard + "\n"
    result = lint_text(text, ("PL101", "PL201", "PL301"))
    by_code: dict = {}
    for d in result.diagnostics:
        by_code.setdefault(d.code, d)
    jargon = by_code["PL101"]
    assert (jargon.line, jargon.column, jargon.end_line, jargon.end_column) == (8, 1, 8, 10)
    assert jargon.subject == "prognosis" and jargon.highlight == "jargon"
    long = by_code["PL201"]
    assert long.subject == " ".join(LONG.split())
    # A grade is about the whole article: no words of its own, whatever its span.
    grade = by_code["PL301"]
    assert grade.scope == "article" and grade.subject == ""
    assert grade.details is not None and grade.details.target == 8
    assert result.grade == grade.details.grade and result.target == 8
    # The lines a problem starts and ends on are kept for the formats that show them.
    assert result.lines[8] == "prognosis." and result.lines[5] == "# Care"
    assert (long.line, long.end_line) == (10, 11)
    assert result.lines[11].startswith("so that it passes")


def test_a_long_span_gives_a_bounded_subject() -> None:
    sentence = " ".join(["word"] * 300) + "."
    [d] = lint_text(PATIENT + "# A\n\n" + sentence + "\n", ("PL201",)).diagnostics
    assert d.subject == " ".join(["word"] * 80)
