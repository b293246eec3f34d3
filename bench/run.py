"""Speed and memory of plainlint at collection scale, next to its peers.

    python bench/run.py                 # 2,000 articles, 3 runs of each
    python bench/run.py --memory        # also 20,000 articles, for flat memory
    python bench/run.py --count 500 --runs 1

Builds the benchmark corpus with the team's make-corpus.py, then times:
- plainlint cold (no cache, one process per CPU) and with --jobs 1;
- plainlint warm (every article unchanged, results from the cache);
- plainlint on one small article, as pre-commit runs it;
- the peers that are installed: textlint with sentence-length and prh (bench/peers),
  and proselint;
and prints articles/s, wall seconds (median of the runs) and peak memory of the whole
process tree, with the ratio of plainlint's cold speed to each peer's, from this run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT.parent / "shared" / "tools" / "make-corpus.py"
SMALL = ROOT / "examples" / "managing-tiredness.md"
PEERS = Path(__file__).resolve().parent / "peers"


@dataclass
class Row:
    name: str
    articles: int
    walls: list[float]
    peak_mb: float
    peer: bool = False

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def rate(self) -> float:
        return self.articles / self.wall if self.wall else 0.0


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def measure(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of a command and its children."""
    peak = 0
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    proc.wait()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    return wall, peak / 1024


def repeat(
    name: str, cmd: list[str], cwd: Path, articles: int, runs: int, peer: bool = False
) -> Row:
    walls, peaks = [], []
    for _ in range(runs):
        wall, peak = measure(cmd, cwd)
        walls.append(wall)
        peaks.append(peak)
    return Row(name, articles, walls, max(peaks), peer)


def make_corpus(out: Path, count: int) -> list[Path]:
    if not TOOL.exists():
        sys.exit(f"bench: the corpus tool is not at {TOOL}")
    subprocess.run(
        [sys.executable, str(TOOL), str(out), "--count", str(count)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return sorted(out.glob("*.md"))


def plainlint() -> list[str]:
    found = shutil.which("plainlint", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "linter"]


def textlint_command(work: Path) -> list[str] | None:
    binary = PEERS / "node_modules" / ".bin" / "textlint"
    if not binary.exists():
        found = shutil.which("textlint")
        if not found:
            return None
        binary = Path(found)
    # The same term list plainlint's PL103 uses, as prh rules, and the same sentence limit.
    swaps = yaml.safe_load((ROOT / "rules" / "complex-words.yaml").read_text(encoding="utf-8"))
    rules = [
        {"expected": str(plain).split(" / ")[0], "pattern": word}
        for word, plain in swaps["swap"].items()
    ]
    (work / "prh.yml").write_text(
        yaml.safe_dump({"version": 1, "rules": rules}, allow_unicode=True), encoding="utf-8"
    )
    (work / ".textlintrc.json").write_text(
        '{"rules": {"sentence-length": {"max": 25}, "prh": {"rulePaths": ["prh.yml"]}}}',
        encoding="utf-8",
    )
    return [str(binary), "--format", "compact", "corpus"]


def proselint_command() -> list[str] | None:
    found = shutil.which("proselint", path=str(Path(sys.executable).parent)) or shutil.which(
        "proselint"
    )
    return [found, "check", "corpus"] if found else None


def table(rows: list[Row], baseline: Row) -> str:
    lines = [
        f"{'run':<44}{'articles':>9}{'art/s':>9}{'wall s':>9}{'peak MB':>9}  plainlint cold is",
    ]
    for r in rows:
        ratio = f"{baseline.rate / r.rate:.1f}x faster" if r.peer and r.rate else ""
        lines.append(
            f"{r.name:<44}{r.articles:>9}{r.rate:>9.1f}{r.wall:>9.2f}{r.peak_mb:>9.0f}  {ratio}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory", action="store_true", help="also lint 20,000 articles")
    args = parser.parse_args()
    cmd = plainlint()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="plainlint-bench-") as tmp:
        work = Path(tmp)
        files = make_corpus(work / "corpus", args.count)
        n = len(files)
        cold = repeat(
            f"plainlint cold, --jobs {os.cpu_count()}",
            [*cmd, "check", "--no-cache", "--quiet", "corpus"],
            work,
            n,
            args.runs,
        )
        rows.append(cold)
        rows.append(
            repeat(
                "plainlint cold, --jobs 1",
                [*cmd, "check", "--no-cache", "--quiet", "--jobs", "1", "corpus"],
                work,
                n,
                1,
            )
        )
        cache = work / "cache"
        measure([*cmd, "check", "--quiet", "--cache-dir", str(cache), "corpus"], work)
        rows.append(
            repeat(
                "plainlint warm (all cached)",
                [*cmd, "check", "--quiet", "--cache-dir", str(cache), "corpus"],
                work,
                n,
                args.runs,
            )
        )
        one = work / "one"
        one.mkdir()
        shutil.copy(SMALL, one / SMALL.name)
        walls = []
        for _ in range(max(5, args.runs)):
            # As pre-commit runs it: a changed file, so no cached result for it.
            shutil.rmtree(one / ".plainlint_cache", ignore_errors=True)
            wall, peak = measure([*cmd, "check", SMALL.name], one)
            walls.append(wall)
        rows.append(Row("plainlint, one small article (pre-commit)", 1, walls, peak))
        textlint = textlint_command(work)
        if textlint is not None:
            rows.append(repeat("textlint (sentence-length, prh)", textlint, work, n, 1, True))
        else:
            print("textlint not installed: cd bench/peers && npm install", file=sys.stderr)
        proselint = proselint_command()
        if proselint is not None:
            rows.append(repeat("proselint", proselint, work, n, 1, True))
        else:
            print("proselint not installed: pip install proselint", file=sys.stderr)
        print(f"Corpus: {n} articles from make-corpus.py; {os.cpu_count()} CPUs.")
        print(f"Wall times are medians of {args.runs} runs; ratios are from this run.\n")
        print(table(rows, cold))
        same = _same_output(cmd, work, cache)
        print(f"\nOutput identical for --jobs 1, --jobs 2 and a cached run: {same}")
        if args.memory:
            big = make_corpus(work / "corpus20k", args.count * 10)
            lint = [*cmd, "check", "--no-cache", "--quiet"]
            small_run = repeat("cold", [*lint, "corpus"], work, n, 1)
            big_run = repeat("cold", [*lint, "corpus20k"], work, len(big), 1)
            print(
                f"\nMemory: {n} articles {small_run.peak_mb:.0f} MB, {len(big)} articles "
                f"{big_run.peak_mb:.0f} MB (ratio {big_run.peak_mb / small_run.peak_mb:.2f}); "
                f"{len(big)} articles at {big_run.rate:.0f} articles/s"
            )
    return 0


def _same_output(cmd: list[str], work: Path, cache: Path) -> bool:
    outputs = []
    for extra in (
        ["--no-cache", "--jobs", "1"],
        ["--no-cache", "--jobs", "2"],
        ["--cache-dir", str(cache)],
    ):
        proc = subprocess.run(
            [*cmd, "check", *extra, "corpus"], cwd=work, capture_output=True, text=True
        )
        outputs.append(proc.stdout)
    return outputs[0] == outputs[1] == outputs[2]


if __name__ == "__main__":
    sys.exit(main())
