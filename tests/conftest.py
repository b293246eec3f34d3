from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT / "examples" / "pomalidomide-dexamethasone.md"


BIN = Path(sys.executable).parent


def plainlint_command() -> list[str]:
    """The installed plainlint command, as a writer runs it."""
    found = shutil.which("plainlint", path=str(BIN)) or shutil.which("plainlint")
    return [found] if found else [sys.executable, "-m", "linter"]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*plainlint_command(), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture
def seed() -> Path:
    return SEED
