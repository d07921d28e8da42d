"""One pass of literal matching (the matching layer of the analyses): the literal keys of many named lists (vocabulary term starts,
rule anchors) compiled into one automaton and run once over a lower-cased text. Callers then ask
where a key of some list begins at a word start, or which lists have a key anywhere, and run
their regular expressions only there. The automaton is ahocorasick-rs (leftmost-longest, one call
per text); where its wheel is missing, one `regex` alternation of the keys does the same work.

A word-start search is leftmost-longest and non-overlapping: keys hold word characters only, so
every key found at a word start is a prefix of the longest one found there, and the lists of all
those prefixes are precomputed for it (`_closure`)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping

import regex

from copylint.core.models import Document, Sentence
from copylint.core.regexcache import rx

try:
    import ahocorasick_rs
except ImportError:  # pragma: no cover - a platform without its wheel: the regex fallback
    ahocorasick_rs = None

_WORD = rx(r"\w+")


def lowered(text: str) -> str:
    """`text.lower()` with every offset kept: a character whose lower case is longer ('İ')
    stays as it is."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def word_key(word: str) -> str:
    """The leading run of word characters of `word`, lower-cased ('' when it has none)."""
    m = _WORD.match(word.lower())
    return m.group() if m and m.start() == 0 else ""


_WORD_CHAR = rx(r"\w")
_word_chars: dict[str, bool] = {}


def is_word_char(ch: str) -> bool:
    """`regex`'s \\w, memoised per character (the same test as the patterns' lookbehinds)."""
    known = _word_chars.get(ch)
    if known is None:
        known = _word_chars[ch] = _WORD_CHAR.match(ch) is not None
    return known


@dataclass
class KeyIndex:
    """The keys of named lists in one automaton. `keys[name]` are lower-case runs of word
    characters; a list with no key is not indexed (its caller scans in full)."""

    keys: Mapping[str, Iterable[str]]
    backend: str = "auto"  # "ahocorasick-rs" | "regex" | "auto" (the first available)
    _words: list[str] = field(init=False, repr=False)
    _closure: list[frozenset[str]] = field(init=False, repr=False)
    _matcher: object = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        owners: dict[str, set[str]] = {}
        for name, keys in self.keys.items():
            for key in keys:
                if key:
                    owners.setdefault(key, set()).add(name)
        self._words = sorted(owners, key=lambda k: (-len(k), k))
        self._closure = [frozenset().union(*(owners[k[:n]] for n in range(1, len(k) + 1) if k[:n] in owners))
                         for k in self._words]
        if self.backend == "auto":
            self.backend = "ahocorasick-rs" if ahocorasick_rs is not None else "regex"

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_matcher": None}  # rebuilt on first use in a worker process

    def _compiled(self):
        if self._matcher is None and self._words:
            if self.backend == "ahocorasick-rs":
                self._matcher = ahocorasick_rs.AhoCorasick(
                    self._words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
            else:
                body = "|".join(regex.escape(k) for k in self._words)
                self._matcher = regex.compile(rf"(?<!\w)(?:{body})")
        return self._matcher

    def word_starts(self, low: str) -> list[tuple[int, str, frozenset[str]]]:
        """(offset, key, names) for each word start of the lower-cased text `low` where a key
        of the named lists begins: the longest such key, and the lists of it and of every
        shorter key it begins with, in reading order."""
        matcher = self._compiled()
        if matcher is None:
            return []
        closure = self._closure
        if self.backend == "regex":
            index = {k: i for i, k in enumerate(self._words)}
            return [(m.start(), m.group(), closure[index[m.group()]]) for m in matcher.finditer(low)]
        words, out = self._words, []
        for i, start, _ in matcher.find_matches_as_indexes(low):
            if start == 0 or not is_word_char(low[start - 1]):
                out.append((start, words[i], closure[i]))
        return out

    def names_in(self, low: str) -> set[str]:
        """The lists with a key at some word start of `low`."""
        found: set[str] = set()
        for _, _, names in self.word_starts(low):
            found |= names
        return found


@dataclass
class AnchorHits:
    """Where one document holds each registered anchor set: the sentences (by block) with an
    anchor starting in them, and the blocks with one anywhere."""

    sentences: dict[int, dict[int, list[Sentence]]]  # slot -> block index -> sentences, in order
    blocks: dict[int, set[int]]  # slot -> blocks holding an anchor (exact or not)
    inexact: set[int]  # blocks whose case folding changed their length: no sentence is known

    def sentences_of(self, slot: int) -> dict[int, list[Sentence]] | None:
        """Block -> sentences holding an anchor of `slot`, or None when some block with an
        anchor could not be mapped to its sentences (the caller scans those blocks whole)."""
        if self.inexact and self.blocks.get(slot, set()) & self.inexact:
            return None
        return self.sentences.get(slot, {})


class AnchorIndex:
    """The anchors of every rule of a run in one automaton. A rule registers its anchors once
    (`register` gives it a slot); per document one pass over the case-folded text of all blocks
    (`ctx.get(index)`) tells every rule where its anchors are."""

    def __init__(self) -> None:
        self._owners: dict[str, set[int]] = {}
        self._slots = 0
        self._matcher = None
        self._words: list[str] = []
        self._owners_by_number: list[set[int]] = []  # the slots of each anchor, by its number in the automaton

    def register(self, anchors: Iterable[str]) -> int:
        slot = self._slots
        self._slots += 1
        for anchor in anchors:
            self._owners.setdefault(anchor, set()).add(slot)
        self._matcher = None
        return slot

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_matcher": None}

    def _find(self, text: str) -> Iterable[tuple[int, int]]:
        """(anchor number, start) of every occurrence of every anchor, overlapping ones too."""
        if self._matcher is None:
            self._words = sorted(self._owners, key=lambda w: (-len(w), w))  # longest first: the regex fallback
            self._owners_by_number = [self._owners[w] for w in self._words]
            if ahocorasick_rs is not None:
                self._matcher = ahocorasick_rs.AhoCorasick(self._words, matchkind=ahocorasick_rs.MatchKind.Standard)
            else:
                body = "|".join(regex.escape(w) for w in self._words)
                self._matcher = regex.compile(f"(?=({body}))")
        if ahocorasick_rs is not None:
            return ((i, start) for i, start, _ in self._matcher.find_matches_as_indexes(text, overlapping=True))
        index = {w: i for i, w in enumerate(self._words)}
        return _overlapping_regex_hits(self._matcher, self._words, index, text)

    def slots_in(self, low: str) -> set[int]:
        """The slots with an anchor anywhere in the lower-cased text `low`."""
        if not self._owners:
            return set()
        found = {i for i, _ in self._find(low)}
        owners = self._owners_by_number
        return set().union(*(owners[i] for i in found))

    def __call__(self, doc: Document) -> AnchorHits:
        from copylint.language.anchors import folded_text
        from copylint.text.sentence_index import sentence_index

        folded = folded_text(doc)
        index = sentence_index(doc)
        inexact = {b.index for b in doc.blocks if len(b.text.casefold()) != len(b.text)}
        blocks: dict[int, set[int]] = {}
        if not self._owners:
            return AnchorHits({}, blocks, inexact)
        starts = folded.starts
        found = list(self._find(folded.text))
        owners = self._owners_by_number
        by_slot: dict[int, dict[int, set[int]]] = {}  # slot -> block -> sentence numbers
        for i, pos in found:
            b = bisect.bisect_right(starts, pos) - 1
            s = None if b in inexact else index.at(b, pos - starts[b])
            for slot in owners[i]:
                blocks.setdefault(slot, set()).add(b)
                if s is not None:
                    by_slot.setdefault(slot, {}).setdefault(b, set()).add(s.index)
        every = doc.sentences
        sentences = {slot: {b: [every[n] for n in sorted(numbers)] for b, numbers in per_block.items()}
                     for slot, per_block in by_slot.items()}
        return AnchorHits(sentences, blocks, inexact)


def _overlapping_regex_hits(matcher, words, index, text: str) -> Iterator[tuple[int, int]]:
    """The regex fallback of `AnchorIndex._find`: at each position, every anchor starting there."""
    for m in matcher.finditer(text):
        longest = m.group(1)
        for n in range(1, len(longest) + 1):
            i = index.get(longest[:n])
            if i is not None:
                yield i, m.start()


def attach_anchor_index(rules: Iterable) -> AnchorIndex:
    """One AnchorIndex for every rule that has literal `anchors` (phrase, required, consistency
    kinds): each such rule gets `anchor_index` and its `anchor_slot`, or, a rule run in parts with
    `part_anchors`, one slot per part (`part_slots`)."""
    shared = AnchorIndex()
    for rule in rules:
        anchors = getattr(rule, "anchors", None)
        if not anchors:
            continue
        rule.anchor_index = shared
        parts = getattr(rule, "part_anchors", None)
        if parts:  # (the parts' anchors together are the rule's)
            rule.part_slots = tuple(shared.register(a) for a in parts)
        else:
            rule.anchor_slot = shared.register(anchors)
    return shared


def trie_alternation(words: Iterable[str], escape=regex.escape) -> str:
    """One regex alternation of literal `words` with their shared prefixes factored out, so that a
    list of thousands stays as fast as a short one (each character is tried once, not once per
    word). `escape(ch)` gives the pattern of one character (default: the character itself)."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            body = "(?:" + body + "|)"  # (an empty branch, not "?": a repeat costs every search its guard)
        return body

    return "(?:" + emit(tree) + ")"

