"""How well plainlint's scores agree with readers, on the evaluation sets in bench/data.

    python bench/agreement.py [--split dev|test|all] [--resamples N] [--data FOLDER]

Reads, and fetches nothing (each folder's SOURCE.md says where its data came from and
under which licence):
- reader-rating sets: every ratings-*/ratings.tsv (columns `sentence` and `rating`, higher
  is harder), and the CEFR-SP sentence ratings in readability/ (general English, for the
  chosen split). For each score: Spearman's rho with a 95% bootstrap interval
  (resampling sentences, fixed seed, so a run repeats exactly).
- sentence pairs: readability/medwiki_mytomorrows_<split>.tsv (medical Wikipedia
  sentences and their Simple Wikipedia versions; identical pairs left out) and plainlint's
  own sentence-pairs*.tsv. For each score: the share of pairs where the simpler sentence
  scores easier (a tie counts as wrong).
- document pairs: readability/cochrane_devaraj_<split>.tsv (a Cochrane abstract's results
  and its plain-language summary). For each grade formula, plainlint's and textstat's: the
  share of pairs where the plain summary gets the lower grade.

The weights in rules/difficulty.yaml were chosen with `--split dev`; `--split test` is for
reporting only. plainlint's own sentence pairs are not split: they are development data.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections.abc import Callable
from pathlib import Path

from linter.difficulty import Difficulty, sentence_difficulty
from linter.grades import grade, sentence_counts, total
from linter.lexicon import load_lexicon
from linter.prose import Unit
from linter.sentences import Sentence, split_sentences

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import one  # a sibling script, not a package

DATA = Path(__file__).resolve().parent / "data"
csv.field_size_limit(1 << 24)


def sentences_of(text: str) -> list[Sentence]:
    return split_sentences(Unit("paragraph", text, [0], [0]))


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
    # Keyed by identity, and holding the sentence, so that a freed sentence's id reused
    # by a new one cannot hand back the old one's parts.
    seen: dict[int, tuple[Sentence, Difficulty]] = {}

    def parts(s: Sentence) -> Difficulty:
        hit = seen.get(id(s))
        if hit is None or hit[0] is not s:
            hit = seen[id(s)] = (s, sentence_difficulty(s, lexicon))
        return hit[1]

    return {
        "plainlint difficulty": lambda s: parts(s).score,
        "  its rarity": lambda s: parts(s).rarity,
        "  its jargon terms": lambda s: parts(s).jargon,
        "  its Dale-Chall part": lambda s: parts(s).dale_chall,
        "Flesch-Kincaid grade": lambda s: grade("flesch-kincaid", sentence_counts(s)),
        "words": lambda s: len(s.words),
    }


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _splits(split: str) -> list[str]:
    return ["dev", "test"] if split == "all" else [split]


def rating_sets(data: Path, split: str) -> list[tuple[str, list[str], list[float]]]:
    out = []
    for path in sorted(data.glob("ratings-*/ratings.tsv")):
        rows = _rows(path)
        out.append(
            (path.parent.name, [r["sentence"] for r in rows], [float(r["rating"]) for r in rows])
        )
    for part in _splits(split):
        path = data / "readability" / f"cefrsp_wikiauto_{part}.tsv"
        if path.exists():
            rows = _rows(path)
            name = f"CEFR-SP Wiki-Auto ({part}; general English, 1-6)"
            out.append(
                (name, [r["sentence"] for r in rows], [float(r["label_mean"]) for r in rows])
            )
    return out


def sentence_pair_sets(data: Path, split: str) -> list[tuple[str, list[tuple[str, str]]]]:
    out = []
    for part in _splits(split):
        path = data / "readability" / f"medwiki_mytomorrows_{part}.tsv"
        if path.exists():
            rows = [r for r in _rows(path) if r["complex"].strip() != r["simple"].strip()]
            for kind in ("expert", "automatic"):
                pairs = [(r["complex"], r["simple"]) for r in rows if r["alignment"] == kind]
                out.append((f"medical Wikipedia / Simple Wikipedia, {kind} pairs ({part})", pairs))
    for path in sorted(data.glob("sentence-pairs*.tsv")):
        rows = _rows(path)
        out.append((f"{path.name} (development)", [(r["technical"], r["plain"]) for r in rows]))
    return out


GRADES = ("flesch-kincaid", "smog", "coleman-liau", "ari", "gunning-fog", "dale-chall")


def textstat_grades() -> dict[str, Callable[[str], float]]:
    """textstat's own grade functions. textstat downloads NLTK's copy of the CMU
    dictionary on first use; plainlint never touches the network, so textstat is handed
    the CMU dictionary's syllable counts that plainlint ships (one pronunciation per word,
    as textstat takes), in the shape it reads (a vowel phone per syllable)."""
    import textstat
    from textstat.backend.counts import _count_syllables

    from linter.syllables import dictionary

    phones = {word: [["AH0"] * n] for word, n in dictionary().items()}
    _count_syllables.get_cmudict = lambda lang: phones

    return {
        "flesch-kincaid": textstat.flesch_kincaid_grade,
        "smog": textstat.smog_index,
        "coleman-liau": textstat.coleman_liau_index,
        "ari": textstat.automated_readability_index,
        "gunning-fog": textstat.gunning_fog,
        "dale-chall": textstat.dale_chall_readability_score,
    }


def plainlint_grade(metric: str, text: str) -> float:
    return grade(metric, total(sentence_counts(s) for s in sentences_of(text)))


def document_pairs(data: Path, split: str) -> list[tuple[str, list[tuple[str, str]]]]:
    out = []
    for part in _splits(split):
        path = data / "readability" / f"cochrane_devaraj_{part}.tsv"
        if path.exists():
            rows = _rows(path)
            out.append(
                (
                    f"Cochrane abstract / plain-language summary ({part})",
                    [(r["technical"], r["plain"]) for r in rows],
                )
            )
    return out


def _share(n: int, of: int) -> str:
    return f"{n}/{of} = {100 * n / of:.1f}%" if of else "no pairs"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--resamples", type=int, default=1000)
    ap.add_argument("--data", type=Path, default=DATA, help="default: bench/data")
    args = ap.parse_args()
    scores = scorers()
    sets = rating_sets(args.data, args.split)
    if not sets:
        print("No rating sets (ratings-*/ratings.tsv or readability/): Spearman not measured.")
    for name, texts, ratings in sets:
        sentences = [one(t) for t in texts]
        print(f"\n{name}: {len(texts)} rated sentences, Spearman's rho [95% interval]")
        for label, score in scores.items():
            values = [float(score(s)) for s in sentences]
            low, high = interval(values, ratings, args.resamples)
            print(f"  {label:<24} rho {spearman(values, ratings):.3f}  [{low:.3f}, {high:.3f}]")
    for name, pairs in sentence_pair_sets(args.data, args.split):
        print(f"\n{name}: {len(pairs)} pairs, share with the simpler one easier")
        scored = [(one(hard), one(easy)) for hard, easy in pairs]
        for label, score in scores.items():
            easier = sum(score(e) < score(h) for h, e in scored)
            print(f"  {label:<24} {_share(easier, len(pairs))}")
    docs = document_pairs(args.data, args.split)
    if docs:
        theirs = textstat_grades()
    for name, pairs in docs:
        print(f"\n{name}: {len(pairs)} pairs, share with the plain summary graded lower")
        print(f"  {'grade':<16} {'plainlint':>18}  {'textstat':>18}")
        for metric in GRADES:
            ours = sum(plainlint_grade(metric, p) < plainlint_grade(metric, t) for t, p in pairs)
            other = sum(theirs[metric](p) < theirs[metric](t) for t, p in pairs)
            print(f"  {metric:<16} {_share(ours, len(pairs)):>18}  {_share(other, len(pairs)):>18}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
