"""The seed article: a real NCI patient article, as the core issue's checks ask."""

from __future__ import annotations

import re

from conftest import SEED
from helpers import lint_path

from linter.config import defaults
from linter.engine import load_document
from linter.source import SourceFile

# Hand-counted: the sentences of 30 words or more, by line and word count.
LONG_SENTENCES = {
    (26, 31),  # Results from a randomized phase III trial ...
    (36, 32),  # Pomalidomide does two things: ...
    (38, 48),  # On February 8, 2013, the Food and Drug Administration (FDA) ...
    (50, 39),  # After a median follow-up of 10.0 months ...
    (52, 30),  # In the pomalidomide group, the side effects ...
    (54, 49),  # "Based on our results, ..."
    (58, 39),  # In addition, some patients in the high-dose ...
    (58, 31),  # Similarly, assessing PFS between the groups ...
    (62, 39),  # "Based on these data, ..."
    (66, 54),  # A subsequent report ... Dr. Leleu continued, ...
}


def test_every_sentence_of_30_or_more_words_is_reported() -> None:
    result = lint_path(SEED, ("PL201",))
    reported = {
        (d.line, int(re.search(r"has (\d+) words", d.message)[1])) for d in result.diagnostics
    }
    assert {r for r in reported if r[1] >= 30} == LONG_SENTENCES


def test_dr_leleu_sentence_is_one_sentence_of_54_words() -> None:
    src = SourceFile.from_text("seed.md", SEED.read_text(encoding="utf-8"))
    doc = load_document(src, defaults(), None)
    assert not isinstance(doc, str)
    [sentence] = [s for s in doc.sentences if "Dr. Leleu" in s.text]
    assert sentence.text.startswith("A subsequent report")
    assert sentence.text.endswith("myeloma.”")
    assert len(sentence.words) == 54


def test_no_heading_or_label_is_a_long_sentence() -> None:
    result = lint_path(SEED, ("PL201",))
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for d in result.diagnostics:
        text = lines[d.line - 1]
        assert not text.startswith("#") and not text.startswith("**")


def test_reading_grade_is_reported() -> None:
    result = lint_path(SEED, ("PL301",))
    [grade] = result.diagnostics
    assert grade.line == 20  # the article's first heading
    value = float(re.search(r"grade is ([\d.]+)", grade.message)[1])
    assert value > 12
    sentences = [s for s in grade.suggestions if s.startswith("Rewrite the sentence at ")]
    words = [s for s in grade.suggestions if s.startswith("Find a shorter word for ")]
    assert len(sentences) == 3 and len(words) == 5
    assert "Find a shorter word for 'pomalidomide' (5 syllables" in words[0]
    assert "it would be" in grade.message


def test_jargon_without_link() -> None:
    result = lint_path(SEED, ("PL101",))
    found = {d.message.split("'")[1].lower(): d for d in result.diagnostics}
    assert {"armamentarium", "prognosis", "open-label"} <= set(found)
    open_label = found["open-label"]
    # The first use is unlinked; the link comes later, on line 58.
    assert (open_label.line, open_label.column) == (46, 116)
    assert "Move the glossary link on line 58" in open_label.suggestions[0]
    # Terms linked to the NCI glossary at first use are fine.
    for linked in ("neutropenia", "anemia", "thrombocytopenia", "refractory", "median"):
        assert linked not in found
