"""How well plainlint's sentence scores agree with readers, on any evaluation set in
bench/data.

    python bench/agreement.py [--resamples N] [--data FOLDER]

Reads, and fetches nothing:
- rating sets: every bench/data/ratings-*/ratings.tsv (columns `sentence` and `rating`,
  a reader rating where higher is harder; the folder's SOURCE.md says where it came from
  and under which licence). For each score it prints Spearman's rho with a 95% bootstrap
  interval (resampling sentences, fixed seed, so a run repeats exactly).
- pair sets: every bench/data/sentence-pairs*.tsv (columns `technical` and `plain`). For
  each score it prints the share of pairs where the plain sentence scores easier.

Scores: plainlint's jargon-aware difficulty, its parts (Dale-Chall, jargon terms, rare
words), the Flesch-Kincaid grade, and a plain count of rare words (PL102's threshold).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections.abc import Callable
from pathlib import Path

from linter.difficulty import sentence_difficulty
from linter.grades import grade, sentence_counts
from linter.lexicon import load_lexicon
from linter.prose import Unit
from linter.sentences import Sentence, split_sentences

DATA = Path(__file__).resolve().parent / "data"


def _sentence(text: str) -> Sentence:
    found = split_sentences(Unit("paragraph", text, [0], [0]))
    # A rated item may hold more than one sentence: score it as one stretch of text.
    if len(found) == 1:
        return found[0]
    first, last = found[0], found[-1]
    words = [w for s in found for w in s.words]
    return Sentence(first.unit, first.start, last.end, words)


def ranks(values: list[float]) -> list[float]:
    """Ranks from 1, ties given the mean of the ranks they span."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rho: Pearson's correlation of the ranks (0 when one side is constant)."""
    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    return cov / (vx * vy) ** 0.5 if vx and vy else 0.0


def interval(
    xs: list[float], ys: list[float], resamples: int, seed: int = 17
) -> tuple[float, float]:
    rng = random.Random(seed)
    n = len(xs)
    stats = []
    for _ in range(resamples):
        pick = [rng.randrange(n) for _ in range(n)]
        stats.append(spearman([xs[i] for i in pick], [ys[i] for i in pick]))
    stats.sort()
    return stats[int(0.025 * resamples)], stats[min(resamples - 1, int(0.975 * resamples))]


def scorers() -> dict[str, Callable[[Sentence], float]]:
    lexicon = load_lexicon()

    def parts(s: Sentence) -> object:
        return sentence_difficulty(s, lexicon)

    return {
        "plainlint difficulty": lambda s: parts(s).score,  # type: ignore[attr-defined]
        "  its Dale-Chall part": lambda s: grade("dale-chall", sentence_counts(s)),
        "  its jargon terms": lambda s: parts(s).jargon,  # type: ignore[attr-defined]
        "  its rare words": lambda s: parts(s).rare,  # type: ignore[attr-defined]
        "Flesch-Kincaid grade": lambda s: grade("flesch-kincaid", sentence_counts(s)),
    }


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--resamples", type=int, default=1000)
    ap.add_argument("--data", type=Path, default=DATA, help="default: bench/data")
    args = ap.parse_args()
    scores = scorers()
    rating_sets = sorted(args.data.glob("ratings-*/ratings.tsv"))
    if not rating_sets:
        print("No rating sets (bench/data/ratings-*/ratings.tsv): Spearman not measured.")
    for path in rating_sets:
        rows = _rows(path)
        sentences = [_sentence(r["sentence"]) for r in rows]
        ratings = [float(r["rating"]) for r in rows]
        print(f"\n{path.parent.name}: {len(rows)} rated sentences")
        for name, score in scores.items():
            values = [float(score(s)) for s in sentences]
            low, high = interval(values, ratings, args.resamples)
            print(f"  {name:<24} rho {spearman(values, ratings):.3f}  [{low:.3f}, {high:.3f}]")
    for path in sorted(args.data.glob("sentence-pairs*.tsv")):
        rows = _rows(path)
        print(f"\n{path.name}: {len(rows)} technical/plain pairs, share with the plain one easier")
        for name, score in scores.items():
            easier = sum(
                score(_sentence(r["plain"])) < score(_sentence(r["technical"])) for r in rows
            )
            print(f"  {name:<24} {easier}/{len(rows)} = {100 * easier / len(rows):.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
