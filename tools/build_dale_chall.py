"""Build linter/data/dale-chall.txt: the Dale-Chall list of familiar words.

The list is the one textstat ships (the 3,000 words the Dale-Chall formula counts as
familiar). Reading it from inside textstat's installed files would tie plainlint to
textstat's private layout, and a missing file would make every word unfamiliar without
a word of warning; so it is copied here, with the textstat version and the hash of the
file it came from. Run it again when textstat changes:

    python tools/build_dale_chall.py
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from provenance import provenance

OUT = Path(__file__).resolve().parent.parent / "linter" / "data" / "dale-chall.txt"


def source() -> Path:
    spec = importlib.util.find_spec("textstat")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"


def render(path: Path) -> str:
    words = sorted(set(path.read_text(encoding="utf-8").split()))
    head = [
        provenance("build_dale_chall.py", "textstat", [path]),
        "# The Dale-Chall list of familiar words, as textstat ships it; one word a line.",
    ]
    return "\n".join([*head, *words]) + "\n"


if __name__ == "__main__":
    OUT.write_text(render(source()), encoding="utf-8")
    print(f"wrote {OUT}")
