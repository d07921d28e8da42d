"""Vocabulary matching: compile a list of terms (from a pack's `vocabularies:`) into one regex that
also matches simple inflections of each term's last word ("reduce" -> reduces, reduced, reducing)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import regex
from copylint.core import matching
from copylint.language.literals import KeyIndex, lowered, word_key
from copylint.core.matching import regex_timeout
from copylint.core.regexcache import rx

_APOSTROPHE = "['\u2019]"
_VOWELS = set("aeiou")


@dataclass(frozen=True)
class Mention:
    """A vocabulary term found in a sentence; start/end are offsets into the sentence text."""

    vocab: str
    text: str
    start: int
    end: int


def inflections(word: str) -> list[str]:
    """Regular inflections of an English word (over-generating is harmless here)."""
    w = word.lower()
    forms = {w, w + "s", w + "es"}
    if len(w) <= 3:  # short words are mostly nouns ("rat", "MS"): plural only
        return sorted(forms, key=lambda f: (-len(f), f))
    forms |= {w + "ed", w + "ing"}
    if w.endswith("e"):
        forms |= {w + "d", w[:-1] + "ing", w + "s"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) >= 3 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS and w[-3] not in _VOWELS:
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return sorted(forms, key=lambda f: (-len(f), f))


def _word_pattern(word: str, last: bool) -> str:
    if word.isupper() or any(ch.isdigit() for ch in word):
        # Acronyms and names match case-sensitively, with an optional plural ("MSC" -> "MSCs").
        body = regex.escape(word).replace("'", _APOSTROPHE)
        return f"(?-i:{body}(?:s|{_APOSTROPHE}s)?)" if last else f"(?-i:{body})"
    if "'" in word or "\u2019" in word or "-" in word or not last or not word.isalpha():
        body = regex.escape(word.replace("\u2019", "'")).replace("'", _APOSTROPHE).replace(r"\-", r"[-\s]?")
        return body
    return "(?:" + "|".join(inflections(word)) + ")"


def term_pattern(term: str) -> str:
    """Regex for one term; `*` stands for one optional word ("is * safe")."""
    words = term.split()
    if not words or words[-1] == "*":
        raise ValueError(f"bad vocabulary term {term!r}")
    out = ""
    for i, word in enumerate(words):
        last = i == len(words) - 1
        if word == "*":
            out += r"(?:[\w'\u2019%-]+\s+)?"
            continue
        out += _word_pattern(word, last) + ("" if last else r"\s+")
    return out


def terms_source(terms: Iterable[str]) -> str:
    """One alternation of all terms (longest first), bounded by non-word characters."""
    parts = [term_pattern(t) for t in sorted(set(terms), key=lambda t: (-len(t), t))]
    body = "|".join(parts)
    return rf"(?<![\w])(?:{body})(?![\w])"


TERM_FLAGS = regex.I | regex.V0
# A vocabulary longer than this is matched, at each word start, by the regex of only the terms
# with that stem (compiled on first use): a longer alternation costs more per try than compiling.
NARROW_ABOVE = 400


@lru_cache(maxsize=256)
def compile_terms(terms: tuple[str, ...]) -> regex.Pattern | None:
    """One alternation of all terms (longest first), bounded by non-word characters."""
    if not terms:
        return None
    return rx(terms_source(terms), TERM_FLAGS)


def find(vocab: str, pattern: regex.Pattern | None, text: str) -> list[Mention]:
    if pattern is None:
        return []
    return [Mention(vocab, m.group(), m.start(), m.end())
            for m in matching.finditer(pattern, text, regex_timeout()) if m.end() > m.start()]


def freeze(vocabularies: dict[str, Iterable[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A hashable, ordered copy of a vocabularies mapping (the key of a shared analysis)."""
    return tuple(sorted((name, tuple(terms)) for name, terms in vocabularies.items()))


_STEM = 4  # a term's first word is recognised by (at most) its first four letters


def _stem(term: str) -> str | None:
    return word_key(term.split()[0])[:_STEM] or None


class VocabScanner:
    """Finds the mentions of several vocabularies in one pass over a text's words: a word that
    does not begin like the first word of some term never reaches a vocabulary's regex, so the
    regexes run only where a term can start (results equal a full scan of each vocabulary)."""

    def __init__(self, vocabularies: Iterable[tuple[str, tuple[str, ...]]]) -> None:
        self.patterns: dict[str, regex.Pattern] = {}
        self.stems: dict[str, set[str]] = {}  # stem -> vocabularies with a term starting so
        self.unanchored: list[str] = []  # vocabularies with a term we cannot anchor: full scan
        for name, terms in vocabularies:
            pattern = compile_terms(tuple(terms))
            if pattern is None:
                continue
            self.patterns[name] = pattern
            stems = [_stem(t) for t in terms]
            if any(s is None for s in stems):
                self.unanchored.append(name)
                continue
            for stem in stems:
                self.stems.setdefault(stem, set()).add(name)
        # One automaton of every stem: word starts where some term can begin, in one pass; there
        # only the terms whose stem begins the word are tried (the same first match as the whole
        # alternation), so the cost does not grow with the length of the vocabularies.
        self.stemmed = {name: [(t, _stem(t)) for t in terms] for name, terms in vocabularies}
        self.starts = KeyIndex({name: [s for s in map(_stem, terms) if s] for name, terms in vocabularies
                                if name in self.patterns and name not in self.unanchored})
        self._narrowed: dict[tuple[str, str], regex.Pattern] = {}

    def _pattern_at(self, name: str, key: str) -> regex.Pattern:
        """The vocabulary's regex cut to its terms whose stem is a prefix of `key`, the longest
        stem at a word start: no other term can match there."""
        if len(self.stemmed[name]) <= NARROW_ABOVE:
            return self.patterns[name]  # short enough: one alternation, compiled once, costs less
        pattern = self._narrowed.get((name, key))
        if pattern is None:
            terms = [t for t, stem in self.stemmed[name] if key.startswith(stem)]
            pattern = self._narrowed[(name, key)] = rx(terms_source(terms), TERM_FLAGS)
        return pattern

    def scan(self, text: str) -> list[Mention]:
        """Mentions grouped by vocabulary (in definition order), each group in reading order."""
        found: dict[str, list[Mention]] = {name: [] for name in self.patterns}
        for name in self.unanchored:
            found[name] = find(name, self.patterns[name], text)
        next_free = {name: 0 for name in self.patterns}
        timeout = regex_timeout()
        for start, key, candidates in self.starts.word_starts(lowered(text)):
            for name in candidates:
                if start < next_free[name] or name in self.unanchored:
                    continue
                m = matching.match(self._pattern_at(name, key), text, timeout, start)
                if m and m.end() > start:
                    found[name].append(Mention(name, m.group(), start, m.end()))
                    next_free[name] = m.end()
        return [m for name in self.patterns for m in found[name]]
