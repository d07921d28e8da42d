"""Benchmark: cross-file duplicate detection time for N and 4N generated documents.

Each document has eight random paragraphs, a shared cookie notice, and every tenth one pastes
three paragraphs (one slightly edited) from an earlier document. Prints the per-document pass and
the cross-file comparison times, the comparisons made, and the 4N/N ratios (linear: about 4).

    PYTHONPATH=src python bench/duplicates_scaling.py [N]
"""

from __future__ import annotations

import gc
import random
import sys
import time

from copylint.pipeline.engine import compare_across, lint_document
from copylint.kinds.base import Settings
from copylint.kinds.duplicate import DuplicateKind
from copylint.parsers import parse_text
from copylint.ruleset.loader import compile_rules, load_pack

COOKIES = ("This website uses cookies to improve your experience while you navigate through the "
           "website. You can opt out of these cookies at any time in your browser settings.")


def generate(n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(5000)]
    docs: list[list[str]] = []
    for d in range(n):
        paras = [" ".join(rng.choices(vocab, k=40)) + "." for _ in range(8)]
        if d % 10 == 9:
            src = docs[rng.randrange(d)]
            k = rng.randrange(6)
            pasted = src[k:k + 3]
            edited = pasted[1].split()
            edited[20] = "changed"
            paras[2:2] = [pasted[0], " ".join(edited), pasted[2]]
        paras.append(COOKIES)
        docs.append(paras)
    return [(f"doc{d:05d}.txt", "\n\n".join(p)) for d, p in enumerate(docs)]


def run(n: int) -> tuple[float, float, int, int]:
    rules = [r for r in compile_rules(load_pack(), Settings()) if isinstance(r, DuplicateKind)]
    texts = generate(n)
    t0 = time.perf_counter()
    results = [lint_document(parse_text(text, "text", path), rules) for path, text in texts]
    t1 = time.perf_counter()
    findings = compare_across(results, rules)
    t2 = time.perf_counter()
    # The same comparison with the documents already in memory frozen out of the cyclic garbage
    # collector, whose full collections grow with the heap and blur the algorithm's own cost.
    gc.collect()
    gc.freeze()
    frozen = []
    for _ in range(3):
        t3 = time.perf_counter()
        compare_across(results, rules)
        frozen.append(time.perf_counter() - t3)
    gc.unfreeze()
    return t1 - t0, t2 - t1, min(frozen), rules[0].stats.comparisons, len(findings)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rows = []
    for size in (n, 4 * n):
        per_doc, compare, frozen, comparisons, found = run(size)
        rows.append((per_doc, compare, frozen, comparisons))
        print(f"{size:6d} documents: per-document pass {per_doc:6.2f}s, cross-file compare {compare:5.2f}s "
              f"({frozen:5.2f}s with the heap frozen, best of 3), {comparisons} sketch comparisons, {found} findings")
    (p1, c1, f1, k1), (p4, c4, f4, k4) = rows
    print(f"ratio 4N/N: per-document {p4 / p1:.2f}, compare {c4 / c1:.2f} (heap frozen {f4 / f1:.2f}), "
          f"comparisons {k4 / max(k1, 1):.2f}; all pairs would be 16x")

if __name__ == "__main__":
    main()
