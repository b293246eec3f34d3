"""Each dialect's fixture marks its expected problems in the dialect's own comments, on
the line of the problem: {/* expect: PL201 */} in MDX and Docusaurus, {{/* expect: PL201
*/}} in Hugo, {% comment %} expect: PL201 {% endcomment %} in Jekyll, <!-- expect: PL201
--> in GitHub's Markdown and MkDocs. The folder is checked by the real CLI; the problems
found must be exactly the ones marked, file by file and line by line. Every fixture also
holds a suppression comment in its dialect's form, glossary links and definitions in its
own form, and markup that must not be read as prose.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from conftest import run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "dialects"
MARKERS = {
    "hugo.md": re.compile(r"\{\{/\*\s*expect:\s*([A-Z0-9 ,]+?)\s*\*/\}\}"),
    "jekyll.md": re.compile(r"\{% comment %\}\s*expect:\s*([A-Z0-9 ,]+?)\s*\{% endcomment %\}"),
    "docusaurus.mdx": re.compile(r"\{/\*\s*expect:\s*([A-Z0-9 ,]+?)\s*\*/\}"),
    "mdx.mdx": re.compile(r"\{/\*\s*expect:\s*([A-Z0-9 ,]+?)\s*\*/\}"),
    "mkdocs.md": re.compile(r"<!--\s*expect:\s*([A-Z0-9 ,]+?)\s*-->"),
    "gfm.md": re.compile(r"<!--\s*expect:\s*([A-Z0-9 ,]+?)\s*-->"),
}


def _marked() -> Counter[tuple[str, int, str]]:
    found: Counter[tuple[str, int, str]] = Counter()
    for name, marker in MARKERS.items():
        lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            for m in marker.finditer(line):
                for code in re.split(r"[\s,]+", m.group(1)):
                    found[(name, number, code)] += 1
    return found


def test_every_dialect_has_a_fixture_with_markers() -> None:
    names = {p.name for p in FIXTURES.iterdir() if p.suffix in (".md", ".mdx")}
    assert names == set(MARKERS)
    marked = _marked()
    for name in MARKERS:
        assert any(key[0] == name for key in marked), f"{name} marks no problem"


def test_dialect_fixture_problems_are_exactly_the_marked_ones() -> None:
    proc = run_cli("check", "--no-cache", "--format", "json", ".", cwd=FIXTURES)
    assert proc.returncode == 1, proc.stderr
    got = Counter((Path(d["path"]).name, d["line"], d["code"]) for d in json.loads(proc.stdout))
    assert got == _marked()
