"""Which dialect an article is read in: chosen from the site's config file, found in the
article's folder or above it, and from the file's extension, or set in the config; and
`plainlint config --show` says which and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli

ARTICLE = "---\naudienceLevel: patient\n---\n\nEat well.\n"


def _dialect_line(site: Path, article: str) -> str:
    proc = run_cli("config", "--show", article, cwd=site)
    assert proc.returncode == 0, proc.stderr
    return next(line for line in proc.stdout.splitlines() if line.startswith("Dialect:"))


@pytest.mark.parametrize(
    ("site_file", "dialect"),
    [
        ("hugo.toml", "hugo"),
        ("config.toml", "hugo"),
        ("mkdocs.yml", "mkdocs"),
        ("docusaurus.config.ts", "docusaurus"),
        ("_config.yml", "jekyll"),
    ],
)
def test_the_site_config_file_above_the_article_chooses(
    tmp_path: Path, site_file: str, dialect: str
) -> None:
    (tmp_path / site_file).write_text("", encoding="utf-8")
    nested = tmp_path / "content" / "health" / "heart"
    nested.mkdir(parents=True)
    (nested / "angina.md").write_text(ARTICLE, encoding="utf-8")
    line = _dialect_line(tmp_path, "content/health/heart/angina.md")
    assert line == f"Dialect: {dialect} (chosen by the site's {site_file})"


def test_mdx_files_and_plain_markdown(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.mdx").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "docs" / "b.md").write_text(ARTICLE, encoding="utf-8")
    assert _dialect_line(tmp_path, "docs/a.mdx") == "Dialect: mdx (the file ends in .mdx)"
    assert _dialect_line(tmp_path, "docs/b.md") == (
        "Dialect: gfm (no site config file above it, so GitHub Flavored Markdown)"
    )
    # An MDX file in a Docusaurus site is Docusaurus's.
    (tmp_path / "docusaurus.config.js").write_text("", encoding="utf-8")
    assert _dialect_line(tmp_path, "docs/a.mdx") == (
        "Dialect: docusaurus (chosen by the site's docusaurus.config.js)"
    )


def test_a_config_above_the_repository_is_not_the_sites(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("", encoding="utf-8")
    repo = tmp_path / "site"
    (repo / ".git").mkdir(parents=True)
    (repo / "a.md").write_text(ARTICLE, encoding="utf-8")
    assert _dialect_line(repo, "a.md").startswith("Dialect: gfm ")


def test_the_config_setting_wins_and_is_checked(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text("", encoding="utf-8")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".plainlint.yaml").write_text("dialect: jekyll\n", encoding="utf-8")
    assert _dialect_line(tmp_path, "a.md") == "Dialect: jekyll (set by the config's dialect)"
    (tmp_path / ".plainlint.yaml").write_text("dialect: wordpress\n", encoding="utf-8")
    proc = run_cli("check", "a.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "'dialect' must be one of 'auto', 'commonmark', 'gfm', 'mdx'" in proc.stderr
    assert "Traceback" not in proc.stderr
