"""Block fingerprints for duplicate detection: normalised text, word-shingle sketches, an LSH-style
index that clusters near-identical blocks in linear time, and repeated-run finding."""

from __future__ import annotations

import bisect
import hashlib
import heapq
import itertools
import unicodedata
import zlib
from array import array
from dataclasses import dataclass, field
from typing import Callable, NamedTuple, Sequence

from copylint.core.regexcache import rx

WORD = rx(r"[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)?")
SHINGLE = 3  # words per shingle
SKETCH = 32  # bottom-k sketch size: exact Jaccard for blocks of up to SKETCH + 2 words
KEYS = 4  # index keys per block (its smallest shingle hashes)
WORD_KEYS = 4  # index keys per short block (its smallest word-bigram hashes; few, so take more)
REPS = 4  # cluster representatives compared per index bucket (bounds the work per block)
CANDIDATES = 16  # earlier occurrences tried when extending a repeated run
# Near copies of short blocks (a two-sentence paragraph with a few words reworded change too many
# 3-word shingles for the Jaccard threshold) are compared word by word: blocks of NEAR_MIN_WORDS
# to NEAR_MAX_WORDS words are near copies when at most NEAR_SHARE of the longer block's words
# (and at least NEAR_CHANGES) differ: 3 words of a 14-word paragraph, 4 of 20. Measured on
# fixtures/ by bench/near_copies.py: distinct paragraphs on one topic differ in 28% of their words
# or more (11 of 39), and shorter blocks (a 13-word "Our hip clinic treats ..." against "Our
# shoulder clinic treats ...", 4 words apart) are left to the exact and shingle checks.
NEAR_MIN_WORDS = 14
NEAR_MAX_WORDS = 80
NEAR_CHANGES = 3
NEAR_SHARE = 0.2


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
    word_seq: Sequence[int] = ()  # array("H") of 16-bit word hashes, for short blocks only
    word_keys: Sequence[int] = ()  # array("I"): index keys of a short block (`word_keys`)


class PackedPrints(Sequence):
    """One document's block fingerprints packed into a few flat arrays (about half the memory of
    the tuples, which a run keeps for every file until the cross-file pass); blocks with the same
    text share one sketch, word sequence, keys and excerpt. Reading an item builds its BlockPrint."""

    __slots__ = ("numbers", "exact", "which", "sketches", "seqs", "keys", "excerpts", "bounds")
    _NUMBERS = 8  # index, line, column, end_line, end_column, start, end, words

    def __init__(self, prints: Sequence[BlockPrint] = ()) -> None:
        numbers = [n for p in prints for n in p[:self._NUMBERS]]
        self.numbers = array("I" if max(numbers, default=0) < 1 << 32 else "Q", numbers)
        self.exact = array("Q", (p.exact for p in prints))
        self.sketches, self.seqs, self.keys = array("I"), array("H"), array("I")
        bounds = [0, 0, 0, 0]  # per distinct text: where its sketch, word sequence, keys and excerpt end
        excerpts: list[str] = []
        distinct: dict[int, int] = {}
        for p in prints:
            if p.exact in distinct:
                continue
            distinct[p.exact] = len(distinct)
            self.sketches.extend(p.sketch)
            self.seqs.extend(p.word_seq)
            self.keys.extend(p.word_keys)
            excerpts.append(p.excerpt)
            bounds += (len(self.sketches), len(self.seqs), len(self.keys), bounds[-1] + len(p.excerpt))
        self.which = array("I", (distinct[p.exact] for p in prints))
        self.excerpts = "".join(excerpts)
        self.bounds = array("I" if bounds[-1] < 1 << 32 else "Q", bounds)

    def __getstate__(self):
        return tuple(getattr(self, name) for name in self.__slots__)

    def __setstate__(self, state) -> None:
        for name, value in zip(self.__slots__, state):
            setattr(self, name, value)

    def __len__(self) -> int:
        return len(self.exact)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PackedPrints):
            return NotImplemented
        return self.__getstate__() == other.__getstate__()

    __hash__ = None  # type: ignore[assignment]

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        k = 4 * self.which[i]
        sk, sq, ky, ex, sk_end, sq_end, ky_end, ex_end = self.bounds[k:k + 8]
        return BlockPrint(*self.numbers[self._NUMBERS * i:self._NUMBERS * (i + 1)], self.exact[i],
                          self.sketches[sk:sk_end], self.excerpts[ex:ex_end], self.seqs[sq:sq_end],
                          self.keys[ky:ky_end])


class FlatPrints(Sequence):
    """The packed fingerprints of several documents as one sequence (for `cluster`)."""

    def __init__(self, docs: Sequence[Sequence[BlockPrint]]) -> None:
        self.docs = docs
        self.starts = list(itertools.accumulate((len(d) for d in docs), initial=0))

    def __len__(self) -> int:
        return self.starts[-1]

    def __getitem__(self, i):
        d = bisect.bisect_right(self.starts, i) - 1
        return self.docs[d][i - self.starts[d]]

    def __iter__(self):
        for doc in self.docs:
            yield from doc


def word_sequence(words: Sequence[str]) -> Sequence[int]:
    """The block's words as 16-bit hashes (compact; a rare collision only adds a matched word)."""
    if not NEAR_MIN_WORDS <= len(words) <= NEAR_MAX_WORDS:
        return array("H")
    return array("H", (zlib.crc32(w.encode("utf-8")) & 0xFFFF for w in words))


def word_keys(seq: Sequence[int]) -> Sequence[int]:
    """Index keys of a short block: the smallest hashes of its word bigrams."""
    if not seq:
        return array("I")
    grams = {zlib.crc32(seq[i:i + 2].tobytes()) for i in range(len(seq) - 1)}
    return array("I", heapq.nsmallest(WORD_KEYS, grams))


def changed_words(a: Sequence[int], b: Sequence[int]) -> int:
    """Words of the longer sequence not matched, in order, by the other."""
    import difflib  # (only when two blocks are compared word by word: most runs never are)

    matcher = difflib.SequenceMatcher(None, list(a), list(b), autojunk=False)
    return max(len(a), len(b)) - sum(block.size for block in matcher.get_matching_blocks())


def near_copy(a: "BlockPrint", b: "BlockPrint") -> bool:
    """Short blocks that differ in only a few words."""
    if not a.word_seq or not b.word_seq:
        return False
    longer = max(len(a.word_seq), len(b.word_seq))
    allowed = max(NEAR_CHANGES, int(NEAR_SHARE * longer))
    if abs(len(a.word_seq) - len(b.word_seq)) > allowed:
        return False
    long_seq, other = (a.word_seq, b.word_seq) if len(a.word_seq) >= len(b.word_seq) else (b.word_seq, a.word_seq)
    present = set(other)
    if sum(1 for w in long_seq if w not in present) > allowed:  # words the other lacks are changed
        return False
    return changed_words(a.word_seq, b.word_seq) <= allowed


@dataclass
class ClusterStats:
    comparisons: int = 0  # comparisons made (at most (KEYS + WORD_KEYS) * REPS a block)


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
    `threshold` or, for short blocks, when only a few words differ (`near_copy`). Each block is
    indexed under its exact hash and its smallest shingle (or word-bigram) hashes, and
    compared only with a few representatives per bucket, so the work is linear in the blocks."""
    stats = stats if stats is not None else ClusterStats()
    uf = _UnionFind(len(prints))
    exact: dict[int, int] = {}
    buckets: dict[int, list[int]] = {}
    word_buckets: dict[int, list[int]] = {}  # short blocks, by word-bigram keys
    for i, p in enumerate(prints):
        first = exact.get(p.exact)
        if first is not None:
            uf.union(first, i)
            continue
        exact[p.exact] = i
        if p.words < min_words or threshold >= 1.0:
            continue
        similar = lambda r: jaccard(prints[r].sketch, p.sketch) >= threshold  # noqa: E731
        if not _join_bucket(buckets, p.sketch[:KEYS], i, uf, similar, stats) and p.word_seq:
            close = lambda r: near_copy(prints[r], p)  # noqa: E731
            _join_bucket(word_buckets, p.word_keys, i, uf, close, stats)
    return [uf.find(i) for i in range(len(prints))]


def _join_bucket(buckets: dict[int, list[int]], keys: Sequence[int], i: int, uf: _UnionFind,
                 similar: Callable[[int], bool], stats: ClusterStats) -> bool:
    """Join block `i` to the first similar representative under any of its keys (each bucket
    keeps at most REPS representatives); whether it joined a cluster."""
    joined_any = False
    for key in keys:
        reps = buckets.setdefault(key, [])
        joined = False
        for r in reps:
            if uf.find(r) == uf.find(i):
                joined = True
                break
            stats.comparisons += 1
            if similar(r):
                uf.union(r, i)
                joined = True
                break
        joined_any = joined_any or joined
        if not joined and len(reps) < REPS:
            reps.append(i)
    return joined_any


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
    from copylint.core.models import LineIndex

    lines = doc.lines or LineIndex(doc.source.text)
    prints = []
    shared: dict[int, tuple] = {}  # repeated blocks share one sketch and word arrays (pickled once)
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
            seq = word_sequence(words)
            shared[exact] = (sketch(words), text if len(text) <= EXCERPT else text[:EXCERPT - 3] + "...",
                             seq, word_keys(seq))
        shingles, excerpt, seq, keys = shared[exact]
        prints.append(BlockPrint(block.index, line, column, end_line, end_column, start, end,
                                 len(words), exact, shingles, excerpt, seq, keys))
    return tuple(prints)
