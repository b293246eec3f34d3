"""Grade presets, per-article overrides, and advice that really lowers the grade."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEED
from helpers import lint_text

from linter.config import ConfigError
from linter.config_files import load_config


def config(tmp_path: Path, text: str):
    path = tmp_path / ".plainlint.yaml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def test_presets_set_metric_and_target(tmp_path: Path) -> None:
    ama = config(tmp_path, "profiles:\n  patient:\n    preset: ama\n").profiles["patient"]
    assert (ama.grade_metric, ama.grade_target, ama.preset) == ("flesch-kincaid", 6.0, "ama")
    smog = config(tmp_path, "profiles:\n  patient:\n    preset: cdc-smog\n").profiles["patient"]
    assert (smog.grade_metric, smog.grade_target) == ("smog", 8.0)
    mine = config(tmp_path, "profiles:\n  patient:\n    preset: ama\n    grade-target: 7\n")
    assert mine.profiles["patient"].grade_target == 7.0
    with pytest.raises(
        ConfigError, match=re.escape("'profiles.patient.preset' must be one of ama, cdc-smog, nih")
    ):
        config(tmp_path, "profiles:\n  patient:\n    preset: who\n")


def test_preset_sources_are_shown_by_plainlint_rule() -> None:
    from click.testing import CliRunner

    from linter.cli import main

    text = CliRunner().invoke(main, ["rule", "PL301"]).output
    for name in ("`nih`", "`ama`", "`cdc-smog`", "Simply Put", "Weiss", "Clear & Simple"):
        assert name in text


HARD = (
    "# Title\n\nThe combination therapy was considered a standard treatment when the "
    "randomized trial was launched in several countries.\n"
)


def test_an_override_needs_a_reason_and_raises_the_target() -> None:
    assert any(
        d.code == "PL301"
        for d in lint_text("---\naudienceLevel: patient\n---\n\n" + HARD).diagnostics
    )
    no_reason = lint_text("---\naudienceLevel: patient\nplainlint: {grade: 25}\n---\n\n" + HARD)
    assert no_reason.error is not None and "needs a 'reason'" in no_reason.error
    allowed = lint_text(
        "---\naudienceLevel: patient\nplainlint: {grade: 25, reason: Quotes a report.}\n---\n\n"
        + HARD
    )
    assert allowed.error is None
    assert not any(d.code in ("PL301", "PL303") for d in allowed.diagnostics)


def _grade(message: str) -> float:
    return float(re.search(r"grade is ([\d.]+)", message)[1])


def test_rewriting_the_named_sentences_lowers_the_grade() -> None:
    text = SEED.read_text(encoding="utf-8")
    [before] = lint_text(text, ("PL301",)).diagnostics
    lines = text.split("\n")
    named = [
        int(m[1])
        for s in before.suggestions
        if (m := re.match(r"Rewrite the sentence at (\d+):", s))
    ]
    assert len(named) == 3
    result = lint_text(text, ("PL201",))
    # Each named sentence, as the long-sentence rule spans it, is rewritten plainly.
    for d in sorted(result.diagnostics, key=lambda d: -d.span.start):
        if d.line in named:
            text = (
                text[: d.span.start]
                + "The drug helped many people live longer."
                + text[d.span.end :]
            )
    [after] = lint_text(text, ("PL301",)).diagnostics
    assert _grade(after.message) < _grade(before.message) - 0.5, (before.message, after.message)
    # Each named line is a line of prose in the article, not a heading or an empty line.
    assert all(lines[n - 1].strip() and not lines[n - 1].startswith("#") for n in named)


@pytest.mark.parametrize(
    ("sentences", "words", "after", "said"),
    [
        (1, 0, 6.04, "Without the hardest sentence, it would be 6.0."),
        (1, 1, 6.0, "Without the hardest sentence and with a plain word for the longest one,"),
        (3, 2, 5.2, "Without the 3 hardest sentences and with plain words for the 2 longest ones,"),
        (1, 0, -3.0, "Without the hardest sentence, it would be under 1."),
    ],
)
def test_the_grade_message_reads_well_for_every_count(
    sentences: int, words: int, after: float, said: str
) -> None:
    from linter.rules.pl301_reading_grade import _what_if

    assert _what_if(sentences, words, after).startswith(said)
