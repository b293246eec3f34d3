"""Output formats. Each is one module here with a `Formatter` class behind one interface:

    Formatter(out, style)   out: where the report goes; style: quiet, colour, width
    .file(result)           called once per file, in a stable order
    .finish(summary)        called once at the end

A class attribute NEEDS_LINES = True asks for the text of each problem's lines. Formats
read the typed fields of results and diagnostics, never their messages. `--format NAME`
picks the module of that name.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from linter.diagnostics import Applicability
from linter.results import FileResult


@dataclass(frozen=True)
class Style:
    quiet: bool = False
    color: bool = False
    # The terminal's width in columns; None when the report does not go to a terminal.
    width: int | None = None


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclass
class Summary:
    files: int = 0
    checked: int = 0
    skipped: int = 0
    errors: int = 0
    problems: int = 0
    blocking: int = 0  # problems at error or warning level: these fail the run
    fixed: int = 0
    fixed_files: list[str] = field(default_factory=list)
    would_fix: int = 0
    would_fix_files: int = 0
    by_code: dict[str, int] = field(default_factory=dict)
    # Problems with a fix, by code: safe (--fix) and unsafe (--unsafe-fixes).
    safe_fixes: dict[str, int] = field(default_factory=dict)
    unsafe_fixes: dict[str, int] = field(default_factory=dict)
    # Problems whose fix was held back because it would change the site's markup.
    not_fixable_here: int = 0
    # With --fix: fixes made and taken back, because each left a new problem.
    taken_back: int = 0
    # With a baseline: problems it hid, and its entries no longer found.
    baseline_hidden: int = 0
    baseline_gone: int = 0
    fix_mode: bool = False

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.fixed += result.fixed
        self.would_fix += result.would_fix
        if result.would_fix:
            self.would_fix_files += 1
        if result.fixed:
            self.fixed_files.append(result.path)
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
            if d.fix is not None:
                table = (
                    self.safe_fixes
                    if d.fix.applicability == Applicability.SAFE
                    else self.unsafe_fixes
                )
                table[d.code] = table.get(d.code, 0) + 1
            elif d.fix_withheld:
                self.not_fixable_here += 1
            elif d.fix_taken_back:
                self.taken_back += 1

    def sentence(self) -> str:
        checked = f"{plural(self.checked, 'article')} checked"
        extra = []
        if self.skipped:
            extra.append(f"{self.skipped} skipped")
        if self.errors:
            extra.append(f"{self.errors} could not be read")
        tail = f" ({', '.join(extra)})" if extra else ""
        if self.fixed:
            files = ", ".join(self.fixed_files[:5]) + (", …" if len(self.fixed_files) > 5 else "")
            head = (
                f"Fixed {plural(self.fixed, 'problem')} in "
                f"{plural(len(self.fixed_files), 'file')} ({files}). "
            )
            left = (
                "No problems left"
                if not self.problems
                else f"{plural(self.problems, 'problem')} left"
            )
            return f"{head}{left}. {checked}{tail}."
        if self.would_fix:
            head = (
                f"Would fix {plural(self.would_fix, 'problem')} in "
                f"{plural(self.would_fix_files, 'file')}"
            )
            return f"{head}; {plural(self.problems, 'problem')} found. {checked}{tail}."
        if self.problems == 0:
            return f"No problems found. {checked}{tail}."
        return f"Found {plural(self.problems, 'problem')}. {checked}{tail}."

    def closing(self) -> list[str]:
        """Lines after the summary: what --fix could do, and the baseline."""
        lines = []
        safe, unsafe = sum(self.safe_fixes.values()), sum(self.unsafe_fixes.values())
        if safe and not self.fix_mode:
            more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
            lines.append(f"{safe} can be fixed with --fix{more}.")
        elif unsafe:
            lines.append(
                f"{unsafe} can be fixed with --fix --unsafe-fixes; read the sentence after."
            )
        if self.not_fixable_here:
            lines.append(
                f"{self.not_fixable_here} not fixable here: the fix would change the site's "
                "markup (a shortcode, tag or template). Fix by hand."
            )
        if self.taken_back:
            each = "it" if self.taken_back == 1 else "each"
            fixes = "fix" if self.taken_back == 1 else "fixes"
            lines.append(
                f"{self.taken_back} {fixes} not made: {each} would leave a new problem "
                "(checked after fixing). Fix by hand."
            )
        if self.baseline_hidden or self.baseline_gone:
            text = f"{plural(self.baseline_hidden, 'problem')} in the baseline not shown."
            if self.baseline_gone:
                entries = "entry" if self.baseline_gone == 1 else "entries"
                text += (
                    f" {self.baseline_gone} baseline {entries} no longer found:"
                    " refresh it with --write-baseline."
                )
            lines.append(text)
        return lines


class Formatter(Protocol):
    NEEDS_LINES: bool

    def __init__(self, out: TextIO, style: Style) -> None: ...

    def file(self, result: FileResult) -> None: ...

    def finish(self, summary: Summary) -> None: ...


def names() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def formatter(name: str) -> type[Formatter]:
    if name not in names():
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{name}").Formatter  # type: ignore[no-any-return]
