"""A copy of the source tree and rule pack whose vocabularies are grown N-fold with synthetic
entries, to measure what a larger field-wide vocabulary costs: every list under a pack file's
`vocabularies:` (rules/vocabularies/*.yaml, rules/language/claims.yaml, rules/claims.yaml, ...)
and every rule's literal `terms`. Synthetic entries are made-up words ("zuvexan qorilate") with the
word count of the entry they copy, so they match nothing and change no finding: only the cost of
carrying them shows.

    python bench/vocab10x.py OUT [--factor 10]   # then PYTHONPATH=OUT/src python -m copylint ...
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

ONSETS = ("z", "q", "x", "v", "k", "zr", "qu", "xy", "vr", "kz")
VOWELS = ("a", "e", "i", "o", "u", "ae", "ou")
CODAS = ("", "n", "x", "l", "r", "th", "zz")


@dataclass
class GrownPack:
    src: Path  # put this on PYTHONPATH: its copylint loads the grown pack from ../rules
    original: int  # entries before
    entries: int  # entries after


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(rng.randint(2, 4)))


def grow(items: list[str], factor: int, rng: random.Random) -> list[str]:
    """`items` and (factor - 1) synthetic entries per item, each with the item's word count."""
    extra = [" ".join(pseudo_word(rng) for _ in item.split()) for item in items for _ in range(factor - 1)]
    return list(items) + extra


def grow_file(path: Path, factor: int, rng: random.Random) -> tuple[int, int]:
    """Rewrite one pack YAML file with grown lists; (entries before, after)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        return 0, 0
    before = after = 0
    lists: list[tuple[dict, str]] = [(data["vocabularies"], name) for name in data.get("vocabularies") or {}]
    lists += [(rule, "terms") for rule in data.get("rules") or [] if isinstance(rule, dict) and isinstance(rule.get("terms"), list)]
    for holder, key in lists:
        items = holder[key]
        if isinstance(items, list) and all(isinstance(i, str) for i in items):
            holder[key] = grow(items, factor, rng)
            before, after = before + len(items), after + len(holder[key])
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200), encoding="utf-8")
    return before, after


def build(root: Path, out: Path, factor: int = 10, seed: int = 13) -> GrownPack:
    """Copy root/src and root/rules under `out`, growing the copy's vocabularies `factor`-fold."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(root / "src", out / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(root / "rules", out / "rules")
    rng = random.Random(seed)
    before = after = 0
    for path in sorted((out / "rules").rglob("*.yaml")):
        b, a = grow_file(path, factor, rng)
        before, after = before + b, after + a
    return GrownPack(out / "src", before, after)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--factor", type=int, default=10)
    args = ap.parse_args()
    grown = build(Path(__file__).resolve().parents[1], args.out, args.factor)
    print(f"{grown.original} entries grown to {grown.entries}; PYTHONPATH={grown.src}")


if __name__ == "__main__":
    main()
