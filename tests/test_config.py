"""Config files: discovery, settings, and clear errors for bad ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main
from linter.config import ConfigError
from linter.config_files import find_config, load_config

ARTICLE = (
    "---\naudienceLevel: patient\n---\n\n# Title\n\n"
    "This sentence has exactly twelve words in it and no more than that.\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_config_is_found_upward_and_applies(tmp_path: Path) -> None:
    write(tmp_path, ".plainlint.yaml", "profiles:\n  patient:\n    sentence-limit: 10\n")
    article = write(tmp_path, "deep/folder/a.md", ARTICLE)
    assert find_config(article) == tmp_path / ".plainlint.yaml"
    result = run("check", str(article), "--select", "PL201")
    assert result.exit_code == 1
    assert "13 words; the limit is 10" in result.output


def test_pyproject_tool_section(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", "[tool.plainlint]\nignore = ['PL201']\n")
    config = load_config(tmp_path / "pyproject.toml")
    assert config.ignore == ("PL201",)


def test_pyproject_without_section_is_not_a_config(tmp_path: Path) -> None:
    write(tmp_path / "inner", "pyproject.toml", "[project]\nname = 'x'\n")
    write(tmp_path, ".plainlint.yml", "ignore: [PL301]\n")
    assert find_config(tmp_path / "inner" / "x.md") == tmp_path / ".plainlint.yml"


def test_config_option_overrides_discovery(tmp_path: Path) -> None:
    write(tmp_path, ".plainlint.yaml", "profiles:\n  patient:\n    sentence-limit: 10\n")
    other = write(tmp_path, "other.yaml", "profiles:\n  patient:\n    sentence-limit: 11\n")
    article = write(tmp_path, "a.md", ARTICLE)
    result = run("check", str(article), "--select", "PL201", "--config", str(other))
    assert "the limit is 11" in result.output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour: blue\n", "unknown key 'colour'"),
        (
            "profiles:\n  patient:\n    sentence-limt: 9\n",
            "unknown key 'profiles.patient.sentence-limt'",
        ),
        (
            "profiles:\n  patient:\n    sentence-limit: many\n",
            "'profiles.patient.sentence-limit' must be",
        ),
        (
            "profiles:\n  patient:\n    grade-metric: magic\n",
            "'profiles.patient.grade-metric' must be one of",
        ),
        (
            "profiles:\n  patient:\n    grade-target: -3\n",
            "'profiles.patient.grade-target' must be",
        ),
        ("severity:\n  PL201: loud\n", "'severity.PL201' must be error, warning or info"),
        ("glossary-patterns: ['*']\n", "would match every link"),
        ("lexicon: [missing.yaml]\n", "'lexicon' file 'missing.yaml' does not exist"),
        ("select: 3\n", "'select' must be a list"),
        ("fixed-phrases: 3\n", "'fixed-phrases' must be a list"),
        ("fixed-phrases: ['  ']\n", "'fixed-phrases' holds phrases; one is empty"),
        ("profiles: [1, 2\n", "not valid YAML"),
        ("- just\n- a list\n", "must be a list of 'key: value' settings"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    config = write(tmp_path, ".plainlint.yaml", text)
    with pytest.raises(ConfigError) as info:
        load_config(config)
    assert str(config) in str(info.value)
    assert message in str(info.value)
    # Through the CLI: exit 2, one line naming the file, no traceback.
    write(tmp_path, "a.md", ARTICLE)
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.md")])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_unknown_rule_in_config_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, ".plainlint.yaml", "ignore: [PL999]\n")
    write(tmp_path, "a.md", ARTICLE)
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "unknown rule 'PL999'" in result.output


def test_include_and_exclude(tmp_path: Path) -> None:
    write(
        tmp_path,
        ".plainlint.yaml",
        "exclude: ['drafts/**', 'old-*.md']\ninclude: ['*.md', '*.txt']\n",
    )
    write(tmp_path, "a.md", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE)
    write(tmp_path, "old-c.md", ARTICLE)
    write(tmp_path, "drafts/d.md", ARTICLE)
    result = run("check", str(tmp_path), "--select", "PL101", "--verbose")
    assert "2 articles checked" in result.output


def test_severity_override_and_info_does_not_fail(tmp_path: Path) -> None:
    write(
        tmp_path,
        ".plainlint.yaml",
        "severity:\n  PL201: info\nprofiles:\n  patient:\n    sentence-limit: 10\n",
    )
    article = write(tmp_path, "a.md", ARTICLE)
    result = run("check", str(article), "--select", "PL201", "--format", "json")
    assert result.exit_code == 0
    assert '"severity": "info"' in result.output


@pytest.mark.parametrize(
    ("pattern", "address", "expected"),
    [
        ("/glossary/", "/en/glossary/anemia", True),
        ("/glossary/", "/drugs/anemia", False),
        ("popDefinition.aspx", "/Common/PopUps/popDefinition.aspx?id=1", True),
        ("popDefinition.aspx", "/Common/PopUps/popDefinitionXaspx", False),
        ("^/types/", "/types/myeloma", True),
        ("^/types/", "/en/types/myeloma", False),
        ("/drugs/*/patient", "/drugs/pomalidomide/patient", True),
        ("/drugs/*/patient", "/drugs/patient", False),
        ("#glossary$", "/page#glossary", True),
        ("#glossary$", "/page#glossary-2", False),
        ("^/a*b$", "/aXXb", True),
        ("^/ab$", "/ab", True),
        ("^/ab$", "/abc", False),
        ("a*a$", "a", False),
    ],
)
def test_glossary_patterns(pattern: str, address: str, expected: bool) -> None:
    from linter.config import address_matches

    assert address_matches(pattern, address) is expected


def test_a_pattern_is_text_not_a_regular_expression() -> None:
    from linter.config import address_matches

    # As a regular expression, (a+)+$ against this address would backtrack for ages;
    # as plainlint reads it, it is the text "(a+)+" at the end of the address.
    assert not address_matches("(a+)+$", "a" * 100_000 + "!")
    assert address_matches("(a+)+$", "/odd/(a+)+")
