"""Build linter/data/packs.json: the shipped term lists, parsed, for a fast start.

The YAML files under rules/ are what writers read and edit. Parsing 2,400 entries of
YAML takes about a tenth of a second, too long for a pre-commit run, so their parsed
contents are also kept as JSON, which loads ten times faster. Each file's hash is
stored with it: a YAML file that has changed since is read as YAML again, so an edit
always counts. Run this after editing rules/ (a test checks that it is up to date):

    python tools/build_packs.py
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "linter" / "data" / "packs.json"
sys.path.insert(0, str(ROOT))


def build() -> str:
    from linter.lexicon import load_entries
    from linter.packs import pack_files, packs_dir
    from linter.yamlfile import load_yaml

    data: dict[str, object] = {"lexicon": {}, "complex-words": None}
    for path in pack_files("lexicon"):
        entries = [[e.term, e.plain, list(e.variants), e.source] for e in load_entries(path)]
        data["lexicon"][path.name] = {  # type: ignore[index]
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "entries": entries,
        }
    swaps = packs_dir() / "complex-words.yaml"
    data["complex-words"] = {
        "sha256": hashlib.sha256(swaps.read_bytes()).hexdigest(),
        "data": load_yaml(swaps.read_text("utf-8")),
    }
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


if __name__ == "__main__":
    OUT.write_text(build(), encoding="utf-8")
    print(f"wrote {OUT}")
