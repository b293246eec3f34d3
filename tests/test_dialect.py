"""Which dialect an article is read in: chosen from the site's config file, found in the
article's folder or above it, and from the file's extension, or set in the config; and
`plainlint config --show` says which and why."""

from __future__ import annotations

import json
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


DATA = Path(__file__).parent / "data" / "dialects"


def _stats(path: Path) -> tuple[int, int, float]:
    proc = run_cli("stats", "--format", "json", str(path))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    return data["words"], data["sentences"], data["grades"]["flesch-kincaid"]


@pytest.mark.parametrize("name", ["docusaurus.mdx", "hugo.md", "jekyll.md", "gfm.md", "mkdocs.md"])
def test_each_dialect_article_reads_as_its_reader_view(name: str) -> None:
    # The same words, sentences and grade as the page a reader sees: imports, exports,
    # MDX comments and ':::' lines; Hugo's shortcodes and TOML front matter; Liquid tags,
    # comments, attribute lists and the built table of contents; GitHub's alert marker;
    # MkDocs's admonition and tab markers, abbreviation lines and attribute lists, and
    # the bodies of its admonitions and tabs read as prose, not as indented code.
    # (tests/data/dialects/.plainlint.yaml gives each file its site's dialect.)
    assert _stats(DATA / name) == _stats(DATA / "rendered.md")


MDX = (
    "---\naudienceLevel: patient\n---\n\n"
    "import {\n  Glossary,\n  Tabs,\n} from '@site/src/components';\n"
    "export const meta = {\n  reviewed: '2025-03-01',\n};\n\n"
    "{/* The prognosis here\nis for writers only. */}\n\n"
    "```js\nimport prognosis from 'x';\n```\n\n"
    "The prognosis is good.\n"
)


def test_mdx_blocks_comments_and_code(tmp_path: Path) -> None:
    (tmp_path / "a.mdx").write_text(MDX, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "PL101", "a.mdx", cwd=tmp_path)
    # Only the body's 'prognosis', at its own line and column: the ESM block over lines,
    # the comment over lines and the code block are not prose, and nothing moved.
    assert proc.stdout.splitlines()[0] == (
        "a.mdx:20:5: PL101 'prognosis' is jargon and its first use has no glossary link."
    ), proc.stdout
    assert proc.stdout.count("PL101") == 1


def test_in_a_markdown_file_import_is_a_word(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\naudienceLevel: patient\n---\n\nimport the prognosis into your notes.\n",
        encoding="utf-8",
    )
    proc = run_cli("check", "--no-cache", "--select", "PL101", "a.md", cwd=tmp_path)
    assert "a.md:5:12: PL101 'prognosis'" in proc.stdout, proc.stdout


def test_markup_inside_a_line_moves_nothing(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text("", encoding="utf-8")
    (tmp_path / "a.md").write_text(
        '+++\naudienceLevel = "patient"\n+++\n\n'
        'Ask about {{< glossary "sleep hygiene" >}}, and the prognosis.\n\n'
        "{{% notice tip %}}\nThe regimen is short.\n{{% /notice %}}\n",
        encoding="utf-8",
    )
    proc = run_cli("check", "--no-cache", "--select", "PL101", "a.md", cwd=tmp_path)
    lines = proc.stdout.splitlines()
    # Columns as in the file: the shortcode's words before 'prognosis' are still counted.
    assert lines[0].startswith("a.md:5:"), proc.stdout
    assert "a.md:5:53: PL101 'prognosis'" in proc.stdout, proc.stdout
    # A paired shortcode's body is prose; its tags are not.
    assert "a.md:8:5: PL101 'regimen'" in proc.stdout, proc.stdout


def test_a_jekyll_include_s_content_is_prose(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("", encoding="utf-8")
    (tmp_path / "a.md").write_text(
        ARTICLE + '\n{% include tip.html content="The prognosis is good." %}\n'
        "{% if page.show %}\nEat well.\n{% endif %}\n",
        encoding="utf-8",
    )
    proc = run_cli("check", "--no-cache", "--select", "PL101,PL102,PL104", "a.md", cwd=tmp_path)
    assert proc.stdout.splitlines()[:-1] == [
        "a.md:7:34: PL101 'prognosis' is jargon and its first use has no glossary link."
    ], proc.stdout


def test_fix_never_writes_into_a_shortcode(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text("", encoding="utf-8")
    (tmp_path / "glossary.yaml").write_text(
        (Path(__file__).parent / "fixtures" / "glossary.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    (tmp_path / ".plainlint.yaml").write_text("glossary: [glossary.yaml]\n", encoding="utf-8")
    article = tmp_path / "content" / "health" / "a.md"
    article.parent.mkdir(parents=True)
    article.write_text(
        '+++\naudienceLevel = "patient"\n+++\n\n'
        'The prognosis is good. Ask about {{< glossary "anemia" >}}.\n',
        encoding="utf-8",
    )
    run_cli("check", "--no-cache", "--fix", "--select", "PL101", "content", cwd=tmp_path)
    # The term in prose is linked; the one inside the shortcode is left as it was.
    assert article.read_text(encoding="utf-8").splitlines()[4] == (
        'The [prognosis](/glossary/prognosis) is good. Ask about {{< glossary "anemia" >}}.'
    )


def test_the_cache_knows_when_a_site_file_changes_the_dialect(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.md").write_text(
        ARTICLE + "\n{% if page.show %}\nThe prognosis is good.\n{% endif %}\n", encoding="utf-8"
    )
    first = run_cli("check", "--select", "PL101,PL102", "a.md", cwd=tmp_path)
    assert "endif" in first.stdout, first.stdout
    (tmp_path / "_config.yml").write_text("", encoding="utf-8")
    second = run_cli("check", "--select", "PL101,PL102", "a.md", cwd=tmp_path)
    assert "endif" not in second.stdout, second.stdout


def test_mkdocs_box_and_tab_bodies_are_markdown_at_their_own_columns(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("", encoding="utf-8")
    (tmp_path / "a.md").write_text(
        ARTICLE + '\n!!! danger "Get help"\n    The prognosis is good.\n\n'
        "??? note\n    - the regimen\n    - rest\n\n"
        '=== "At home"\n\n    1. Take your biopsy results to the clinic.\n\n'
        "*[DKA]: diabetic ketoacidosis\n",
        encoding="utf-8",
    )
    proc = run_cli("check", "--no-cache", "--select", "PL101,PL104", "a.md", cwd=tmp_path)
    # The danger box's text, the note's list and the tab's list are prose, each word at
    # its own line and column; the box's title 'Get help' and the tab's label are not.
    assert proc.stdout.splitlines()[:-1] == [
        "a.md:8:9: PL101 'prognosis' is jargon and its first use has no glossary link.",
        "a.md:11:11: PL101 'regimen' is jargon and its first use has no glossary link.",
        "a.md:16:18: PL101 'biopsy' is jargon and its first use has no glossary link.",
    ], proc.stdout


def test_a_list_in_an_admonition_is_a_list(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("", encoding="utf-8")
    note = '??? note "Before you go"\n    - the first thing to do\n    - the second thing to do\n'
    (tmp_path / "a.md").write_text(ARTICLE + "\n" + note, encoding="utf-8")
    (tmp_path / "b.md").write_text(
        ARTICLE + "\n- the first thing to do\n- the second thing to do\n", encoding="utf-8"
    )
    # Two items, as the same list outside the box: never one sentence of both, and the
    # box's title is no sentence.
    assert _stats(tmp_path / "a.md") == _stats(tmp_path / "b.md")


def test_fixes_leave_inline_template_tags_and_code_alone(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("", encoding="utf-8")
    article = tmp_path / "health" / "asthma" / "a.md"
    article.parent.mkdir(parents=True)
    body = (
        "{% if page.utilize %}Then utilize your inhaler.{% endif %}\n\n"
        "{% highlight text %}\nIndividuals utilize code.\n{% endhighlight %}\n"
    )
    article.write_text(ARTICLE + "\n" + body, encoding="utf-8")
    run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", "health", cwd=tmp_path)
    after = article.read_text(encoding="utf-8")
    # The prose is fixed; the Liquid variable and the highlighted code are not touched.
    assert "{% if page.utilize %}Then use your inhaler.{% endif %}" in after, after
    assert "Individuals utilize code." in after, after


def test_a_hugo_ref_in_a_sentence_is_not_prose(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text("", encoding="utf-8")
    (tmp_path / "a.md").write_text(
        ARTICLE + '\nSee {{< ref "utilize-additional.md" >}} today.\n', encoding="utf-8"
    )
    proc = run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", "a.md", cwd=tmp_path)
    assert "utilize" not in proc.stdout, proc.stdout
    assert '{{< ref "utilize-additional.md" >}}' in (tmp_path / "a.md").read_text("utf-8")


@pytest.mark.parametrize("site_file", ["mkdocs.yml", "_config.yml"])
def test_abbreviation_lines_define_short_forms(tmp_path: Path, site_file: str) -> None:
    (tmp_path / site_file).write_text("", encoding="utf-8")
    (tmp_path / "a.md").write_text(
        ARTICLE + "\nYour CGM and your XQZ data help.\n\n*[CGM]: continuous glucose monitor\n",
        encoding="utf-8",
    )
    proc = run_cli("check", "--no-cache", "--select", "PL104", "a.md", cwd=tmp_path)
    # CGM is defined by its abbreviation line; XQZ is not defined anywhere.
    assert "PL104 'CGM'" not in proc.stdout, proc.stdout
    assert "a.md:7:19: PL104 'XQZ'" in proc.stdout, proc.stdout


def test_an_abbr_element_at_the_first_use_defines_the_short_form(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    title = '<abbr title="continuous glucose monitor">CGM</abbr>'
    (tmp_path / "a.md").write_text(
        ARTICLE + f"\nWear a {title}. The CGM reads your sugar.\n", encoding="utf-8"
    )
    (tmp_path / "b.md").write_text(
        ARTICLE + f"\nWear a CGM. The {title} reads your sugar.\n", encoding="utf-8"
    )
    proc = run_cli("check", "--no-cache", "--select", "PL104", ".", cwd=tmp_path)
    # Only b.md's first use, which the element does not explain.
    assert [line for line in proc.stdout.splitlines() if "PL104" in line] == [
        "b.md:7:8: PL104 'CGM' is used before it is spelled out."
    ], proc.stdout


@pytest.mark.parametrize(
    ("site_file", "name", "linked"),
    [
        ("hugo.toml", "a.md", 'Ask about {{< glossary "prognosis" >}} today.'),
        ("docusaurus.config.js", "a.mdx", 'Ask about <Glossary term="x">prognosis</Glossary>.'),
    ],
)
def test_the_site_s_glossary_markup_is_a_glossary_link(
    tmp_path: Path, site_file: str, name: str, linked: str
) -> None:
    (tmp_path / site_file).write_text("", encoding="utf-8")
    (tmp_path / name).write_text(ARTICLE + "\n" + linked + "\n", encoding="utf-8")
    (tmp_path / f"plain-{name}").write_text(
        ARTICLE + "\nAsk about the prognosis today.\n", encoding="utf-8"
    )
    proc = run_cli("check", "--no-cache", "--select", "PL101", ".", cwd=tmp_path)
    # Linked by the site's own markup: no finding; the same term in plain text: one.
    assert "PL101" in proc.stdout and f"plain-{name}:7:" in proc.stdout, proc.stdout
    assert f"\n{name}:" not in "\n" + proc.stdout, proc.stdout


GLOSSARY = "glossary:\n  - term: prognosis\n    url: /glossary/prognosis\n"


@pytest.mark.parametrize(
    ("site_file", "name", "template", "written"),
    [
        ("hugo.toml", "a.md", '{{< glossary "{text}" >}}', '{{< glossary "prognosis" >}}'),
        (
            "docusaurus.config.js",
            "a.mdx",
            '<Glossary term="{slug}">{text}</Glossary>',
            '<Glossary term="prognosis">prognosis</Glossary>',
        ),
        ("mkdocs.yml", "a.md", "[{text}]({href})", "[prognosis](/glossary/prognosis)"),
    ],
)
def test_the_link_fix_writes_the_site_s_own_link(
    tmp_path: Path, site_file: str, name: str, template: str, written: str
) -> None:
    (tmp_path / site_file).write_text("", encoding="utf-8")
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / ".plainlint.yaml").write_text(
        f"glossary: [glossary.yaml]\nlink-template: '{template}'\n", encoding="utf-8"
    )
    (tmp_path / name).write_text(ARTICLE + "\nAsk about the prognosis today.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "PL101", "--fix", name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (
        (tmp_path / name)
        .read_text(encoding="utf-8")
        .endswith(f"\nAsk about the {written} today.\n")
    )
    # Read again in its dialect, the link it wrote is the site's glossary link.
    again = run_cli("check", "--no-cache", "--select", "PL101", name, cwd=tmp_path)
    assert again.returncode == 0, again.stdout


def test_glossary_markup_names_the_site_s_own_components(tmp_path: Path) -> None:
    (tmp_path / "docusaurus.config.js").write_text("", encoding="utf-8")
    (tmp_path / "a.mdx").write_text(
        ARTICLE + "\nAsk about <Term>prognosis</Term> today.\n", encoding="utf-8"
    )
    plain = run_cli("check", "--no-cache", "--select", "PL101", ".", cwd=tmp_path)
    assert "a.mdx:7:" in plain.stdout, plain.stdout
    # Named in the setting, the site's own component is a glossary link.
    (tmp_path / ".plainlint.yaml").write_text("glossary-markup: [Term]\n", encoding="utf-8")
    named = run_cli("check", "--no-cache", "--select", "PL101", ".", cwd=tmp_path)
    assert named.returncode == 0, named.stdout


@pytest.mark.parametrize(
    ("setting", "words"),
    [
        ("link-template: '[x](/glossary/x)'", "'link-template' must be a link with '{text}'"),
        ("glossary-markup: ['<Glossary>']", "'glossary-markup' holds names"),
    ],
)
def test_bad_dialect_settings_are_named(tmp_path: Path, setting: str, words: str) -> None:
    (tmp_path / ".plainlint.yaml").write_text(setting + "\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    proc = run_cli("check", "a.md", cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert words in proc.stderr and ".plainlint.yaml" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "comment",
    [
        "{::comment} plainlint-disable-next-line PL101 {:/comment}",
        "{% comment %} plainlint-disable-next-line PL101 {% endcomment %}",
    ],
)
def test_kramdown_and_liquid_comments_switch_rules_off(tmp_path: Path, comment: str) -> None:
    (tmp_path / "_config.yml").write_text("", encoding="utf-8")
    (tmp_path / "a.md").write_text(
        ARTICLE + f"\n{comment}\nAsk about the prognosis.\n\nAsk about lymphedema.\n",
        encoding="utf-8",
    )
    proc = run_cli("check", "--no-cache", "--select", "PL101,PL900", "a.md", cwd=tmp_path)
    # The line after the comment is not checked; the next paragraph is.
    assert proc.stdout.splitlines()[:-1] == [
        "a.md:10:11: PL101 'lymphedema' is jargon and its first use has no glossary link."
    ], proc.stdout


def test_a_fix_held_back_by_markup_is_counted_as_not_fixable_here(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text("", encoding="utf-8")
    text = (
        '+++\naudienceLevel = "patient"\n+++\n\n'
        'The prognosis is good. Read about your [prognosis]({{< ref "/glossary/prognosis" >}}).\n'
    )
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "PL101", "--fix", "a.md", cwd=tmp_path)
    # Moving the link would rewrite the shortcode that builds its address: the problem is
    # reported, the file is left as it was, and the summary says why.
    assert "a.md:5:5: PL101" in proc.stdout
    assert "1 not fixable here" in proc.stdout + proc.stderr
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == text


def test_a_glossary_include_s_term_is_read_as_the_reader_sees_it(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("", encoding="utf-8")
    (tmp_path / "a.md").write_text(
        ARTICLE + '\nA few get {% include glossary.html term="anemia" %} in time.\n',
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text(ARTICLE + "\nA few get anemia in time.\n", encoding="utf-8")
    assert _stats(tmp_path / "a.md") == _stats(tmp_path / "b.md")


def test_what_real_hugo_sites_write_is_not_prose(tmp_path: Path) -> None:
    # Found by trying plainlint on Docsy and the Hugo docs: alerts with a title, the
    # comment shortcodes themes ship, block attribute lists and Jekyll's numbered TOC.
    (tmp_path / "hugo.toml").write_text("", encoding="utf-8")
    body = (
        "> [!TIP] Before you go\n> Bring your pills.\n\n"
        "{{% comment %}} cSpell:ignore: cette FIXME {{% /comment %}}\n\n"
        "{{< comment >}}\nFIXME: add the prognosis.\n{{< /comment >}}\n\n"
        "Eat well.\n{.lead .text-center}\n"
    )
    (tmp_path / "a.md").write_text(ARTICLE + "\n" + body, encoding="utf-8")
    (tmp_path / "b.md").write_text(
        ARTICLE + "\n> Bring your pills.\n\nEat well.\n", encoding="utf-8"
    )
    assert _stats(tmp_path / "a.md") == _stats(tmp_path / "b.md")
    proc = run_cli("check", "--no-cache", "a.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout


def test_a_numbered_kramdown_toc_is_not_prose(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("", encoding="utf-8")
    (tmp_path / "a.md").write_text(ARTICLE + "\n1. TOC\n{:toc}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(ARTICLE, encoding="utf-8")
    assert _stats(tmp_path / "a.md") == _stats(tmp_path / "b.md")


def test_a_swap_in_a_heading_is_suggested_not_made(tmp_path: Path) -> None:
    # The heading's words make its anchor: links to '#providing-the-store' would break.
    text = ARTICLE + "\n## Providing the Store\n\nSee [below](#providing-the-store).\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", "a.md", cwd=tmp_path)
    assert "PL103" in proc.stdout
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == text


def test_a_link_about_something_else_is_not_moved(tmp_path: Path) -> None:
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / ".plainlint.yaml").write_text("glossary: [glossary.yaml]\n", encoding="utf-8")
    text = ARTICLE + "\nThe prognosis is good. Read [prognosis-tools](/glossary/prognosis).\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    run_cli("check", "--no-cache", "--fix", "--select", "PL101", "a.md", cwd=tmp_path)
    # The first use is linked; the other link, whose words are not the term, stays.
    assert (
        (tmp_path / "a.md")
        .read_text(encoding="utf-8")
        .endswith(
            "\nThe [prognosis](/glossary/prognosis) is good. "
            "Read [prognosis-tools](/glossary/prognosis).\n"
        )
    )
