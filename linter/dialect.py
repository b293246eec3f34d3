"""Which Markdown an article is written in: the site generator's own (Hugo, MkDocs
Material, Docusaurus, Jekyll), MDX, or GitHub's. The `dialect` setting names it, or
`auto` chooses from the file's extension and the site's config file, found in the
article's folder or a folder above it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DIALECTS = ("auto", "commonmark", "gfm", "mdx", "hugo", "mkdocs", "docusaurus", "jekyll")

# Each generator's own config file names the site it builds, in the order they are
# looked for in one folder.
_SITE_FILES = (
    ("hugo.toml", "hugo"),
    ("hugo.yaml", "hugo"),
    ("hugo.json", "hugo"),
    ("mkdocs.yml", "mkdocs"),
    ("mkdocs.yaml", "mkdocs"),
    ("docusaurus.config.js", "docusaurus"),
    ("docusaurus.config.ts", "docusaurus"),
    ("docusaurus.config.mjs", "docusaurus"),
    ("_config.yml", "jekyll"),
    ("_config.yaml", "jekyll"),
    # Hugo's older name for its config; other tools use it too, so it comes last.
    ("config.toml", "hugo"),
)


@dataclass(frozen=True)
class Dialect:
    name: str
    # Why this one, in words for `plainlint config --show`.
    why: str
    # The site config file that chose it, if one did.
    site_file: Path | None = None


def _site(folder: Path) -> tuple[str, Path] | None:
    """The nearest site config file at or above the folder, and the dialect it names."""
    for place in (folder, *folder.parents):
        for name, dialect in _SITE_FILES:
            candidate = place / name
            if candidate.is_file():
                return dialect, candidate
        if (place / ".git").exists():
            # The top of the repository: a config above it belongs to something else.
            break
    return None


def choose_dialect(path: Path | None, setting: str) -> Dialect:
    """The dialect for the file at path, given the config's `dialect` setting."""
    if setting != "auto":
        return Dialect(setting, "set by the config's dialect")
    site = _site(path.resolve().parent) if path is not None else None
    mdx = path is not None and path.suffix.lower() == ".mdx"
    if site is not None and (not mdx or site[0] == "docusaurus"):
        return Dialect(site[0], "chosen by the site's", site[1])
    if mdx:
        return Dialect("mdx", "the file ends in .mdx")
    return Dialect("gfm", "no site config file above it, so GitHub Flavored Markdown")


# Lines that open a code fence, where nothing is markup of the dialect's.
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# MDX's ESM: a block of import and export statements, up to the next blank line.
_ESM = re.compile(r"(?:import|export)\b")
# Docusaurus admonitions: ':::tip', ':::note Title', and the closing ':::'.
_ADMONITION = re.compile(r" {0,3}:::(?:[A-Za-z][\w-]*.*)?\s*\Z")


# A line that is only template tags: Liquid's '{% if ... %}', Hugo's paired shortcodes
# '{{% notice tip %}}' and '{{< /tabs >}}'.
# Each tag is read one way only (no '.*?' that could run on into the next tag), so a
# line of thousands of tags takes time in step with its length.
_LIQUID_LINE = re.compile(r"\s*(?:\{%[^%]*(?:%(?!\})[^%]*)*%\}\s*)+\Z")
_SHORTCODE_LINE = re.compile(r"\s*(?:\{\{[<%][^}]*(?:\}(?!\})[^}]*)*\}\}\s*)+\Z")
# kramdown's attribute lists on a line of their own: '{: .lead }', '{:toc}'.
_IAL_LINE = re.compile(r"\s*\{:.*\}\s*\Z")
# The table of contents kramdown builds: '* TOC' with '{:toc}' on the next line.
_TOC_ITEM = re.compile(r" {0,3}(?:[*+-]|1[.)]) TOC\s*\Z")
MDX_DIALECTS = ("mdx", "docusaurus")

_MK_ABBREVIATION = re.compile(r"\*\[[^\]\n]+\]:")
_MK_SNIPPET = re.compile(r"\s*-{2}8<-{2}")
_MK_ATTRIBUTES = re.compile(r"\{[ \t]*[.#:][^{}\n]*\}")
_ALERT = re.compile(
    r"^ {0,3}>[ \t]*(\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\](?:[ \t]+[^\n]*)?)$",
    re.MULTILINE | re.IGNORECASE,
)
_ABBREVIATION_LINE = re.compile(r"^\*\[[^\]\n]+\]:.*$", re.MULTILINE)
_CALLOUT_TITLE = re.compile(
    r"^[ \t]*\{:[ \t]*\.[\w-]+-title[ \t]*\}[ \t]*\n[ \t]*>[ \t]*([^\n]*\S)", re.M
)
_MDX_EXPRESSION = re.compile(r"\{(?:['\"]( )['\"]|[^{}\n]*)\}")
_TASK_BOX = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])[ \t]+(\[[ xX]\])(?=[ \t])", re.M)
_HUGO_COMMENT_SHORTCODES = (
    ("{{% comment %}}", "{{% /comment %}}"),
    ("{{< comment >}}", "{{< /comment >}}"),
)
_BLOCK_ATTRIBUTES = re.compile(r"^[ \t]*\{[ \t]*[.#][^{}\n]*\}[ \t]*$", re.MULTILINE)
_HEADING = re.compile(r" {0,3}#{1,6}[ \t]")
_HEADING_ID = re.compile(r"\{[ \t]*[#.][^{}\n]*\}[ \t]*\Z")
_INLINE_IAL = re.compile(r"\{:[^{}\n]*\}")
# '{{< figure src="x.jpg" caption="Ice can ease the pain." >}}': the caption is shown.
_CAPTION = re.compile(r"\{\{[<%]\s*figure\s[^{}]*?\bcaption=\"([^\"]*)\"")
_BUILT_ADDRESS = re.compile(r"\]\(\s*(\{\{[^{}\n]*\}\}|\{%[^{}\n]*%\})")
_INCLUDE_CONTENT = re.compile(r"\{%-?\s*include\s[^%\"]*?content=\"([^\"]*)\"[^%]*%\}")
# A Liquid tag or output, or a Hugo shortcode, anywhere in a line; each read one way.
_LIQUID_TAG = re.compile(r"\{%[^%]*(?:%(?!\})[^%]*)*%\}|\{\{[^{}]*\}\}")
_SHORTCODE = re.compile(r"\{\{[<%][^}]*(?:\}(?!\})[^}]*)*\}\}")


def _term_shortcode(names: tuple[str, ...]) -> re.Pattern[str]:
    """Hugo's glossary shortcodes by the site's names: '{{< glossary "sleep hygiene" >}}'
    and '{{< glossary_tooltip text="sleep hygiene" term_id="sleep-hygiene" >}}'; the
    term is group 1 or 2."""
    alternatives = "|".join(re.escape(n) for n in names) or "(?!)"
    return re.compile(
        r"\{\{[<%]\s*(?:" + alternatives + r")\s+"
        r"(?:\"([^\"\n]+)\"|[^{}\n]*?\btext=\"([^\"\n]+)\")[^{}\n]*[>%]\}\}"
    )


def _glossary_include(names: tuple[str, ...]) -> re.Pattern[str]:
    """Jekyll's glossary includes by the site's names: '{% include glossary.html
    term="anemia" %}', whose term the reader sees as a link; the term is group 1."""
    alternatives = "|".join(re.escape(n) for n in names) or "(?!)"
    return re.compile(
        r"\{%-?\s*include\s+(?:" + alternatives + r")(?:\.html)?\s[^%\"]*?"
        r"\b(?:term|text)=\"([^\"\n]*)\"[^%]*%\}"
    )


def hidden_ranges(
    text: str, dialect: str, offset: int = 0, names: tuple[str, ...] = ()
) -> tuple[tuple[int, int], ...]:
    """The parts of the text that are the dialect's markup, never prose: MDX's import and
    export blocks and its {/* comments */}, and the ::: lines of admonitions (Docusaurus's,
    and remark's directives in other MDX sites); Hugo's lines of shortcodes alone, its
    {{/* comments */}}, and all of a glossary shortcode but its term; Jekyll's lines of
    Liquid tags alone, {% comment %} blocks, kramdown's attribute lists and table of
    contents; in both, the template expression that builds a link's address and the
    dialect's own comments; MkDocs Material's abbreviation lines and attribute lists (its
    boxes and tabs are the parser's); and in all of them, alert markers ('> [!TIP]') and
    tick boxes. As ranges of the file, the text starting at `offset` in it; names are the
    site's glossary shortcodes and components (setting glossary-markup)."""
    if dialect == "gfm":
        ranges = []
    elif dialect == "mkdocs":
        ranges = _mkdocs(text)
    elif dialect in (*MDX_DIALECTS, "hugo", "jekyll"):
        ranges = _templated(text, dialect, names)
    else:
        return ()
    # Every site generator draws '- [ ] pale skin' as a tick box: the box is no word.
    ranges.extend(m.span(1) for m in _TASK_BOX.finditer(text))
    # GitHub's alerts, which Hugo and others draw too: '> [!TIP]' and any title after it
    # ('> [!TIP] Before you go') are the box's label.
    ranges.extend(m.span(1) for m in _ALERT.finditer(text))
    return tuple((offset + s, offset + e) for s, e in _merged(ranges))


def _templated(text: str, dialect: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """The markup of MDX and Docusaurus, Hugo and Jekyll, as ranges of the text."""
    ranges: list[tuple[int, int]] = []
    fence: str | None = None
    in_esm = False
    at = 0
    for line in text.splitlines(keepends=True):
        start, at = at, at + len(line)
        bare = line.rstrip("\r\n")
        opened = _FENCE.match(bare)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        if not bare.strip():
            in_esm = False
            continue
        whole = (start, start + len(bare))
        if dialect in MDX_DIALECTS:
            if in_esm or _ESM.match(bare):
                in_esm = True
                ranges.append(whole)
            elif _ADMONITION.match(bare):
                ranges.append(whole)
        elif _template_line(dialect, bare, text, at):
            ranges.append(whole)
        elif _HEADING.match(bare):
            # '## Getting tested {#getting-tested}': Hugo's and kramdown's heading ids.
            heading_id = _HEADING_ID.search(bare)
            if heading_id:
                ranges.append((start + heading_id.start(), start + heading_id.end()))
    if dialect == "jekyll":
        # An attribute list after a span: '[sleep hygiene](...){: .glossary-link}'.
        ranges.extend(m.span() for m in _INLINE_IAL.finditer(text))
        # Code and raw text the page shows as code.
        ranges.extend(_between(text, "{% highlight", "{% endhighlight %}"))
        ranges.extend(_between(text, "{% raw %}", "{% endraw %}"))
        # kramdown's abbreviation lines ('*[BP]: blood pressure').
        ranges.extend(m.span() for m in _ABBREVIATION_LINE.finditer(text))
        # '{: .warning-title }' over a quote (Just the Docs): the quote's first line is
        # the box's title, a label.
        ranges.extend(m.span(1) for m in _CALLOUT_TITLE.finditer(text))
        # Every other tag in a line ('{% if page.x %}...{% endif %}'); an include's
        # content is prose, the rest of its tag is not.
        glossary_include = _glossary_include(names)
        for m in _LIQUID_TAG.finditer(text):
            included = glossary_include.fullmatch(m.group()) or _INCLUDE_CONTENT.fullmatch(
                m.group()
            )
            ranges.extend(_around(m, included.span(1) if included else None))
    if dialect == "hugo":
        # '[text]({{ .Site.BaseURL }}/x/)': an expression that builds a link's address is
        # read as blank, so the link is one. (In Jekyll every tag and output is markup,
        # above; in Hugo, shortcodes are.)
        ranges.extend(m.span(1) for m in _BUILT_ADDRESS.finditer(text))
        ranges.extend(_between(text, "{{< highlight", "{{< /highlight >}}"))
        # Goldmark's block attributes on a line of their own: '{.table .table-dark}'.
        ranges.extend(m.span() for m in _BLOCK_ATTRIBUTES.finditer(text))
        # '{{< glossary "sleep hygiene" >}}': the reader sees the term, not the shortcode,
        # and a figure's caption; every other shortcode ('See {{< ref "x.md" >}}') is markup.
        term_shortcode = _term_shortcode(names)
        for m in _SHORTCODE.finditer(text):
            term = term_shortcode.fullmatch(m.group())
            caption = None if term else _CAPTION.match(m.group())
            shown = _term_span(term) if term else caption.span(1) if caption else None
            ranges.extend(_around(m, shown))
    if dialect in MDX_DIALECTS:
        # A JavaScript expression ('{props.dose}', Docusaurus's heading id '{#inr}') is
        # not text the article shows; '{' '}' is a space, so its space stays.
        for m in _MDX_EXPRESSION.finditer(text):
            space = (m.start(1) - m.start(), m.end(1) - m.start()) if m.group(1) else None
            ranges.extend(_around(m, space))
    # The dialect's own comments ({/* */}, {{/* */}} and the comment shortcodes themes
    # ship, {% comment %}, {::comment}): nothing in them is shown.
    for opening, closing in _COMMENT_FORMS.get(dialect, ()):
        ranges.extend(_between(text, opening, closing))
    return ranges


def _around(m: re.Match[str], shown: tuple[int, int] | None) -> list[tuple[int, int]]:
    """The markup of a tag the match found: all of it, or all but the part the reader
    sees (`shown`, counted from the tag's start)."""
    if shown is None:
        return [m.span()]
    return [(m.start(), m.start() + shown[0]), (m.start() + shown[1], m.end())]


def _term_span(m: re.Match[str]) -> tuple[int, int]:
    """Where a glossary shortcode's term is: its quoted first word, or its text=."""
    return m.span(1) if m.group(1) else m.span(2)


def _mkdocs(text: str) -> list[tuple[int, int]]:
    """MkDocs Material: abbreviation lines ('*[CPAP]: ...'), snippet lines ('--8<--
    "x.md"'), the '[TOC]' marker and attribute lists ('{ .glossary }'). Its boxes and tabs
    ('!!! tip', '=== "Tab"') are read by the Markdown parser, which reads their bodies
    as Markdown."""
    ranges: list[tuple[int, int]] = []
    at = 0
    for line in text.splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        if _MK_ABBREVIATION.match(bare) or _MK_SNIPPET.match(bare) or bare.strip() == "[TOC]":
            ranges.append((at, at + len(bare)))
        at += len(line)
    ranges.extend(m.span() for m in _MK_ATTRIBUTES.finditer(text))
    return ranges


def _template_line(dialect: str, line: str, text: str, after: int) -> bool:
    """A line of the template language alone, which the built page never shows."""
    if dialect == "hugo":
        return bool(_SHORTCODE_LINE.match(line))
    if dialect == "jekyll":
        return bool(
            (_LIQUID_LINE.match(line) and not _INCLUDE_CONTENT.search(line))
            or _IAL_LINE.match(line)
            or (_TOC_ITEM.match(line) and text.startswith("{:toc}", after))
        )
    return False


def _between(text: str, opening: str, closing: str) -> list[tuple[int, int]]:
    """Blocks from an opening to a closing mark ({/* ... */}, {% raw %} ... {% endraw %}),
    which may run over lines; one left open runs to the end."""
    found = []
    at = text.find(opening)
    while at != -1:
        close = text.find(closing, at + len(opening))
        end = len(text) if close == -1 else close + len(closing)
        found.append((at, end))
        at = text.find(opening, end)
    return found


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


# A link whose address the template builds: '](' then the address, with at least one
# Hugo shortcode, Liquid tag or Liquid output in it, up to ')'.
_TEMPLATED_ADDRESS = re.compile(
    r"\]\(\s*([^\s(){}\[\]]*(?:(?:\{\{[^{}\n]*\}\}|\{%[^{}\n]*%\})[^\s(){}\[\]]*)+)"
)
_TEMPLATE_PIECE = re.compile(r"\{\{[^{}\n]*\}\}|\{%[^{}\n]*%\}")
# '{{< ref "x.md" >}}', '{{< relref "/glossary/x" >}}': Hugo's address of a page.
_HUGO_REF = re.compile(r"\{\{[<%]\s*(?:rel)?ref\s+\"([^\"]*)\"\s*[>%]\}\}\Z")
# '{% link glossary/x.md %}': Jekyll's address of a page, from the site's top.
_JEKYLL_LINK = re.compile(r"\{%-?\s*link\s+(\S+)\s*-?%\}\Z")
# '{{ "/x/" | relative_url }}': a quoted address with filters that add the site's base.
_JEKYLL_QUOTED = re.compile(r"\{\{-?\s*[\"']([^\"']*)[\"'][^{}]*\}\}\Z")
# '{{ site.glossary }}', '{{ glossary }}': a variable that names the glossary's address.
_GLOSSARY_VARIABLE = re.compile(r"\{\{-?\s*(?:\w+\.)*glossary\w*\s*-?\}\}\Z")


def link_addresses(text: str, dialect: str, offset: int = 0) -> dict[int, str]:
    """Where a link's address is built by the template ('[x]({{< ref "x.md" >}})',
    '[x]({{ site.baseurl }}{% link glossary/x.md %})'), the address the built page has,
    as far as the article shows it: by the offset in the file of the link's ']'. Other
    variables ('{{ site.baseurl }}') are left out, as a site served from its top has
    them empty."""
    if dialect not in ("hugo", "jekyll"):
        return {}
    found = {}
    for m in _TEMPLATED_ADDRESS.finditer(text):
        address = _TEMPLATE_PIECE.sub(_page_address, m.group(1))
        found[offset + m.start()] = address
    return found


def _page_address(piece: re.Match[str]) -> str:
    tag = piece.group()
    ref = _HUGO_REF.match(tag)
    if ref:
        return _without_suffix(ref.group(1))
    link = _JEKYLL_LINK.match(tag)
    if link:
        return "/" + _without_suffix(link.group(1)).lstrip("/") + "/"
    quoted = _JEKYLL_QUOTED.match(tag)
    if quoted:
        return quoted.group(1)
    if _GLOSSARY_VARIABLE.match(tag):
        return "/glossary"
    return ""


def _without_suffix(path: str) -> str:
    for suffix in ("/index.md", "/_index.md", ".md", ".markdown", ".html"):
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return path


# Each dialect's own comments, which its build never shows: where plainlint's
# suppression comments go when an HTML comment would break the build (MDX) or show.
_COMMENT_FORMS = {
    "mdx": (("{/*", "*/}"),),
    "docusaurus": (("{/*", "*/}"),),
    "hugo": (("{{/*", "*/}}"), *_HUGO_COMMENT_SHORTCODES),
    "jekyll": (("{% comment %}", "{% endcomment %}"), ("{::comment}", "{:/comment}")),
}


def dialect_comments(text: str, dialect: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """The dialect's own comments ('{/* plainlint-disable-next-line PL101 */}' in MDX,
    '{{/* ... */}}' in Hugo, '{% comment %} ... {% endcomment %}' in Liquid), as their
    ranges in the file and the text inside them."""
    found = []
    for opening, closing in _COMMENT_FORMS.get(dialect, ()):
        for start, end in _between(text, opening, closing):
            inner_end = end - len(closing) if text.endswith(closing, 0, end) else end
            found.append((offset + start, offset + end, text[start + len(opening) : inner_end]))
    return sorted(found)


_ABBREVIATION_NAME = re.compile(r"^\*\[([^\]\n]+)\]:[ \t]*\S", re.MULTILINE)


def abbreviations(text: str, dialect: str) -> frozenset[str]:
    """The short forms an article defines with abbreviation lines ('*[CPAP]: continuous
    positive airway pressure'), which MkDocs and kramdown turn into a tooltip on every
    use: the reader can see what they stand for."""
    if dialect not in ("mkdocs", "jekyll"):
        return frozenset()
    return frozenset(m.group(1).strip() for m in _ABBREVIATION_NAME.finditer(text))


_ABBR_ELEMENT = re.compile(r"<abbr\s[^<>]*\btitle=[\"'][^\"'<>]+[\"'][^<>]*>[^<>]+</abbr>", re.I)


def abbr_elements(text: str, offset: int = 0) -> tuple[tuple[int, int], ...]:
    """Where the text has '<abbr title="continuous positive airway pressure">CPAP</abbr>':
    HTML's own way to say what a short form stands for, in every dialect."""
    if "<abbr" not in text and "<ABBR" not in text:
        return ()
    return tuple((offset + m.start(), offset + m.end()) for m in _ABBR_ELEMENT.finditer(text))


def glossary_terms(
    text: str, dialect: str, offset: int = 0, names: tuple[str, ...] = ()
) -> tuple[tuple[int, int], ...]:
    """Where the site's own glossary markup links a term to its entry: the term inside
    Hugo's '{{< glossary "anemia" >}}' and the words inside MDX's '<Glossary
    term="anemia">anemia</Glossary>', as sorted ranges of the file; names are the
    shortcodes and components that do it (setting glossary-markup)."""
    if dialect == "hugo":
        found = [_term_span(m) for m in _term_shortcode(names).finditer(text)]
    elif dialect == "jekyll":
        found = [m.span(1) for m in _glossary_include(names).finditer(text)]
    elif dialect in MDX_DIALECTS and names:
        component = "|".join(re.escape(n) for n in names)
        found = [
            m.span(2) for m in re.finditer(r"<(" + component + r")\b[^<>]*>([^<>]+)</\1>", text)
        ]
    else:
        return ()
    return tuple((offset + a, offset + b) for a, b in found)
