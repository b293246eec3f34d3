"""Precision and recall of jargon detection on a hand-annotated set.

bench/data/jargon-annotated.md holds 70 paragraphs of patient-style text in which a
reviewer marked, by hand and without looking at plainlint's word lists, every span a
patient would not understand: {{like this}}. Each paragraph is linted as its own patient
article; a reported span that overlaps a marked span is a hit.

    python bench/jargon.py
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

from linter.config import defaults
from linter.engine import Options, lint_source
from linter.rules import selected
from linter.source import SourceFile

DATA = Path(__file__).resolve().parent / "data" / "jargon-annotated.md"
HEADER = "---\naudienceLevel: patient\n---\n\n"
MARK = re.compile(r"\{\{(.+?)\}\}")


def paragraphs() -> list[tuple[str, list[tuple[int, int]]]]:
    text = re.sub(r"<!--.*?-->", "", DATA.read_text(encoding="utf-8"), flags=re.DOTALL)
    out = []
    for block in text.split("\n\n"):
        block = block.strip()
        if not block:
            continue
        clean, spans, pos = [], [], 0
        for m in MARK.finditer(block):
            clean.append(block[pos : m.start()])
            start = sum(len(c) for c in clean)
            clean.append(m.group(1))
            spans.append((start, start + len(m.group(1))))
            pos = m.end()
        clean.append(block[pos:])
        out.append(("".join(clean), spans))
    return out


def evaluate(codes: tuple[str, ...], threshold: float | None = None) -> dict[str, float]:
    config = defaults()
    if threshold is not None:
        config = replace(config, unfamiliar_threshold=threshold)
    options = Options(tuple(selected(codes, ())))
    tp_pred = n_pred = found = n_gold = 0
    for text, gold in paragraphs():
        source = HEADER + text + "\n"
        result = lint_source(SourceFile.from_text("p.md", source), config, options)
        offset = len(HEADER)
        pred = [(d.span.start - offset, d.span.end - offset) for d in result.diagnostics]
        n_pred += len(pred)
        n_gold += len(gold)
        tp_pred += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in pred)
        found += sum(any(s < ge and gs < e for s, e in pred) for gs, ge in gold)
    return {
        "reported": n_pred,
        "marked": n_gold,
        "precision": tp_pred / n_pred if n_pred else 0.0,
        "recall": found / n_gold if n_gold else 0.0,
    }


def main() -> int:
    rows = [
        ("PL101 jargon-without-link", ("PL101",)),
        ("PL102 unfamiliar-word", ("PL102",)),
        ("PL101 + PL102", ("PL101", "PL102")),
    ]
    n = len(paragraphs())
    print(f"Jargon detection on {n} hand-annotated paragraphs ({DATA.name})\n")
    print(f"{'rule':<28}{'reported':>9}{'marked':>8}{'precision':>11}{'recall':>8}")
    for name, codes in rows:
        r = evaluate(codes)
        print(
            f"{name:<28}{r['reported']:>9}{r['marked']:>8}"
            f"{r['precision']:>11.1%}{r['recall']:>8.1%}"
        )
    print("\nPL102 by threshold (Zipf frequency below which a word counts as rare):")
    print(f"{'threshold':<28}{'reported':>9}{'marked':>8}{'precision':>11}{'recall':>8}")
    for threshold in (2.0, 2.5, 3.0, 3.5):
        r = evaluate(("PL102",), threshold)
        print(
            f"{threshold:<28}{r['reported']:>9}{r['marked']:>8}"
            f"{r['precision']:>11.1%}{r['recall']:>8.1%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
