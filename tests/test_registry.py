"""The rule registry: one checked table, and what adding a rule takes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import types
from pathlib import Path

import pytest
from conftest import ROOT

from linter.options import Option
from linter.rules import (
    DOC_SECTIONS,
    RegistryError,
    all_rules,
    build_registry,
    doc_sections,
)

TESTS = Path(__file__).parent
DOC = "\n\n".join(f"## {s}\nText." for s in DOC_SECTIONS)


def copy_env(copy: Path) -> dict[str, str]:
    """Run Python on a copy of plainlint: the copy first on the path, then the installed
    packages, with no site hooks (an editable install's hook would find this checkout)."""
    path = os.pathsep.join([str(copy), sysconfig.get_paths()["purelib"]])
    return {**os.environ, "PYTHONPATH": path}


PYTHON = [sys.executable, "-S"]


def module(name: str, **attrs: object) -> tuple[str, types.ModuleType]:
    m = types.ModuleType(f"linter.rules.{name}", DOC)
    defaults = {
        "CODE": "PL" + name[2:5],
        "NAME": name[6:].replace("_", "-"),
        "SEVERITY": "warning",
        "SUMMARY": "Something",
        "TAGS": ("words",),
        "check": lambda doc, report: None,
    }
    for key, value in {**defaults, **attrs}.items():
        if value is not None:
            setattr(m, key, value)
    return name, m


def test_a_well_formed_rule_is_registered_with_its_group() -> None:
    [rule] = build_registry([module("pl199_good_rule")])
    assert (rule.code, rule.name, rule.group) == ("PL199", "good-rule", "words")


@pytest.mark.parametrize(
    ("modules", "message"),
    [
        ([module("pl199_b", CODE="PL198")], "CODE and NAME must be 'PL199' and 'b'"),
        ([module("pl199_a"), module("pl198_a", NAME="a")], "both use 'a'"),
        ([module("pl199_a", SEVERITY="loud")], "SEVERITY must be error, warning or info"),
        ([module("pl199_a", SUMMARY=None)], "it must define SUMMARY"),
        ([module("pl199_a", SUMMARY=" ")], "SUMMARY must say"),
        ([module("pl199_a", TAGS="words")], "TAGS must be a tuple"),
        ([module("pl199_a", check=3)], "check must be a function"),
        ([module("pl199_a", HIGHLIGHT="glow")], "HIGHLIGHT must be one of"),
        ([module("pl199_a", SCOPE="page")], "SCOPE must be one of"),
        ([module("pl199_a", OPTIONS=("x",))], "OPTIONS must be a tuple of Option"),
        ([module("pl499_a")], "no group for codes PL4xx"),
        ([module("rule_a")], "name it pl<3 digits>_<name>.py"),
        (
            [
                module("pl199_a", OPTIONS=(Option("x", int, 0, 9, "x"),)),
                module("pl198_b", OPTIONS=(Option("x", int, 0, 9, "x"),)),
            ],
            "both declare the option 'x'",
        ),
    ],
)
def test_a_malformed_rule_is_refused_with_a_clear_message(
    modules: list[tuple[str, types.ModuleType]], message: str
) -> None:
    with pytest.raises(RegistryError, match=message.replace("(", r"\(").replace(".", r"\.")):
        build_registry(modules)


def test_docstring_sections_are_checked_in_order_outside_examples() -> None:
    name, m = module("pl199_a")
    m.__doc__ = DOC.replace("## Fix safety", "## Fixes")
    with pytest.raises(RegistryError, match="sections must be What it does"):
        build_registry([(name, m)])
    example = "## Example\n```markdown\n## A heading in the example\n```"
    assert doc_sections(DOC.replace("## Example\nText.", example)) == list(DOC_SECTIONS)


def test_every_shipped_rule_has_a_fixture_and_a_reviewed_snapshot() -> None:
    fixtures = TESTS / "fixtures" / "rules"
    for rule in all_rules():
        stems = [p.stem for p in fixtures.glob(f"{rule.code}*.md")]
        assert stems, f"{rule.code} has no fixture in tests/fixtures/rules"
        for stem in stems:
            assert (TESTS / "snapshots" / f"{stem}.txt").is_file(), f"{stem} has no snapshot"


def test_every_rule_doc_is_printed_with_its_options(tmp_path: Path) -> None:
    from conftest import run_cli

    for rule in all_rules():
        out = run_cli("rule", rule.code).stdout
        assert all(f"## {s}\n" in out for s in DOC_SECTIONS), rule.code
        for option in rule.options:
            assert f"`{option.name}` (default {option.default:g}" in out


NEW_RULE = '''"""## What it does
Finds the word 'obviously'.

## Why is this bad?
What is obvious to the writer is not to the reader.

## Example
```markdown
Obviously, rest helps.
```

## Use instead
```markdown
Rest helps.
```

## Fix safety
None.

## Options
None.

## References
None.
"""

from linter.document import Document
from linter.options import Option
from linter.rules import Report

CODE = "PL299"
NAME = "obvious-word"
SEVERITY = "warning"
SUMMARY = "The word 'obviously'"
TAGS = ("words",)
OPTIONS = (Option("obvious-limit", int, 0, 9, "how many times it may appear"),)


def check(doc: Document, report: Report) -> None:
    limit = doc.config.option("obvious-limit")
    seen = 0
    for sentence in doc.sentences:
        for word in sentence.words:
            if word.text.lower() == "obviously":
                seen += 1
                if seen > limit:
                    unit = sentence.unit
                    report(unit.span(word.start, word.end), "Leave out 'obviously'.")
'''
FIXTURE = (
    "---\naudienceLevel: patient\n---\n\n# Rest\n\nObviously, rest helps. <!-- expect: PL299 -->\n"
)


def test_a_new_rule_needs_its_module_its_fixture_and_its_snapshot_only(tmp_path: Path) -> None:
    """Copy plainlint, add one rule the way a contributor would, and use it: no other file
    is edited. (Its data file, when it has one, goes in rules/.)"""
    copy = tmp_path / "plainlint"
    shutil.copytree(ROOT / "linter", copy / "linter", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", copy / "rules")
    before = {p.relative_to(copy) for p in copy.rglob("*") if p.is_file()}
    (copy / "linter" / "rules" / "pl299_obvious_word.py").write_text(NEW_RULE, encoding="utf-8")
    (copy / "rules" / "options.yaml").write_text(
        (ROOT / "rules" / "options.yaml").read_text(encoding="utf-8") + "  obvious-limit: 0\n",
        encoding="utf-8",
    )
    fixture = copy / "tests" / "fixtures" / "rules" / "PL299.md"
    fixture.parent.mkdir(parents=True)
    fixture.write_text(FIXTURE, encoding="utf-8")
    env = copy_env(copy)

    def plainlint(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*PYTHON, "-m", "linter", *args],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    where = subprocess.run(
        [*PYTHON, "-c", "import linter; print(linter.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert where.stdout.startswith(str(copy)), where.stdout
    assert "PL299  obvious-word" in plainlint("rules").stdout
    assert (
        "`obvious-limit` (default 0, at the top of the config)" in plainlint("rule", "PL299").stdout
    )
    found = plainlint("check", "--no-cache", "--select", "PL299", str(fixture))
    assert found.returncode == 1 and ":7:1: PL299 Leave out 'obviously'." in found.stdout
    # Its option is a config key now, checked by its own rule.
    (copy / "tests" / ".plainlint.yaml").write_text("obvious-limit: 1\n", encoding="utf-8")
    assert plainlint("check", "--no-cache", "--select", "PL299", str(fixture)).returncode == 0
    (copy / "tests" / ".plainlint.yaml").write_text("obvious-limit: 99\n", encoding="utf-8")
    bad = plainlint("check", "--no-cache", str(fixture))
    assert (
        bad.returncode == 2 and "'obvious-limit' must be a whole number from 0 to 9" in bad.stderr
    )
    (copy / "tests" / ".plainlint.yaml").unlink()
    snapshot = copy / "tests" / "snapshots" / "PL299.txt"
    snapshot.parent.mkdir()
    snapshot.write_text("7:1-7:10 PL299 warning Leave out 'obviously'.\n", encoding="utf-8")
    after = {
        p.relative_to(copy) for p in copy.rglob("*") if p.is_file() and "__pycache__" not in str(p)
    }
    changed = {p for p in before if (copy / p).read_bytes() != ((ROOT / p).read_bytes())}
    assert sorted(map(str, after - before)) == [
        "linter/rules/pl299_obvious_word.py",
        "tests/fixtures/rules/PL299.md",
        "tests/snapshots/PL299.txt",
    ]
    assert sorted(map(str, changed)) == ["rules/options.yaml"]  # its data


def test_a_broken_rule_module_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    copy = tmp_path / "plainlint"
    shutil.copytree(ROOT / "linter", copy / "linter", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", copy / "rules")
    (copy / "linter" / "rules" / "pl299_obvious_word.py").write_text(
        NEW_RULE.replace('NAME = "obvious-word"', 'NAME = "long-sentence"'), encoding="utf-8"
    )
    proc = subprocess.run(
        [*PYTHON, "-m", "linter", "check", str(ROOT / "examples")],
        cwd=tmp_path,
        env=copy_env(copy),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "error: plainlint's rules cannot be loaded: rule module pl299_obvious_word.py" in (
        proc.stderr
    )
    assert "Traceback" not in proc.stderr
