"""Where the rule packs (the YAML data under rules/) are found, installed or not."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml


@cache
def packs_dir() -> Path:
    here = Path(__file__).resolve().parent
    installed = here / "_packs"
    if installed.is_dir():
        return installed
    return here.parent / "rules"


@cache
def load_pack(name: str) -> Any:
    """Load one YAML file of the shipped packs, e.g. 'profiles.yaml'."""
    with (packs_dir() / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def pack_files(folder: str) -> list[Path]:
    return sorted((packs_dir() / folder).glob("*.yaml"))
