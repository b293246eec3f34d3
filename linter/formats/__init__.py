"""Output formats. Each is one module here with a `Formatter` class behind one interface:

    Formatter(out, summary_out)   out: where results go; summary_out: where notes go
    .file(result)                 called once per file, in a stable order
    .finish(summary)              called once at the end

`--format NAME` picks the module of that name.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from linter.results import FileResult


@dataclass
class Summary:
    files: int = 0
    checked: int = 0
    skipped: int = 0
    errors: int = 0
    problems: int = 0
    blocking: int = 0  # problems at error or warning level: these fail the run
    fixed: int = 0
    by_code: dict[str, int] = field(default_factory=dict)

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.fixed += result.fixed
        if result.error is not None:
            self.errors += 1
        elif result.skipped is not None:
            self.skipped += 1
        else:
            self.checked += 1
        for d in result.diagnostics:
            self.problems += 1
            if d.severity.value != "info":
                self.blocking += 1
            self.by_code[d.code] = self.by_code.get(d.code, 0) + 1

    def sentence(self) -> str:
        checked = f"{self.checked} article{'s' if self.checked != 1 else ''} checked"
        extra = []
        if self.skipped:
            extra.append(f"{self.skipped} skipped")
        if self.errors:
            extra.append(f"{self.errors} could not be read")
        tail = f" ({', '.join(extra)})" if extra else ""
        fixed = (
            f"Fixed {self.fixed} problem{'s' if self.fixed != 1 else ''}. " if self.fixed else ""
        )
        if self.problems == 0:
            return f"{fixed}No problems found. {checked}{tail}."
        plural = "s" if self.problems != 1 else ""
        if self.fixed:
            return f"{fixed}{self.problems} problem{plural} left. {checked}{tail}."
        return f"Found {self.problems} problem{plural}. {checked}{tail}."


class Formatter(Protocol):
    def __init__(self, out: TextIO, notes: TextIO, quiet: bool = False) -> None: ...

    def file(self, result: FileResult) -> None: ...

    def finish(self, summary: Summary) -> None: ...


def names() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def formatter(name: str) -> type[Formatter]:
    if name not in names():
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{name}").Formatter  # type: ignore[no-any-return]
