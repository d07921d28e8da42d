"""Measure the near-copy rule for short blocks on the fixtures: how many words distinct paragraphs
on the same topic differ in (none may count as near copies), and how many reworded copies of
two-sentence paragraphs (three words swapped) are found. Prints the figures.

    PYTHONPATH=src python bench/near_copies.py
"""

from __future__ import annotations

import itertools
import random
import sys
from pathlib import Path

from copylint.kinds.fingerprints import (NEAR_MAX_WORDS, NEAR_MIN_WORDS, block_prints, changed_words,
                                            cluster, near_copy)
from copylint.parsers import parse_text
from copylint.pipeline.sources.discover import format_for
from copylint.text.sentences import split_spans

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SWAPS = ["treatment", "patients", "results", "doctors", "study", "weeks", "clinic", "evidence"]


def fixture_prints():
    prints = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix in (".md", ".txt", ".html"):
            doc = parse_text(path.read_text(encoding="utf-8"), format_for(str(path)), str(path))
            prints += [(path.name, doc.blocks[p.index].text, p) for p in block_prints(doc)]
    return prints


def reword(text: str, rng: random.Random, n: int = 3) -> str:
    words = text.split()
    for i in rng.sample(range(len(words)), n):
        words[i] = rng.choice(SWAPS)
    return " ".join(words)


def main() -> int:
    prints = fixture_prints()
    short = {p.exact: (name, text, p) for name, text, p in prints if p.word_seq}
    distinct = list(short.values())
    pairs = [(changed_words(a[2].word_seq, b[2].word_seq), a, b) for a, b in itertools.combinations(distinct, 2)]
    false = [(c, a, b) for c, a, b in pairs if near_copy(a[2], b[2])]
    print(f"short blocks ({NEAR_MIN_WORDS}-{NEAR_MAX_WORDS} words) in fixtures/: {len(distinct)}, pairs: {len(pairs)}")
    print("fewest changed words between distinct blocks:")
    for c, a, b in sorted(pairs, key=lambda x: x[0])[:6]:
        print(f"  {c:3d} of {max(len(a[2].word_seq), len(b[2].word_seq))}  {a[0]}: {a[1][:50]!r}  ~  {b[0]}: {b[1][:50]!r}")
    print(f"pairs counted as near copies: {len(false)}")
    two = [(n, t, p) for n, t, p in distinct if len(split_spans(t)) == 2]
    rng = random.Random(12)
    found = 0
    for name, text, p in two:
        doc = parse_text(text + "\n\nAn unrelated middle paragraph about parking and opening hours.\n\n" + reword(text, rng), "text")
        ids = cluster(block_prints(doc), 0.8, 8)
        found += ids[0] == ids[-1]
        if ids[0] != ids[-1]:
            print(f"  missed ({p.words} words): {text[:70]!r}")
    print(f"two-sentence paragraphs reworded (3 words swapped) and found: {found} of {len(two)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
