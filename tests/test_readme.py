"""The README's tour shows real output: each line it quotes from a run on the shipped
examples is in that run's output (a '...' line stands for lines left out)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess

import pytest
from conftest import ROOT, plainlint_command

README = (ROOT / "README.md").read_text(encoding="utf-8")
# Console blocks that run plainlint on the shipped examples.
BLOCKS = re.findall(r"```console\n\$ plainlint (check examples[^\n]*)\n(.*?)```", README, re.S)


def test_the_tour_has_its_runs() -> None:
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize(("command", "shown"), BLOCKS, ids=[b[0] for b in BLOCKS])
def test_each_quoted_line_is_in_the_real_output(command: str, shown: str) -> None:
    # As a reader would see it piped: no terminal width (the test runner may set one).
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR")}
    proc = subprocess.run(
        [*plainlint_command(), *shlex.split(command), "--no-cache"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    real = set(proc.stdout.splitlines())
    quoted = [line for line in shown.splitlines() if line.strip() and line != "..."]
    assert quoted
    assert [line for line in quoted if line not in real] == []
