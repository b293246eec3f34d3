#!/usr/bin/env python3
"""Rebuild the readability evaluation TSVs in this folder from fetched snapshots.

Each input is a bare git snapshot of a public GitHub repository (as brought by
the `fetch` tool to /work/.mirror/<owner>+<name>/repo).  Files are read with
`git --git-dir=<snapshot> show <commit>:<path>`, pinned to the commits listed
in SOURCES below, so the output is byte-for-byte reproducible.

Usage:
    python3 convert.py [--mirror-root /work/.mirror]
    python3 convert.py --medreadme-out /tmp/medreadme   # optional, see below

Outputs (written next to this script), each as <name>_dev.tsv / <name>_test.tsv:
    cefrsp_wikiauto   sentence-level CEFR ratings (CC BY-SA 3.0)
    cochrane_devaraj  Cochrane abstract / plain-language summary pairs (CC BY 4.0, see SOURCE.md)
    medwiki_mytomorrows  sentence-aligned English / Simple English Wikipedia medical pairs (CC BY-SA 3.0)
    mtsamples_laymaker   clinical-note sentences / clinician lay rewrites (CC BY 4.0, see SOURCE.md)

MedReadMe (Jiang & Xu 2024) has NO licence, so it is never written into this
folder.  `--medreadme-out DIR` writes a converted copy to DIR (which must lie
outside this folder) for local, uncommitted experiments only.

Split rule (all sets): items are grouped so that identical texts (after
whitespace/case normalisation) never straddle dev and test; the group key is
hashed with sha256("plainlint-readability-v1:" + key); first byte even -> dev,
odd -> test.
"""

import argparse
import csv
import gzip
import hashlib
import io
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

SOURCES = {
    "cefrsp": ("yukiar+CEFR-SP", "43738f774475ed7fc5c485137654307df7349021"),
    "devaraj": (
        "AshOlogn+Paragraph-level-Simplification-of-Medical-Texts",
        "edf6504ea28b2458ec6b4c172482ad15387aeeef",
    ),
    "mytomorrows": ("myTomorrows-research+public", "5b054a88746b7d4422732e2fd3ee6a77a8a53918"),
    "laymaker": ("babylonhealth+laymaker", "71db265fc5fecf75c91b03c15d6f19862b4510ba"),
    "medreadme": ("chaojiang06+medreadme", "7c52205d18f16b80e3ffccb4e9da88b1942df310"),
}

SALT = "plainlint-readability-v1:"


def git_show(mirror_root, key, path):
    repo, commit = SOURCES[key]
    gitdir = os.path.join(mirror_root, repo, "repo")
    return subprocess.run(
        ["git", "--git-dir", gitdir, "show", f"{commit}:{path}"], check=True, capture_output=True
    ).stdout


def norm(text):
    return " ".join(text.lower().split())


def clean(text):
    """Make a value safe for a TSV cell: no tabs, CR or LF; trimmed."""
    return " ".join(text.replace("\t", " ").replace("\r", " ").replace("\n", " ").split())


_DETOK = [
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r"\(\s+"), "("),
    (re.compile(r"\[\s+"), "["),
    (re.compile(r"\s+([)\]])"), r"\1"),
    (re.compile(r"\s+([.,;:?!%])"), r"\1"),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", re.I), r"\1"),
    (re.compile(r"\s+'(\s|$)"), r"'\1"),
]


def detok(text):
    """Undo PTB-style tokenisation spacing ("word ." -> "word.")."""
    out = text
    for pat, rep in _DETOK:
        out = pat.sub(rep, out)
    return " ".join(out.split())


def is_dev(key):
    return hashlib.sha256((SALT + key).encode("utf-8")).digest()[0] % 2 == 0


def group_keys(rows, fields):
    """Union rows sharing any normalised text in `fields`; return a split key per row
    (the smallest normalised text of its group), so duplicates stay together."""
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in rows:
        ks = [norm(r[f]) for f in fields]
        for k in ks[1:]:
            a, b = find(ks[0]), find(k)
            if a != b:
                parent[max(a, b)] = min(a, b)
    members = {}
    for r in rows:
        for f in fields:
            k = norm(r[f])
            members.setdefault(find(k), []).append(k)
    smallest = {root: min(ks) for root, ks in members.items()}
    return [smallest[find(norm(r[fields[0]]))] for r in rows]


def write_split(outdir, name, columns, rows, keys):
    counts = {}
    for part in ("dev", "test"):
        path = os.path.join(outdir, f"{name}_{part}.tsv")
        sel = [r for r, k in zip(rows, keys) if is_dev(k) == (part == "dev")]
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write("\t".join(columns) + "\n")
            for r in sel:
                fh.write("\t".join(clean(str(r[c])) for c in columns) + "\n")
        counts[part] = len(sel)
    print(f"{name}: dev={counts['dev']} test={counts['test']}")
    return counts


def build_cefrsp(mr, outdir):
    rows = []
    for orig in ("train", "dev", "test"):
        data = git_show(mr, "cefrsp", f"CEFR-SP/Wiki-Auto/CEFR-SP_Wikiauto_{orig}.txt").decode(
            "utf-8"
        )
        for i, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            sent, a, b = line.split("\t")
            rows.append(
                {
                    "id": f"wikiauto-{orig}-{i:05d}",
                    "sentence": detok(sent),
                    "label_a": int(a),
                    "label_b": int(b),
                    "label_mean": f"{(int(a) + int(b)) / 2:.1f}",
                    "orig_split": orig,
                    "sentence_tok": sent,
                }
            )
    keys = group_keys(rows, ["sentence_tok"])
    return write_split(
        outdir,
        "cefrsp_wikiauto",
        ["id", "sentence", "label_a", "label_b", "label_mean", "orig_split", "sentence_tok"],
        rows,
        keys,
    )


def build_devaraj(mr, outdir):
    rows = []
    for orig in ("val", "test"):  # train.* are >4 MiB and absent from the snapshot
        get = lambda ext: (
            git_show(mr, "devaraj", f"data/data-1024/{orig}.{ext}").decode("utf-8").split("\n")
        )
        dois, src, tgt = get("doi"), get("source"), get("target")
        n = len([d for d in dois if d.strip()])
        assert len(src) >= n and len(tgt) >= n
        for i in range(n):
            rows.append(
                {"doi": dois[i].strip(), "orig_split": orig, "technical": src[i], "plain": tgt[i]}
            )
    keys = [r["doi"] for r in rows]
    return write_split(
        outdir, "cochrane_devaraj", ["doi", "orig_split", "technical", "plain"], rows, keys
    )


def build_mytomorrows(mr, outdir):
    rows = []
    for kind, fname in (
        ("expert", "expert_fully_aligned"),
        ("automatic", "automatic_fully_aligned"),
    ):
        data = gzip.decompress(git_show(mr, "mytomorrows", f"WWW2019/{fname}.txt.gz")).decode(
            "utf-8"
        )
        for i, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            parts = line.split("\t")
            cx, sp = parts[0], parts[1]
            sim = parts[2] if len(parts) > 2 else ""
            rows.append(
                {
                    "id": f"{kind}-{i:05d}",
                    "alignment": kind,
                    "complex": detok(cx),
                    "simple": detok(sp),
                    "similarity": sim,
                    "complex_tok": cx,
                    "simple_tok": sp,
                }
            )
    keys = group_keys(rows, ["complex_tok", "simple_tok"])
    return write_split(
        outdir,
        "medwiki_mytomorrows",
        ["id", "alignment", "complex", "simple", "similarity", "complex_tok", "simple_tok"],
        rows,
        keys,
    )


def build_laymaker(mr, outdir):
    rows = []
    for orig, fname in (("dev-alpha", "data/dev-set-(alpha).csv"), ("test", "data/test-set.csv")):
        data = git_show(mr, "laymaker", fname).decode("utf-8")
        for rec in csv.DictReader(io.StringIO(data)):
            o, ref = rec["ORIGINAL"], rec["REFERENCE"]
            rows.append(
                {
                    "id": f"{orig}-{int(rec['ID']):04d}",
                    "orig_split": orig,
                    "original": detok(o),
                    "reference": detok(ref),
                    "changed": int(norm(o) != norm(ref)),
                    "original_tok": o,
                    "reference_tok": ref,
                }
            )
    keys = group_keys(rows, ["original_tok", "reference_tok"])
    return write_split(
        outdir,
        "mtsamples_laymaker",
        ["id", "orig_split", "original", "reference", "changed", "original_tok", "reference_tok"],
        rows,
        keys,
    )


def build_medreadme(mr, outdir):
    data = git_show(mr, "medreadme", "dataset/readability.csv").decode("utf-8")
    rows = []
    for rec in csv.DictReader(io.StringIO(data)):
        rows.append(
            {
                "id": f"mrm-{int(rec['']):05d}",
                "sentence": rec["Sentence"],
                "source": rec["Source"],
                "side": rec["Side"],
                "readability": rec["Readability"],
                "orig_split": rec["split"],
            }
        )
    keys = group_keys(rows, ["sentence"])
    return write_split(
        outdir,
        "medreadme",
        ["id", "sentence", "source", "side", "readability", "orig_split"],
        rows,
        keys,
    )


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--mirror-root", default="/work/.mirror")
    ap.add_argument(
        "--medreadme-out", help="write the UNLICENSED MedReadMe set here (outside this folder) only"
    )
    args = ap.parse_args()
    if args.medreadme_out:
        out = os.path.abspath(args.medreadme_out)
        if os.path.commonpath([out, HERE]) == HERE or out.startswith("/work/main"):
            sys.exit("refusing: MedReadMe has no licence; write it outside /work/main")
        os.makedirs(out, exist_ok=True)
        build_medreadme(args.mirror_root, out)
        return
    build_cefrsp(args.mirror_root, HERE)
    build_devaraj(args.mirror_root, HERE)
    build_mytomorrows(args.mirror_root, HERE)
    build_laymaker(args.mirror_root, HERE)


if __name__ == "__main__":
    main()
