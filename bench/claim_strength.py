"""Benchmark copylint.language.claim_strength against the labelled claim-strength sentence sets.

Usage:  PYTHONPATH=src python bench/claim_strength.py [--datasets DIR] [--errors N] [--split all|tune|heldout]

DIR is the folder holding claim-strength/ (default: ../shared/datasets next to the repository).
Labels: 3=direct, 2=hedged, 1=correlational, 0=none. The press-release set is split by release id
(the middle part of sentId): whole releases, in order of first appearance, until half the rows are
taken form the tuning half; the rest is held out.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from copylint.language.claim_strength import Strength, classify

DEFAULT_DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
PUBMED = "yu2019_pubmed_conclusions.csv"
PRESS = "yu2020_eurekalert_press_releases.csv"
LABELS = {"3": Strength.DIRECT, "2": Strength.HEDGED, "1": Strength.CORRELATIONAL, "0": Strength.NONE}
ORDER = [Strength.NONE, Strength.CORRELATIONAL, Strength.HEDGED, Strength.DIRECT]

Row = tuple[str, Strength, str]  # sentence, gold, release id ("" for PubMed)


def release_id(sent_id: str) -> str:
    """'20824800-w-lss012611-0-title' -> 'w-lss012611'."""
    parts = sent_id.split("-")
    return "-".join(parts[1:-2])


def load(path: Path) -> list[Row]:
    rows: list[Row] = []
    with path.open(newline="", encoding="utf-8", errors="replace") as fh:
        for rec in csv.DictReader(fh):
            label = (rec.get("label") or "").strip()
            if label not in LABELS:
                continue
            rid = release_id(rec["sentId"]) if "sentId" in rec else ""
            rows.append((rec["sentence"], LABELS[label], rid))
    return rows


def split_press(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    ids: list[str] = []
    seen: set[str] = set()
    for _, _, rid in rows:
        if rid not in seen:
            seen.add(rid)
            ids.append(rid)
    counts: dict[str, int] = {}
    for _, _, rid in rows:
        counts[rid] = counts.get(rid, 0) + 1
    first: set[str] = set()
    taken = 0
    for rid in ids:  # whole releases, in order of first appearance, until half the rows are taken
        if taken >= len(rows) / 2:
            break
        first.add(rid)
        taken += counts[rid]
    return [r for r in rows if r[2] in first], [r for r in rows if r[2] not in first]


def prf(conf: dict[tuple[Strength, Strength], int], cls: Strength) -> tuple[float, float, float]:
    tp = conf.get((cls, cls), 0)
    pred = sum(v for (g, p), v in conf.items() if p == cls)
    gold = sum(v for (g, p), v in conf.items() if g == cls)
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(name: str, rows: list[Row], show_errors: int) -> dict[str, float]:
    conf: dict[tuple[Strength, Strength], int] = {}
    errors: list[tuple[Strength, Strength, str, str | None]] = []
    start = time.perf_counter()
    preds = [classify(s) for s, _, _ in rows]
    elapsed = time.perf_counter() - start
    for (sent, gold, _), res in zip(rows, preds):
        conf[(gold, res.strength)] = conf.get((gold, res.strength), 0) + 1
        if gold != res.strength and (gold == Strength.DIRECT or res.strength == Strength.DIRECT):
            errors.append((gold, res.strength, sent, res.cue))
    p, r, f = prf(conf, Strength.DIRECT)
    macro = sum(prf(conf, c)[2] for c in ORDER) / len(ORDER)
    us = elapsed / max(len(rows), 1) * 1e6
    print(f"\n== {name}  ({len(rows)} sentences)")
    print(f"direct: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}   macro-F1 {macro:.3f}")
    print(f"time: {us:.1f} us/sentence")
    width = 14
    print("gold \\ pred".ljust(width) + "".join(c.value.rjust(width) for c in ORDER))
    for g in ORDER:
        print(g.value.ljust(width) + "".join(str(conf.get((g, c), 0)).rjust(width) for c in ORDER))
    for gold, pred, sent, cue in errors[:show_errors]:
        print(f"  [{gold.value[:4]}->{pred.value[:4]} cue={cue!r}] {sent[:200]}")
    return {"p": p, "r": r, "f": f, "macro": macro, "us": us}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS,
                    help="folder containing claim-strength/ (default: %(default)s)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N direct-class errors per set")
    ap.add_argument("--split", choices=["all", "tune", "heldout"], default="all",
                    help="which sets to report (default: all)")
    args = ap.parse_args(argv)

    folder = args.datasets / "claim-strength"
    if not folder.is_dir() and (args.datasets / PUBMED).exists():
        folder = args.datasets
    missing = [n for n in (PUBMED, PRESS) if not (folder / n).is_file()]
    if missing:
        print(f"error: claim-strength datasets not found in {folder} (missing: {', '.join(missing)}); "
              "pass --datasets DIR", file=sys.stderr)
        return 2

    pubmed = load(folder / PUBMED)
    press = load(folder / PRESS)
    tune, held = split_press(press)
    # warm up (regex compilation happens at import; this just primes caches)
    for s, _, _ in pubmed[:50]:
        classify(s)

    sets: list[tuple[str, list[Row]]] = []
    if args.split in ("all", "tune"):
        sets += [("PubMed conclusions (tuning)", pubmed), ("press releases, first half (tuning)", tune)]
    if args.split in ("all", "heldout"):
        sets += [("press releases, second half (held out)", held)]
    if args.split == "all":
        sets += [("press releases, all", press)]
    results = {name: evaluate(name, rows, args.errors) for name, rows in sets}

    if args.split == "all":
        print("\nTargets (direct F1 >= 0.75 and precision >= 0.80 on each set):")
        ok = True
        for name in ("PubMed conclusions (tuning)", "press releases, all"):
            r = results[name]
            good = r["f"] >= 0.75 and r["p"] >= 0.80
            ok &= good
            print(f"  {name}: P {r['p']:.3f} F1 {r['f']:.3f}  {'met' if good else 'NOT met'}")
        print("  all targets met" if ok else "  targets NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
