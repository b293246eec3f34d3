"""How good plainlint's suggestions are, on every suggestions set in bench/data.

    python bench/suggestions.py [--plainlint CMD]

Each folder bench/data/suggestions*/ holds swap-traps.md/.yaml, long-sentences.yaml and an
unchanged copy of the shared scorer, score.py (see each folder's SOURCE.md). This script
runs that scorer and prints, per set:

- swaps applied right: of the swaps that `--fix --unsafe-fixes` makes, the share that
  give an acceptable sentence;
- right swaps made: of the sentences where a swap is right, the share where
  `--fix --unsafe-fixes` makes it;
- right swaps offered: the share where plainlint makes it or names the right plain word
  in a hint (a PL103 finding on that sentence without a fix);
- right swaps withheld: the share offered as a hint only, not made;
- splits good: of the split points PL201 offers, the share that leave two sentences.

Nothing is fetched; nothing is written in bench/data.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"


def _count(text: str, label: str) -> int:
    m = re.search(rf"^\s*{re.escape(label)}\s+(\d+)\s*$", text, re.MULTILINE)
    if m is None:
        raise SystemExit(f"the scorer printed no '{label}' line")
    return int(m.group(1))


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / whole:.1f}%" if whole else "n/a (none)"


def _hinted(folder: Path, plainlint: str) -> set[str]:
    """The right-swap sentences (R ids) where a PL103 finding names the labelled plain word
    but makes no fix: offered as a hint."""
    items = yaml.safe_load((folder / "swap-traps.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "swap-traps.md"
        shutil.copyfile(folder / "swap-traps.md", copy)
        args = ["check", "--no-cache", "--format", "json", "--select", "PL103", str(copy)]
        proc = subprocess.run(
            [*shlex.split(plainlint), *args],
            capture_output=True,
            text=True,
            check=False,
        )
    if proc.returncode not in (0, 1):
        raise SystemExit(f"plainlint failed on {folder.name}:\n{proc.stderr}")
    found = json.loads(proc.stdout or "[]")
    hinted = set()
    for it in items:
        if not it["id"].startswith("R") or not it.get("swap"):
            continue
        named = f"'{it['swap'].lower()}'"
        for d in found:
            if d["line"] == it["line"] and d["fix"] is None and named in d["message"].lower():
                hinted.add(it["id"])
    return hinted


def _missed(out: str) -> set[str]:
    return set(re.findall(r"^(R\w+) \[missed\]", out, re.MULTILINE))


def _run(folder: Path, plainlint: str, what: str) -> str:
    env = {**os.environ, "PLAINLINT": plainlint}
    proc = subprocess.run(
        [sys.executable, str(folder / "score.py"), what],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{folder.name}/score.py {what} failed:\n{proc.stderr}")
    return proc.stdout


def score(folder: Path, plainlint: str) -> dict[str, tuple[int, int]]:
    out = _run(folder, plainlint, "swaps")
    # A set of swap sentences only has no long-sentences.yaml.
    has_splits = (folder / "long-sentences.yaml").is_file()
    if has_splits:
        out += _run(folder, plainlint, "splits")
    made = re.search(r"swaps made by --fix --unsafe-fixes: (\d+); right (\d+); wrong (\d+)", out)
    if made is None:
        raise SystemExit(f"{folder.name}/score.py printed no swap summary")
    swaps, right = int(made.group(1)), int(made.group(2))
    right_swap = _count(out, "right: right swap")
    acceptable = right_swap + _count(out, "right: wrong swap") + _count(out, "right: missed")
    good = _count(out, "right") if has_splits else 0
    bad = (
        (_count(out, "wrong (fragment)") + _count(out, "wrong (unlisted position)"))
        if has_splits
        else 0
    )
    hinted = len(_hinted(folder, plainlint) & _missed(out))
    return {
        "swaps applied right": (right, swaps),
        "right swaps made": (right_swap, acceptable),
        "right swaps offered": (right_swap + hinted, acceptable),
        "right swaps withheld": (hinted, acceptable),
        "splits good": (good, good + bad) if has_splits else (0, 0),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plainlint", default=os.environ.get("PLAINLINT", "plainlint"))
    ap.add_argument("sets", nargs="*", help="set folder names (default: every one)")
    args = ap.parse_args()
    folders = sorted(p.parent for p in DATA.glob("suggestions*/score.py"))
    if args.sets:
        folders = [f for f in folders if f.name in args.sets]
    if not folders:
        raise SystemExit("no bench/data/suggestions*/score.py")
    for folder in folders:
        print(f"== {folder.name}")
        for key, (part, whole) in score(folder, args.plainlint).items():
            print(f"   {key:<26} {_share(part, whole)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
