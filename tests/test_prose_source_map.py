"""The prose builder maps every character of every unit back to the original file."""

from __future__ import annotations

import pytest

from linter.markdown import parse_markdown
from linter.prose import HEADING, LABEL, LIST_ITEM, TABLE_CELL, TABLE_HEADER, build_prose
from linter.source import SourceFile


def prose(text: str):
    src = SourceFile.from_text("t.md", text)
    return src, build_prose(src, parse_markdown(text))


def assert_maps_exactly(src: SourceFile, units) -> None:
    for unit in units:
        for i, ch in enumerate(unit.text):
            if ch.isspace():
                continue
            at = src.text[unit.offset(i)]
            # An entity (&copy;) or an escape (\*) stands where its character is.
            # markdown-it reads a NUL as U+FFFD, one character for one.
            assert at == ch or (at in "&\\" and ch != at) or (at, ch) == ("\x00", "\ufffd"), (
                unit.text,
                i,
            )


def position_of(src: SourceFile, unit, needle: str) -> tuple[int, int]:
    return src.position(unit.offset(unit.text.index(needle)))


SAMPLES = {
    "list": "- one item\n- two *items* here\n  1. nested **bold** word\n",
    "table": "| A | B |\n|---|:-:|\n| cell one | [cell](/x) two |\n| `c` | x \\| y |\n",
    "links": 'See [the [nested] text](/a(b)c "title") and <https://x.org> and ![alt](/i.png) end.\n',
    "quote": "> quoted line\n> and **more**\n>\n> - item in quote\n",
    "escapes": "A \\*star\\* and &amp; and &copy; plus `code` here.\n",
    "setext": "Title line\n==========\n\nBody text.\n",
    "crlf": "# Head\r\n\r\nLine one\r\nline two with [link](/g)\r\n",
    "lone-cr": "# Head\r\rLine one\rline two\r",
    "tabs": "-\tTabbed item\n\n\tcode block\n",
    # Found by bench/fuzz.py: a line of only a no-break space is trimmed off the block.
    "nbsp-line": "\u00a0\n[prognosis](/g)[x](<a b>) \n more text\n]\n1. \nprogression-free\n",
    "nul-in-cell": "| a | b |\n|---|---|\n| x | \x00 y |\n| \x1f z | w |\n",
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_character_maps_to_itself(name: str) -> None:
    src, p = prose(SAMPLES[name])
    assert p.units
    assert_maps_exactly(src, p.units)


def test_positions_in_lists_are_line_and_character_column() -> None:
    src, p = prose("Intro.\n\n- first\n- second *word* here\n  1. nested term\n")
    units = {u.text: u for u in p.units}
    assert all(u.kind == LIST_ITEM for t, u in units.items() if t != "Intro.")
    second = units["second word here"]
    assert position_of(src, second, "word") == (4, 11)
    nested = units["nested term"]
    assert position_of(src, nested, "term") == (5, 13)


def test_table_cells_are_separate_units_with_positions() -> None:
    src, p = prose("| Head | Other |\n|---|---|\n| one | two three |\n")
    kinds = [(u.kind, u.text) for u in p.units]
    assert kinds == [
        (TABLE_HEADER, "Head"),
        (TABLE_HEADER, "Other"),
        (TABLE_CELL, "one"),
        (TABLE_CELL, "two three"),
    ]
    assert position_of(src, p.units[3], "three") == (3, 13)


def test_link_text_is_prose_and_destination_is_not() -> None:
    src, p = prose("Read [the glossary](/glossary/anemia) now.\n")
    unit = p.units[0]
    assert unit.text == "Read the glossary now."
    link = unit.links[0]
    assert unit.text[link.start : link.end] == "the glossary"
    assert link.href == "/glossary/anemia"
    assert src.text[link.source.start : link.source.end] == "[the glossary](/glossary/anemia)"


def test_crlf_positions() -> None:
    text = (
        "---\r\naudienceLevel: patient\r\n---\r\n\r\n# Head\r\n\r\nFirst line\r\nsecond anemia\r\n"
    )
    src, p = prose(text)
    body = next(u for u in p.units if u.kind != HEADING)
    assert position_of(src, body, "anemia") == (8, 8)
    assert_maps_exactly(src, p.units)


def test_lone_cr_line_endings_count_as_lines() -> None:
    src, p = prose("# Head\r\rone\rtwo anemia\r")
    body = p.units[1]
    assert position_of(src, body, "anemia") == (4, 5)


def test_excluded_text_never_reaches_prose() -> None:
    text = (
        "---\naudienceLevel: patient\nsecret: frontmatterword\n---\n\n"
        "Visible `codeword` text <!-- commentword --> and https://example.org/urlword here.\n\n"
        "```\nfenceword\n```\n\n    indentword\n\n<div>htmlword</div>\n\n"
        "![imagealt](/imageurl.png) [linkword](/destword) <https://autolinkword.org>\n"
    )
    _, p = prose(text)
    everything = " ".join(u.text for u in p.units)
    for hidden in (
        "frontmatterword",
        "codeword",
        "commentword",
        "urlword",
        "fenceword",
        "indentword",
        "htmlword",
        "imageurl",
        "destword",
        "autolinkword",
    ):
        assert hidden not in everything
    assert "linkword" in everything and "Visible" in everything


def test_bold_label_paragraph_is_a_label_not_a_sentence() -> None:
    _, p = prose("**Summary**\n\n**Bold** start, then more.\n")
    assert [u.kind for u in p.units] == [LABEL, "paragraph"]


def test_comments_are_collected_with_positions() -> None:
    src, p = prose("<!-- plainlint-disable -->\n\nText <!-- inline --> here.\n")
    texts = [(c.text.strip(), c.block, src.position(c.span.start)) for c in p.comments]
    assert texts == [("plainlint-disable", True, (1, 1)), ("inline", False, (3, 6))]


def test_entities_and_escapes_map_to_their_source() -> None:
    src, p = prose("Fish &amp; chips \\*here\\*.\n")
    unit = p.units[0]
    assert unit.text == "Fish & chips *here*."
    amp = unit.text.index("&")
    assert src.text[unit.offset(amp) : unit.offset(amp) + 5] == "&amp;"
    star = unit.text.index("*")
    assert src.text[unit.offset(star) - 1 : unit.offset(star) + 1] == "\\*"


@pytest.mark.parametrize(
    "text",
    [
        "See [the guide](<my file (1).md>) today (or later).\n",
        'See [the guide](/a_(b) "A title (x)") today (or later).\n',
        "See [the guide](/a\\)b) today,\nand [more](<c) d>)\nlater (or not).\n",
    ],
)
def test_link_destinations_with_brackets_map_exactly(text: str) -> None:
    src, p = prose(text)
    [unit] = p.units
    words = " ".join(unit.text.split())
    assert words.startswith("See the guide today") and ".md" not in words and "d>" not in words
    assert words.endswith("(or later).") or words.endswith("later (or not).")
    assert_maps_exactly(src, p.units)
    assert position_of(src, unit, "today") == (1, text.index("today") + 1)
