"""The provenance line every derived data file starts with: what made it, from which
package version, and the hash of each input, so a test can tell when it is stale.

    # provenance: tools/build_x.py; package textstat 0.7.13; input easy_words.txt sha256 ab12...
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path


def provenance(tool: str, package: str | None, inputs: list[Path], comment: str = "#") -> str:
    parts = [f"tools/{tool}"]
    if package is not None:
        parts.append(f"package {package} {version(package)}")
    for path in inputs:
        parts.append(f"input {path.name} sha256 {hashlib.sha256(path.read_bytes()).hexdigest()}")
    return f"{comment} provenance: " + "; ".join(parts)
