"""The GitHub Action's run step, executed by bash as the runner would run it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml
from conftest import BIN, ROOT, SEED


def run_step(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    step = next(s for s in action["runs"]["steps"] if s.get("name") == "Run plainlint")
    env = {
        **os.environ,
        "PLAINLINT_CONFIG": "",
        "PLAINLINT_DIFF_BASE": "",
        # The action installs plainlint into the runner's Python; here it is ours.
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        **env,
    }
    return subprocess.run(
        ["bash", "-c", step["run"]], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_paths_that_look_like_options_are_paths(tmp_path: Path) -> None:
    """paths: "--cache-dir . articles" must not reach the cache: it names three paths."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "keep").mkdir()
    (tmp_path / "keep" / "notes.txt").write_text("mine\n")
    proc = run_step({"PLAINLINT_PATHS": "--cache-dir . articles"}, tmp_path)
    assert proc.returncode == 2  # '--cache-dir' is a path, and there is no such file
    assert "--cache-dir: no such file or folder" in proc.stdout + proc.stderr
    assert "file=articles/a.md" in proc.stdout
    assert (tmp_path / "keep" / "notes.txt").read_text() == "mine\n"
    assert not (tmp_path / ".plainlint_cache").exists()  # the action runs without a cache


def test_action_runs_plainlint_with_its_inputs(tmp_path: Path) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) >= {"paths", "config", "diff-base"}
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "site.yaml").write_text("ignore: [PL1]\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    env = {
        "PLAINLINT_PATHS": "docs",
        "PLAINLINT_CONFIG": "site.yaml",
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    proc = run_step(env, tmp_path)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines and all(line.startswith("::") for line in lines)
    assert any("file=docs/a.md,line=66" in line and "PL201" in line for line in lines)
    assert not any("PL101" in line for line in lines)
    assert "## plainlint" in summary.read_text(encoding="utf-8")
