"""Block fingerprints for duplicate detection: normalised text, word-shingle sketches, an LSH-style
index that clusters near-identical blocks in linear time, and repeated-run finding."""

from __future__ import annotations

import hashlib
import heapq
import unicodedata
import zlib
from array import array
from dataclasses import dataclass, field
from typing import Callable, NamedTuple, Sequence

from copylint.regexcache import rx

WORD = rx(r"[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)?")
SHINGLE = 3  # words per shingle
SKETCH = 32  # bottom-k sketch size: exact Jaccard for blocks of up to SKETCH + 2 words
KEYS = 4  # index keys per block (its smallest shingle hashes)
REPS = 4  # cluster representatives compared per index bucket (bounds the work per block)
CANDIDATES = 16  # earlier occurrences tried when extending a repeated run


def words_of(text: str) -> list[str]:
    """Normalised words: NFKC, case-folded, punctuation and markup dropped."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    return WORD.findall(text)


def exact_hash(words: Sequence[str]) -> int:
    return int.from_bytes(hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest(), "big")


def sketch(words: Sequence[str], k: int = SKETCH) -> Sequence[int]:
    """Bottom-k sketch of the block's word 3-shingles (stable crc32 hashes, sorted), as a packed
    array of 32-bit ints: ~150 bytes a block instead of ~1.3 KB of int objects, so the sketches
    of 10,000 files fit in a few tens of MB."""
    n = len(words)
    if n < SHINGLE:
        grams = {" ".join(words)} if words else set()
    else:
        grams = {" ".join(words[i:i + SHINGLE]) for i in range(n - SHINGLE + 1)}
    hashes = {zlib.crc32(g.encode("utf-8")) for g in grams}
    return array("I", heapq.nsmallest(k, hashes))


def jaccard(a: Sequence[int], b: Sequence[int], k: int = SKETCH) -> float:
    """Jaccard estimate of two bottom-k sketches (exact when both sets have at most k shingles)."""
    if not a or not b:
        return 0.0
    union = heapq.nsmallest(k, set(a) | set(b))
    common = set(a) & set(b)
    return sum(1 for h in union if h in common) / len(union)


class BlockPrint(NamedTuple):
    """What the cross-file pass keeps of one block: position, size, hashes, a short excerpt
    (a named tuple, so that it pickles compactly for worker processes)."""

    index: int
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    words: int
    exact: int
    sketch: Sequence[int]  # array("I")
    excerpt: str


@dataclass
class ClusterStats:
    comparisons: int = 0  # sketch comparisons made (bounded by blocks * KEYS * REPS)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster(prints: Sequence[BlockPrint], threshold: float, min_words: int,
            stats: ClusterStats | None = None) -> list[int]:
    """Cluster id (the index of the cluster's first member) for every block: exact copies share an
    id, and blocks of at least `min_words` words share one when their shingle Jaccard reaches
    `threshold`. Each block is indexed under its exact hash and its smallest shingle hashes, and
    compared only with a few representatives per bucket, so the work is linear in the blocks."""
    stats = stats if stats is not None else ClusterStats()
    uf = _UnionFind(len(prints))
    exact: dict[int, int] = {}
    buckets: dict[int, list[int]] = {}
    for i, p in enumerate(prints):
        first = exact.get(p.exact)
        if first is not None:
            uf.union(first, i)
            continue
        exact[p.exact] = i
        if p.words < min_words or threshold >= 1.0:
            continue
        for key in p.sketch[:KEYS]:
            reps = buckets.setdefault(key, [])
            joined = False
            for r in reps:
                if uf.find(r) == uf.find(i):
                    joined = True
                    break
                stats.comparisons += 1
                if jaccard(prints[r].sketch, p.sketch) >= threshold:
                    uf.union(r, i)
                    joined = True
                    break
            if not joined and len(reps) < REPS:
                reps.append(i)
    return [uf.find(i) for i in range(len(prints))]


@dataclass
class Run:
    """A repeated run of consecutive blocks: its first occurrence and the later ones, as
    (sequence, start, length) triples; sequence is a document number (0 within one document)."""

    first: tuple[int, int, int]
    others: list[tuple[int, int, int]] = field(default_factory=list)


def _extend(ids_a: Sequence[int], a: int, ids_b: Sequence[int], b: int, limit_a: int) -> int:
    n = 0
    while a + n < limit_a and b + n < len(ids_b) and ids_a[a + n] == ids_b[b + n]:
        n += 1
    return n


def self_repeats(ids: Sequence[int], long: Callable[[int], bool]) -> list[Run]:
    """Repeated runs within one sequence of cluster ids, scanning left to right. A position that
    starts another copy (or a truncated copy) of a run already found joins that run; otherwise it
    is matched with the earlier occurrence giving the longest non-overlapping run. A run counts
    when one of its blocks is `long`, so short blocks count only inside a run."""
    seen: dict[int, list[int]] = {}
    for pos, cid in enumerate(ids):
        seen.setdefault(cid, []).append(pos)
    runs: list[Run] = []
    j = 0
    while j < len(ids):
        joined = _join_known(runs, ids, j, long)
        if joined:
            j += joined
            continue
        best = (0, 0)
        for p in seen[ids[j]][:CANDIDATES]:
            if p >= j:
                break
            n = _extend(ids, p, ids, j, j)
            if n > best[0]:
                best = (n, p)
        length, p = best
        if length and any(long(j + t) for t in range(length)):
            runs.append(Run((0, p, length), [(0, j, length)]))
            j += length
        else:
            j += 1
    return runs


def _join_known(runs: list[Run], ids: Sequence[int], j: int, long: Callable[[int], bool]) -> int:
    """Add the copy of a known run starting at `j` (its longest qualifying prefix); its length or 0."""
    for run in runs:
        _, start, size = run.first
        n = _extend(ids, start, ids, j, start + size)
        if n and any(long(j + t) for t in range(n)):
            run.others.append((0, j, n))
            return n
    return 0


def cross_repeats(seqs: Sequence[Sequence[int]], long: Callable[[int, int], bool]) -> list[Run]:
    """Runs of document d that also occur in an earlier document (by position in `seqs`): each
    reported once, in the later document, against the earliest longest match. Only the first
    CANDIDATES occurrences of a cluster are tried, so shared boilerplate stays linear."""
    occurrences: dict[int, list[tuple[int, int]]] = {}
    for d, ids in enumerate(seqs):
        for pos, cid in enumerate(ids):
            occ = occurrences.setdefault(cid, [])
            if len(occ) < CANDIDATES:
                occ.append((d, pos))
    runs: list[Run] = []
    for d, ids in enumerate(seqs):
        j = 0
        while j < len(ids):
            best = (0, 0, 0)
            for c, p in occurrences.get(ids[j], ()):
                if c >= d:
                    break
                n = _extend(seqs[c], p, ids, j, len(seqs[c]))
                if n > best[0]:
                    best = (n, c, p)
            length, c, p = best
            if length and any(long(d, j + t) for t in range(length)):
                runs.append(Run((c, p, length), [(d, j, length)]))
                j += length
            else:
                j += 1
    return runs


COUNTED_KINDS = frozenset({"heading", "paragraph", "list_item", "quote", "table_cell"})
EXCERPT = 60
# A breadcrumb trail or menu line: a few short items between separators ("Home » Blog » Title").
_TRAIL = rx(r"^[^\n]{1,80}?(?:\s+(?:[»›>/|\u2192\u00b7\u2022]|::)\s+[^\n]{1,80}?){2,}$")
TRAIL_MAX_WORDS = 24


def is_navigation(text: str, words: int) -> bool:
    """A short line of separated items: navigation, not copy (a breadcrumb that repeats the
    page's title is no duplicated section)."""
    return words <= TRAIL_MAX_WORDS and _TRAIL.match(text) is not None


def block_prints(doc) -> tuple[BlockPrint, ...]:
    """Fingerprints of a document's main-content blocks (front-matter values, alt text, page
    chrome, comments and navigation trails left out). A pure function of the document, cached per
    document by `Analysis.get`."""
    from copylint.models import LineIndex

    lines = doc.lines or LineIndex(doc.source.text)
    prints = []
    shared: dict[int, tuple[Sequence[int], str]] = {}  # repeated blocks share one sketch (pickled once)
    for block in doc.blocks:
        if block.kind not in COUNTED_KINDS or block.region != "main":
            continue
        words = words_of(block.text)
        if not words or is_navigation(block.text, len(words)):
            continue
        start, end = block.source_span(0, len(block.text))
        line, column = lines.position(start)
        end_line, end_column = lines.position(end)
        exact = exact_hash(words)
        if exact not in shared:
            text = " ".join(block.text.split())
            shared[exact] = (sketch(words), text if len(text) <= EXCERPT else text[:EXCERPT - 3] + "...")
        shingles, excerpt = shared[exact]
        prints.append(BlockPrint(block.index, line, column, end_line, end_column, start, end,
                                 len(words), exact, shingles, excerpt))
    return tuple(prints)
