"""The GitHub Action's run step, executed by bash as the runner would run it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml
from conftest import BIN, ROOT, SEED


def test_action_runs_plainlint_with_its_inputs(tmp_path: Path) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) >= {"paths", "config", "diff-base"}
    step = next(s for s in action["runs"]["steps"] if s.get("name") == "Run plainlint")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "site.yaml").write_text("ignore: [PL1]\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    env = {
        **os.environ,
        "PLAINLINT_PATHS": "docs",
        "PLAINLINT_CONFIG": "site.yaml",
        "PLAINLINT_DIFF_BASE": "",
        "GITHUB_STEP_SUMMARY": str(summary),
        # The action installs plainlint into the runner's Python; here it is ours.
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    proc = subprocess.run(
        ["bash", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines and all(line.startswith("::") for line in lines)
    assert any("file=docs/a.md,line=66" in line and "PL201" in line for line in lines)
    assert not any("PL101" in line for line in lines)
    assert "## plainlint" in summary.read_text(encoding="utf-8")
