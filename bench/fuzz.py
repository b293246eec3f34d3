"""Fuzz the parser, prose builder, rules and fixes with random Markdown.

    python bench/fuzz.py                 # 100,000 inputs, seed 1
    python bench/fuzz.py --count 1000 --seed 7

Each input mixes Markdown structure (headings, lists, tables, quotes, code, HTML,
front matter, some of it broken), jargon, links, escapes, entities, odd Unicode and
control characters, and random bytes decoded as text. For each one it lints with every
rule, applies all fixes, lints again, and checks: nothing raises, every position is
inside the text, fixes never touch the front matter, a second fix changes nothing.
Any failing input is written to bench/fuzz-failures/ for a test to be made from it.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
import traceback
from pathlib import Path

OUT = Path(__file__).resolve().parent / "fuzz-failures"
PIECES = [
    "Your",
    "prognosis",
    "regimen",
    "open-label",
    "progression-free\nsurvival",
    "PFS",
    "Food and Drug Administration (FDA)",
    "utilize",
    "prior to",
    "Dr.",
    "e.g.",
    "U.S.",
    "4.0",
    "No. 5",
    "armamentarium",
    "paresthesia",
    "naïve",
    "😀",
    "\u200b",
    "\u00a0",
    "\u202e",
    "\x1b[31m",
    "\x00",
    "\x07",
    "&amp;",
    "&#0;",
    "&bogus;",
    "\\",
    "\\*",
    "`",
    "``",
    "*",
    "**",
    "_",
    "~~",
    "[",
    "]",
    "(",
    ")",
    "[prognosis](/glossary/prognosis)",
    "[x](<a b>)",
    '[y](/a(b)c "t")',
    "[z][ref]",
    "\n[ref]: /glossary/z\n",
    "<https://x.org>",
    "https://x.org/a.",
    "<!--",
    "-->",
    "<!-- plainlint-disable -->",
    "<!-- plainlint-enable PL201 -->",
    "<!-- plainlint-disable-next-line -->",
    "<div>",
    "</div>",
    "<br>",
    "![a](b)",
    "|",
    "| a | b |",
    "|---|---|",
    "\n# ",
    "\n## ",
    "\n- ",
    "\n1. ",
    "\n> ",
    "\n    ",
    "\n```\n",
    "\n~~~\n",
    "\n---\n",
    "\n***\n",
    "\n===\n",
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
    "“",
    "”",
    "—",
    "\t",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    " ",
    "  \n",
    "…",
    ". . .",
    "(n = 302)",
    "p < .05",
]
FRONT = [
    "---\naudienceLevel: patient\n---\n",
    "---\naudienceLevel: patient\nplainlint: {ignore: [PL301], allow: [regimen]}\n---\n",
    "---\naudienceLevel: patient\n",
    "---\n- a\n---\n",
    "---\naudienceLevel: [\n---\n",
    "---\naudienceLevel: 7\n---\n",
    "",
]


def make(rng: random.Random) -> str:
    parts = [rng.choice(FRONT)]
    for _ in range(rng.randint(1, 60)):
        roll = rng.random()
        if roll < 0.85:
            parts.append(rng.choice(PIECES))
        elif roll < 0.95:
            parts.append("".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(1, 8))))
        else:
            parts.append(rng.randbytes(rng.randint(1, 12)).decode("utf-8", "replace"))
        parts.append(rng.choice([" ", " ", "", "\n"]))
    return "".join(parts)


def check(text: str) -> str | None:
    from linter.config_files import load_config
    from linter.engine import lint_source
    from linter.fixes import fix_source
    from linter.frontmatter import parse_front_matter
    from linter.results import Options
    from linter.rules import all_rules
    from linter.source import ReadError, SourceFile

    config = load_config(
        Path(__file__).resolve().parent.parent / "examples" / "plainlint-site.yaml"
    )
    options = Options(tuple(all_rules()))
    try:
        src = SourceFile.from_text("f.md", text)
        result = lint_source(src, config, options)
        for d in result.diagnostics:
            if not (0 <= d.span.start <= d.span.end <= len(text)):
                return f"span outside the text: {d}"
            if (d.line, d.column) != src.position(d.span.start):
                return f"position does not match span: {d}"
        once = fix_source(src, config, options, unsafe=True)
        try:
            fm = parse_front_matter(src)
            body = src.line_starts[fm.body_line] if fm.present else 0
        except ReadError:
            body = 0
        if once.fixed[:body] != text[:body]:
            return "a fix changed the front matter"
        again = fix_source(SourceFile.from_text("f.md", once.fixed), config, options, unsafe=True)
        if again.fixed != once.fixed:
            return "a second fix run changed the text"
    except Exception:
        return traceback.format_exc()
    return None


def worker(args: tuple[int, int, int]) -> tuple[int, list[tuple[int, str, str]]]:
    seed, start, count = args
    failures = []
    for i in range(start, start + count):
        rng = random.Random(seed * 1_000_003 + i)
        text = make(rng)
        problem = check(text)
        if problem is not None:
            failures.append((i, text, problem))
    return count, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    chunk = 500
    tasks = [(args.seed, s, min(chunk, args.count - s)) for s in range(0, args.count, chunk)]
    start = time.time()
    done = 0
    failures: list[tuple[int, str, str]] = []
    with multiprocessing.get_context("fork").Pool() as pool:
        for count, found in pool.imap_unordered(worker, tasks):
            done += count
            failures.extend(found)
    elapsed = time.time() - start
    print(f"{done} inputs (seed {args.seed}) in {elapsed:.0f} s: {len(failures)} failures")
    if failures:
        OUT.mkdir(exist_ok=True)
        for i, text, problem in failures[:50]:
            (OUT / f"case-{i}.md").write_text(text, encoding="utf-8", errors="surrogatepass")
            (OUT / f"case-{i}.txt").write_text(problem, encoding="utf-8")
        print(f"first failures written to {OUT}")
        print(failures[0][2])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
