"""plainlint report: one self-contained HTML file that shows writers where to start.

A summary table (sortable) and a plot of each article's grade against its target, then
each article's text with its problems highlighted: long sentences, jargon without a
link, unfamiliar and complex words, acronyms, and hard sections. Each highlight shows
its message on hover and in a side list. No external files, fonts or scripts.
"""

from __future__ import annotations

import html
import itertools
import json
from dataclasses import dataclass
from pathlib import Path

from linter.diagnostics import Diagnostic
from linter.display import shown
from linter.results import FileResult
from linter.source import SourceFile

# Okabe-Ito colours, which stay apart for colour-blind readers, and a different line
# or fill for each kind, so that no kind depends on colour alone.
# Each highlight kind a rule can declare (its HIGHLIGHT), with its label and colour.
KINDS = {
    "long": ("Long sentence", "#F0E442"),
    "jargon": ("Jargon without a glossary link", "#0072B2"),
    "unfamiliar": ("Unfamiliar word", "#D55E00"),
    "complex": ("Word with a plainer choice", "#CC79A7"),
    "acronym": ("Acronym not spelled out", "#009E73"),
    "section": ("Hard section", "#E69F00"),
}


def _h(text: str, keep_lines: bool = False) -> str:
    """Text for the page: escaped for HTML, with controls and bidirectional marks visible."""
    return html.escape(shown(text, keep_lines), quote=True)


@dataclass
class Article:
    result: FileResult
    source: SourceFile | None
    body_start: int


def _codes_by_kind() -> dict[str, list[str]]:
    """Each highlight kind, with the rules that declare it (from the registry)."""
    from linter.rules import all_rules

    out: dict[str, list[str]] = {}
    for rule in all_rules():
        if rule.highlight is not None:
            out.setdefault(rule.highlight, []).append(rule.code)
    return out


def _kind(d: Diagnostic) -> str | None:
    return d.highlight if d.highlight in KINDS else None


def _highlighted(article: Article, index: int) -> tuple[str, list[tuple[str, Diagnostic]]]:
    """The article's text as HTML, with a span for each stretch under the same problems."""
    assert article.source is not None
    text = article.source.text
    start = article.body_start
    marks: list[tuple[int, int, str, str, Diagnostic]] = []
    listed: list[tuple[str, Diagnostic]] = []
    for n, d in enumerate(article.result.diagnostics):
        kind = _kind(d)
        anchor = f"a{index}-p{n}"
        listed.append((anchor, d))
        if kind is None or d.span.end <= d.span.start or d.span.start < start:
            continue
        marks.append((d.span.start, d.span.end, kind, anchor, d))
    cuts = sorted({start, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    # Sweep the cuts once, keeping the marks that cover the current piece: every piece
    # against every mark would be quadratic in the number of marks.
    by_start: dict[int, list[int]] = {}
    by_end: dict[int, list[int]] = {}
    for i, m in enumerate(marks):
        by_start.setdefault(m[0], []).append(i)
        by_end.setdefault(m[1], []).append(i)
    covering: dict[int, None] = {}
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        for i in by_end.get(a, ()):
            covering.pop(i, None)
        for i in by_start.get(a, ()):
            covering[i] = None
        if b <= start:
            continue
        piece = _h(text[a:b], keep_lines=True)
        active = [marks[i] for i in sorted(covering)]
        if not active:
            out.append(piece)
            continue
        classes = " ".join(sorted({m[2] for m in active}))
        tip = "\n".join(
            f"{m[4].code} {m[4].message}" + "".join(f"\n• {s}" for s in m[4].suggestions)
            for m in active
        )
        # The first piece of a problem carries its anchor, for the side list's links.
        ids = [m[3] for m in active if m[0] == a]
        id_attr = f' id="{ids[0]}"' if ids else ""
        codes = " ".join(sorted({m[4].code for m in active}))
        out.append(
            f'<mark class="hl {classes}"{id_attr} data-codes="{codes}" '
            f'title="{_h(tip, keep_lines=True)}" tabindex="0">{piece}</mark>'
        )
    return "".join(out), listed


def _worst_section(r: FileResult, index: int) -> tuple[str, str, float] | None:
    worst = None
    for n, d in enumerate(r.diagnostics):
        facts = d.details
        if facts is None or facts.section is None or facts.grade is None:
            continue
        if worst is None or facts.grade > worst[2]:
            worst = (f"a{index}-p{n}", facts.section, facts.grade)
    return worst


def _plot(articles: list[Article]) -> str:
    graded = [a for a in articles if a.result.grade is not None and a.result.target is not None]
    if not graded:
        return ""
    top = max(20.0, *(a.result.grade or 0 for a in graded)) + 1
    row, width, left = 22, 640, 210
    height = row * len(graded) + 40
    scale = (width - left - 20) / top
    parts = [
        f'<svg role="img" aria-labelledby="plot-title" viewBox="0 0 {width} {height}" '
        f'width="100%" class="plot"><title id="plot-title">Reading grade of each article '
        "against its target</title>"
    ]
    for g in range(0, int(top) + 1, 2):
        x = left + g * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="10" x2="{x:.1f}" y2="{height - 25}" class="grid"/>'
            f'<text x="{x:.1f}" y="{height - 10}" class="tick">{g}</text>'
        )
    for i, a in enumerate(graded):
        assert a.result.target is not None and a.result.grade is not None
        y = 14 + i * row
        grade = max(a.result.grade, 0.0)
        target = a.result.target
        over = a.result.grade > target
        name = _h(Path(a.result.path).name)
        parts.append(
            f'<text x="{left - 6}" y="{y + 11}" class="label">{name}</text>'
            f'<rect x="{left}" y="{y}" width="{grade * scale:.1f}" height="14" '
            f'class="{"over" if over else "ok"}"><title>{name}: grade {a.result.grade:.1f}, '
            f"target {target:g}</title></rect>"
            f'<line x1="{left + target * scale:.1f}" y1="{y - 2}" '
            f'x2="{left + target * scale:.1f}" y2="{y + 16}" class="target"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


_CSS = """
:root { --ink:#1b1b1b; --muted:#555; --line:#ccc; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 1200px; padding: 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2.5rem; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; }
th { cursor: pointer; user-select: none; background: #f4f4f4; position: sticky; top: 0; }
th[aria-sort]::after { content: " ↕"; color: var(--muted); }
td.num, th.num { text-align: right; }
.table-wrap { overflow-x: auto; }
.over-target { color: #b00; font-weight: 600; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1rem; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: .4rem; }
.article { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; }
@media (max-width: 760px) { .article { grid-template-columns: 1fr; } }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, Menlo,
  Consolas, monospace; font-size: .9rem; background: #fafafa; border: 1px solid var(--line);
  padding: .75rem; border-radius: 6px; }
.problems { font-size: .9rem; padding-left: 1.2rem; max-height: 80vh; overflow-y: auto; }
.problems li { margin-bottom: .5rem; }
.problems .help { color: var(--muted); display: block; }
mark.hl { background: none; color: inherit; padding: 0; }
mark.long { background: rgba(240, 228, 66, .45); }
mark.jargon { text-decoration: underline solid #0072B2 3px; text-underline-offset: 3px; }
mark.unfamiliar { text-decoration: underline dotted #D55E00 3px; text-underline-offset: 3px; }
mark.complex { text-decoration: underline wavy #CC79A7 2px; text-underline-offset: 3px; }
mark.acronym { text-decoration: underline dashed #009E73 3px; text-underline-offset: 3px; }
mark.section { border-left: 6px solid #E69F00; padding-left: .3rem; font-weight: 700; }
mark.hl:focus, mark.hl:hover { outline: 2px solid #000; }
.sample { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9rem; }
.plot .grid { stroke: #e3e3e3; } .plot .tick { font-size: 10px; fill: var(--muted);
  text-anchor: middle; } .plot .label { font-size: 11px; text-anchor: end; }
.plot .ok { fill: #0072B2; } .plot .over { fill: #D55E00; }
.plot .target { stroke: #000; stroke-width: 2; stroke-dasharray: 3 2; }
"""

_JS = """
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('th').forEach(function (th, col) {
    th.setAttribute('aria-sort', 'none');
    th.addEventListener('click', function () {
      var rows = Array.from(table.tBodies[0].rows);
      var up = th.getAttribute('aria-sort') !== 'ascending';
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.value || a.cells[col].textContent;
        var y = b.cells[col].dataset.value || b.cells[col].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return up ? c : -c;
      });
      table.querySelectorAll('th').forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
      rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
    });
  });
});
"""


def render(articles: list[Article], title: str = "plainlint report") -> str:
    codes = sorted({d.code for a in articles for d in a.result.diagnostics})
    head = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_h(title)}</h1>",
    ]
    checked = [a for a in articles if a.result.error is None and a.result.skipped is None]
    body = [
        f"<p>{len(checked)} articles checked, "
        f"{sum(len(a.result.diagnostics) for a in checked)} problems.</p>",
        '<div class="table-wrap"><table class="sortable" id="summary"><thead><tr>'
        '<th>Article</th><th class="num">Grade</th><th class="num">Target</th>'
        + "".join(f'<th class="num">{c}</th>' for c in codes)
        + "</tr></thead><tbody>",
    ]
    for i, a in enumerate(articles):
        r = a.result
        grade = "" if r.grade is None else f"{r.grade:.1f}"
        target = "" if r.target is None else f"{r.target:g}"
        over = r.grade is not None and r.target is not None and r.grade > r.target
        name = _h(r.path)
        link = f'<a href="#article-{i}">{name}</a>' if a.source is not None else name
        note = f" ({_h(r.skipped or r.error or '')})" if a.source is None else ""
        counts = [sum(1 for d in r.diagnostics if d.code == c) for c in codes]
        body.append(
            f"<tr><td>{link}{note}</td>"
            f'<td class="num{" over-target" if over else ""}" data-value="{grade}">{grade}</td>'
            f'<td class="num">{target}</td>'
            + "".join(f'<td class="num">{n}</td>' for n in counts)
            + "</tr>"
        )
    body.append("</tbody></table></div>")
    body.append("<h2>Grade against target</h2>")
    body.append(_plot(articles))
    body.append('<h2>Key</h2><ul class="legend">')
    by_kind = _codes_by_kind()
    for kind, (label, _colour) in KINDS.items():
        codes = ", ".join(by_kind.get(kind, []))
        body.append(
            f'<li><mark class="hl {kind} sample">{"Heading" if kind == "section" else "sample"}'
            f"</mark> {_h(label)} ({codes})</li>"
        )
    body.append("</ul><p>Hover over or tab to a highlight for its message and advice.</p>")
    for i, a in enumerate(articles):
        if a.source is None:
            continue
        r = a.result
        text, listed = _highlighted(a, i)
        grade = (
            ""
            if r.grade is None or r.target is None
            else (f" — grade {r.grade:.1f}, target {r.target:g}")
        )
        body.append(f'<section id="article-{i}"><h2>{_h(r.path)}{grade}</h2>')
        worst = _worst_section(r, i)
        if worst is not None:
            anchor, name, score = worst
            body.append(
                f'<p class="worst">Hardest section: <a href="#{anchor}">{_h(name)}</a>'
                f" (grade {score:.1f}). Start there.</p>"
            )
        body.append(
            f'<div class="article"><div class="text" data-path="{_h(r.path)}">{text}'
            '</div><ol class="problems">'
        )
        for anchor, d in listed:
            helps = "".join(f'<span class="help">{_h(s)}</span>' for s in d.suggestions)
            body.append(
                f'<li><a href="#{anchor}">{d.line}:{d.column}</a> <b>{d.code}</b> '
                f"{_h(d.message)}{helps}</li>"
            )
        body.append("</ol></div></section>")
    data = json.dumps({"kinds": by_kind})
    tail = [
        f'<script type="application/json" id="plainlint-kinds">{data}</script>',
        f"<script>{_JS}</script></body></html>",
    ]
    return "\n".join(head + body + tail) + "\n"
