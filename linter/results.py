"""What one file's check gives: its problems, or why it was skipped or could not be read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linter.config import Profile
from linter.diagnostics import Diagnostic

if TYPE_CHECKING:
    from linter.rules import Rule


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    skipped: str | None = None
    # A skip worth telling the writer about even without --verbose.
    notice: bool = False
    profile: Profile | None = None
    # The text of each line a diagnostic starts on, for formats that show it.
    lines: dict[int, str] = field(default_factory=dict)
    # With --fix or --diff: how many fixes were applied, and the diff they make.
    fixed: int = 0
    diff: str | None = None
    would_fix: int = 0  # with --diff: how many fixes the diff holds
    # The article's reading grade by its profile's metric, and the target it is held to
    # (its front matter's override, else its profile's), for summaries.
    grade: float | None = None
    target: float | None = None


@dataclass(frozen=True)
class Options:
    rules: tuple[Rule, ...]
    audience: str | None = None
    # Whether results carry the text of each problem's line (only 'full' shows it).
    keep_lines: bool = True
