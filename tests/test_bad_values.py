"""A bad value anywhere a writer writes YAML is one error line naming the file and the key,
exit 2, and every other file is still checked: front matter (in checked and skipped
articles), config, glossary and lexicon files, in check (one and two processes), report
and stats."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import plainlint_command, run_cli

GOOD = "---\naudienceLevel: patient\n---\n\n# Good\n\nYour prognosis is good.\n"
BOMB = (
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
)


def nested_bomb(levels: int = 8) -> str:
    """One YAML value that holds the whole bomb, anchors and all (9 ** levels items)."""
    value = "&a0 [x, x, x, x, x, x, x, x, x]"
    for k in range(1, levels):
        value = f"&a{k} [{value}, " + ", ".join([f"*a{k - 1}"] * 8) + "]"
    return value


# file name -> (front matter lines, what its one error line must say)
FRONT_MATTER = {
    "feb-30.md": (
        "updated: 2024-02-30",
        "feb-30.md:3: front matter 'updated' ('2024-02-30') is not a real date or time",
    ),
    "month-13.md": (
        "updated: 2024-13-01",
        "month-13.md:3: front matter 'updated' ('2024-13-01') is not a real date",
    ),
    "hour-25.md": (
        "reviewed: 2024-01-01 25:59:43",
        "hour-25.md:3: front matter 'reviewed' ('2024-01-01 25:59:43') is not a real date",
    ),
    "long-number.md": ("views: " + "9" * 5000, "long-number.md:3: front matter 'views' ('9999"),
    "number-key.md": (
        "plainlint: {1: a, foo: b}",
        "number-key.md: front matter 'plainlint.foo' is not a known setting",
    ),
    "int-key.md": (
        "plainlint: {1: a}",
        "int-key.md: front matter 'plainlint.1' is not a known setting",
    ),
    "list-in-date.md": (
        "tags: [a, 2024-02-31]",
        "list-in-date.md:3: front matter 'tags[1]' ('2024-02-31')",
    ),
    "bomb.md": (
        BOMB + "audienceLevel: *h",
        "bomb.md: front matter 'audienceLevel' must be a word such as 'patient', not a list",
    ),
    "deep.md": ("x: " + "[" * 3000 + "]" * 3000, "deep.md:3: front matter is not valid YAML"),
}


def write_site(folder: Path) -> None:
    folder.mkdir()
    (folder / "a-good.md").write_text(GOOD, encoding="utf-8")
    for name, (lines, _) in FRONT_MATTER.items():
        (folder / name).write_text(f"---\naudienceLevel: patient\n{lines}\n---\n\nText.\n")
    # A skipped article (no profile for its audience) is read first, so it is reported too.
    (folder / "skipped-pro.md").write_text(
        "---\naudienceLevel: professional\nupdated: 2024-02-30\n---\n\nText.\n"
    )
    (folder / "z-good.md").write_text(GOOD, encoding="utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_front_matter_values_are_one_line_each(tmp_path: Path, jobs: str) -> None:
    write_site(tmp_path / "site")
    proc = run_cli("check", "--no-cache", "--jobs", jobs, "site", cwd=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stdout + proc.stderr
    errors = proc.stderr.splitlines()
    for name, (_, message) in FRONT_MATTER.items():
        assert [e for e in errors if name in e] == [next(e for e in errors if name in e)]
        assert message in proc.stderr, (name, proc.stderr)
    assert "skipped-pro.md:3: front matter 'updated' ('2024-02-30')" in proc.stderr
    # One line per bad file, each short, and the good files on both sides still checked.
    assert len(errors) == len(FRONT_MATTER) + 1
    assert all(len(e) < 300 for e in errors)
    assert "site/a-good.md:7:6: PL101 'prognosis'" in proc.stdout
    assert "site/z-good.md:7:6: PL101 'prognosis'" in proc.stdout


def test_report_and_stats_name_the_bad_value(tmp_path: Path) -> None:
    write_site(tmp_path / "site")
    report = run_cli("report", "site", "-o", "r.html", cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert "Traceback" not in report.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "is not a real date or time" in html and "site/z-good.md" in html
    for name in ("feb-30.md", "number-key.md", "bomb.md", "long-number.md"):
        proc = run_cli("stats", f"site/{name}", cwd=tmp_path)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, name
        assert proc.stderr.startswith(f"error: site/{name}"), proc.stderr


def test_the_alias_bomb_costs_nothing(tmp_path: Path) -> None:
    """446 bytes that expand to 43 million values: named in a few words, in little memory."""
    (tmp_path / "bomb.md").write_text(f"---\n{BOMB}audienceLevel: *h\n---\n\nText.\n")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "severity.yaml").write_text(f"severity: {{PL101: {nested_bomb()}}}\n")
    code = (
        "import resource, subprocess, sys;"
        "p = subprocess.run(sys.argv[1:], capture_output=True, timeout=60);"
        "m = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
        "print(len(p.stdout) + len(p.stderr), m, p.returncode)"
    )
    for args in (
        ["check", "--no-cache", "bomb.md"],
        ["check", "--no-cache", "--config", "site/severity.yaml", "bomb.md"],
    ):
        out = subprocess.run(
            [sys.executable, "-c", code, *plainlint_command(), *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        size, rss_kb, rc = map(int, out.stdout.split())
        assert rc == 2 and size < 1000, (args, size)
        assert rss_kb < 300_000, rss_kb  # kilobytes; the bomb alone would need gigabytes
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0


CONFIGS = {
    "preset: [nih]": (
        "profiles:\n  patient:\n    preset: [nih]\n",
        "'profiles.patient.preset' must be one of",
    ),
    "severity list": (
        "severity: {PL101: [error]}\n",
        "'severity.PL101' must be error, warning or info, not a list",
    ),
    "severity key": ("severity: {1: error}\n", "'severity' names rules by code, not 1"),
    "number key": ("1: a\nfoo: b\nselect: [PL1]\n", "unknown key 'foo'"),
    "bad date": ("x: 2024-02-30\n", ":1: the config 'x' ('2024-02-30') is not a real date or time"),
    "long number": ("unfamiliar-threshold: " + "9" * 5000 + "\n", "is a number too long to read"),
}


@pytest.mark.parametrize("case", sorted(CONFIGS))
def test_bad_config_values_name_the_file_and_key(tmp_path: Path, case: str) -> None:
    text, message = CONFIGS[case]
    (tmp_path / ".plainlint.yaml").write_text(text)
    (tmp_path / "a.md").write_text(GOOD)
    proc = run_cli("check", "--no-cache", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert ".plainlint.yaml" in proc.stderr and message in proc.stderr, proc.stderr


def test_bad_pyproject_values(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.plainlint]\nx = " + "9" * 5000 + "\n")
    (tmp_path / "a.md").write_text(GOOD)
    proc = run_cli("check", "--no-cache", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "pyproject.toml: not valid TOML" in proc.stderr


@pytest.mark.parametrize(
    "key,text,message",
    [
        ("lexicon", "terms:\n  - {term: x, 1: y, z: w}\n", "entry 1 has an unknown key 'z'"),
        (
            "lexicon",
            "terms:\n  - {term: x, plain: 2024-02-30}\n",
            "lex.yaml:2: the list 'terms[0].plain' ('2024-02-30') is not a real date",
        ),
        (
            "glossary",
            "glossary:\n  - {term: x, url: /g/x, 2: b, a: c}\n",
            "entry 1 has an unknown key 'a'",
        ),
        (
            "glossary",
            "glossary: " + "[" * 3000 + "]" * 3000 + "\n",
            "lex.yaml:1: the list is not valid YAML",
        ),
    ],
)
def test_bad_glossary_and_lexicon_values(tmp_path: Path, key: str, text: str, message: str) -> None:
    (tmp_path / "lex.yaml").write_text(text)
    (tmp_path / ".plainlint.yaml").write_text(f"{key}: [lex.yaml]\n")
    (tmp_path / "a.md").write_text(GOOD)
    (tmp_path / "b.md").write_text(GOOD)
    proc = run_cli("check", "--no-cache", "a.md", "b.md", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert message in proc.stderr, proc.stderr
    assert len(proc.stderr.splitlines()) == 2  # one line for each file
