"""Lint text or files in-process, the way the CLI does, for tests."""

from __future__ import annotations

from pathlib import Path

from linter.config import Config, defaults
from linter.engine import FileResult, Options, lint_source
from linter.rules import selected
from linter.source import SourceFile


def lint_text(
    text: str,
    select: tuple[str, ...] = (),
    config: Config | None = None,
    path: str = "test.md",
    audience: str | None = None,
) -> FileResult:
    config = config or defaults()
    options = Options(tuple(selected(select, ())), audience)
    return lint_source(SourceFile.from_text(path, text), config, options)


def lint_path(path: Path, select: tuple[str, ...] = (), config: Config | None = None) -> FileResult:
    return lint_text(path.read_text(encoding="utf-8"), select, config, path.name)


PATIENT = "---\naudienceLevel: patient\n---\n\n"
