"""Jargon precision and recall by topic, on every labelled set with a topics.yaml.

    python bench/jargon_by_topic.py [--plainlint CMD] [--data FOLDER]

Each set's own score.py (unchanged from the shared patient-prose set) reads its labels
and runs plainlint; this script only groups the findings by each article's topic. A
finding is right when it overlaps a span labelled `unexplained`; recall is the share of
`unexplained` spans that some finding overlaps (as score.py counts them).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from installed import plainlint_command  # a sibling script, not a package

DATA = Path(__file__).resolve().parent / "data"


def scorer(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"score_{folder.name}", folder / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def by_topic(folder: Path, cmd: str) -> dict[str, list[int]]:
    """topic -> [findings, right, unexplained, found]"""
    score = scorer(folder)
    topics = yaml.safe_load((folder / "topics.yaml").read_text(encoding="utf-8"))
    spans, _, texts = score.load_labels()
    unexplained = [s for s in spans if s["status"] == "unexplained"]
    findings = []
    for d in score.run_plainlint(cmd):
        name = Path(d["path"]).name
        t = texts.get(name) or score.Text(folder / name)
        start, end = t.offset(d["line"], d["column"]), t.offset(d["end_line"], d["end_column"])
        findings.append({"file": name, "start": start, "end": end})
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for f in findings:
        row = out[topics.get(f["file"], "(no topic)")]
        row[0] += 1
        row[1] += any(s["file"] == f["file"] and score.overlaps(s, f) for s in unexplained)
    for s in unexplained:
        row = out[topics.get(s["file"], "(no topic)")]
        row[2] += 1
        row[3] += any(f["file"] == s["file"] and score.overlaps(f, s) for f in findings)
    return dict(out)


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "n/a"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plainlint", default=plainlint_command())
    ap.add_argument("--data", type=Path, default=DATA, help="default: bench/data")
    args = ap.parse_args()
    folders = sorted(p.parent for p in args.data.glob("*/topics.yaml"))
    if not folders:
        print("No labelled set with a topics.yaml.")
        return 1
    per_set = {f.name: by_topic(f, args.plainlint) for f in folders}
    topics = sorted({t for rows in per_set.values() for t in rows})
    names = list(per_set)
    print("recall (found / unexplained) and precision (right / findings) by topic\n")
    print(f"{'topic':<16}" + "".join(f"  {n:>34}" for n in names) + f"  {'together':>34}")
    sums = [0, 0, 0, 0]
    for topic in topics:
        cells = []
        row_sum = [0, 0, 0, 0]
        for n in names:
            r = per_set[n].get(topic)
            if r is None:
                cells.append(f"{'':>34}")
                continue
            row_sum = [a + b for a, b in zip(row_sum, r, strict=True)]
            cells.append(f"{_cell(r):>34}")
        sums = [a + b for a, b in zip(sums, row_sum, strict=True)]
        print(f"{topic:<16}" + "".join(f"  {c}" for c in cells) + f"  {_cell(row_sum):>34}")
    print(f"{'all topics':<16}" + " " * (36 * len(names)) + f"  {_cell(sums):>34}")
    return 0


def _cell(r: list[int]) -> str:
    findings, right, unexplained, found = r
    return f"recall {found}/{unexplained} {pct(found, unexplained)}, prec. {pct(right, findings)}"


if __name__ == "__main__":
    sys.exit(main())
