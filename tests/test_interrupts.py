"""Stopping a run: Ctrl-C and SIGTERM end it and its workers at once, nothing is left
behind, and the exit code says so (130 for Ctrl-C, 143 for SIGTERM)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import SEED, plainlint_command

LINKED_LATER = (
    "---\naudienceLevel: patient\n---\n\n# Care\n\n"
    "Your prognosis is good.\n\nThe [prognosis](/glossary/prognosis) is good.\n"
)


def collection(folder: Path, count: int = 400) -> None:
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(count):
        (folder / f"a{i:04}.md").write_text(text, encoding="utf-8")


def children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    # A zombie has ended; it only waits for its parent to collect it.
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")


def start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[bytes], list[int]]:
    proc = subprocess.Popen(
        [*plainlint_command(), "check", "--no-cache", *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        time.sleep(0.05)
        workers = children(proc.pid)
    return proc, workers


def finish(proc: subprocess.Popen[bytes]) -> tuple[int, bytes, bytes]:
    out, err = proc.communicate(timeout=20)  # EOF on both pipes: nobody holds them open
    return proc.returncode, out, err


def test_sigterm_ends_the_parent_and_its_workers(tmp_path: Path) -> None:
    collection(tmp_path / "site")
    proc, workers = start(tmp_path, "--jobs", "2", "site")
    assert len(workers) >= 2, "the pool did not start"
    time.sleep(0.3)
    proc.send_signal(signal.SIGTERM)
    code, _, err = finish(proc)
    assert code == 143, err
    assert b"Traceback" not in err
    time.sleep(0.5)
    assert not [w for w in workers if alive(w)]


def test_ctrl_c_exits_130_with_no_traceback(tmp_path: Path) -> None:
    collection(tmp_path / "site")
    proc, workers = start(tmp_path, "--jobs", "2", "site")
    assert len(workers) >= 2
    time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole group
    code, _, err = finish(proc)
    assert code == 130, err
    assert b"Traceback" not in err and b"Stopped." in err
    time.sleep(0.5)
    assert not [w for w in workers if alive(w)]


def test_workers_end_when_the_parent_is_killed_outright(tmp_path: Path) -> None:
    collection(tmp_path / "site")
    proc, workers = start(tmp_path, "--jobs", "2", "site")
    assert len(workers) >= 2
    proc.kill()
    proc.communicate(timeout=20)  # the workers do not hold the output pipes open
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(alive(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if alive(w)]


def test_an_interrupted_fix_leaves_no_copies_behind(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / ".plainlint.yaml").write_text("glossary-patterns: ['/glossary/']\n")
    body = LINKED_LATER + SEED.read_text(encoding="utf-8").split("---", 2)[2]
    for i in range(600):
        (site / f"a{i:04}.md").write_text(body, encoding="utf-8")
    for jobs, delay in (("1", 0.8), ("2", 1.2), ("1", 1.5)):
        proc = subprocess.Popen(
            [*plainlint_command(), "check", "--no-cache", "--jobs", jobs, "--fix", "site"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGINT)
        code, _, err = finish(proc)
        assert code in (130, 1), err  # 1: it finished before the signal came
        leftovers = [p.name for p in site.iterdir() if p.name.startswith(".a")]
        assert leftovers == [], leftovers
        # Every article is whole: fixed or not, never cut short.
        for path in site.glob("*.md"):
            text = path.read_text(encoding="utf-8")
            assert text.endswith(body[-200:]) and len(text) >= len(body)


def test_ctrl_c_during_a_write_waits_for_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C arrives while the fixed text is being flushed to disk (the slow part)."""
    from linter.fixes import write_fixed
    from linter.source import SourceFile

    path = tmp_path / "a.md"
    path.write_text(LINKED_LATER, encoding="utf-8")
    real_fsync = os.fsync

    def fsync_then_ctrl_c(fd: int) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync_then_ctrl_c)
    src = SourceFile.from_text("a.md", LINKED_LATER)
    with pytest.raises(KeyboardInterrupt):
        write_fixed(path, src, LINKED_LATER.replace("Your", "Our"))
    assert path.read_text(encoding="utf-8") == LINKED_LATER.replace("Your", "Our")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]
