"""--fix, --unsafe-fixes and --diff: edits land exactly, and nothing else changes."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, SEED, run_cli

from linter.cli import main
from linter.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity, Span
from linter.fixes import WriteError, apply_edits, write_fixed
from linter.source import SourceFile

CONFIG = "glossary: [glossary.yaml]\n"
ARTICLE = (
    "---\naudienceLevel: patient\n---\n\n# Your care\n\n"
    "Your prognosis is good. Some people get neutropenia.\n\n"
    "Later we link [neutropenia](/glossary/neutropenia) again.\n"
)


def project(tmp_path: Path, text: str, newline: str = "\n", bom: bool = False) -> Path:
    shutil.copy(FIXTURES / "glossary.yaml", tmp_path / "glossary.yaml")
    (tmp_path / ".plainlint.yaml").write_text(CONFIG, encoding="utf-8")
    article = tmp_path / "article.md"
    data = text.replace("\n", newline).encode("utf-8")
    article.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return article


def fix(*args: str):
    return CliRunner().invoke(main, ["check", "--fix", "--select", "PL101", *args])


def test_fix_links_first_uses_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    article = project(tmp_path, ARTICLE)
    result = fix(str(article))
    assert "Fixed 2 problems" in result.output
    text = article.read_text(encoding="utf-8")
    assert "Your [prognosis](/glossary/prognosis) is good." in text
    assert "Some people get [neutropenia](/glossary/neutropenia)." in text
    assert "Later we link neutropenia again." in text
    once = article.read_bytes()
    again = fix(str(article))
    assert "Fixed" not in again.output
    assert article.read_bytes() == once


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("final_newline", [True, False])
@pytest.mark.parametrize("bom", [True, False])
def test_fix_keeps_line_endings_final_newline_and_bom(
    tmp_path: Path, newline: str, final_newline: bool, bom: bool
) -> None:
    text = ARTICLE if final_newline else ARTICLE.rstrip("\n")
    article = project(tmp_path, text, newline, bom)
    before = article.read_bytes()
    fix(str(article))
    after = article.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") == bom
    assert after.endswith(newline.encode()) == final_newline
    if newline == "\r\n":
        assert after.count(b"\r\n") == before.count(b"\r\n")
        assert after.replace(b"\r\n", b"").count(b"\n") == 0
    # Only the inserted link markup differs.
    removed = before.replace(b"[", b"").replace(b"](/glossary/prognosis)", b"")
    removed = removed.replace(b"](/glossary/neutropenia)", b"")
    assert (
        after.replace(b"[", b"")
        .replace(b"](/glossary/prognosis)", b"")
        .replace(b"](/glossary/neutropenia)", b"")
        == removed
    )


def test_fix_keeps_permissions(tmp_path: Path) -> None:
    article = project(tmp_path, ARTICLE)
    article.chmod(0o640)
    fix(str(article))
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".plainlint")] == []


def test_diff_shows_changes_and_writes_nothing(tmp_path: Path) -> None:
    article = project(tmp_path, ARTICLE)
    before = article.read_bytes()
    result = CliRunner().invoke(main, ["check", "--diff", str(article)])
    assert result.exit_code == 1
    assert "-Your prognosis is good." in result.output
    assert "+Your [prognosis](/glossary/prognosis) is good." in result.output
    assert "Would fix 2 problems in 1 file;" in result.output
    assert article.read_bytes() == before


def test_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("new text on disk\n", encoding="utf-8")
    src = SourceFile.from_text("a.md", "old text read earlier\n")
    with pytest.raises(WriteError, match="changed on disk"):
        write_fixed(path, src, "fixed text\n")
    assert path.read_text(encoding="utf-8") == "new text on disk\n"


def _diag(start: int, end: int, text: str, applicability=Applicability.SAFE) -> Diagnostic:
    fix = Fix("f", applicability, (Edit(start, end, text),))
    return Diagnostic("PL000", "t", Severity.WARNING, "m", Span(start, end), [], fix)


def test_apply_edits_skips_overlaps_front_matter_and_unsafe() -> None:
    text = "0123456789"
    diags = [
        _diag(2, 4, "ab"),
        _diag(3, 5, "XX"),  # overlaps the first: waits for another pass
        _diag(0, 1, "F"),  # inside the protected front matter
        _diag(8, 9, "U", Applicability.UNSAFE),
    ]
    assert apply_edits(text, diags, unsafe=False, protected_end=1) == ("01ab456789", 1)
    assert apply_edits(text, diags, unsafe=True, protected_end=1) == ("01ab4567U9", 2)


def test_fix_on_the_seed_article_through_the_real_cli(tmp_path: Path) -> None:
    article = tmp_path / "seed.md"
    shutil.copy(SEED, article)
    first = run_cli("check", "--fix", "--select", "PL101", str(article))
    assert "Fixed 1 problem" in first.stdout
    assert "open-label" not in first.stdout
    once = article.read_bytes()
    second = run_cli("check", "--fix", "--select", "PL101", str(article))
    assert "Fixed" not in second.stdout
    assert article.read_bytes() == once
    assert os.path.getsize(article) == os.path.getsize(SEED)


def _naive_clash(a, b) -> bool:
    """The rule, written out for two edits: the same start, a shared character, or an
    insertion strictly inside the other's range."""
    if a.start == b.start:
        return True
    if a.start < a.end and b.start < b.end:
        return a.start < b.end and b.start < a.end
    point, span = (a, b) if a.start == a.end else (b, a)
    if point.start == point.end and span.start < span.end:
        return span.start < point.start < span.end
    return False


def test_edit_clashes_match_the_rule_written_out() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from linter.diagnostics import Edit
    from linter.fixes import _Taken

    edit = st.tuples(st.integers(0, 12), st.integers(0, 4)).map(
        lambda t: Edit(t[0], min(t[0] + t[1], 12), "x")
    )

    @settings(max_examples=400, deadline=None)
    @given(st.lists(edit, max_size=6), edit)
    def check(taken: list, new) -> None:
        marks = _Taken(12)
        kept = []
        for e in taken:
            if not any(_naive_clash(e, k) for k in kept):
                marks.take(e)
                kept.append(e)
        assert marks.clashes(new) == any(_naive_clash(new, k) for k in kept), (kept, new)

    check()


def test_edits_outside_the_text_or_in_front_matter_are_never_made() -> None:
    from linter.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity, Span
    from linter.fixes import select_edits

    def diag(*edits: Edit, unsafe: bool = False) -> Diagnostic:
        level = Applicability.UNSAFE if unsafe else Applicability.SAFE
        return Diagnostic(
            "PL101", "x", Severity.WARNING, "m", Span(0, 0), [], Fix("f", level, edits)
        )

    text = "0123456789"
    found = [
        diag(Edit(1, 2, "a")),  # inside the front matter (before 3)
        diag(Edit(3, 4, "b")),
        diag(Edit(5, 11, "c")),  # past the end
        diag(Edit(7, 6, "d")),  # ends before it starts
        diag(Edit(8, 9, "e"), unsafe=True),
        diag(Edit(3, 3, "f")),  # same start as a taken one
        diag(Edit(9, 10, "g")),
    ]
    edits, applied = select_edits(text, found, unsafe=False, protected_end=3)
    assert [e.text for e in edits] == ["b", "g"] and applied == 2
    edits, applied = select_edits(text, found, unsafe=True, protected_end=3)
    assert [e.text for e in edits] == ["b", "e", "g"] and applied == 3
    edits, _ = select_edits(text, [diag(Edit(10, 10, "end"))], unsafe=False)
    assert [e.text for e in edits] == ["end"]
