"""Property tests: for generated Markdown, linting never raises, fixes touch only their
own ranges and settle at once, and every position falls on the text it is about."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from linter.config import defaults
from linter.config_files import load_config
from linter.engine import lint_source
from linter.fixes import apply_edits, fix_source, select_edits
from linter.frontmatter import parse_front_matter
from linter.results import Options
from linter.rules import all_rules
from linter.source import SourceFile

EXAMPLES = 500
PROFILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    # CI runs the same 500 examples every time, so a landing never fails on a new find
    # by chance; on a writer's machine each run tries new ones (and has found bugs, kept
    # below as examples).
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

_FOLDER = Path(tempfile.mkdtemp(prefix="plainlint-props-"))
(_FOLDER / "glossary.yaml").write_text(
    "glossary:\n"
    "  - {term: prognosis, url: /glossary/prognosis}\n"
    "  - {term: neutropenia, url: /glossary/neutropenia}\n"
    "  - {term: open-label, url: /glossary/open-label}\n"
    "  - {term: progression-free survival, url: /glossary/pfs}\n",
    encoding="utf-8",
)
(_FOLDER / ".plainlint.yaml").write_text("glossary: [glossary.yaml]\n", encoding="utf-8")
CONFIG = load_config(_FOLDER / ".plainlint.yaml")
OPTIONS = Options(tuple(all_rules()))

WORDS = [
    "Your",
    "prognosis",
    "is",
    "good",
    "the",
    "regimen",
    "open-label",
    "open label",
    "progression-free survival",
    "neutropenia",
    "anemias",
    "utilize",
    "prior to",
    "PFS",
    "FDA",
    "Food and Drug Administration (FDA)",
    "Dr.",
    "e.g.",
    "4.0",
    "U.S.",
    "and",
    "because",
    "armamentarium",
    "paresthesia",
    "café",
    "naïve",
    "😀",
    "\u200b",
    "\u00a0",
    "&amp;",
    "&copy;",
    "\\*",
    "`code`",
    "*emphasis*",
    "**strong**",
    "[prognosis](/glossary/prognosis)",
    "[site](https://example.org/a(b))",
    "<https://example.org>",
    "<!-- plainlint-disable -->",
    "<!-- plainlint-enable -->",
    "<!-- c -->",
    "![img](/i.png)",
    "https://x.org/prognosis",
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
    "“quote.”",
    "(aside.)",
    "—",
    "\t",
    "|",
]
ODD = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)
INLINE = st.lists(st.one_of(st.sampled_from(WORDS), ODD), min_size=1, max_size=40).map(" ".join)


@st.composite
def block(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["p", "p", "p", "h", "list", "table", "code", "quote", "html"]))
    text = draw(INLINE).replace("\n", " ")
    if kind == "h":
        return "#" * draw(st.integers(1, 4)) + " " + text
    if kind == "list":
        items = draw(st.lists(INLINE, min_size=1, max_size=5))
        return "\n".join(f"{draw(st.sampled_from(['-', '*', '1.']))} {i}" for i in items)
    if kind == "table":
        return f"| a | b |\n|---|---|\n| {text} | {draw(INLINE)} |"
    if kind == "code":
        return f"```\n{text}\n```"
    if kind == "quote":
        return f"> {text}"
    if kind == "html":
        return f"<div>\n{text}\n</div>"
    # Paragraphs may run over several lines.
    return "\n".join(text[i : i + 60] for i in range(0, max(len(text), 1), 60))


@st.composite
def article(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(block(), min_size=1, max_size=6))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    # Without front matter the article is skipped: a few such cases keep that path honest.
    front = "---\naudienceLevel: patient\n---\n\n" if draw(st.integers(0, 9)) else ""
    text = front + "\n\n".join(blocks) + draw(st.sampled_from(["\n", ""]))
    return text.replace("\r\n", "\n").replace("\n", newline)


def lint(text: str):
    return lint_source(SourceFile.from_text("p.md", text), CONFIG, OPTIONS)


@PROFILE
@given(article())
def test_linting_never_raises_and_positions_are_inside_the_file(text: str) -> None:
    src = SourceFile.from_text("p.md", text)
    result = lint_source(src, CONFIG, OPTIONS)
    assert result.error is None or "front matter" in result.error
    lines = len(src.line_starts)
    for d in result.diagnostics:
        assert 0 <= d.span.start <= d.span.end <= len(text)
        assert (d.line, d.column) == src.position(d.span.start)
        assert 1 <= d.line <= d.end_line <= lines
        assert 1 <= d.column <= len(src.line_text(d.line)) + 1


_QUOTED = re.compile(r"^'(.+?)' ")
_MARKUP = re.compile(r"[\s*_`\[\]<>!\\]+|<!--.*?-->|&[a-z]+;|[\u200b-\u200d\u2060\u00ad\ufeff]")


def _plain(text: str) -> str:
    return _MARKUP.sub(" ", text).split()


@PROFILE
@given(article())
# Found by this test: a short form with a plural 's' was quoted without it.
@example("---\naudienceLevel: patient\n---\n\nAAs\n")
def test_positions_fall_on_the_text_they_quote(text: str) -> None:
    result = lint(text)
    for d in result.diagnostics:
        m = _QUOTED.match(d.message)
        if m is None or d.code not in ("PL101", "PL102", "PL103", "PL104"):
            continue
        quoted = "".join(_plain(m.group(1))).lower()
        source = "".join(_plain(text[d.span.start : d.span.end])).lower()
        assert quoted == source or quoted.replace("-", "") == source.replace("-", ""), (d, source)


@PROFILE
@given(article())
def test_fixes_change_only_bytes_inside_their_ranges(text: str) -> None:
    src = SourceFile.from_text("p.md", text)
    result = lint_source(src, CONFIG, OPTIONS)
    if result.error or result.skipped:
        return
    fm = parse_front_matter(src)
    body = src.line_starts[fm.body_line] if fm.present else 0
    fixed, count = apply_edits(text, result.diagnostics, unsafe=True, protected_end=body)
    edits, _ = select_edits(text, result.diagnostics, unsafe=True, protected_end=body)
    offered = {e for d in result.diagnostics if d.fix for e in d.fix.edits}
    assert set(edits) <= offered
    # Walk the new text: outside the edits it is the old text, byte for byte.
    old = new = 0
    for edit in edits:
        assert body <= edit.start <= edit.end and edit.start >= old
        gap = text[old : edit.start]
        assert fixed[new : new + len(gap)] == gap
        new += len(gap)
        assert fixed[new : new + len(edit.text)] == edit.text
        new += len(edit.text)
        old = edit.end
    assert fixed[new:] == text[old:]
    assert (count == 0) == (fixed == text) or not edits


@PROFILE
@given(article())
# Found by this test: removing an unused suppression moved the article's grade problem,
# which was taken for a new problem and took the glossary-link fix back until a 2nd run.
@example(
    "---\naudienceLevel: patient\n---\n\n"
    "<!-- plainlint-disable --> <!-- plainlint-enable --> prognos\nis prognosis\n"
)
def test_a_second_fix_run_changes_nothing(text: str) -> None:
    src = SourceFile.from_text("p.md", text)
    once = fix_source(src, CONFIG, OPTIONS, unsafe=False)
    again = fix_source(SourceFile.from_text("p.md", once.fixed), CONFIG, OPTIONS, unsafe=False)
    assert again.fixed == once.fixed


def test_defaults_lint_too() -> None:
    # The generated articles above use a glossary; the shipped defaults need none.
    result = lint_source(
        SourceFile.from_text("p.md", "---\naudienceLevel: patient\n---\n\nYour prognosis.\n"),
        defaults(),
        OPTIONS,
    )
    assert "PL101" in [d.code for d in result.diagnostics]
