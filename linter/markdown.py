"""The Markdown syntax tree: markdown-it-py tokens for an article."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

# markdown-it stops reading a block (and whatever follows it in the file) once lists or
# quotes nest this deep: each list level takes two. CommonMark's preset allows 20, which
# real articles with ten nested lists reach; 200 is far past any article, and the parser
# still stays well inside Python's recursion limit there.
MAX_NESTING = 200


@cache
def _parser() -> MarkdownIt:
    # CommonMark plus GFM tables and strikethrough, the Markdown health sites write;
    # front matter is a token of its own so that it never reads as a heading.
    return (
        MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
        .enable(["table", "strikethrough"])
        .use(front_matter_plugin)
    )


def parse_markdown(text: str) -> list[Token]:
    return _parser().parse(text)


def nested_too_deep(tokens: list[Token]) -> int | None:
    """The 1-based line where the parser gave up because of nesting, if it did."""
    for tok in tokens:
        if tok.level >= MAX_NESTING - 1:
            return (tok.map[0] + 1) if tok.map else 1
    return None
