"""The dialect sets pass the checks of issue 15, read from their own expected.yaml.

tests/data/dialects holds one article in five dialects and its reader view (from
../shared, see its SOURCE.md); tests/data/dialects-own holds ten articles of our own, two
per dialect, each with its reader view. Each folder's .plainlint.yaml gives the site's
dialect, as a site's config would. For every dialect file:

- its words and sentences (plainlint stats) are the reader view's, and its grade is
  within 0.2 of it;
- its PL101, PL102, PL104 and PL201 findings are the reader view's, apart from a term
  the dialect defines in its own markup (<abbr title>, '*[X]:', a definition list);
- every glossary link and definition that expected.yaml lists is recognised;
- no prose is read on a markup line or inside a markup span, and every line expected
  to hold prose does;
- no finding points at a markup line;
- `--fix --unsafe-fixes` changes no markup and leaves no link inside another.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import run_cli

from linter.config_files import ConfigSet
from linter.dialect import choose_dialect, hidden_ranges
from linter.document import Document
from linter.engine import load_document
from linter.frontmatter import parse_front_matter
from linter.source import read_source

DATA = Path(__file__).parent / "data"
RULES = "PL101,PL102,PL104,PL201"


def _cases() -> list[tuple[Path, str, str]]:
    """(folder, dialect file, reader view) for every dialect file of both sets."""
    cases = []
    for expected in sorted(
        [DATA / "dialects" / "expected.yaml", *(DATA / "dialects-own").glob("*/expected.yaml")]
    ):
        data = yaml.safe_load(expected.read_text(encoding="utf-8"))
        view = data["reader_view"]
        for name in data["files"]:
            if name != view:
                cases.append((expected.parent, name, view))
    return cases


CASES = _cases()
IDS = [f"{folder.name}/{name}" for folder, name, _ in CASES]


def _expected(folder: Path) -> dict[str, Any]:
    return yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))


def _json(*args: str, cwd: Path) -> Any:
    proc = run_cli(*args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def _findings(folder: Path, name: str) -> list[dict[str, Any]]:
    return _json("check", "--no-cache", "--format", "json", "--select", RULES, name, cwd=folder)


def _document(path: Path) -> Document:
    config = ConfigSet(None).for_path(path)
    doc = load_document(read_source(path, path.name), config, None)
    assert isinstance(doc, Document), doc
    return doc


def _prose_lines(doc: Document) -> Counter[int]:
    """How many characters of prose each line of the file holds."""
    lines: Counter[int] = Counter()
    for unit in doc.units:
        for i, ch in enumerate(unit.text):
            if not ch.isspace():
                lines[doc.source.position(unit.offset(i))[0]] += 1
    return lines


def _prose_offsets(doc: Document) -> set[int]:
    return {
        unit.offset(i) for unit in doc.units for i, ch in enumerate(unit.text) if not ch.isspace()
    }


def _defined_by_markup(entry: dict[str, Any]) -> bool:
    """A definition the dialect's markup gives (not one written in place)."""
    return not str(entry.get("via", "")).startswith("in place")


@pytest.mark.parametrize(("folder", "name", "view"), CASES, ids=IDS)
def test_words_sentences_and_grade_are_the_reader_view_s(
    folder: Path, name: str, view: str
) -> None:
    mine = _json("stats", "--format", "json", name, cwd=folder)
    reader = _json("stats", "--format", "json", view, cwd=folder)
    assert (mine["words"], mine["sentences"]) == (reader["words"], reader["sentences"])
    fk = "flesch-kincaid"
    assert abs(mine["grades"][fk] - reader["grades"][fk]) <= 0.2


@pytest.mark.parametrize(("folder", "name", "view"), CASES, ids=IDS)
def test_findings_are_the_reader_view_s(folder: Path, name: str, view: str) -> None:
    defined = [
        d["term"]
        for d in _expected(folder)["files"][name].get("definitions", [])
        if _defined_by_markup(d)
    ]

    def key(d: dict[str, Any]) -> tuple[str, str]:
        # A long sentence's text holds the dialect's markup; its length is what counts.
        return d["code"], d["message"] if d["code"] == "PL201" else d["subject"].lower()

    mine = Counter(key(d) for d in _findings(folder, name))
    reader = Counter(
        key(d)
        for d in _findings(folder, view)
        # What the dialect defines in its markup, the reader view can only say in words.
        if d["code"] == "PL201"
        or not any(term.lower() in d["subject"].lower().split() for term in defined)
    )
    assert mine == reader


@pytest.mark.parametrize(("folder", "name", "view"), CASES, ids=IDS)
def test_glossary_links_and_definitions_are_recognised(folder: Path, name: str, view: str) -> None:
    spec = _expected(folder)["files"][name]
    doc = _document(folder / name)
    for link in spec.get("glossary_links", []):
        found = False
        for unit in doc.units:
            at = unit.text.lower().find(link["text"].lower())
            if at < 0 or doc.source.position(unit.offset(at))[0] != link["line"]:
                continue
            hit = unit.link_at(at)
            found = (
                hit is not None and doc.is_definition_link(hit.href, link["text"])
            ) or doc.in_glossary_markup(unit.offset(at))
            if found:
                break
        assert found, f"{name}:{link['line']}: glossary link {link['text']!r} not recognised"
    acronyms = [
        d["term"]
        for d in spec.get("definitions", [])
        if d["term"].isupper() and _defined_by_markup(d)
    ]
    reported = {d["subject"] for d in _findings(folder, name) if d["code"] == "PL104"}
    assert not reported & set(acronyms)


@pytest.mark.parametrize(("folder", "name", "view"), CASES, ids=IDS)
def test_markup_is_never_prose(folder: Path, name: str, view: str) -> None:
    spec = _expected(folder)["files"][name]
    doc = _document(folder / name)
    prose = _prose_lines(doc)
    markup_lines = {m["line"] for m in spec.get("markup_lines", [])}
    assert not markup_lines & set(prose), "prose read on a markup line"
    for line in spec.get("prose_lines", []):
        assert prose[line["line"]], f"{name}:{line['line']}: prose not read"
    offsets = _prose_offsets(doc)
    lines = doc.source.text.splitlines(keepends=True)
    for span in spec.get("markup_spans", []):
        if "reader sees" in str(span.get("what", "")):
            continue  # a glossary shortcode: its term is prose, the rest is not
        line_start = sum(len(x) for x in lines[: span["line"] - 1])
        at = lines[span["line"] - 1].find(span["text"])
        assert at >= 0, span
        inside = set(range(line_start + at, line_start + at + len(span["text"])))
        assert not inside & offsets, f"{name}:{span['line']}: {span['text']!r} read as prose"
    everything = _json("check", "--no-cache", "--format", "json", name, cwd=folder)
    assert not [d for d in everything if d["line"] in markup_lines]


def _markup(path: Path) -> list[str]:
    """The dialect's markup in the file, piece by piece, as written."""
    src = read_source(path, path.name)
    config = ConfigSet(None).for_path(path)
    dialect = choose_dialect(path, config.dialect).name
    start = parse_front_matter(src).body_start
    ranges = hidden_ranges(src.text[start:], dialect, start, config.glossary_markup)
    return [src.text[a:b] for a, b in ranges]


def test_fixes_change_no_markup_and_nest_no_link(tmp_path: Path) -> None:
    changed = 0
    for folder in sorted({case[0] for case in CASES}):
        copy = tmp_path / folder.name
        shutil.copytree(folder, copy)
        spec = _expected(folder)
        terms = {
            link["text"].lower()
            for entry in spec["files"].values()
            for link in entry.get("glossary_links", [])
        } | {
            d["term"].lower()
            for entry in spec["files"].values()
            for d in entry.get("definitions", [])
        }
        # A site glossary with every term, and links wanted even where a term is
        # explained: plainlint offers a link fix at every first use it can.
        glossary = [{"term": t, "url": "/glossary/" + t.replace(" ", "-")} for t in sorted(terms)]
        (copy / "site-glossary.yaml").write_text(yaml.safe_dump({"glossary": glossary}))
        config = copy / ".plainlint.yaml"
        config.write_text(
            config.read_text(encoding="utf-8")
            + "\nglossary: [site-glossary.yaml]\njargon-policy: link\n",
            encoding="utf-8",
        )
        names = [n for n in spec["files"] if n != spec["reader_view"]]
        before = {n: _markup(copy / n) for n in names}
        texts = {n: (copy / n).read_text(encoding="utf-8") for n in names}
        proc = run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", *names, cwd=copy)
        assert proc.returncode in (0, 1), proc.stderr
        for n in names:
            path = copy / n
            changed += path.read_text(encoding="utf-8") != texts[n]
            assert _markup(path) == before[n], f"{folder.name}/{n}: --fix changed markup"
            doc = _document(path)
            spans = sorted(
                [(link.source.start, link.source.end) for u in doc.units for link in u.links]
                + list(doc.glossary_terms)
            )
            for (_, end), (start, _) in pairwise(spans):
                assert end <= start, f"{folder.name}/{n}: --fix nested a link"
    # The check means something only if fixes were made.
    assert changed >= 5
