"""Precision and recall of jargon detection on a hand-annotated set.

bench/data/jargon-annotated.md (70 paragraphs) and jargon-heldout.md (40) hold
patient-style text in which a reviewer marked, by hand and without looking at
plainlint's word lists, every span a patient would not understand: {{like this}}. The
first set was looked at while PL102 was built; the second was only ever measured. Each
paragraph is linted as its own patient article; a reported span that overlaps a marked
span is a hit.

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

DATA = Path(__file__).resolve().parent / "data"
SETS = {
    "used while building PL102": DATA / "jargon-annotated.md",
    "held out (never tuned on)": DATA / "jargon-heldout.md",
}
HEADER = "---\naudienceLevel: patient\n---\n\n"
MARK = re.compile(r"\{\{(.+?)\}\}")


def paragraphs(path: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
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


def evaluate(
    path: Path, codes: tuple[str, ...], threshold: float | None = None
) -> dict[str, float]:
    config = defaults()
    if threshold is not None:
        config = replace(config, options={**config.options, "unfamiliar-threshold": threshold})
    options = Options(tuple(selected(codes, ())))
    tp_pred = n_pred = found = n_gold = 0
    for text, gold in paragraphs(path):
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


def row(name: str, r: dict[str, float]) -> str:
    return f"{name:<28}{r['reported']:>9}{r['marked']:>8}{r['precision']:>11.1%}{r['recall']:>8.1%}"


HEADER_ROW = f"{'rule':<28}{'reported':>9}{'marked':>8}{'precision':>11}{'recall':>8}"


def main() -> int:
    rules = [
        ("PL101 jargon-without-link", ("PL101",)),
        ("PL102 unfamiliar-word", ("PL102",)),
        ("PL101 + PL102", ("PL101", "PL102")),
    ]
    for label, path in SETS.items():
        if not path.exists():
            continue
        n = len(paragraphs(path))
        print(f"Jargon detection, {path.name}: {n} paragraphs, {label}")
        print(HEADER_ROW)
        for name, codes in rules:
            print(row(name, evaluate(path, codes)))
        print()
    print("PL102 by threshold (Zipf frequency below which a word counts as rare), both sets:")
    print(HEADER_ROW.replace("rule", "threshold / set", 1))
    for threshold in (2.0, 2.5, 3.0, 3.5):
        for label, path in SETS.items():
            if path.exists():
                short = "tuning" if "building" in label else "held-out"
                print(row(f"{threshold} {short}", evaluate(path, ("PL102",), threshold)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
