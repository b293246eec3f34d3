"""Train plainlint's syllable estimator on the CMU Pronouncing Dictionary.

Words not in the dictionary (most drug and disease names) get an estimate. The estimate
adds up, for each vowel group of the word (the 'eo' of 'neo', the 'ia' of '-emia'), a
learned number of syllables for that group in its context: the group alone, with the
letter before it, with the letters after it, and so on. The numbers are fitted by least
squares on the dictionary's counts, so no rule is written by hand. Words whose hash puts
them in the held-out tenth are never used here: bench/accuracy.py tests on them.

    python tools/train_syllables.py     # writes linter/data/syllable-model.txt
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "linter" / "data" / "syllable-model.txt"
sys.path.insert(0, str(ROOT))

from provenance import provenance  # noqa: E402

from linter.syllables import features, held_out  # noqa: E402

EPOCHS = 30
RATE = 0.02


def training_words() -> list[tuple[str, int]]:
    from linter.syllables import dictionary

    return [
        (w, n)
        for w, n in sorted(dictionary().items())
        if w.isalpha() and w.isascii() and n > 0 and not held_out(w)
    ]


def train(words: list[tuple[str, int]]) -> dict[str, float]:
    weights: dict[str, float] = {}
    rows = [(features(w), n) for w, n in words]
    order = list(range(len(rows)))
    rng = random.Random(1)
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = RATE / (1 + epoch * 0.3)
        for i in order:
            feats, target = rows[i]
            error = sum(weights.get(f, 0.0) for f in feats) - target
            step = rate * error
            for f in feats:
                weights[f] = weights.get(f, 0.0) - step
    return weights


def render(weights: dict[str, float]) -> str:
    lines = [
        provenance("train_syllables.py", None, [ROOT / "linter" / "data" / "cmu-syllables.txt"]),
        "# plainlint's syllable estimator: feature<TAB>weight, fitted on the CMU",
        "# Pronouncing Dictionary by tools/train_syllables.py (held-out words excluded).",
    ]
    lines += [f"{f}\t{w:.4f}" for f, w in sorted(weights.items()) if abs(w) >= 0.0005]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUT.write_text(render(train(training_words())), encoding="utf-8")
    print(f"wrote {OUT}")
