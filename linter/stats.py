"""plainlint stats: an article's counts and every reading grade."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from linter.config import GRADE_METRICS, Config
from linter.engine import load_document
from linter.grades import METRIC_NAMES, grade, sentence_counts, total
from linter.source import ReadError, read_source

_LONGEST = 5


def article_stats(path: Path, display: str, config: Config, audience: str | None) -> dict[str, Any]:
    src = read_source(path, display)
    # stats describes any article: with no profile for its audience, use the patient one.
    loaded = load_document(src, config, audience)
    if isinstance(loaded, str):
        fallback = next(iter(config.profiles), None)
        loaded = load_document(src, config, audience or fallback)
        if isinstance(loaded, str):
            raise ReadError(f"{display}: {loaded}")
    doc = loaded
    sentences = doc.sentences
    counts = [sentence_counts(s) for s in sentences]
    whole = total(counts)
    ranked = sorted(zip(sentences, counts, strict=True), key=lambda p: -p[1].words)
    return {
        "path": display,
        "audience": doc.front_matter.audience,
        "profile": doc.profile.name,
        "words": whole.words,
        "sentences": whole.sentences,
        "syllables": whole.syllables,
        "words_per_sentence": round(whole.words / whole.sentences, 2) if whole.sentences else 0,
        "syllables_per_word": round(whole.syllables / whole.words, 2) if whole.words else 0,
        "grades": {m: round(grade(m, whole), 2) for m in GRADE_METRICS},
        "grade_metric": doc.profile.grade_metric,
        "grade_target": doc.profile.grade_target,
        "longest_sentences": [
            {
                "line": doc.source.position(s.unit.offset(s.start))[0],
                "words": c.words,
                "text": s.text,
            }
            for s, c in ranked[:_LONGEST]
        ],
    }


def render_table(data: dict[str, Any]) -> str:
    rows = [
        ("Article", data["path"]),
        ("Profile", f"{data['profile']} (target: grade {data['grade_target']:g})"),
        ("Words", str(data["words"])),
        ("Sentences", str(data["sentences"])),
        ("Syllables", str(data["syllables"])),
        ("Words per sentence", f"{data['words_per_sentence']:.1f}"),
        ("Syllables per word", f"{data['syllables_per_word']:.2f}"),
    ]
    for metric, value in data["grades"].items():
        mark = "  <- used for the target" if metric == data["grade_metric"] else ""
        rows.append((METRIC_NAMES[metric], f"{value:.1f}{mark}"))
    width = max(len(k) for k, _ in rows)
    lines = [f"{k:<{width}}  {v}" for k, v in rows]
    lines.append("")
    lines.append("Longest sentences:")
    for item in data["longest_sentences"]:
        text = item["text"] if len(item["text"]) <= 70 else item["text"][:69] + "…"
        lines.append(f"  line {item['line']:>4}  {item['words']:>3} words  {text}")
    return "\n".join(lines)
