"""Which Markdown an article is written in: the site generator's own (Hugo, MkDocs
Material, Docusaurus, Jekyll), MDX, or GitHub's. The `dialect` setting names it, or
`auto` chooses from the file's extension and the site's config file, found in the
article's folder or a folder above it."""

from __future__ import annotations

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
