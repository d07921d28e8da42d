"""Vocabulary matching: compile a list of terms (from a pack's `vocabularies:`) into one regex that
also matches simple inflections of each term's last word ("reduce" -> reduces, reduced, reducing)."""

from __future__ import annotations

import os

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import regex
from copylint.core import matching
from copylint.language import literals
from copylint.language.literals import KeyIndex, is_word_char, lowered, trie_alternation, word_key
from copylint.core.matching import regex_timeout
from copylint.core.derived import derived
from copylint.core.regexcache import rx

_APOSTROPHE = "['\u2019]"
_VOWELS = set("aeiou")
_UNDOUBLED = _VOWELS | {"w", "x", "y"}  # final letters never doubled before -ed, -ing


@dataclass(frozen=True)
class Mention:
    """A vocabulary term found in a sentence; start/end are offsets into the sentence text."""

    vocab: str
    text: str
    start: int
    end: int


def inflections(word: str) -> list[str]:
    """Regular inflections of an English word (over-generating is harmless here), longest first."""
    return sorted(inflection_set(word), key=lambda f: (-len(f), f))


def inflection_set(word: str) -> set[str]:
    """The forms `inflections` lists, unordered (what a lookup by form needs)."""
    w = word.lower()
    forms = {w, w + "s", w + "es"}
    if len(w) <= 3:  # short words are mostly nouns ("rat", "MS"): plural only
        return forms
    forms |= {w + "ed", w + "ing"}
    if w.endswith("e"):
        forms |= {w + "d", w[:-1] + "ing", w + "s"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) >= 3 and w[-1] not in _UNDOUBLED and w[-2] in _VOWELS and w[-3] not in _VOWELS:
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms


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
    parts = [term_pattern(t) for t in ordered_terms(terms)]
    body = "|".join(parts)
    return rf"(?<![\w])(?:{body})(?![\w])"


def _trie_char(ch: str) -> str:
    """A character of a term in a trie: any whitespace for a space, either apostrophe, a hyphen
    or none or a space for a hyphen (as term patterns match them)."""
    if ch == " ":
        return r"\s+"
    if ch in "'\u2019":
        return _APOSTROPHE
    if ch == "-":
        return r"[-\s]?"
    return regex.escape(ch)


def trie_forms(terms: Iterable[str]) -> tuple[list[str], list[str]]:
    """(the literal forms of the terms, sorted: every inflection of a last word spelled out and
    lower-cased; the terms with `*`, which keep their own patterns) of `terms_trie_source`."""
    literal: set[str] = set()
    wild: list[str] = []
    for term in terms:
        words = term.split()
        if not words or "*" in words:
            wild.append(term)
            continue
        head = " ".join(w.lower() for w in words[:-1])
        last = words[-1]
        lasts = inflections(last) if last.isalpha() and not last.isupper() else [last.lower(), last.lower() + "s"]
        literal.update((head + " " + form).strip() for form in lasts)
    return sorted(literal), wild


def terms_trie_source(terms: Iterable[str]) -> str:
    """What `terms_source` matches, case-insensitively, as one trie of the terms' literal forms
    (every inflection of a last word spelled out): for a vocabulary named inside a larger pattern
    (`{vocab:NAME}`), whose cost then stays flat when the vocabulary grows. Terms with `*` keep
    their own patterns."""
    literal, wild = trie_forms(terms)
    parts = [trie_alternation(literal, _trie_char)] if literal else []
    parts += [term_pattern(t) for t in ordered_terms(wild)]
    return rf"(?<![\w])(?:{'|'.join(parts) or '(?!)'})(?![\w])"


_SEPARATORS = " -'\u2019"  # the characters of a form that `_trie_char` matches loosely
SHAPE_PREFIX = 3  # characters of each form a shape spells out


def terms_shape_source(terms: Iterable[str], prefix: int = SHAPE_PREFIX) -> str | None:
    """A short pattern that matches every span `terms_trie_source(terms)` matches, wherever it
    does (under the same flags), and more: the first `prefix` characters of some form (as the
    trie spells them), then word characters, apostrophes, hyphens and the forms' other
    characters, in at most as many whitespace-separated runs, each at most as long, as a form
    has. A rule runs a pattern that names the vocabulary only where the pattern with the shape
    in its place matches (`language.guards`). None when no shape is sure to cover every form:
    terms with `*`, a form that begins or ends with a space or hyphen, or a character that is
    neither a word character nor ASCII."""
    literal, wild = trie_forms(terms)
    if wild or not literal:
        return None
    extra: set[str] = set()
    for form in literal:
        if form[0] in " -" or form[-1] in " -":
            return None
        for ch in form:
            if ch not in _SEPARATORS and not is_word_char(ch):
                if not ch.isascii():
                    return None
                extra.add(ch)
    longest = max(len(f) for f in literal)
    runs = max(f.count(" ") + f.count("-") for f in literal)  # a hyphen may stand for a space
    chars = "[\\w'\u2019" + "".join(regex.escape(ch) for ch in sorted(extra)) + "-]"
    starts = trie_alternation(sorted({f[:prefix] for f in literal}), _trie_char)
    return (rf"(?<![\w]){starts}{chars}{{0,{longest}}}(?:\s+{chars}{{1,{longest}}}){{0,{runs}}}(?![\w])")


TERM_FLAGS = regex.I | regex.V0
# A vocabulary longer than this is matched, where the literal shortcut does not hold, by the
# regex of only the terms with the stem at hand (compiled on first use).
NARROW_ABOVE = 400


@lru_cache(maxsize=256)
def compile_terms(terms: tuple[str, ...]) -> regex.Pattern | None:
    """One alternation of all terms (longest first), bounded by non-word characters."""
    if not terms:
        return None
    return rx(terms_source(terms), TERM_FLAGS)


# A phrasal verb's verb is its first word: "speed up" -> "speeds up", "fight off" -> "fighting off".
# Prepositions are left out: "decrease in", "relief from" are nouns.
PARTICLES = frozenset("up down out off away back over through".split())


def phrasal_forms(term: str) -> list[str]:
    """The other forms of a phrasal term, with its first word inflected (the last word, a
    particle, keeps its form); none for other terms."""
    words = term.split()
    if len(words) < 2 or words[-1].lower() not in PARTICLES or not (words[0].isalpha() and words[0].islower()):
        return []
    return [" ".join([form] + words[1:]) for form in inflections(words[0]) if form != words[0]]


def ordered_terms(terms: Iterable[str]) -> list[str]:
    """The terms, with the other forms of phrasal ones, in the order of their alternation
    (`terms_source`): longest first."""
    found = set(terms)
    found.update(form for term in list(found) for form in phrasal_forms(term))
    return sorted(found, key=lambda t: (-len(t), t))


def find(vocab: str, pattern: regex.Pattern | None, text: str) -> list[Mention]:
    if pattern is None:
        return []
    return [Mention(vocab, m.group(), m.start(), m.end())
            for m in matching.finditer(pattern, text, regex_timeout()) if m.end() > m.start()]


def freeze(vocabularies: dict[str, Iterable[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A hashable, ordered copy of a vocabularies mapping (the key of a shared analysis)."""
    return tuple(sorted((name, tuple(terms)) for name, terms in vocabularies.items()))


_TOKEN = rx(r"\w+")  # the word at an offset: its run of word characters
_STEM = 4  # a term's first word is recognised by (at most) its first four letters


def _stem(term: str) -> str | None:
    """The letters every match of `term` begins with, at most _STEM: of a one-word term, the
    prefix its inflections share ("cure" -> "cur": "curing" begins a match too)."""
    words = term.split()
    key = word_key(words[0])[:_STEM]
    if len(words) == 1 and key and key == word_key(words[0]) and words[0].isalpha() and not words[0].isupper():
        key = os.path.commonprefix(inflections(words[0]))[:_STEM]
    return key or None


# Characters that `regex`'s case-insensitive matching (TERM_FLAGS) takes for an ASCII letter
# although `lowered` does not turn them into it (the Kelvin sign lower-cases to "k" already);
# tests/test_vocab_scanner.py checks this table against `regex` over all of Unicode.
ASCII_FOLDS = {0x130: "i", 0x17F: "s"}  # capital I with dot, long s
_SPACES = rx(r"\s+")


class LiteralTerm:
    """A term of ASCII letters only, matched as its regex (`term_pattern`, TERM_FLAGS) would be,
    without one: its leading words, each followed by whitespace, then a whole word that is one of
    its last word's inflections (a form of letters not followed by a word character is the whole
    word there, so at most one form can match). Compared with the lower-cased text, which for
    these letters is what case-insensitive matching compares. (A plain class: a run builds one
    per term it reaches, and needs neither comparison nor copies of them.)"""

    __slots__ = ("lead", "forms")

    def __init__(self, lead: tuple[str, ...], forms: frozenset[str]) -> None:
        self.lead = lead
        self.forms = forms

    @classmethod
    def of(cls, term: str) -> "LiteralTerm | None":
        """The literal form of `term`, or None when it needs its regex (acronyms, digits,
        apostrophes, hyphens, wildcards, non-ASCII letters)."""
        words = term.split()
        if not all(w.isascii() and w.isalpha() and not w.isupper() for w in words):
            return None
        return cls(tuple(w.lower() for w in words[:-1]), frozenset(inflection_set(words[-1])))


class RegexTerm:
    """A term matched by its own small regex, compiled on first use (outside any timed call)."""

    def __init__(self, term: str) -> None:
        self.source = rf"(?<![\w])(?:{term_pattern(term)})(?![\w])"

    def end_at(self, text: str, folded: str, pos: int, timeout: float | None = None) -> int | None:
        pattern = rx(self.source, TERM_FLAGS)
        m = matching.match(pattern, text, timeout, pos)
        return m.end() if m else None


class TermsAt:
    """A vocabulary's terms that can match where one stem begins a word, in their alternation's
    order (the first term that matches is the alternation's match). A term of plain letters
    matches in one way at most, and only where the word there is its first word: one-word terms
    are looked up by the word, longer ones by the words after their leading words. Terms with
    their own regex are tried in turn, while they come before the best literal match."""

    def __init__(self, matchers: Iterable[LiteralTerm | RegexTerm]) -> None:
        self.words: dict[str, int] = {}  # form of a one-word term -> the order of the first
        # first word -> (the leading words after it, form of the last word -> order) of the longer terms
        self.phrases: dict[str, list[tuple[tuple[str, ...], dict[str, int]]]] = {}
        self.regexes: list[tuple[int, RegexTerm]] = []
        by_lead: dict[tuple[str, ...], dict[str, int]] = {}
        for order, term in enumerate(matchers):
            if type(term) is RegexTerm:
                self.regexes.append((order, term))
                continue
            forms = self.words if not term.lead else by_lead.setdefault(term.lead, {})
            for form in term.forms:
                forms.setdefault(form, order)
        for lead, forms in by_lead.items():
            # (keyed by the first leading word, which is the word at the start: kept without it)
            self.phrases.setdefault(lead[0], []).append((lead[1:], forms))

    def end_at(self, text: str, folded: str, pos: int, word_end: int, timeout: float | None,
               follow: "NextWord") -> int | None:
        """Where the first matching term ends at `pos`; `word_end` ends the word there and
        `follow` reads the word after it (shared by every vocabulary tried at `pos`)."""
        word = folded[pos:word_end]
        best, best_end = self.words.get(word), word_end
        phrases = self.phrases.get(word)
        if phrases and follow.start() is not None:
            for rest, forms in phrases:
                if rest:
                    order, end = _phrase_end(text, folded, follow.start(), rest, forms)
                else:  # a two-word term: the word after is its last
                    order, end = forms.get(follow.word()), follow.end
                if order is not None and (best is None or order < best):
                    best, best_end = order, end
        for order, term in self.regexes:
            if best is not None and order > best:
                break
            end = term.end_at(text, folded, pos, timeout)
            if end is not None:
                return end
        return best_end if best is not None else None


def _phrase_end(text: str, folded: str, j: int, rest: tuple[str, ...], forms: dict[str, int]) -> tuple[int | None, int]:
    """(order, end) of a longer term whose leading words `rest` follow from `j` and whose last
    word is one of `forms`; (None, j) when they do not."""
    for lead_word in rest:
        space = _SPACES.match(folded, j + len(lead_word)) if folded.startswith(lead_word, j) else None
        if space is None:
            return None, j
        j = space.end()
    last = _TOKEN.match(text, j)
    return (forms.get(folded[j:last.end()]), last.end()) if last else (None, j)


class NextWord:
    """The word after the one at a word start (after its whitespace), read on first use."""

    __slots__ = ("text", "folded", "word_end", "_start", "end")

    def __init__(self, text: str, folded: str, word_end: int) -> None:
        self.text, self.folded, self.word_end = text, folded, word_end
        self._start: int | None | bool = False
        self.end = -1

    def start(self) -> int | None:
        """Where the next word begins (None: no whitespace after the word)."""
        if self._start is False:
            space = _SPACES.match(self.folded, self.word_end)
            self._start = space.end() if space else None
        return self._start

    def word(self) -> str | None:
        """The next word, lower-cased (None when there is none)."""
        start = self.start()
        if start is None:
            return None
        if self.end < 0:
            token = _TOKEN.match(self.text, start)
            self.end = token.end() if token else start
        return self.folded[start:self.end] if self.end > start else None


def _stems(vocabularies: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple:
    """(vocabularies with a term that cannot be anchored: scanned in full; those with a stem that
    is not ASCII: always their whole regex; each vocabulary's terms in alternation order with
    their stems; the automaton of every stem) for VocabScanner."""
    unanchored: list[str] = []
    wide: set[str] = set()
    vocabularies = [(name, ordered_terms(terms)) for name, terms in vocabularies]  # with phrasal forms
    stem_of = {t: _stem(t) for _, terms in vocabularies for t in terms}  # each term's stem, found once
    for name, terms in vocabularies:
        stems = [stem_of[t] for t in terms]
        if any(s is None for s in stems):
            unanchored.append(name)
        elif not all(s.isascii() for s in stems):
            wide.add(name)
    # One automaton of every stem: word starts where some term can begin, in one pass; there
    # only the terms whose stem begins the word are tried (the same first match as the whole
    # alternation), so the cost does not grow with the length of the vocabularies.
    stemmed = {name: [(t, stem_of[t]) for t in terms] for name, terms in vocabularies}
    starts = KeyIndex({name: [s for s in (stem_of[t] for t in terms) if s] for name, terms in vocabularies
                       if name not in unanchored})
    return unanchored, wide, stemmed, starts


class VocabScanner:
    """Finds the mentions of several vocabularies in one pass over a text's words: a word that
    does not begin like the first word of some term is never tried, and where one does, only the
    terms whose stem begins it are tried, in their alternation's order, so the first that matches
    is what the vocabulary's whole regex would match there (results equal a full scan of each
    vocabulary). Terms of plain letters are compared as text (`LiteralTerm`); the others, and a
    whole vocabulary's regex where that shortcut does not hold, are compiled on first use, so a
    run compiles only what its documents reach."""

    def __init__(self, vocabularies: Iterable[tuple[str, tuple[str, ...]]]) -> None:
        vocabularies = tuple((name, tuple(terms)) for name, terms in vocabularies if terms)
        self.names = [name for name, _ in vocabularies]  # vocabularies with terms, in order
        self.terms = dict(vocabularies)
        # What follows from the terms alone (the stems, their automaton's keys) the command line
        # keeps between runs (core.derived): its first document no longer waits for it.
        # (keyed also on whether the automaton's wheel is installed: the index names its backend)
        self.unanchored, self.wide, self.stemmed, self.starts = derived(
            "vocab.VocabScanner", (vocabularies, literals.ahocorasick_rs is not None), lambda: _stems(vocabularies))
        self._candidates: dict[tuple[str, str], tuple] = {}
        self._first_words: dict[str, frozenset[str] | None] = {}
        self._plans: dict[str, list[tuple[str, TermsAt | None]]] = {}  # key -> `_plan`
        self._by_stem: dict[str, dict[str, list[tuple[int, str]]]] = {}
        self._matchers: dict[str, LiteralTerm | RegexTerm] = {}

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_candidates": {}, "_by_stem": {}, "_matchers": {},
                "_first_words": {}, "_plans": {}}  # rebuilt on use in a worker

    def _whole(self, name: str) -> regex.Pattern:
        return compile_terms(self.terms[name])

    def _pattern_at(self, name: str, key: str) -> regex.Pattern:
        """The regex to try at a word start whose longest stem is `key`: the vocabulary's whole
        alternation, or for a long one the alternation cut to the terms whose stem is a prefix
        of `key` (no other term can match there)."""
        if len(self.stemmed[name]) <= NARROW_ABOVE:
            return self._whole(name)
        return rx(terms_source([t for t, stem in self.stemmed[name] if key.startswith(stem)]), TERM_FLAGS)

    def _terms_at(self, name: str, key: str) -> TermsAt:
        """The vocabulary's terms whose stem is a prefix of `key`, in order."""
        found = self._candidates.get((name, key))
        if found is None:
            by_stem = self._by_stem.get(name)
            if by_stem is None:
                by_stem = self._by_stem[name] = {}
                for order, (term, stem) in enumerate(self.stemmed[name]):
                    by_stem.setdefault(stem, []).append((order, term))
            terms = sorted(t for n in range(1, len(key) + 1) for t in by_stem.get(key[:n], ()))
            found = self._candidates[(name, key)] = TermsAt(self._matcher(term) for _, term in terms)
        return found

    def _words_at(self, key: str, names: Iterable[str]) -> frozenset[str] | None:
        """The words that can begin a term of one of `names` (the vocabularies whose stems
        `key` begins with, so known from `key`) where `key` begins a word: the words that
        `TermsAt.end_at` looks up. None when any word may: a vocabulary matched by its regex
        there, or a term with its own regex."""
        found = self._first_words.get(key, False)
        if found is False:
            words: set[str] | None = set()
            for name in names:
                terms = None if name in self.wide else self._terms_at(name, key)
                if terms is None or terms.regexes:
                    words = None
                    break
                words.update(terms.words, terms.phrases)
            found = self._first_words[key] = None if words is None else frozenset(words)
        return found

    def _plan(self, key: str, names: Iterable[str]) -> list[tuple[str, "TermsAt | None"]]:
        """Each of `names` (the vocabularies whose stems `key` begins with, so known from `key`)
        with its terms at a word start of `key`, or None for a vocabulary matched by its regex
        there (one that is not ASCII): looked up once per key, not per word start."""
        found = self._plans.get(key)
        if found is None:
            found = self._plans[key] = [(name, None if name in self.wide else self._terms_at(name, key))
                                        for name in names]
        return found

    def _matcher(self, term: str) -> LiteralTerm | RegexTerm:
        found = self._matchers.get(term)
        if found is None:
            found = self._matchers[term] = LiteralTerm.of(term) or RegexTerm(term)
        return found

    def scan(self, text: str) -> list[Mention]:
        """Mentions grouped by vocabulary (in definition order), each group in reading order."""
        found: dict[str, list[Mention]] = {name: [] for name in self.names}
        for name in self.unanchored:
            found[name] = find(name, self._whole(name), text)
        next_free = {name: 0 for name in self.names}
        timeout = regex_timeout()
        low = lowered(text)
        # Where a character matches an ASCII letter case-insensitively but does not lower-case to
        # it, word starts can hide terms from the stems: the whole regexes decide there.
        folded = None if any(chr(c) in low for c in ASCII_FOLDS) else low
        for start, key, candidates in self.starts.word_starts(low):
            if folded is None:
                # (the key read from a text with such letters can be shorter than the word's
                # stem: there only the whole alternation is sure to try every term)
                for name in candidates:
                    if start < next_free[name]:
                        continue
                    m = matching.match(self._whole(name), text, timeout, start)
                    if m is not None and m.end() > start:
                        found[name].append(Mention(name, text[start:m.end()], start, m.end()))
                        next_free[name] = m.end()
                continue
            word_end = None
            words = self._words_at(key, candidates)
            if words is not None:  # (no term of these vocabularies can begin another word)
                token = _TOKEN.match(text, start)
                word_end = token.end() if token else start
                word = folded[start:word_end]
                if word not in words:
                    continue
                follow = NextWord(text, folded, word_end)
            for name, terms in self._plan(key, candidates):
                if start < next_free[name]:
                    continue
                if terms is None:
                    m = matching.match(self._pattern_at(name, key), text, timeout, start)
                    end = m.end() if m else None
                else:
                    if word_end is None:
                        token = _TOKEN.match(text, start)
                        word_end = token.end() if token else start
                        word = folded[start:word_end]
                        follow = NextWord(text, folded, word_end)
                    if not terms.regexes and word not in terms.words and word not in terms.phrases:
                        continue  # (what `end_at` finds there: no term of the vocabulary begins with the word)
                    end = terms.end_at(text, folded, start, word_end, timeout, follow)
                if end is not None and end > start:
                    found[name].append(Mention(name, text[start:end], start, end))
                    next_free[name] = end
        return [m for name in self.names for m in found[name]]
