"""What rules report: diagnostics, with optional fixes made of text edits."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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


@dataclass(frozen=True)
class Driver:
    """Something that raises a grade most: a sentence or a long word, and where."""

    kind: str  # "sentence" or "word"
    text: str  # the sentence's first words, or the word
    line: int
    column: int


@dataclass(frozen=True)
class Details:
    """Typed facts a rule reports beside its message, for formats and reports to read
    (they never parse messages)."""

    grade: float | None = None  # a reading grade (PL301, PL302)
    target: float | None = None  # the grade target it was held to
    metric: str | None = None  # the grade formula
    section: str | None = None  # PL302: the section's heading
    drivers: tuple[Driver, ...] = ()  # PL301, PL302: what raises the grade most
    term: str | None = None  # the word or phrase a word rule is about

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            k: v for k, v in asdict(self).items() if v is not None and k != "drivers"
        }
        if self.drivers:
            out["drivers"] = [asdict(d) for d in self.drivers]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Details:
        drivers = tuple(Driver(**d) for d in data.get("drivers", ()))  # type: ignore[arg-type, attr-defined]
        return cls(**{k: v for k, v in data.items() if k != "drivers"}, drivers=drivers)  # type: ignore[arg-type]


@dataclass
class Diagnostic:
    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    suggestions: list[str] = field(default_factory=list)
    fix: Fix | None = None
    details: Details | None = None
    # A fix the rule offered but the engine held back: it would change the site's markup.
    fix_withheld: bool = False
    # With --fix: a fix that was made and taken back, because it left a new problem.
    fix_taken_back: bool = False
    # Filled in by the engine from the rule, the span and the file's line index.
    highlight: str | None = None  # how the HTML report marks it (the rule's HIGHLIGHT)
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
            "highlight": self.highlight,
            "details": self.details.to_dict() if self.details is not None else None,
            "suggestions": list(self.suggestions),
            "fix": fix,
        }
