"""What rules report: diagnostics, with optional fixes made of text edits."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Applicability(StrEnum):
    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Edit:
    """Replace the source text between two character offsets with new text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    message: str
    applicability: Applicability
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Span:
    """A range of the original file as character offsets (end exclusive)."""

    start: int
    end: int


@dataclass
class Diagnostic:
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    suggestions: list[str] = field(default_factory=list)
    fix: Fix | None = None
    # Filled in by the engine from the rule, the span and the file's line index.
    scope: str = "lines"  # "article" for problems about the whole article (a grade)
    subject: str = ""  # the words the span covers, spaces collapsed (for fingerprints)
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, object]:
        fix = None
        if self.fix is not None:
            fix = {
                "message": self.fix.message,
                "applicability": self.fix.applicability.value,
                "edits": [{"start": e.start, "end": e.end, "text": e.text} for e in self.fix.edits],
            }
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "subject": self.subject,
            "suggestions": list(self.suggestions),
            "fix": fix,
        }
