"""Where the rule packs (the YAML data under rules/) are found, installed or not."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from linter.yamlfile import load_yaml

T = TypeVar("T")


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
    return load_yaml((packs_dir() / name).read_text(encoding="utf-8"))


def pack_files(folder: str) -> list[Path]:
    return sorted((packs_dir() / folder).glob("*.yaml"))


_PARSED = Path(__file__).resolve().parent / "data" / "packs.json"


@cache
def parsed_packs() -> dict[str, Any]:
    """The shipped packs, already parsed (tools/build_packs.py), or {} if missing."""
    try:
        return json.loads(_PARSED.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (OSError, ValueError):
        return {}


def unchanged(path: Path, recorded: str | None) -> bool:
    """Whether a pack file still has the contents whose parsed form was recorded."""
    if recorded is None:
        return False
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == recorded
    except OSError:
        return False


def grouped_table(path: Path, convert: Callable[[str], T]) -> dict[str, T]:
    """Read a derived data file of lines 'VALUE word word ...' into word -> value."""
    table: dict[str, T] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.split()
            table.update(dict.fromkeys(parts[1:], convert(parts[0])))
    return table
