"""Prose: the text that readers read, in units, with a map back to the source file.

The builder walks markdown-it-py's tokens and keeps only what a reader reads: paragraph,
heading, list item and table cell text, and link text. Code, HTML, link addresses, image
addresses and bare URLs are left out. Every character of a unit maps to its offset in the
original file, so rules can point at exact lines and columns.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field

from markdown_it.token import Token

from linter.diagnostics import Span
from linter.source import SourceFile

# Kinds of unit. Headings, bold labels and table headers are read, but are not sentences.
PARAGRAPH = "paragraph"
LIST_ITEM = "list-item"
TABLE_CELL = "table-cell"
HEADING = "heading"
LABEL = "label"
TABLE_HEADER = "table-header"
# A definition list's term and its definition, and a footnote's text.
DEF_TERM = "definition-term"
DEF_DETAILS = "definition"
FOOTNOTE = "footnote"
NOT_SENTENCES = frozenset({HEADING, LABEL, TABLE_HEADER})

# Web addresses written out in the text are not words: with 'https://' or 'www.', or a
# bare domain such as womenshealth.gov or nhs.uk/conditions.
_BARE_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>()\"']*[^\s<>()\"'.,;:!?]"
    r"|(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:gov|org|com|net|edu|uk|int|info)\b(?:/[^\s<>()\"']*[^\s<>()\"'.,;:!?])?",
    re.IGNORECASE,
)
# Stands in a unit's text for a line break the writer made ('<br>', or '\' at a line's
# end): a space to every rule, and the end of a sentence.
LINE_BREAK = "\u2029"
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ANCHOR_OPEN = re.compile(r"<(a|Link)\s(?:[^<>]*?\s)?(?:href|to)=[\"']([^\"'<>]*)[\"'][^<>]*>\Z")
_ANCHOR_CLOSE = re.compile(r"</(?:a|Link)\s*>\Z")
_SKIP = "skip"
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass
class Link:
    """A link's text in a unit, with its address and where the address is in the file."""

    start: int
    end: int
    href: str
    # Offsets of the whole link in the file, from '[' to the end of ')' or ']'.
    source: Span
    # Offsets of what is between '[' and ']': the link text as written.
    text_source: Span


@dataclass
class Comment:
    """An HTML comment in the file (block or inline), as plainlint's suppressions use."""

    span: Span
    text: str
    block: bool


@dataclass
class Unit:
    kind: str
    text: str
    # Piecewise map from unit text to file offsets: text[i] for unit_starts[k] <= i is at
    # src_starts[k] + (i - unit_starts[k]).
    unit_starts: list[int]
    src_starts: list[int]
    links: list[Link] = field(default_factory=list)
    section: int = 0
    level: int = 0  # 1 to 6 for headings
    # For table cells: the column, from 1.
    column: int = 0
    # Where footnote references ('[^1]') stood in the text.
    footnote_marks: list[int] = field(default_factory=list)
    _link_starts: list[int] | None = field(default=None, repr=False)

    @property
    def is_prose_sentences(self) -> bool:
        return self.kind not in NOT_SENTENCES

    def offset(self, i: int) -> int:
        k = bisect.bisect_right(self.unit_starts, i) - 1
        if k < 0:
            k = 0
        return self.src_starts[k] + (i - self.unit_starts[k])

    def span(self, start: int, end: int) -> Span:
        """File span of unit text [start, end)."""
        if end <= start:
            at = self.offset(start)
            return Span(at, at)
        return Span(self.offset(start), self.offset(end - 1) + 1)

    def link_at(self, i: int) -> Link | None:
        # Links are in text order and do not overlap: find the last one starting at or before i.
        k = bisect.bisect_right(self.link_starts, i) - 1
        if k >= 0 and i < self.links[k].end:
            return self.links[k]
        return None

    @property
    def link_starts(self) -> list[int]:
        if self._link_starts is None or len(self._link_starts) != len(self.links):
            self._link_starts = [link.start for link in self.links]
        return self._link_starts


@dataclass
class Prose:
    units: list[Unit]
    comments: list[Comment]


def build_prose(
    src: SourceFile,
    tokens: list[Token],
    addresses: dict[int, str] | None = None,
    comments: list[Comment] | None = None,
) -> Prose:
    """The article's units of prose. addresses: a link's address where the site's
    template builds it, by the offset in the file of the link's ']'; comments: the
    dialect's own comments, to which the HTML comments are added."""
    units: list[Unit] = []
    comments = list(comments or ())
    section = 0
    kind_stack: list[str] = []
    row_cursor: dict[int, int] = {}
    next_kind: str | None = None
    level = 0
    column = 0
    for tok in tokens:
        t = tok.type
        if t == "heading_open":
            next_kind = HEADING
            level = int(tok.tag[1:]) if tok.tag[1:].isdigit() else 1
            if tok.tag in ("h1", "h2"):
                section += 1
        elif t == "list_item_open":
            kind_stack.append(LIST_ITEM)
        elif t == "list_item_close":
            kind_stack.pop()
        elif t == "tr_open":
            column = 0
        elif t == "th_open":
            next_kind = TABLE_HEADER
            column += 1
        elif t == "td_open":
            next_kind = TABLE_CELL
            column += 1
        elif t == "dt_open":
            next_kind = DEF_TERM
        elif t in ("dd_open", "footnote_open"):
            kind_stack.append(DEF_DETAILS if t == "dd_open" else FOOTNOTE)
        elif t in ("dd_close", "footnote_close"):
            kind_stack.pop()
        elif t == "paragraph_open":
            next_kind = kind_stack[-1] if kind_stack else PARAGRAPH
        elif t == "html_block" and tok.map:
            _block_comments(src, tok, comments)
        elif t == "admonition_title_open":
            # A box's title ('!!! tip "Lemon water"') is a label the reader sees, not prose.
            next_kind = _SKIP
        elif t == "inline" and tok.map and next_kind == _SKIP:
            next_kind = None
        elif t == "inline" and tok.map:
            kind = next_kind or PARAGRAPH
            next_kind = None
            unit = _Builder(src, tok, kind, row_cursor, comments, addresses or {}).build()
            if unit is not None:
                unit.section = section
                unit.level = level if kind == HEADING else 0
                unit.column = column if kind in (TABLE_CELL, TABLE_HEADER) else 0
                units.append(unit)
    return Prose(units, comments)


def _block_comments(src: SourceFile, tok: Token, out: list[Comment]) -> None:
    assert tok.map is not None
    text = src.text
    start = src.line_starts[tok.map[0]]
    end = src.line_starts[tok.map[1]] if tok.map[1] < len(src.line_starts) else len(text)
    # str.find rather than a lazy regex: an unclosed '<!--' would make the regex scan to
    # the end of the block once for every '<!--' in it.
    at = text.find("<!--", start, end)
    while at >= 0:
        close = text.find("-->", at + 4, end)
        if close < 0:
            break  # no later '<!--' can close either
        out.append(Comment(Span(at, close + 3), text[at + 4 : close], True))
        at = text.find("<!--", close + 3, end)


class _Builder:
    """Lays one inline token's children over its raw source text."""

    def __init__(
        self,
        src: SourceFile,
        tok: Token,
        kind: str,
        row_cursor: dict[int, int],
        comments: list[Comment],
        addresses: dict[int, str],
    ) -> None:
        self.src = src
        self.addresses = addresses
        self.tok = tok
        self.kind = kind
        self.raw = tok.content
        self.cur = 0
        self.comments = comments
        self.parts: list[str] = []
        self.length = 0
        self.unit_starts: list[int] = []
        self.src_starts: list[int] = []
        self.links: list[Link] = []
        self.footnote_marks: list[int] = []
        self._line_map(row_cursor)

    # Raw content line i starts at raw index raw_lines[i] and at file offset bases[i].
    def _line_map(self, row_cursor: dict[int, int]) -> None:
        assert self.tok.map is not None
        first, last = self.tok.map
        lines = self.raw.split("\n")
        # A block's text is trimmed: lines of only spaces (even no-break ones) at its start
        # are not in the content, so the content starts further down.
        while (
            first < last - 1
            and first < len(self.src.line_starts)
            and lines[0].strip()
            and not self.src.line_text(first + 1).strip()
        ):
            first += 1
        self.raw_lines: list[int] = []
        self.bases: list[int] = []
        pos = 0
        for i, line in enumerate(lines):
            self.raw_lines.append(pos)
            pos += len(line) + 1
            lineno = first + i
            if lineno >= len(self.src.line_starts):
                self.bases.append(len(self.src.text))
                continue
            # markdown-it reads NUL as U+FFFD (one character for one): compare alike.
            source_line = self.src.line_text(lineno + 1).replace("\x00", "\ufffd")
            col = self._locate(source_line, line, lineno, row_cursor)
            self.bases.append(self.src.line_starts[lineno] + col)

    def _locate(self, source_line: str, line: str, lineno: int, row_cursor: dict[int, int]) -> int:
        if self.kind in (TABLE_CELL, TABLE_HEADER):
            start = row_cursor.get(lineno, 0)
            # markdown-it unescapes '\|' in cells before the cell reaches us.
            for form in (line, line.replace("|", "\\|")):
                found = source_line.find(form, start)
                if found >= 0:
                    row_cursor[lineno] = found + len(form)
                    # Align against the cell as written, escapes included.
                    self.raw = form
                    return found
            return start
        s, c = source_line.rstrip(), line.rstrip()
        if s.endswith(c):
            return len(s) - len(c)
        found = source_line.find(c.strip())
        if found >= 0:
            return found
        return max(0, len(source_line) - len(line))

    def file_offset(self, r: int) -> int:
        i = bisect.bisect_right(self.raw_lines, r) - 1
        return self.bases[i] + (r - self.raw_lines[i])

    def emit(self, text: str, raw_index: int) -> None:
        """Append text that stands at raw_index, one to one, in the source."""
        if not text:
            return
        if _INVISIBLE.search(text):
            # Zero-width characters are not read: 'prog\u200bnosis' is one word.
            pos = 0
            for m in _INVISIBLE.finditer(text):
                self.emit(text[pos : m.start()], raw_index + pos)
                pos = m.end()
            self.emit(text[pos:], raw_index + pos)
            return
        self.unit_starts.append(self.length)
        self.src_starts.append(self.file_offset(raw_index))
        self.parts.append(text)
        self.length += len(text)

    def build(self) -> Unit | None:
        children = self.tok.children or []
        if self.kind == PARAGRAPH and _is_label(children):
            self.kind = LABEL
        skip_until: str | None = None
        link_start: list[tuple[int, str, int]] = []
        html_links: list[tuple[int, str, int, int]] = []
        for child in children:
            ct = child.type
            if skip_until is not None:
                if ct == skip_until:
                    skip_until = None
                continue
            if ct == "text":
                self.text(child.content)
            elif ct in ("softbreak", "hardbreak"):
                at = self.raw.find("\n", self.cur)
                if at < 0:
                    at = max(0, len(self.raw) - 1)
                # A line the writer breaks on purpose ends what is on it, as a reader sees
                # it: an address, or a list of links one to a line. Only a break that can be
                # seen in the file ('\' at the line's end): trailing spaces are often left
                # by accident, and a dialect's blanked markup can leave them too.
                shown = ct == "hardbreak" and at > 0 and self.raw[at - 1] == "\\"
                self.emit(LINE_BREAK if shown else " ", at)
                self.cur = at + 1
            elif ct == "code_inline":
                self.skip_code(child.markup)
            elif ct == "html_inline":
                at = self.raw.find(child.content, self.cur)
                self.skip_html(child.content)
                if at >= 0 and _BREAK_TAG.fullmatch(child.content):
                    self.emit(LINE_BREAK, at)
                opened = _ANCHOR_OPEN.match(child.content)
                if opened and at >= 0:
                    # '<a href="/glossary/x">' and MDX's '<Link to="/glossary/x">' are
                    # links the reader follows, as '[x](/glossary/x)' is.
                    html_links.append((self.length, html.unescape(opened.group(2)), at, self.cur))
                elif html_links and at >= 0 and _ANCHOR_CLOSE.match(child.content):
                    start, href, raw_at, text_at = html_links.pop()
                    self.links.append(
                        Link(
                            start,
                            self.length,
                            href,
                            Span(self.file_offset(raw_at), self.file_offset(self.cur - 1) + 1),
                            Span(self.file_offset(text_at), self.file_offset(at)),
                        )
                    )
            elif ct == "image":
                self.skip_image()
            elif ct == "footnote_ref":
                self.skip_footnote_ref()
            elif ct == "link_open":
                if child.markup in ("autolink", "linkify"):
                    self.skip_autolink()
                    skip_until = "link_close"
                else:
                    at = self.raw.find("[", self.cur)
                    at = self.cur if at < 0 else at
                    if self.parts and self.parts[-1][-1:] in (".", "!", "?"):
                        # 'challenges.[Visit the site](...)': the link starts a sentence
                        # of its own; the bracket stands for the space it lacks.
                        self.emit(" ", at)
                    self.cur = at + 1
                    link_start.append((self.length, str(child.attrs.get("href", "")), at))
            elif ct == "link_close" and link_start:
                start, href, raw_at = link_start.pop()
                close = self.raw.find("]", self.cur)
                close = self.cur if close < 0 else close
                end_raw = self.skip_destination()
                href = self.addresses.get(self.file_offset(close), href)
                self.links.append(
                    Link(
                        start,
                        self.length,
                        href,
                        Span(self.file_offset(raw_at), self.file_offset(end_raw - 1) + 1),
                        Span(self.file_offset(raw_at + 1), self.file_offset(close)),
                    )
                )
            # Emphasis and strikethrough markers are skipped by the text alignment.
        text = "".join(self.parts)
        if not text.strip():
            return None
        text = _BARE_URL.sub(lambda m: " " * len(m.group()), text)
        return Unit(
            self.kind,
            text,
            self.unit_starts,
            self.src_starts,
            self.links,
            footnote_marks=self.footnote_marks,
        )

    def text(self, s: str) -> None:
        raw = self.raw
        n = len(raw)
        # The text stands in the source after nothing but markup: look only that far, not
        # through the rest of the paragraph (which made text full of entities quadratic).
        at = self.cur
        while not raw.startswith(s, at) and at < n and raw[at] in _MARKUP:
            at += 1
        if raw.startswith(s, at):
            self.emit(s, at)
            self.cur = at + len(s)
            return
        # Escapes and entities make the text differ from its source: align it char by char.
        for ch in s:
            placed = False
            while self.cur < n:
                r = raw[self.cur]
                if r == ch:
                    self.emit(ch, self.cur)
                    self.cur += 1
                    placed = True
                    break
                if r == "\\" and self.cur + 1 < n and raw[self.cur + 1] == ch:
                    self.emit(ch, self.cur + 1)
                    self.cur += 2
                    placed = True
                    break
                if r == "&":
                    m = _ENTITY.match(raw, self.cur)
                    if m is not None and html.unescape(m.group()) == ch:
                        self.emit(ch, self.cur)
                        self.cur = m.end()
                        placed = True
                        break
                self.cur += 1
            if not placed:
                self.emit(ch, max(0, n - 1))

    def skip_code(self, markup: str) -> None:
        opening = self.raw.find(markup, self.cur)
        if opening < 0:
            return
        closing = self.raw.find(markup, opening + len(markup))
        # Inline code is not prose, but it stands in the sentence as a word would.
        self.emit(" ", opening)
        self.cur = len(self.raw) if closing < 0 else closing + len(markup)

    def skip_html(self, content: str) -> None:
        at = self.raw.find(content, self.cur)
        if at < 0:
            return
        if content.startswith("<!--"):
            span = Span(self.file_offset(at), self.file_offset(at + len(content) - 1) + 1)
            self.comments.append(Comment(span, content[4:-3], False))
        self.cur = at + len(content)

    def skip_image(self) -> None:
        at = self.raw.find("![", self.cur)
        if at < 0:
            return
        self.emit(" ", at)
        close = _match_bracket(self.raw, at + 1)
        self.cur = close + 1
        self.cur = self.skip_destination(after_bracket=True)

    def skip_footnote_ref(self) -> None:
        # '[^1]' is a mark, not words: the reader sees a small number.
        at = self.raw.find("[^", self.cur)
        if at < 0:
            return
        close = self.raw.find("]", at)
        self.footnote_marks.append(self.length)
        self.cur = close + 1 if close > 0 else at + 2

    def skip_autolink(self) -> None:
        at = self.raw.find("<", self.cur)
        if at < 0:
            return
        end = self.raw.find(">", at)
        self.emit(" ", at)
        self.cur = len(self.raw) if end < 0 else end + 1

    def skip_destination(self, after_bracket: bool = False) -> int:
        """Move past a link's ']' and its '(destination "title")' or '[label]'."""
        raw = self.raw
        if not after_bracket:
            close = raw.find("]", self.cur)
            if close < 0:
                return self.cur
            self.cur = close + 1
        n = len(raw)
        if self.cur < n and raw[self.cur] == "(":
            self.cur = _match_paren(raw, self.cur) + 1
        elif self.cur < n and raw[self.cur] == "[":
            close = raw.find("]", self.cur)
            self.cur = n if close < 0 else close + 1
        return self.cur


_MARKUP = frozenset("*_~[]!<> \t\n")


def _match_bracket(raw: str, i: int) -> int:
    """Index of the ']' closing the '[' at i (escapes and nesting allowed)."""
    depth = 0
    n = len(raw)
    while i < n:
        c = raw[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return n - 1


def _match_paren(raw: str, i: int) -> int:
    """Index of the ')' closing a link destination that opens at i."""
    depth = 0
    n = len(raw)
    quote: str | None = None
    angle = False
    while i < n:
        c = raw[i]
        if c == "\\":
            i += 2
            continue
        if quote:
            if c == quote:
                quote = None
        elif angle:
            if c == ">":
                angle = False
        elif c == "<" and raw[i - 1] in "( ":
            angle = True
        elif c in "\"'" and raw[i - 1] in " \t\n":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return n - 1


# A label or a title is short; a sentence in italics is longer.
_LABEL_WORDS = 6


def _is_label(children: list[Token]) -> bool:
    """A paragraph that is only bold or italic text, such as '**Summary**'. One that
    ends as a sentence does, such as an italic byline, is read as sentences."""
    meaningful = [c for c in children if not (c.type == "text" and not c.content.strip())]
    if len(meaningful) < 3:
        return False
    text = " ".join(c.content for c in meaningful if c.type == "text").strip()
    if len(text.split()) > _LABEL_WORDS and text.endswith((".", "!", "?")):
        return False
    first, last = meaningful[0], meaningful[-1]
    if first.type not in ("strong_open", "em_open"):
        return False
    closing = first.type.replace("_open", "_close")
    # '**A** and **B**' closes early: it is a sentence, not a label.
    return (
        last.type == closing and [c.type for c in meaningful].index(closing) == len(meaningful) - 1
    )
