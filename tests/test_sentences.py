"""Sentence splitting on the cases health articles are full of."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from linter.prose import Unit
from linter.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(Unit("paragraph", text, [0], [0]))]


@pytest.mark.parametrize(
    "text",
    [
        "The results were reviewed by Dr. Leleu, MD, PhD, of Lille.",
        "Some drugs, e.g. pomalidomide, are taken by mouth.",
        "Some drugs, i.e. the newer ones, cost more.",
        "The new drug vs. the old one was tested.",
        "It was approved in the U.S. in 2013 for this use.",
        "See trial No. 5 for the details.",
        "Patients lived 4.0 months longer without the disease getting worse.",
        "The Food and Drug Administration (FDA) approved it.",
        "The study was led by J. Smith and a team in Spain.",
        "The drug was approved on Feb. 8 after a long review.",
        "Smith et al. reported the same result.",
        "Results from Smith et al. Lancet 2013 were used.",
        "The study was led by Anna I. Berg and her team.",
        "It went on . . . and on.",
    ],
)
def test_one_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It works. It is safe.", ["It works.", "It is safe."]),
        ("Does it hurt? Ask your nurse!", ["Does it hurt?", "Ask your nurse!"]),
        (
            "“This is a good result,” she said. “We are pleased.” Then she left.",
            ["“This is a good result,” she said.", "“We are pleased.”", "Then she left."],
        ),
        (
            "The median was 10.0 months. The range was wide.",
            ["The median was 10.0 months.", "The range was wide."],
        ),
        ("They live in the U.S. They like it.", ["They live in the U.S.", "They like it."]),
        (
            "Take it with food (see below.) Then rest.",
            ["Take it with food (see below.)", "Then rest."],
        ),
        ("No full stop at the end", ["No full stop at the end"]),
        ("Bring your pills, etc. Then rest.", ["Bring your pills, etc.", "Then rest."]),
        ("It went on . . . . Then it stopped.", ["It went on . . . .", "Then it stopped."]),
        ("I think so, said I. Then I left.", ["I think so, said I.", "Then I left."]),
    ],
)
def test_several_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_words() -> None:
    [s] = split_sentences(Unit("paragraph", "Low-dose U.S. drugs cost $4.50 today.", [0], [0]))
    assert [w.text for w in s.words] == ["Low-dose", "U.S", "drugs", "cost", "4.50", "today"]


def _article_sentences(folder: Path, body: str) -> list[tuple[int, str]]:
    """(line, text) of each sentence the real CLI finds in an article with this body."""
    (folder / "a.md").write_text("---\naudienceLevel: patient\n---\n\n" + body, encoding="utf-8")
    out = run_cli("stats", "--sentences", "--format", "json", "a.md", cwd=folder)
    return [(s["line"], s["text"]) for s in json.loads(out.stdout)]


def test_a_line_the_writer_breaks_ends_a_sentence(tmp_path: Path) -> None:
    """'<br>' and a hard break shown in the file ('\\' at a line's end) end what is on
    the line; trailing spaces and a plain line break inside a paragraph do not."""
    body = (
        "Air Force Health Registry for those who served<br />\n"
        "Army Registry for those who served<BR>\n"
        "Navy Registry for those who served\n\n"
        "Our clinic\\\n12 Main Street\n\n"
        "Spaces left at the end  \nof a line do not end it.\n\n"
        "This sentence goes on\nover two lines.\n"
    )
    assert _article_sentences(tmp_path, body) == [
        (5, "Air Force Health Registry for those who served"),
        (6, "Army Registry for those who served"),
        (7, "Navy Registry for those who served"),
        (9, "Our clinic"),
        (10, "12 Main Street"),
        (12, "Spaces left at the end of a line do not end it."),
        (15, "This sentence goes on over two lines."),
    ]


def test_a_link_right_after_a_full_stop_starts_a_sentence(tmp_path: Path) -> None:
    body = (
        "We help with these challenges.[Visit our site](https://example.org) for stories."
        " Read the [U.S.](https://example.org/us) guide.\n"
    )
    assert [text for _, text in _article_sentences(tmp_path, body)] == [
        "We help with these challenges.",
        "Visit our site for stories.",
        "Read the U.S. guide.",
    ]
