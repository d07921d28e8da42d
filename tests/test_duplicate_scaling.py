"""Cross-file duplicate detection must not compare all pairs: the index bounds the sketch
comparisons per block, so their number grows linearly with the documents."""

from __future__ import annotations

import random

from copylint.kinds import fingerprints as fpr


def make_print(index: int, text: str) -> fpr.BlockPrint:
    words = fpr.words_of(text)
    return fpr.BlockPrint(index, index + 1, 1, index + 1, 2, 0, 1, len(words), fpr.exact_hash(words), fpr.sketch(words), text[:20])


def corpus(n: int, seed: int = 3) -> list[list[str]]:
    """n documents of six random paragraphs, a shared footer, and every fifth one pasting two
    paragraphs (one edited by a word) from an earlier document."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(3000)]
    docs: list[list[str]] = []
    for d in range(n):
        paras = [" ".join(rng.choices(vocab, k=30)) for _ in range(6)]
        if d % 5 == 4:
            src = docs[rng.randrange(d)]
            edited = src[2].split()
            edited[15] = "edited"
            paras[1:1] = [src[1], " ".join(edited)]
        paras.append("Subscribe to our newsletter for the latest news and updates from our team")
        docs.append(paras)
    return docs


def comparisons_and_runs(n: int) -> tuple[int, int, list[fpr.Run]]:
    docs = corpus(n)
    prints = [make_print(i, text) for doc in docs for i, text in enumerate(doc)]
    stats = fpr.ClusterStats()
    ids = fpr.cluster(prints, 0.8, 8, stats)
    seqs, offset = [], 0
    for doc in docs:
        seqs.append(ids[offset:offset + len(doc)])
        offset += len(doc)
    runs = fpr.cross_repeats(seqs, lambda d, i: True)
    return stats.comparisons, len(prints), runs


def test_comparisons_are_bounded_per_block_not_per_pair():
    comparisons, blocks, _ = comparisons_and_runs(400)
    assert comparisons <= blocks * fpr.KEYS * fpr.REPS
    assert comparisons < 400 * 399 // 2 // 20  # far below one comparison per pair of documents


def test_comparisons_grow_linearly():
    small, _, _ = comparisons_and_runs(200)
    large, _, _ = comparisons_and_runs(800)
    assert large <= 6 * max(small, 1)


def test_pasted_and_edited_paragraphs_are_found_across_documents():
    _, _, runs = comparisons_and_runs(200)
    pasted = [r for r in runs if r.first[2] == 2]
    footer = [r for r in runs if r.first[2] == 1]
    assert len(pasted) == 40  # every fifth document: two paragraphs, one a near copy
    assert len(footer) == 199  # the shared footer, once per later document
    assert all(r.first[0] < r.others[0][0] for r in runs)  # reported in the later document


def test_jaccard_of_sketches():
    a = fpr.sketch(fpr.words_of("one two three four five six seven eight nine ten"))
    b = fpr.sketch(fpr.words_of("one two three four five six seven eight nine eleven"))
    assert fpr.jaccard(a, a) == 1.0
    assert abs(fpr.jaccard(a, b) - 7 / 9) < 1e-9
