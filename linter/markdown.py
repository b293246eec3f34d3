"""The Markdown syntax tree: markdown-it-py tokens for an article."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.common.html_blocks import block_names
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.html_block import html_block
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
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


# MDX: a line (or lines) holding only JSX tags is a block of its own ('<Tabs>', '<TabItem
# value="x" label="CPAP">'); a tag with text after it on its line is inline
# ('<Link to="/x">x</Link> and ...'). Bounded, so that a '<' with no '>' costs little.
_HTML_TAG = re.compile(r"</?([a-z][a-z0-9]*)(?=[\s/>])")
_JSX_FLOW = re.compile(r"(?:[ \t]*<[^<>]{0,4000}>)+[ \t]*(?:\n|\Z)")


def _jsx_flow(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    pos = state.bMarks[start] + state.tShift[start]
    html = _HTML_TAG.match(state.src, pos)
    if state.src.startswith("<!--", pos) or (html and html.group(1) in block_names):
        # HTML's own blocks ('<details>', '<summary>Title</summary>') as in Markdown; a
        # comment is not MDX (its build fails on it), but still hides what is in it.
        return html_block(state, start, end, silent)
    m = _JSX_FLOW.match(state.src, pos)
    if m is None:
        return False
    if silent:
        return True
    line = start
    while line < end and state.bMarks[line] < m.end() - (1 if m.group().endswith("\n") else 0):
        line += 1
    line = max(line, start + 1)
    state.line = line
    token = state.push("html_block", "", 0)
    token.map = [start, line]
    token.content = state.getLines(start, line, state.blkIndent, True)
    return True


_TAB = re.compile(r'===\+?[ \t]+"[^"\n]*"[ \t]*')


def _content_tab(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """MkDocs Material's content tab: '=== "Label"', then its body indented by four. The
    label is not prose; the body is Markdown of its own (paragraphs, lists, boxes)."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    pos = state.bMarks[start] + state.tShift[start]
    if not _TAB.fullmatch(state.src, pos, state.eMarks[start]):
        return False
    if silent:
        return True
    old = (state.parentType, state.lineMax, state.blkIndent)
    state.parentType = "content_tab"  # type: ignore[assignment]
    state.blkIndent = state.sCount[start] + 4
    line = start + 1
    while line < end:
        blank = state.bMarks[line] + state.tShift[line] >= state.eMarks[line]
        if not blank and state.sCount[line] < state.blkIndent:
            break
        line += 1
    state.lineMax = line
    token = state.push("content_tab_open", "div", 1)
    token.map = [start, line]
    state.md.block.tokenize(state, start + 1, line)
    state.push("content_tab_close", "div", -1)
    state.parentType, state.lineMax, state.blkIndent = old
    state.line = line
    return True


def _parser(flavour: str) -> MarkdownIt:
    if flavour == "mdx":
        return _mdx_parser()
    if flavour == "mkdocs":
        return _mkdocs_parser()
    return _markdown_parser()


@cache
def _mkdocs_parser() -> MarkdownIt:
    # Python-Markdown's admonitions ('!!! tip', '??? note "Title"') and MkDocs Material's
    # content tabs, whose indented bodies are Markdown, not code.
    md = _new_parser().use(admon_plugin)
    md.block.ruler.before(
        "admonition",
        "content_tab",
        _content_tab,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    return md


@cache
def _mdx_parser() -> MarkdownIt:
    # MDX has no indented code (an indented line in a component is text), and reads JSX
    # tags where Markdown reads HTML blocks.
    md = _new_parser()
    md.disable("code")
    md.block.ruler.at("html_block", _jsx_flow, {"alt": ["paragraph", "reference", "blockquote"]})
    return md


@cache
def _markdown_parser() -> MarkdownIt:
    return _new_parser()


def _new_parser() -> MarkdownIt:
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


def parse_markdown(text: str, flavour: str = "markdown") -> list[Token]:
    """The tokens of the text, read as Markdown, as MDX ('mdx') or with MkDocs Material's
    boxes and tabs ('mkdocs')."""
    return _parser(flavour).parse(text)


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
