"""bench/agreement.py: Spearman's rho with ties, its bootstrap interval, and a run on a
rating set placed in a data folder (the real script in a subprocess)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "agreement.py"
_spec = importlib.util.spec_from_file_location("agreement", SCRIPT)
agreement = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(agreement)  # type: ignore[union-attr]


def test_ranks_share_ties_and_rho_is_right() -> None:
    assert agreement.ranks([10, 20, 20, 30]) == [1.0, 2.5, 2.5, 4.0]
    assert agreement.spearman([1, 2, 3, 4], [2, 4, 6, 8]) == 1.0
    assert agreement.spearman([1, 2, 3, 4], [8, 6, 4, 2]) == -1.0
    # Worked by hand: ranks (1, 2, 3, 4, 5) against (2, 1, 4, 3, 5): rho = 1 - 6*4/120.
    assert abs(agreement.spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) - 0.8) < 1e-12
    assert agreement.spearman([1, 1, 1], [1, 2, 3]) == 0.0
    low, high = agreement.interval([1, 2, 3, 4, 5, 6], [1, 3, 2, 5, 4, 6], 200)
    assert -1.0 <= low <= agreement.spearman([1, 2, 3, 4, 5, 6], [1, 3, 2, 5, 4, 6]) <= high


def test_a_rating_set_in_the_data_folder_is_scored(tmp_path: Path) -> None:
    folder = tmp_path / "ratings-mine"
    folder.mkdir()
    rows = [
        ("Rest well.", 1),
        ("Drink water when you feel thirsty.", 2),
        ("Your doctor may change the dose of your tablets.", 3),
        ("Thrombocytopenia may necessitate transfusion of platelets.", 5),
        ("Pancytopenia and neutropenic sepsis complicated myelosuppressive chemotherapy.", 6),
    ]
    (folder / "ratings.tsv").write_text(
        "sentence\trating\n" + "".join(f"{s}\t{r}\n" for s, r in rows), encoding="utf-8"
    )
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(tmp_path), "--resamples", "100"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "ratings-mine: 5 rated sentences" in proc.stdout
    line = next(x for x in proc.stdout.splitlines() if x.strip().startswith("plainlint difficulty"))
    assert "rho 1.000" in line
