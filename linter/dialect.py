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


def hidden_ranges(text: str, dialect: str, offset: int = 0) -> tuple[tuple[int, int], ...]:
    """The parts of the text that are the dialect's markup, never prose: MDX's import and
    export blocks and its {/* comments */}, and the ::: lines of admonitions (Docusaurus's,
    and remark's directives in other MDX sites); as ranges of the file, the text starting
    at `offset` in it."""
    if dialect not in ("mdx", "docusaurus"):
        return ()
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
        if in_esm or _ESM.match(bare):
            in_esm = True
            ranges.append((start, start + len(bare)))
        elif _ADMONITION.match(bare):
            ranges.append((start, start + len(bare)))
    ranges.extend(_comments(text))
    return tuple((offset + s, offset + e) for s, e in _merged(ranges))


def _comments(text: str) -> list[tuple[int, int]]:
    """{/* ... */}, which may run over lines; one left open runs to the end."""
    found = []
    at = text.find("{/*")
    while at != -1:
        close = text.find("*/}", at + 3)
        end = len(text) if close == -1 else close + 3
        found.append((at, end))
        at = text.find("{/*", end)
    return found


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
