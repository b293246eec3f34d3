"""bench/jargon_by_topic.py groups a set's own score.py figures by topic: the real script
in a subprocess, against the real CLI, on a labelled set copied into a data folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SCRIPT = ROOT / "bench" / "jargon_by_topic.py"
SET = ROOT / "bench" / "data" / "patient-prose-topics"
PLAINLINT = str(Path(sys.executable).with_name("plainlint"))


def test_topics_add_up_to_the_sets_own_score(tmp_path: Path) -> None:
    copy = tmp_path / "data" / SET.name
    shutil.copytree(SET, copy)
    # Two topics only, so that the grouping, not just the total, is checked.
    (copy / "topics.yaml").write_text(
        "asthma.md: lung\nheart-failure.md: heart\n", encoding="utf-8"
    )
    run = [sys.executable, str(SCRIPT), "--plainlint", PLAINLINT, "--data", str(copy.parent)]
    proc = subprocess.run(run, capture_output=True, text=True, check=False, timeout=300)
    assert proc.returncode == 0, proc.stderr
    own = subprocess.run(
        [sys.executable, str(copy / "score.py"), "--plainlint", PLAINLINT, "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    total = json.loads(own.stdout)["rules"]["together"]
    rows = {line.split()[0]: line for line in proc.stdout.splitlines() if "recall" in line}
    found, unexplained = total["found"], total["unexplained"]
    assert f"recall {found}/{unexplained} " in rows["all"]
    assert total["precision"] in rows["all"]
    # asthma.md leaves four terms unexplained on purpose; the other eight articles have no
    # topic here and are counted apart.
    assert "recall " in rows["lung"] and "/4 " in rows["lung"]
    assert "/4 " in rows["heart"]
    assert f"/{unexplained - 8} " in rows["(no"]
