"""The Markdown syntax tree: markdown-it-py tokens for an article."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin


@cache
def _parser() -> MarkdownIt:
    # CommonMark plus GFM tables and strikethrough, the Markdown health sites write;
    # front matter is a token of its own so that it never reads as a heading.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)


def parse_markdown(text: str) -> list[Token]:
    return _parser().parse(text)
