"""How good plainlint's suggestions are, on every suggestions set in bench/data.

    python bench/suggestions.py [--plainlint CMD]

Each folder bench/data/suggestions*/ holds swap-traps.md/.yaml, long-sentences.yaml and an
unchanged copy of the shared scorer, score.py (see each folder's SOURCE.md). This script
runs that scorer and prints, per set:

- swaps applied right: of the swaps that `--fix --unsafe-fixes` makes, the share that
  give an acceptable sentence;
- right swaps still offered: of the sentences where a swap is right, the share where
  plainlint makes it;
- splits good: of the split points PL201 offers, the share that leave two sentences.

Nothing is fetched; nothing is written in bench/data.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def _count(text: str, label: str) -> int:
    m = re.search(rf"^\s*{re.escape(label)}\s+(\d+)\s*$", text, re.MULTILINE)
    if m is None:
        raise SystemExit(f"the scorer printed no '{label}' line")
    return int(m.group(1))


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / whole:.1f}%" if whole else "n/a (none)"


def score(folder: Path, plainlint: str) -> dict[str, tuple[int, int]]:
    env = {**os.environ, "PLAINLINT": plainlint}
    proc = subprocess.run(
        [sys.executable, str(folder / "score.py")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{folder.name}/score.py failed:\n{proc.stderr}")
    out = proc.stdout
    made = re.search(r"swaps made by --fix --unsafe-fixes: (\d+); right (\d+); wrong (\d+)", out)
    if made is None:
        raise SystemExit(f"{folder.name}/score.py printed no swap summary")
    swaps, right = int(made.group(1)), int(made.group(2))
    right_swap = _count(out, "right: right swap")
    offered_right = right_swap + _count(out, "trap: right rewrite")
    acceptable = right_swap + _count(out, "right: wrong swap") + _count(out, "right: missed")
    good = _count(out, "right")
    bad = _count(out, "wrong (fragment)") + _count(out, "wrong (unlisted position)")
    return {
        "swaps applied right": (right, swaps),
        "right swaps still offered": (right_swap, acceptable),
        "splits good": (good, good + bad),
        "_offered_right": (offered_right, swaps),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plainlint", default=os.environ.get("PLAINLINT", "plainlint"))
    args = ap.parse_args()
    folders = sorted(p.parent for p in DATA.glob("suggestions*/score.py"))
    if not folders:
        raise SystemExit("no bench/data/suggestions*/score.py")
    for folder in folders:
        print(f"== {folder.name}")
        for key, (part, whole) in score(folder, args.plainlint).items():
            if not key.startswith("_"):
                print(f"   {key:<26} {_share(part, whole)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
