"""Each rule's fixture marks every expected problem on its line: <!-- expect: PL201 -->.

The fixture is linted with only its rule selected; the problems found must be exactly
the ones marked, line for line. Each fixture also has a reviewed snapshot of the full
messages and suggestions (tests/snapshots). A test run never writes one: a missing
snapshot fails with the text to review, and `PLAINLINT_UPDATE_SNAPSHOTS=1 pytest
tests/test_rule_fixtures.py` (refused when CI is set) rewrites them.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest
from helpers import lint_path

from linter.config_files import load_config

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
SNAPSHOTS = Path(__file__).parent / "snapshots"
EXPECT = re.compile(r"<!--\s*expect:\s*([A-Z0-9 ,]+?)\s*-->|#\s*expect:\s*([A-Z0-9 ,]+?)\s*$")


def expected(path: Path) -> Counter[tuple[int, str]]:
    found: Counter[tuple[int, str]] = Counter()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for m in EXPECT.finditer(line):
            # In front matter, where HTML comments cannot go, a YAML comment marks it.
            for code in re.split(r"[\s,]+", m.group(1) or m.group(2)):
                found[(number, code)] += 1
    return found


def updating() -> bool:
    """Snapshots are written only when asked for, and never in CI: a test run that
    wrote what it then compares with could not fail."""
    return bool(os.environ.get("PLAINLINT_UPDATE_SNAPSHOTS")) and not os.environ.get("CI")


def fixture_config(path: Path):
    side = path.with_suffix(".yaml")
    return load_config(side) if side.exists() else None


def fixture_rules(path: Path, config) -> tuple[str, ...]:
    """The fixture's rule, or the rules its config selects (PL900 needs others to run)."""
    code = path.stem.split("-")[0]
    if config is not None and config.select:
        assert code in config.select
        return config.select
    return (code,)


FILES = sorted(FIXTURES.glob("*.md"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_fixture_problems_are_exactly_the_marked_ones(path: Path) -> None:
    config = fixture_config(path)
    result = lint_path(path, fixture_rules(path, config), config)
    assert result.error is None and result.skipped is None
    got = Counter((d.line, d.code) for d in result.diagnostics)
    assert got == expected(path)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_fixture_snapshot(path: Path) -> None:
    config = fixture_config(path)
    result = lint_path(path, fixture_rules(path, config), config)
    lines = []
    for d in result.diagnostics:
        lines.append(
            f"{d.line}:{d.column}-{d.end_line}:{d.end_column} {d.code} {d.severity.value} {d.message}"
        )
        lines.extend(f"    help: {s}" for s in d.suggestions)
        if d.fix is not None:
            lines.append(f"    fix ({d.fix.applicability.value}): {d.fix.message}")
            lines.extend(f"        {e.start}-{e.end} -> {e.text!r}" for e in d.fix.edits)
    text = "\n".join(lines) + "\n"
    snapshot = SNAPSHOTS / f"{path.stem}.txt"
    if updating():
        snapshot.write_text(text, encoding="utf-8")
    if not snapshot.exists():
        pytest.fail(
            f"{snapshot.name} is missing. Review this text; if it is right, run "
            f"PLAINLINT_UPDATE_SNAPSHOTS=1 pytest tests/test_rule_fixtures.py to write it:\n\n{text}"
        )
    assert text == snapshot.read_text(encoding="utf-8")


def test_every_rule_has_a_fixture() -> None:
    from linter.rules import all_rules

    codes = {p.stem.split("-")[0] for p in FILES}
    assert {r.code for r in all_rules()} <= codes
