"""How much counting a lead-in and its list items as one sentence changes grades.

    python bench/list_items.py [--plainlint CMD] [FOLDER]

For each article in FOLDER (default bench/data/nci-pages), runs `plainlint stats --format
json` twice, with `list-items: separately` and with `list-items: with-lead-in` (each
from a temporary config file), and prints the sentence counts and Flesch-Kincaid grades.
Nothing is fetched; nothing is written in FOLDER.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from installed import plainlint_command  # a sibling script, not a package

HERE = Path(__file__).resolve().parent


def _stats(cmd: str, article: Path, config: Path) -> dict[str, object]:
    proc = subprocess.run(
        [*shlex.split(cmd), "stats", "--format", "json", "--config", str(config), str(article)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"plainlint stats failed on {article.name}:\n{proc.stderr}")
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plainlint", default=plainlint_command())
    ap.add_argument("folder", nargs="?", default=str(HERE / "data" / "nci-pages"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        configs = {}
        for value in ("separately", "with-lead-in"):
            configs[value] = Path(tmp) / f"{value}.yaml"
            configs[value].write_text(f"list-items: {value}\n", encoding="utf-8")
        print(f"{'article':<30} {'sentences':>17} {'grade':>15} {'change':>7}")
        for article in sorted(p for p in Path(args.folder).glob("*.md") if p.name != "SOURCE.md"):
            a = _stats(args.plainlint, article, configs["separately"])
            b = _stats(args.plainlint, article, configs["with-lead-in"])
            ga, gb = a["grades"]["flesch-kincaid"], b["grades"]["flesch-kincaid"]  # type: ignore[index]
            print(
                f"{article.stem:<30} {a['sentences']:>8} -> {b['sentences']:<5} "
                f"{ga:>6.2f} -> {gb:<6.2f} {gb - ga:>+7.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
