"""Build linter/data/word-frequency.txt from the wordfreq package.

wordfreq (Robyn Speer; data under CC BY-SA 4.0) gives how often words appear in
everyday English, on the Zipf scale: 7 is "the", 3 is about once in a million words.
Loading wordfreq itself takes 0.3 s; this keeps only what PL102 needs: English words
of letters with a Zipf value of 2.0 or more, one line per value, "zipf word word ...",
which loads in a few hundredths of a second. Run it again when wordfreq changes:

    python tools/build_wordfreq.py
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from pathlib import Path

from provenance import provenance

OUT = Path(__file__).resolve().parent.parent / "linter" / "data" / "word-frequency.txt"
FLOOR = 2.0
_WORD = re.compile(r"^[a-z]+(?:'[a-z]+)?$")


def zipf_table() -> dict[str, float]:
    import wordfreq

    table = {}
    for word, freq in wordfreq.get_frequency_dict("en", wordlist="best").items():
        if not _WORD.match(word):
            continue
        zipf = round(math.log10(freq) + 9, 1)
        if zipf >= FLOOR:
            table[word] = zipf
    return table


def render(table: dict[str, float]) -> str:
    by_value: dict[float, list[str]] = defaultdict(list)
    for word, zipf in table.items():
        by_value[zipf].append(word)
    import wordfreq

    data = Path(wordfreq.__file__).parent / "data" / "large_en.msgpack.gz"
    lines = [
        provenance("build_wordfreq.py", "wordfreq", [data]),
        "# Zipf word frequencies of English words (2.0 and up), from the wordfreq package",
        "# by Robyn Speer, whose data is licensed CC BY-SA 4.0; this derived list is under",
        "# the same licence. Made by tools/build_wordfreq.py: a Zipf value, then its words.",
    ]
    lines += [f"{z:.1f} {' '.join(sorted(ws))}" for z, ws in sorted(by_value.items(), reverse=True)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUT.write_text(render(zipf_table()), encoding="utf-8")
    print(f"wrote {OUT}")
