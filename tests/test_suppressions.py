"""Suppression comments through the real CLI: what they name, their reasons, and PL900."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

HEAD = "---\naudienceLevel: patient\n---\n\n# Your treatment\n\n"
LONG = (
    "This sentence is long on purpose and it goes on and on so that it passes the limit of "
    "twenty five words that the patient profile sets for every sentence.\n"
)


def check(tmp_path: Path, body: str, *args: str, head: str = HEAD):
    (tmp_path / "a.md").write_text(head + body, encoding="utf-8")
    return run_cli("check", "--no-cache", "--select", "PL201,PL900", *args, "a.md", cwd=tmp_path)


def reported(out: str) -> list[str]:
    return [line.split(": ", 1)[1].split()[0] for line in out.splitlines() if ": PL" in line]


def test_codes_prefixes_and_names_all_switch_rules_off(tmp_path: Path) -> None:
    assert reported(check(tmp_path, LONG).stdout) == ["PL201"]
    for word in ("PL201", "PL2", "long-sentence", "pl201"):
        body = f"<!-- plainlint-disable-next-line {word} -->\n{LONG}"
        proc = check(tmp_path, body)
        assert proc.returncode == 0, (word, proc.stdout)
        assert reported(proc.stdout) == []
    region = f"<!-- plainlint-disable long-sentence -->\n{LONG}<!-- plainlint-enable -->\n\n{LONG}"
    assert [line.split(":")[1] for line in check(tmp_path, region).stdout.splitlines()[:1]] == [
        "11"
    ]


def test_text_after_two_dashes_is_a_reason(tmp_path: Path) -> None:
    body = f"<!-- plainlint-disable-next-line PL201 -- the speaker's own words -->\n{LONG}"
    proc = check(tmp_path, body)
    assert proc.returncode == 0 and reported(proc.stdout) == []


def test_a_typo_or_a_reason_without_dashes_is_reported_and_suppresses_nothing(
    tmp_path: Path,
) -> None:
    proc = check(tmp_path, f"<!-- plainlint-disable-next-line PL2O1 -->\n{LONG}")
    assert reported(proc.stdout) == ["PL900", "PL201"]
    assert "'PL2O1' is not a rule" in proc.stdout
    reason = check(tmp_path, f"<!-- plainlint-disable-next-line PL201 a quote -->\n{LONG}")
    assert "'a' and 'quote' are not rules" in reason.stdout
    front = "---\naudienceLevel: patient\nplainlint:\n  ignore: [long-sentense]\n---\n\n"
    typo = check(tmp_path, LONG, head=front)
    assert "'long-sentense' in the front matter's 'ignore' list is not a rule." in typo.stdout
    assert (
        "Did you mean 'long-sentence'?"
        in run_cli("check", "--no-cache", "--format", "full", "a.md", cwd=tmp_path).stdout
    )


def test_front_matter_ignore_takes_names(tmp_path: Path) -> None:
    front = "---\naudienceLevel: patient\nplainlint:\n  ignore: [long-sentence]\n---\n\n"
    assert reported(check(tmp_path, LONG, head=front).stdout) == []


def test_an_unused_suppression_is_reported_and_fix_removes_it(tmp_path: Path) -> None:
    body = (
        "<!-- plainlint-disable PL201 -->\nTake one tablet a day.\n<!-- plainlint-enable PL201 -->\n"
        "\nDrink water. <!-- plainlint-disable-next-line PL201 -->\n"
        "Rest when you can.\n"
    )
    proc = check(tmp_path, body)
    assert proc.returncode == 1
    assert reported(proc.stdout) == ["PL900", "PL900"]
    assert "This comment switches off PL201, but nothing here needed it." in proc.stdout
    fixed = check(tmp_path, body, "--fix")
    assert fixed.returncode == 0, fixed.stdout
    text = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert text == HEAD + "Take one tablet a day.\n\nDrink water.\nRest when you can.\n"
    # A suppression that is used stays, and one for a rule that did not run is not judged.
    kept = f"<!-- plainlint-disable-next-line PL201 -->\n{LONG}"
    assert reported(check(tmp_path, kept).stdout) == []
    other = "<!-- plainlint-disable-next-line PL101 -->\nTake one tablet.\n"
    assert reported(check(tmp_path, other).stdout) == []


def test_disable_next_line_leaves_the_line_before_it_alone(tmp_path: Path) -> None:
    body = LONG + "<!-- plainlint-disable-next-line PL201 -->\n" + LONG
    proc = check(tmp_path, body)
    assert [line.split(":")[1] for line in proc.stdout.splitlines() if ": PL" in line] == ["7"]
