"""Input families for the growth benchmark and the suite's linear-time tests.

Each family makes an article from a size n (the input grows in step with n) and names
what is timed on it: linting with every rule, `--fix --unsafe-fixes`, or the HTML
report. Most are shapes that once took quadratic or exponential time; the rest are
ordinary shapes pushed to size, so that a new slow path shows up too. The sizes make the
smallest run take a few tenths of a second on a 2-core machine.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass

HEAD = "---\naudienceLevel: patient\n---\n\n# Title\n\n"
# A sentence over the limit (30 words), so that PL201 looks for where to split it.
LONG = "word " * 30
# Hard text: jargon in every sentence and the grade far over target, so the ranking code
# of PL301 and PL302 runs.
HARD = (
    "Pomalidomide augments erythropoiesis and potentiates cytotoxicity against malignant "
    "plasmacytomas in refractory myeloma. "
)


@dataclass(frozen=True)
class Family:
    name: str
    make: Callable[[int], str]
    # Three sizes, each twice the one before.
    sizes: tuple[int, int, int]
    # What is timed: "lint", "fix" (--fix --unsafe-fixes) or "report".
    run: str = "lint"
    # The file's name, which chooses its dialect ('.mdx'), or the dialect itself.
    path: str = "bench.md"
    dialect: str = "auto"


def _paragraph(sentence: str) -> Callable[[int], str]:
    return lambda n: HEAD + sentence * n + "\n"


def _letters(i: int) -> str:
    """A distinct run of letters for each number (a, b, ..., ba, bb, ...)."""
    out = ""
    while True:
        i, r = divmod(i, 26)
        out = string.ascii_lowercase[r] + out
        if i == 0:
            return out


def _sizes(n: int) -> tuple[int, int, int]:
    return (n, 2 * n, 4 * n)


FAMILIES: list[Family] = [
    # One paragraph of hard sentences: each sentence's jargon was found by scanning all
    # the paragraph's matches.
    Family("jargon-paragraph", _paragraph(HARD), _sizes(2500)),
    Family(
        "jargon-sections",
        lambda n: HEAD + "".join(f"## Part {i}\n\n{HARD * 8}\n\n" for i in range(n // 8)),
        _sizes(2500),
    ),
    # Each acronym's spelled-out form was looked for in all the text before it.
    Family("acronym-brackets", _paragraph("(XQZ) "), _sizes(8000)),
    Family("undefined-acronyms", _paragraph("XQZ and PQR. "), _sizes(12000)),
    Family(
        "acronym-definitions",
        lambda n: HEAD + "".join(f"Quick Zone Xray (QZX{i % 50}) is here. " for i in range(n)),
        _sizes(4000),
    ),
    # A dotted abbreviation counted the words from the start of the paragraph.
    # (With no full stop near it: the count then started from the paragraph's start.)
    Family("dotted-abbreviations", _paragraph("U.S. The " + "data " * 45), _sizes(1500)),
    # The suppression pattern backtracked between two runs of spaces.
    Family(
        "padded-suppression",
        lambda n: HEAD + "<!-- plainlint-disable PL101" + " " * (n * 10) + "! -->\n\nText.\n",
        _sizes(250_000),
    ),
    # Every problem was checked against every suppression region.
    Family(
        "suppression-regions",
        lambda n: (
            HEAD
            + "".join(
                f"<!-- plainlint-disable PL201 -->\n\nThe code Q{_letters(i).upper()}Z is new.\n\n"
                "<!-- plainlint-enable PL201 -->\n\n"
                for i in range(n // 4)
            )
        ),
        _sizes(24000),
    ),
    # Each unclosed '<!--' made the comment pattern scan to the end of the block.
    Family(
        "unclosed-comments",
        lambda n: HEAD + "<div>\n" + "<!-- a\n" * n + "\n\nText.\n",
        _sizes(256_000),
    ),
    # PL201's split patterns were tried again from each space of a run.
    Family(
        "space-run",
        lambda n: HEAD + LONG + " " * (n * 10) + "good but we will see.\n",
        _sizes(100_000),
    ),
    Family(
        "long-url",
        lambda n: HEAD + LONG + "https://example.org/" + "a" * (n * 10) + " but it is ok.\n",
        _sizes(100_000),
    ),
    # Text with entities was looked for again through the rest of the paragraph.
    Family("entities", _paragraph("The *prognosis* &amp; the _regimen_ &#233; ok. "), _sizes(4000)),
    # Inline list markers: each was checked against every sentence end found so far.
    Family("bullets", _paragraph("• a. "), _sizes(32000)),
    Family("bullet-lines", lambda n: HEAD + "• item one.\n" * n, _sizes(8000)),
    # Short sections were folded by copying the sentences gathered so far.
    Family("empty-headings", lambda n: HEAD + "## Heading\n\n" * n, _sizes(20000)),
    Family(
        "short-sections",
        lambda n: HEAD + "".join(f"## S{i}\n\nA word.\n\n" for i in range(n)),
        _sizes(6000),
    ),
    # One very long word: split at every point to look for two everyday words.
    Family("long-word", lambda n: HEAD + "a" * (n * 40) + "\n", _sizes(50_000)),
    # 'zq' and 34 letters s: exponential in the word-part search, once.
    Family(
        "zq-words",
        lambda n: HEAD + "".join(f"zq{'s' * 34}{_letters(i)} " for i in range(n)) + "\n",
        _sizes(6000),
    ),
    Family(
        "unfamiliar-words",
        lambda n: HEAD + "".join(f"zqx{_letters(i)}abc " for i in range(n)) + "\n",
        _sizes(25000),
    ),
    # --fix --unsafe-fixes: each fix was checked against every edit taken.
    Family("swaps", _paragraph("We utilize it and facilitate care. "), _sizes(6000), "fix"),
    # Every swap takes its 25-word sentence over the limit: each is made, then taken back.
    Family(
        "swaps-taken-back",
        _paragraph("You can request one " + "copy " * 20 + "now. "),
        _sizes(1500),
        "fix",
    ),
    Family(
        "glossary-links",
        lambda n: HEAD + "Your prognosis is good. " * n + "\n\n[prognosis](/glossary/prognosis)\n",
        _sizes(5000),
        "fix",
    ),
    # The report looked at every mark for every piece of text.
    Family("report-marks", _paragraph("We utilize the XQZ regimen. "), _sizes(6000), "report"),
    Family("links", _paragraph("See [the page](/a/b) now. "), _sizes(6000)),
    Family(
        "footnote-marks",
        lambda n: HEAD + "Ask about neutropenia[^1] now. " * n + "\n\n[^1]: Too few cells.\n",
        _sizes(3000),
    ),
    Family(
        "table-cells",
        lambda n: HEAD + "| a | b |\n| - | - |\n" + "| prognosis | x |\n" * n,
        _sizes(3000),
    ),
    Family(
        "list-items",
        lambda n: HEAD + "".join(f"- item {i} prognosis\n" for i in range(n)),
        _sizes(5000),
    ),
    Family("long-sentence", _paragraph("the prognosis and "), _sizes(15000)),
    Family("nested-brackets", lambda n: HEAD + "[" * n + "x" + "]" * n + "\n", _sizes(20000)),
    Family("emphasis", _paragraph("*a _b "), _sizes(15000)),
    Family("backticks", _paragraph("`a ``b "), _sizes(25000)),
    Family("dotted-letters", _paragraph("a.b.c.d.e "), _sizes(30000)),
    # A capital dotted I changes length when lowercased: jargon is matched word by word.
    Family("capital-i", _paragraph("İstanbul prognosis. "), _sizes(6000)),
    Family("quotes", _paragraph('"He said." "Then (she) left." '), _sizes(10000)),
    Family(
        "mdx-comments",
        _paragraph("{/* a note */} The prognosis {/* "),
        _sizes(8000),
        path="bench.mdx",
    ),
    Family(
        "liquid-tags",
        lambda n: HEAD + "{% if a %} " * n + 'x\n\n{% include t content="Hi." %}\n' * n,
        _sizes(8000),
        dialect="jekyll",
    ),
    Family(
        "hugo-shortcodes",
        lambda n: HEAD + "{{< b >}} " * n + 'x\n\nSee {{< glossary "anemia" >}}.\n' * n,
        _sizes(8000),
        dialect="hugo",
    ),
    Family(
        "mkdocs-admonitions",
        lambda n: HEAD + '!!! tip "Tip"\n    The prognosis is good.\n\n*[XQZ]: a test\n\n' * n,
        _sizes(4000),
        dialect="mkdocs",
    ),
    Family(
        "mkdocs-tabs-and-lists",
        lambda n: HEAD + '=== "Tab"\n    - The prognosis is good.\n    - Rest.\n\n' * n,
        _sizes(3000),
        dialect="mkdocs",
    ),
    Family(
        "mdx-inline-jsx",
        lambda n: (
            HEAD
            + "Ask about{' '}\n<Link to=\"/glossary/x\">anemia</Link> and {props.dose} pills.\n" * n
        ),
        _sizes(3000),
        path="bench.mdx",
    ),
    Family(
        "html-anchors-and-templated-links",
        lambda n: (
            HEAD
            + '<a href="/glossary/x" title="x">anemia</a> and [y]({{< ref "/glossary/y" >}}).\n' * n
        ),
        _sizes(3000),
        dialect="hugo",
    ),
    Family(
        "mdx-imports",
        lambda n: HEAD + "import A from 'a';\nexport const b = 1;\n" * n + "\nText.\n",
        _sizes(8000),
        path="bench.mdx",
    ),
]


def by_name(name: str) -> Family:
    return next(f for f in FAMILIES if f.name == name)
