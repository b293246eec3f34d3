"""How far plainlint's counts can be trusted: syllables, sentences and difficulty.

    python bench/accuracy.py

Prints, next to textstat's fallback where there is one:
- syllables: exact counts on the tenth of the CMU dictionary that the estimator never
  saw (words of 3+ syllables), and on medical words not in the dictionary;
- sentences: the English Golden Rules and plainlint's own medical cases;
- difficulty: how often each score rates the plain rewrite of a technical sentence as
  easier (bench/data/sentence-pairs*.tsv). These are development figures: the score's
  weights were chosen with all of these pairs in view.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from pathlib import Path

from linter.difficulty import sentence_difficulty
from linter.grades import METRIC_NAMES, grade, sentence_counts
from linter.lexicon import load_lexicon
from linter.prose import Unit
from linter.sentences import Sentence, split_sentences
from linter.syllables import dictionary, estimate, held_out

DATA = Path(__file__).resolve().parent / "data"


def pyphen_count() -> Callable[[str], int]:
    """textstat's count for a word missing from the CMU dictionary: pyphen hyphenation."""
    from pyphen import Pyphen

    dic = Pyphen(lang="en_US")
    return lambda word: len(dic.positions(word)) + 1


def syllable_section() -> None:
    fallback = pyphen_count()
    d = dictionary()
    test = [(w, n) for w, n in d.items() if w.isalpha() and w.isascii() and held_out(w)]
    print("Syllables: exact counts (plainlint's estimator vs textstat's pyphen fallback)")
    print(f"{'word set':<44}{'words':>7}{'plainlint':>11}{'textstat':>10}")
    groups = [
        ("CMU held-out tenth, 3+ syllables", [p for p in test if p[1] >= 3]),
        ("  of which 3 syllables", [p for p in test if p[1] == 3]),
        ("  of which 4 syllables", [p for p in test if p[1] == 4]),
        ("  of which 5+ syllables", [p for p in test if p[1] >= 5]),
        ("CMU held-out tenth, all words", test),
    ]
    medical_file = DATA / "medical-syllables.tsv"
    if medical_file.exists():
        with medical_file.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        medical = [(r["word"], int(r["syllables"])) for r in rows]
        groups.append(("Medical words not in CMU (hand-checked)", medical))
        # The affix table was corrected after looking at errors on the even rows only.
        groups.append(("  even rows (errors looked at)", medical[0::2]))
        groups.append(("  odd rows (held out)", medical[1::2]))
    for name, words in groups:
        ours = sum(estimate(w) == n for w, n in words) / len(words)
        theirs = sum(fallback(w) == n for w, n in words) / len(words)
        print(f"{name:<44}{len(words):>7}{ours:>11.1%}{theirs:>10.1%}")
    print()


def segment(text: str) -> list[str]:
    return [s.text for s in split_sentences(Unit("paragraph", text, [0], [0]))]


def sentence_section() -> None:
    print("Sentences: cases split exactly right")
    for name, file in (
        ("English Golden Rules", "golden-rules-english.json"),
        ("Medical and trial writing (plainlint's own)", "sentences-medical.json"),
        ("  held out (never tuned on)", "sentences-medical-heldout.json"),
    ):
        path = DATA / file
        if not path.exists():
            print(f"{name:<44} (missing {file})")
            continue
        cases = json.loads(path.read_text(encoding="utf-8"))
        right = sum(segment(c["text"]) == [s.strip() for s in c["sentences"]] for c in cases)
        print(f"{name:<44}{right:>4} of {len(cases)}")
    print()


PAIR_SETS = {
    "mixed pairs": "sentence-pairs.tsv",
    "hard pairs (plain rewrite explains at length)": "sentence-pairs-hard.tsv",
}


def read_pairs(file: str) -> list[tuple[str, str]]:
    path = DATA / file
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [(r["technical"], r["plain"]) for r in csv.DictReader(fh, delimiter="\t")]


def one(text: str) -> Sentence:
    found = split_sentences(Unit("paragraph", text, [0], [0]))
    # A plain rewrite may take two sentences: score it as one stretch of text, as a
    # reader meets it, not by its first sentence alone.
    if len(found) == 1:
        return found[0]
    first, last = found[0], found[-1]
    return Sentence(first.unit, first.start, last.end, [w for s in found for w in s.words])


def scorers() -> dict[str, Callable[[str], float]]:
    lexicon = load_lexicon()
    scores: dict[str, Callable[[str], float]] = {
        name: (lambda t, m=metric: grade(m, sentence_counts(one(t))))
        for metric, name in METRIC_NAMES.items()
    }
    scores["plainlint difficulty (jargon-aware)"] = lambda t: (
        sentence_difficulty(one(t), lexicon).score
    )
    return scores


def pair_section() -> None:
    scores = scorers()
    for label, file in PAIR_SETS.items():
        pairs = read_pairs(file)
        if not pairs:
            print(f"Difficulty, {label}: (missing {file})\n")
            continue
        print(f"Difficulty, {label}: how often the plain rewrite scores as easier")
        print(f"({len(pairs)} pairs in {file}; development data: the weights were chosen")
        print("with all of them in view)")
        print(f"{'score':<40}{'right':>8}{'share':>8}")
        for name, score in scores.items():
            right = sum(score(p) < score(t) for t, p in pairs)
            print(f"{name:<40}{f'{right}/{len(pairs)}':>8}{right / len(pairs):>8.1%}")
        print()


def main() -> int:
    syllable_section()
    sentence_section()
    pair_section()
    return 0


if __name__ == "__main__":
    sys.exit(main())
