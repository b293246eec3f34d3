"""plainlint report: a self-contained HTML file, checked as HTML and in a real browser."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, SEED, run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class Marks(HTMLParser):
    """Collects each highlight's classes, tooltip and text, and every outside reference."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str]] = []
        self.depth = 0
        self.external: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.add(tag)
        for key in ("src", "href"):
            value = a.get(key) or ""
            if value and not value.startswith("#"):
                self.external.append(value)
        if tag == "mark" and "sample" not in (a.get("class") or ""):
            self.marks.append(
                {"class": a.get("class") or "", "title": a.get("title") or "", "text": ""}
            )
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and self.marks:
            self.marks[-1]["text"] += data


def make_report(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(SEED, site / "seed.md")
    shutil.copy(ROOT / "examples" / "managing-tiredness.md", site / "plain.md")
    out = tmp_path / "report.html"
    proc = run_cli("report", "site", "-o", str(out), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Wrote" in proc.stdout
    return out


def test_report_is_self_contained_and_marks_the_right_words(tmp_path: Path) -> None:
    out = make_report(tmp_path)
    page = out.read_text(encoding="utf-8")
    parser = Marks()
    parser.feed(page)
    assert parser.external == []
    assert {"svg", "table", "script", "style"} <= parser.tags
    assert "<link" not in page and "@import" not in page
    # Jargon highlights sit exactly on the words their messages quote.
    jargon = [m for m in parser.marks if "jargon" in m["class"].split() and "PL101" in m["title"]]
    assert len(jargon) >= 10
    for m in jargon:
        quoted = re.search(r"PL101 '([^']+)'", m["title"])[1]
        assert m["text"] == quoted
    assert any("long" in m["class"].split() for m in parser.marks)
    assert any("section" in m["class"].split() and m["text"] == "Summary" for m in parser.marks)
    # The summary names the worst article's grade against its target, and the plot shows it.
    assert re.search(
        r"site/seed\.md</a></td><td class=\"num over-target\" data-value=\"1\d\.\d\"", page
    )
    assert "Reading grade of each article against its target" in page
    # The worst section, and the sentences and words that drive the grade, are named.
    assert re.search(r"Hardest section: <a href=\"#a\d+-p\d+\">Comment</a> \(grade 19\.6\)", page)
    assert "Find a shorter word for &#x27;pomalidomide&#x27;" in page
    assert page.count("it is one of the hardest.") >= 3


CHECK = """
<script>
(function () {
  var out = [];
  document.querySelectorAll('.text mark.hl').forEach(function (m) {
    var r = m.getBoundingClientRect();
    var box = m.closest('.text').getBoundingClientRect();
    out.push([m.className, m.textContent, r.width, r.height,
              r.left >= box.left - 1 && r.right <= box.right + 1 ? 1 : 0]);
  });
  var pre = document.createElement('pre');
  pre.id = 'check';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def chromium(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={cwd / 'chromium-profile'}",
    ]
    return subprocess.run(
        [CHROMIUM, *flags, *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


# On a writer's machine without Chromium the browser test is skipped; in CI (.ci/run
# sets CI=true after installing Chromium) a missing browser is a failure, never a skip.
@pytest.mark.skipif(
    CHROMIUM is None and os.environ.get("CI") != "true",
    reason="Chromium is not installed (.ci/run installs it)",
)
def test_report_in_a_real_browser(tmp_path: Path) -> None:
    import json

    assert CHROMIUM is not None, "Chromium is missing: .ci/run installs it before the tests"

    out = make_report(tmp_path)
    checked = tmp_path / "checked.html"
    checked.write_text(out.read_text(encoding="utf-8").replace("</body>", CHECK + "</body>"))
    dom = chromium("--window-size=390,844", "--dump-dom", checked.as_uri(), cwd=tmp_path).stdout
    found = re.search(r'<pre id="check">(.*?)</pre>', dom, re.DOTALL)
    assert found, dom[-2000:]
    marks = json.loads(html.unescape(found[1]))
    assert len(marks) > 30
    # Every highlight is drawn, with a size, inside its article's text, on a phone screen.
    assert all(w > 0 and h > 0 and inside == 1 for _, _, w, h, inside in marks), [
        m for m in marks if not (m[2] > 0 and m[3] > 0 and m[4] == 1)
    ][:5]
    words = {text for cls, text, *_ in marks if "jargon" in cls.split()}
    assert {"prognosis", "armamentarium", "regimen"} <= words
    shot = tmp_path / "report.png"
    proc = chromium("--window-size=1280,2000", f"--screenshot={shot}", out.as_uri(), cwd=tmp_path)
    assert shot.exists() and shot.stat().st_size > 10_000, proc.stderr[-500:]
