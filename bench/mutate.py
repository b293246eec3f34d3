"""Mutation testing: break the core modules on purpose and see whether the suite notices.

For each core module, a seeded sample of small mutants is made, one at a time: a
comparison turned round (< to <=, == to !=), + to -, and to or, True to False, a
number plus one, a `not` dropped. Each mutant is written into a copy of the project
(never into this checkout), and the tests that cover the module run against it with
that copy first on the path, so the CLI in a subprocess runs the mutant too. A mutant is
killed when those tests fail (or hang past the time limit). Prints the share killed per
module, and writes the survivors to bench/mutants-survived.txt for review.

A survivor that cannot change any behaviour (a dataclass's repr=False, a search window
of 200 characters made 201) is an equivalent mutant: once reviewed, it goes into
bench/mutants-equivalent.txt with the reason, keyed by its file, its line's text and the
change, and is left out of the share (and counted on its own line).

    python bench/mutate.py                  # 25 mutants per module, seed 1, 2 at a time
    python bench/mutate.py --per-module 60 --modules engine,grades
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import tokenize
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Quick tests that run the whole pipeline on real articles: run for every module, before
# the module's own tests.
BASE = [
    "test_grades.py",
    "test_sentences.py",
    "test_prose_source_map.py",
    "test_rule_fixtures.py",
    "test_seed_article.py",
    "test_rules_end_to_end.py",
    "test_grade_guidance.py",
    "test_cli.py",
    "test_formats.py",
    "test_fixes.py",
    "test_jargon_done_when.py",
    "test_hostile.py",
    "test_bad_inputs.py",
    "test_engine.py",
    "test_cache.py",
]

# Each core module, with the tests that cover it most closely.
MODULES: dict[str, tuple[list[str], list[str]]] = {
    "prose": (["linter/prose.py"], ["test_prose_source_map.py", "test_rule_fixtures.py"]),
    "sentences": (["linter/sentences.py"], ["test_sentences.py", "test_rule_fixtures.py"]),
    "suppressions": (
        ["linter/suppressions.py"],
        ["test_suppressions.py", "test_rule_fixtures.py", "test_rules_end_to_end.py"],
    ),
    "fixes": (["linter/fixes.py"], ["test_fixes.py", "test_file_safety.py"]),
    "formats": (
        [f"linter/formats/{p.name}" for p in sorted((ROOT / "linter" / "formats").glob("*.py"))],
        ["test_formats.py", "test_output_safety.py", "test_run.py", "test_cli.py"],
    ),
    "diffbase": (["linter/diffbase.py"], ["test_diff_base.py"]),
    "cache": (
        ["linter/cache.py"],
        ["test_cache_safety.py", "test_speed_features.py", "test_regressions.py", "test_stdin.py"],
    ),
    "engine": (
        ["linter/engine.py"],
        ["test_rule_fixtures.py", "test_rules_end_to_end.py", "test_seed_article.py"],
    ),
    "grades": (["linter/grades.py"], ["test_grades.py", "test_grade_guidance.py"]),
    "explanations": (
        ["linter/explanations.py"],
        ["test_explanations.py", "test_rule_fixtures.py", "test_jargon_done_when.py"],
    ),
}

_OPS = {
    "<": "<=",
    "<=": "<",
    ">": ">=",
    ">=": ">",
    "==": "!=",
    "!=": "==",
    "+": "-",
    "-": "+",
    "+=": "-=",
    "-=": "+=",
    "*": "/",
}
_NAMES = {"and": "or", "or": "and", "True": "False", "False": "True", "not": ""}


@dataclass(frozen=True)
class Mutant:
    file: str
    line: int
    column: int
    old: str
    new: str

    def apply(self, text: str) -> str:
        lines = text.splitlines(keepends=True)
        row = lines[self.line - 1]
        end = self.column + len(self.old)
        assert row[self.column : end] == self.old
        new = self.new
        if self.old == "not":
            end += 1  # the space after it
        lines[self.line - 1] = row[: self.column] + new + row[end:]
        return "".join(lines)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column + 1}: {self.old!r} -> {self.new!r}"


def mutants(file: str) -> list[Mutant]:
    text = (ROOT / file).read_text(encoding="utf-8")
    found = []
    previous = None
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        line, col = tok.start
        if tok.type == tokenize.OP and tok.string in _OPS:
            # A '-' or '+' after an operator or bracket is a sign, not arithmetic.
            if tok.string in "+-" and (previous is None or previous.type == tokenize.OP):
                pass
            else:
                found.append(Mutant(file, line, col, tok.string, _OPS[tok.string]))
        elif tok.type == tokenize.NAME and tok.string in _NAMES:
            found.append(Mutant(file, line, col, tok.string, _NAMES[tok.string]))
        elif tok.type == tokenize.NUMBER and tok.string.isdigit():
            found.append(Mutant(file, line, col, tok.string, str(int(tok.string) + 1)))
        if tok.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT):
            previous = tok
    return found


def equivalent() -> set[tuple[str, str, str, str]]:
    """Reviewed equivalent mutants: lines of file, line text, 'old -> new', reason (tabs)."""
    path = ROOT / "bench" / "mutants-equivalent.txt"
    out = set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                file, text, change, _reason = (p.strip() for p in line.split("\t"))
                old, new = (p.strip().strip("'") for p in change.split(" -> "))
                out.add((file, text, old, new))
    return out


def key(mutant: Mutant) -> tuple[str, str, str, str]:
    text = (ROOT / mutant.file).read_text(encoding="utf-8").splitlines()[mutant.line - 1]
    return (mutant.file, text.strip(), mutant.old, mutant.new)


def make_copy(where: Path) -> Path:
    copy = where / "project"
    for name in ("linter", "rules", "tests", "bench", "examples", "tools"):
        shutil.copytree(
            ROOT / name,
            copy / name,
            ignore=shutil.ignore_patterns("__pycache__", ".plainlint_cache", "mutants-*"),
        )
    for name in ("pyproject.toml", "action.yml", ".pre-commit-hooks.yaml", "README.md"):
        shutil.copy2(ROOT / name, copy / name)
    return copy


def run_tests(copy: Path, tests: list[str], timeout: float) -> bool:
    """Whether the tests pass on the copy (as it is now)."""
    env = {**os.environ, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
    args = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
    args += [f"tests/{t}" for t in dict.fromkeys([*tests, *BASE])]
    try:
        proc = subprocess.run(args, cwd=copy, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False
    return proc.returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-module", type=int, default=25)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--modules", default=",".join(MODULES))
    args = parser.parse_args()
    chosen = [m for m in args.modules.split(",") if m]
    rng = random.Random(args.seed)
    work: list[tuple[str, Mutant]] = []
    for name in chosen:
        files, _ = MODULES[name]
        pool = [m for f in files for m in mutants(f)]
        work += [(name, m) for m in rng.sample(pool, min(args.per_module, len(pool)))]
    with tempfile.TemporaryDirectory(prefix="plainlint-mutants-") as tmp:
        copies = [make_copy(Path(tmp) / f"w{i}") for i in range(args.jobs)]
        for name in chosen:
            if not run_tests(copies[0], MODULES[name][1], args.timeout):
                sys.exit(f"the tests for {name} fail without any mutant: fix them first")
        free = list(copies)

        def one(item: tuple[str, Mutant]) -> tuple[str, Mutant, bool]:
            name, mutant = item
            copy = free.pop()
            target = copy / mutant.file
            original = target.read_text(encoding="utf-8")
            try:
                target.write_text(mutant.apply(original), encoding="utf-8")
                killed = not run_tests(copy, MODULES[name][1], args.timeout)
            finally:
                target.write_text(original, encoding="utf-8")
                free.append(copy)
            print(f"{'killed' if killed else 'SURVIVED'}  {mutant}", file=sys.stderr, flush=True)
            return name, mutant, killed

        with ThreadPoolExecutor(args.jobs) as executor:
            results = list(executor.map(one, work))
    same = equivalent()
    survivors = [m for _, m, killed in results if not killed and key(m) not in same]
    print(f"{'module':<14}{'mutants':>8}{'equiv.':>8}{'killed':>8}{'share':>8}")
    total = killed_all = equal_all = 0
    for name in chosen:
        rows = [(m, k) for n, m, k in results if n == name]
        equal = sum(1 for m, k in rows if not k and key(m) in same)
        killed = sum(1 for _, k in rows if k)
        counted = len(rows) - equal
        total += counted
        killed_all += killed
        equal_all += equal
        share = killed / counted if counted else 1.0
        print(f"{name:<14}{len(rows):>8}{equal:>8}{killed:>8}{share:>8.0%}")
    share = killed_all / max(total, 1)
    print(f"{'all':<14}{total + equal_all:>8}{equal_all:>8}{killed_all:>8}{share:>8.0%}")
    out = ROOT / "bench" / "mutants-survived.txt"
    out.write_text("".join(f"{key(m)[1]}\n    {m}\n" for m in survivors), encoding="utf-8")
    print(f"survivors: {out.relative_to(ROOT)} ({len(survivors)})")


if __name__ == "__main__":
    main()
