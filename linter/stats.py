"""plainlint stats: an article's counts and every reading grade."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from linter.config import Config
from linter.display import shown
from linter.document import Document
from linter.engine import Skip, load_document
from linter.grades import GRADE_METRICS, METRIC_NAMES, grade, sentence_counts
from linter.prose import LIST_ITEM, TABLE_CELL
from linter.source import ReadError, read_source
from linter.syllables import syllables

_LONGEST = 5


def load(path: Path, display: str, config: Config, audience: str | None) -> Document:
    src = read_source(path, display)
    # stats describes any article: with no profile for its audience, use the first one.
    loaded = load_document(src, config, audience)
    if isinstance(loaded, Skip):
        fallback = next(iter(config.profiles), None)
        loaded = load_document(src, config, audience or fallback)
        if isinstance(loaded, Skip):
            raise ReadError(f"{display}: {loaded.reason}")
    return loaded


def word_stats(doc: Document) -> list[dict[str, Any]]:
    """Each distinct word of the prose, with its syllables and where the count came from."""
    seen: dict[str, dict[str, Any]] = {}
    for sentence in doc.sentences:
        for w in sentence.words:
            key = w.text.lower()
            if key not in seen:
                n, source = syllables(w.text)
                seen[key] = {"word": w.text, "syllables": n, "source": source}
    return sorted(seen.values(), key=lambda r: r["word"].lower())


# The table's columns: the score, then the parts it adds up (rules/difficulty.yaml).
SENTENCE_COLUMNS = (
    "line",
    "words",
    "grade",
    "difficulty",
    "rarity",
    "jargon",
    "dale_chall",
    "text",
)


def sentence_stats(doc: Document) -> list[dict[str, Any]]:
    out = []
    for s in doc.sentences:
        d = doc.difficulty(s)
        out.append(
            {
                "line": doc.source.position(s.unit.offset(s.start))[0],
                "text": s.text,
                "words": len(s.words),
                "grade": round(d.grade, 1),
                "difficulty": round(d.score, 1),
                "rarity": round(d.rarity, 1),
                "jargon": d.jargon,
                "dale_chall": round(d.dale_chall, 1),
            }
        )
    return out


def article_stats(doc: Document) -> dict[str, Any]:
    display = doc.path
    sentences = doc.sentences
    counts = [sentence_counts(s) for s in sentences]
    whole = doc.counts
    ranked = sorted(zip(sentences, counts, strict=True), key=lambda p: -p[1].words)
    return {
        "path": display,
        "audience": doc.front_matter.audience,
        "profile": doc.profile.name,
        "words": whole.words,
        "sentences": whole.sentences,
        # Grades count each list item and table cell as a sentence of its own (a lead-in
        # with six short items is seven sentences), which lowers them: say how many.
        "sentences_from": {
            "list_items": sum(1 for s in sentences if s.unit.kind == LIST_ITEM),
            "table_cells": sum(1 for s in sentences if s.unit.kind == TABLE_CELL),
            # With `list-items: with-lead-in`: items counted as part of their lead-in.
            "list_items_in_lead_in": doc.lead_in_items,
        },
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


def _sentences(data: dict[str, Any]) -> str:
    source = data["sentences_from"]
    folded = source["list_items_in_lead_in"]
    parts = []
    if source["list_items"] - folded:
        parts.append(f"{source['list_items'] - folded} from list items")
    if source["table_cells"]:
        parts.append(f"{source['table_cells']} from table cells")
    if folded:
        parts.append(f"and {folded} list items counted in the sentence before them")
    return str(data["sentences"]) + (f" ({', '.join(parts)})" if parts else "")


def render_table(data: dict[str, Any]) -> str:
    rows = [
        ("Article", data["path"]),
        ("Profile", f"{data['profile']} (target: grade {data['grade_target']:g})"),
        ("Words", str(data["words"])),
        ("Sentences", _sentences(data)),
        ("Syllables", str(data["syllables"])),
        ("Words per sentence", f"{data['words_per_sentence']:.1f}"),
        ("Syllables per word", f"{data['syllables_per_word']:.2f}"),
    ]
    for metric, value in data["grades"].items():
        mark = "  <- used for the target" if metric == data["grade_metric"] else ""
        rows.append((METRIC_NAMES[metric], f"{value:.1f}{mark}"))
    width = max(len(k) for k, _ in rows)
    lines = [f"{k:<{width}}  {shown(v)}" for k, v in rows]
    lines.append("")
    lines.append("Longest sentences:")
    for item in data["longest_sentences"]:
        text = shown(item["text"])
        text = text if len(text) <= 70 else text[:69] + "…"
        lines.append(f"  line {item['line']:>4}  {item['words']:>3} words  {text}")
    return "\n".join(lines)


def render_rows(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """A plain text table; long text is cut to keep one row per line."""

    def cell(v: Any) -> str:
        text = f"{v:g}" if isinstance(v, float) else shown(str(v))
        return text if len(text) <= 60 else text[:59] + "…"

    table = [[c for c in columns]] + [[cell(r[c]) for c in columns] for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(columns))]
    lines = []
    for row in table:
        parts = [
            v.ljust(widths[i])
            if i == len(columns) - 1 or not v.replace(".", "").isdigit()
            else v.rjust(widths[i])
            for i, v in enumerate(row)
        ]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)
