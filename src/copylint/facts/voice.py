"""The voice of a page and of each sentence, for the field-wide claim rules: who speaks (seller,
reader, a named product), whether the sentence warns about claims or reports them, and whether
the page as a whole promotes something. Patterns come from the pack's `patterns:` lexicon."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import regex

from copylint.core.regexcache import rx
from copylint.core import matching
from copylint.core.models import Document
from copylint.core.validators import compile_pattern
from copylint.language.anchors import LOOKALIKES, literal_cover
from copylint.language.literals import AnchorIndex
from copylint.language.syllables import cmu_table

# What a selling page carries beyond its claims: prices, orders, bookings, trademark signs.
SELLING = rx(
    r"(?:[$\u00a3\u20ac]\s?\d+(?:[.,]\d+)*(?!\d|[.,]\d)(?!\s*(?:million|billion|thousand|bn\b|m\b|k\b))|\b(?:buy|order|shop|add\s+to\s+(?:cart|basket)|checkout|subscribe|"
    r"book\s+(?:now|a|an|your|online)|call\s+(?:us|now|today)|free\s+(?:consultation|trial|shipping|delivery)|"
    r"discount|%\s*off|money[- ]back|limited\s+time|our\s+(?:clinic|product|formula|team|treatment|customers|patients))\b|"
    r"[\u2122\u00ae]|!)",
    regex.I,
)
PROMOTIONAL_SIGNALS = 2  # selling signals a page needs before pronouns and bullets speak for it
# A name the page marks as a trademark once ("Zenrelief™") names the product wherever it is
# repeated without the sign ("Zenrelief calms anxiety").
NAMED = "named_product"
MARKED = "marked_names"  # the pattern list of names a page marks as its own (with \u2122 or \u00ae)
COINED = "coined_name"  # the pattern list of the shape of a coined name (a capitalised word)
TITLED = "titled_product"  # the pattern list of the name before what the product is, in a title


def compile_lists(patterns: Mapping[str, Sequence[str]], names: tuple[str, ...]) -> dict[str, regex.Pattern | None]:
    """One alternation per named pattern list (None when the pack has no such list)."""
    out: dict[str, regex.Pattern | None] = {}
    for name in names:
        items = patterns.get(name) or []
        out[name] = compile_pattern("|".join(f"(?:{p})" for p in items), regex.I) if items else None
    return out


@dataclass
class SentenceVoice:
    """Pattern facts of one sentence (spans are offsets into its text). Each pattern list runs on
    first use: a rule pays only for the lists it asks about, on the sentences it looks at."""

    text: str
    analyzer: "VoiceAnalyzer"
    page_names: regex.Pattern | None = None  # the page's trademarked names, wherever repeated
    _spans: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    _present: set[int] | None | bool = False  # the analyzer's literal slots in the text (False: not yet looked)

    def get(self, name: str) -> tuple[tuple[int, int], ...]:
        found = self._spans.get(name)
        if found is None:
            if self._present is False:
                self._present = self.analyzer.present(self.text)
            found = self.analyzer.spans(name, self.text, self._present)
            if name == NAMED and self.page_names is not None:
                found = tuple(sorted(set(found) | {m.span() for m in matching.finditer(self.page_names, self.text, self.analyzer.timeout)}))
            self._spans[name] = found
        return found

    def has(self, name: str) -> bool:
        return bool(self.get(name))

    def before(self, name: str, pos: int, start: int = 0) -> list[tuple[int, int]]:
        return [s for s in self.get(name) if start <= s[0] and s[1] <= pos]


@dataclass
class PageVoice:
    promotional: bool
    sentences: list[SentenceVoice] = field(default_factory=list)  # by Sentence.index


class VoiceAnalyzer:
    """A document analysis bound to a pack's pattern lists (equal lists give equal analyzers, so
    every rule shares one computation per document)."""

    def __init__(self, patterns: tuple[tuple[str, tuple[str, ...]], ...], names: tuple[str, ...],
                 timeout: float | None = None) -> None:
        self.key = (patterns, names, timeout)
        self._hash: int | None = None  # of the key, once per process: every ctx.get hashes the analyzer
        self.timeout = timeout
        self.lists = {k: tuple(v) for k, v in patterns}
        self.names = names
        self._whole: dict[str, regex.Pattern | None] = {}  # each list's alternation, compiled when first run
        self._parts: dict[str, list[regex.Pattern | None]] = {}  # each list's patterns, compiled when first run
        self._literals: tuple[AnchorIndex, dict[str, list[int | None]]] | None = None
        # per list: the slots of its patterns, or None when one of them has no literal (always run)
        self._slot_sets: dict[str, frozenset[int] | None] = {}

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_whole": {}, "_parts": {}, "_literals": None, "_slot_sets": {}, "_hash": None}

    @property
    def compiled(self) -> dict[str, regex.Pattern | None]:
        """Each list's alternation by name, all compiled now (None for a list the pack lacks)."""
        return {name: self.whole(name) for name in self.names}

    def whole(self, name: str) -> regex.Pattern | None:
        """The alternation of the list `name`, compiled on first use (None when the pack lacks
        it, or it is not one of the analyzer's names): a sentence whose literals can be looked
        up runs only the patterns they name (`spans`), so most alternations are never run."""
        if name not in self._whole:
            self._whole[name] = compile_lists(self.lists, (name,))[name] if self._has(name) else None
        return self._whole[name]

    def _has(self, name: str) -> bool:
        """The list `name` is one of the analyzer's names and holds patterns."""
        return name in self.names and bool(self.lists.get(name))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, VoiceAnalyzer) and other.key == self.key

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(self.key)
        return self._hash

    def __call__(self, doc: Document) -> PageVoice:
        signals = len(matching.findall(SELLING, doc.source.text, self.timeout))
        promotional = signals >= PROMOTIONAL_SIGNALS
        names = marked_names(self.whole(MARKED), doc.source.text, self.timeout)
        if promotional:
            names |= title_names(doc, self.whole(COINED), self.whole(TITLED), self.timeout)
        pattern = names_pattern(names)
        sentences = [SentenceVoice(s.text, self, pattern) for s in doc.sentences]
        return PageVoice(promotional=promotional, sentences=sentences)

    def spans(self, name: str, text: str, present: set[int] | None | bool = False) -> tuple[tuple[int, int], ...]:
        """The matches of the list `name` in a sentence's text: the list's alternation, run as
        the patterns whose literals are in the text (`matching.alternation`, the same matches).
        `present`: what `present(text)` gives, when the caller has it."""
        if not self._has(name):
            return ()
        if present is False:
            present = self.present(text)
        found = None
        if present is not None:
            slots = self.literals()[1][name]
            slot_set = self._slot_sets[name]
            if slot_set is not None and present.isdisjoint(slot_set):
                return ()  # (no pattern of the list has its literals in the text: none would run)
            # Literals one of which every match of a pattern contains: a pattern without any in the text is not run.
            parts = [self.part(name, i) for i, slot in enumerate(slots) if slot is None or slot in present]
            found = matching.alternation(parts, text, self.timeout)
        if found is None:
            found = matching.finditer(self.whole(name), text, self.timeout)
        return tuple(m.span() for m in found if m.end() > m.start())

    def present(self, text: str) -> set[int] | None:
        """The literal slots (`literals`) found in `text` by one pass of the automaton, or None
        where a letter that lower-casing would hide (LOOKALIKES) leaves only the whole alternations."""
        if any(c in text for c in LOOKALIKES):
            return None
        return self.literals()[0].slots_in(text.lower())

    def literals(self) -> tuple[AnchorIndex, dict[str, list[int | None]]]:
        """One automaton of the literals of every pattern of every list, and per list each
        pattern's slot in it (None: a pattern without literals, always run)."""
        if self._literals is None:
            index, slots = AnchorIndex(), {}
            for name, items in self.lists.items():
                covers = [literal_cover(p) for p in items]
                slots[name] = [index.register(c) if c else None for c in covers]
                self._slot_sets[name] = None if None in slots[name] else frozenset(slots[name])
            self._literals = (index, slots)
        return self._literals

    def part(self, name: str, i: int) -> regex.Pattern:
        """Pattern `i` of the list compiled on its own, as in the alternation: compiled the first
        time a sentence holds its literals (most patterns of a list never run on one draft)."""
        parts = self._parts.get(name)
        if parts is None:
            parts = self._parts[name] = [None] * len(self.lists.get(name, ()))
        found = parts[i]
        if found is None:
            found = parts[i] = compile_pattern(f"(?:{self.lists[name][i]})", regex.I)
        return found


def marked_names(marks: regex.Pattern | None, text: str, timeout: float | None = None) -> set[str]:
    """The names the page marks as its own (the pack's `marked_names` list: a name before ™ or
    ®), to find them wherever the page repeats them."""
    if marks is None:
        return set()
    return {m.group().strip() for m in matching.finditer(marks, text, timeout)}


def title_names(doc: Document, coined: regex.Pattern | None, titled: regex.Pattern | None = None,
                timeout: float | None = None) -> set[str]:
    """On a selling page, the names in its title (the page's first metadata block, such as an
    HTML title or front-matter title, and its level-1 headings) that the body repeats: the
    capitalised words before what the product is ("Pure Harmony CBD Oil", the pack's
    `titled_product` list) and coined names ("Zenvita Joint Complex"). A coined name is a
    capitalised word (the pack's `coined_name` shape) that no English dictionary holds; without
    the dictionary none is taken."""
    table = cmu_table()
    titles = [b for b in doc.blocks if b.kind == "heading" and b.level == 1]
    meta = next((b for b in doc.blocks if b.region == "metadata"), None)
    if meta is not None:
        titles.append(meta)
    title_blocks = {b.index for b in titles}
    body = [b.text for b in doc.blocks if b.index not in title_blocks]
    found: set[str] = set()
    for block in titles:
        named = [m.group() for m in matching.finditer(titled, block.text, timeout)] if titled is not None else []
        if coined is not None and table is not None:
            named += [m.group() for m in matching.finditer(coined, block.text, timeout) if table.get(m.group().lower()) is None]
        found.update(name for name in named if any(name in text for text in body))
    return found


def names_pattern(names: set[str]) -> regex.Pattern | None:
    """One pattern for the page's own product names; None when it has none (compiled once per
    set of names: the pages of one site repeat them)."""
    return _names_pattern(frozenset(names)) if names else None


@functools.lru_cache(maxsize=64)
def _names_pattern(names: frozenset[str]) -> regex.Pattern:
    words = "|".join(regex.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return regex.compile(rf"\b(?:{words})\b")


def freeze_patterns(patterns: dict[str, list[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(sorted((name, tuple(items)) for name, items in patterns.items()))
