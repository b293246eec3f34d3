"""The Markdown syntax tree: markdown-it-py tokens for an article."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

# markdown-it stops reading a block (and whatever follows it in the file) once lists or
# quotes nest this deep: each list level takes two. CommonMark's preset allows 20, which
# real articles with ten nested lists reach; 200 is far past any article, and the parser
# still stays well inside Python's recursion limit there.
MAX_NESTING = 200
# Inside a paragraph, deeper nesting (brackets, emphasis) is read as plain text, so a low
# limit loses nothing; a high one made 150 KB of '[' take ten seconds.
_INLINE_NESTING = 20


def _limit(nesting: int) -> Callable[[StateCore], None]:
    def set_limit(state: StateCore) -> None:
        state.md.options["maxNesting"] = nesting

    return set_limit


@cache
def _parser() -> MarkdownIt:
    # CommonMark plus GFM tables and strikethrough, the Markdown health sites write;
    # front matter is a token of its own so that it never reads as a heading.
    md = (
        MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
        .enable(["table", "strikethrough"])
        .use(front_matter_plugin)
        # Definition lists and footnotes are how writers define words in Markdown.
        .use(deflist_plugin)
        .use(footnote_plugin)
    )
    # One limit for blocks, another for inline text: markdown-it reads it as it goes.
    md.core.ruler.before("block", "plainlint_block_nesting", _limit(MAX_NESTING))
    md.core.ruler.before("inline", "plainlint_inline_nesting", _limit(_INLINE_NESTING))
    return md


def parse_markdown(text: str) -> list[Token]:
    return _parser().parse(text)


def masked(text: str, hidden: tuple[tuple[int, int], ...]) -> str:
    """The text with the hidden ranges blanked, every offset and line where it was: the
    text the Markdown parser and the prose builder read."""
    if not hidden:
        return text
    parts, at = [], 0
    for start, end in hidden:
        parts.append(text[at:start])
        # Markup with text after it on its line becomes zero-width spaces, which the prose
        # leaves out: spaces there would open a line as indented code ('{% include
        # tip.html content="If you ...') or put one before a comma. Elsewhere, spaces.
        fill = "\u200b" if end < len(text) and text[end] not in "\r\n" else " "
        parts.append(_BLANK.sub(fill, text[start:end]))
        at = end
    parts.append(text[at:])
    return "".join(parts)


_BLANK = re.compile(r"[^\r\n]")


def nested_too_deep(tokens: list[Token]) -> int | None:
    """The 1-based line where the parser gave up because of nesting, if it did."""
    for tok in tokens:
        if tok.level >= MAX_NESTING - 1:
            return (tok.map[0] + 1) if tok.map else 1
    return None
