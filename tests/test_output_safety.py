"""No article text, file name or YAML key can spoof plainlint's output: control
characters, newlines, bidirectional marks and bytes that are not UTF-8 are shown as
visible escapes in every format and every message, and never crash a format."""

from __future__ import annotations

import json
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import plainlint_command, run_cli

OSC52 = "\x1b]52;c;ZWNobyBoaQ==\x07"  # writes the terminal's clipboard
RLO = "\u202e"  # right-to-left override: shows the text after it backwards
LONG = (
    "this sentence goes on and on with many more words than any patient should need to "
    "read at once, and then some more words to be sure."
)
ARTICLE = (
    "---\naudienceLevel: patient\n---\n\n# Title\n\n"
    f"Your prognosis {OSC52}is good{RLO} and {LONG}\n"
)
FORMATS = ("concise", "full", "json", "github", "sarif", "gitlab", "junit")
UNSAFE = ("\x1b", "\x07", RLO, "\u2028", "\r")


def run_bytes(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*plainlint_command(), *args], cwd=cwd, capture_output=True, timeout=120)


def test_a_newline_in_a_file_name_cannot_fake_a_result_line(tmp_path: Path) -> None:
    name = "a.md\nfake.md:1:1: PL999 All clear.md"
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    for fmt in ("concise", "full"):
        proc = run_cli("check", "--no-cache", "--format", fmt, ".", cwd=tmp_path)
        assert proc.returncode == 1
        assert not any(line.startswith("fake.md") for line in proc.stdout.splitlines())
        assert "a.md\\x0afake.md:1:1: PL999 All clear.md:7:6: PL101" in proc.stdout
    github = run_cli("check", "--no-cache", "--format", "github", ".", cwd=tmp_path)
    assert all(line.startswith("::") for line in github.stdout.splitlines())


def test_escapes_in_article_text_never_reach_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    outputs = [
        run_cli("check", "--no-cache", "--format", fmt, "a.md", cwd=tmp_path).stdout
        for fmt in FORMATS
    ]
    outputs += [
        run_cli("stats", "a.md", cwd=tmp_path).stdout,
        run_cli("stats", "--sentences", "a.md", cwd=tmp_path).stdout,
        run_cli("stats", "--words", "a.md", cwd=tmp_path).stdout,
        run_cli("stats", "--format", "json", "--sentences", "a.md", cwd=tmp_path).stdout,
    ]
    for out in outputs:
        assert out and not any(ch in out for ch in UNSAFE), out[:200]
    # The text is still there, as escapes: JSON keeps it exactly as data.
    data = json.loads(outputs[2])
    split = next(d for d in data if d["code"] == "PL201")["suggestions"][0]
    assert "\\u202e" not in split  # the parsed text holds the real character ...
    assert RLO in json.dumps(data, ensure_ascii=False) or "\\u202e" in outputs[2]
    assert "\\x1b]52;c;ZWNobyBoaQ==\\x07is good\\u202e" in outputs[7]  # stats --sentences


def test_skip_reasons_and_errors_are_escaped(tmp_path: Path) -> None:
    # YAML's own escapes (\e, \a) put the terminal sequence into the audience's name.
    (tmp_path / "a.md").write_text(
        '---\naudienceLevel: "pro\\e]52;c;ZWNo\\a"\n---\n\nText.\n', encoding="utf-8"
    )
    (tmp_path / "b.md").write_text(
        '---\naudienceLevel: patient\nplainlint: {"x\\nfake.md:1:1: PL999": 1}\n---\n\nText.\n',
        encoding="utf-8",
    )
    proc = run_cli("check", "--no-cache", "--verbose", ".", cwd=tmp_path)
    assert not any(ch in proc.stderr for ch in UNSAFE)
    assert "\\x1b]52" in proc.stderr
    assert "plainlint.x\\x0afake.md:1:1: PL999' is not a known setting" in proc.stderr
    assert not any(line.startswith("fake.md") for line in proc.stderr.splitlines())


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_name_that_is_not_utf8_works_in_every_format(tmp_path: Path, fmt: str) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.md"
    with open(name, "wb") as fh:
        fh.write(ARTICLE.encode("utf-8"))
    proc = run_bytes(["check", "--no-cache", "--format", fmt, "."], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert b"Traceback" not in proc.stderr
    out = proc.stdout.decode("utf-8")  # always valid UTF-8
    if fmt in ("json", "sarif", "gitlab"):
        # The name, escaped, is the data: 'caf\xe9.md' (percent-encoded in a SARIF uri).
        text = json.dumps(json.loads(out))
        assert "caf\\\\xe9.md" in text or "caf%5Cxe9.md" in text, text[:300]
    else:
        assert "caf\\xe9.md" in out
    if fmt == "junit":
        ET.fromstring(out)


def test_json_formats_escape_the_marks_that_reorder_text(tmp_path: Path) -> None:
    name = f"dose{RLO}dm.md"  # shows as 'dosemd.md' reversed: a name that lies
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    for fmt in ("json", "sarif", "gitlab", "junit", "github"):
        out = run_cli("check", "--no-cache", "--format", fmt, ".", cwd=tmp_path).stdout
        assert RLO not in out and "\x1b" not in out, fmt
        assert "u202e" in out, fmt
