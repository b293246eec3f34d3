"""The plainlint a bench script runs: $PLAINLINT, else the one installed with the Python
that runs the script (as in .venv/bin), else the one on PATH."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path


def plainlint_command() -> str:
    here = Path(sys.executable).with_name("plainlint")
    beside = shlex.quote(str(here)) if here.exists() else "plainlint"
    return os.environ.get("PLAINLINT", beside)
