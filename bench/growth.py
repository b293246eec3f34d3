"""How plainlint's time grows with the size of its input, for every input family.

    python bench/growth.py                # every family in bench/families.py
    python bench/growth.py long-word bullets

Each family's article is made at three sizes (each twice the one before) and timed in
this process: processor time (not wall time, which other processes on the machine
disturb), the median of 7 runs in which the three sizes take turns. The growth exponent is the
slope of log(time) against log(size) over the three sizes: 1.0 is linear, 2.0 quadratic.
Times are for the step the family names: linting with every rule, --fix --unsafe-fixes,
or the HTML report.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from families import FAMILIES, HARD, HEAD, Family

from linter.config import defaults
from linter.engine import lint_source
from linter.fixes import fix_source
from linter.report import Article, render
from linter.results import Options
from linter.rules import all_rules
from linter.source import SourceFile


def run_once(family: Family, text: str) -> float:
    config = replace(defaults(), dialect=family.dialect)
    options = Options(all_rules(), None)
    src = SourceFile.from_text(family.path, text)
    start = time.process_time()
    if family.run == "fix":
        fix_source(src, config, options, unsafe=True)
    elif family.run == "report":
        result = lint_source(src, config, options)
        render([Article(result, src, 0)])
    else:
        lint_source(src, config, options)
    return time.process_time() - start


def timed(family: Family, runs: int) -> list[tuple[int, float]]:
    """(size, median seconds) at each size; the sizes take turns, so that a slow spell
    of the machine falls on all of them alike."""
    texts = [family.make(n) for n in family.sizes]
    times: list[list[float]] = [[] for _ in texts]
    for _ in range(runs):
        for i, text in enumerate(texts):
            times[i].append(run_once(family, text))
    return [(len(t), statistics.median(ts)) for t, ts in zip(texts, times, strict=True)]


def exponent(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(time) on log(size)."""
    xs = [math.log(s) for s, _ in points]
    ys = [math.log(max(t, 1e-6)) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="families to run (default: all)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    chosen = [f for f in FAMILIES if not args.names or f.name in args.names]
    seconds = f"CPU seconds (median of {args.runs})"
    print(f"{'family':<22} {'run':<7} {'sizes (KB)':>20} {seconds:>30}  exponent")
    worst = 0.0
    # Load the word lists and models once, on text of no family: warming up on a
    # family's own text would fill the word caches with its words, and the smallest size
    # would then look faster than it is.
    warm = HEAD + HARD * 20 + "\n\nWe utilize the XQZ regimen.\n"
    for run in ("lint", "fix", "report"):
        run_once(Family("warm", lambda n: warm, (1, 2, 4), run), warm)
    for family in chosen:
        points = timed(family, args.runs)
        e = exponent(points)
        worst = max(worst, e)
        sizes = " / ".join(f"{s / 1024:.0f}" for s, _ in points)
        secs = " / ".join(f"{t:.3f}" for _, t in points)
        print(f"{family.name:<22} {family.run:<7} {sizes:>20} {secs:>30}  {e:8.2f}", flush=True)
    print(f"\nLargest growth exponent: {worst:.2f} (1.0 is linear)")


if __name__ == "__main__":
    main()
