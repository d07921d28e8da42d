"""The vocabulary scanner (analysis/vocab.py) gives what the vocabularies' whole regexes give at
each word start: compared on texts built from the pack's own terms, in every case and spacing,
with the characters that case-insensitive matching treats specially."""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import HealthCheck, given, settings, strategies as st

from copylint.language import vocab
from copylint.language.literals import KeyIndex, lowered
from copylint.pipeline.api import load_rules


@pytest.fixture(scope="module")
def pack_vocabularies():
    _, _, loaded = load_rules()
    return vocab.freeze(loaded.vocabularies)


def reference_scan(vocabularies, text: str) -> list[vocab.Mention]:
    """The scan as one regex per vocabulary: its whole alternation tried at every word start
    where one of its stems begins (unanchored vocabularies: a full search)."""
    stems = {name: [vocab._stem(t) for t in terms] for name, terms in vocabularies if terms}
    unanchored = {name for name, s in stems.items() if None in s}
    starts = KeyIndex({name: s for name, s in stems.items() if name not in unanchored})
    whole = {name: vocab.compile_terms(tuple(terms)) for name, terms in vocabularies if terms}
    found = {name: [] for name in whole}
    for name in unanchored:
        found[name] = vocab.find(name, whole[name], text)
    next_free = dict.fromkeys(whole, 0)
    for start, _, names in starts.word_starts(lowered(text)):
        for name in names:
            if start >= next_free[name] and (m := whole[name].match(text, start)) and m.end() > start:
                found[name].append(vocab.Mention(name, m.group(), start, m.end()))
                next_free[name] = m.end()
    return [m for name in whole for m in found[name]]


def _pieces(vocabularies) -> list[list[str]]:
    """Whole terms (as their words) and single words with inflection-like endings."""
    terms = {tuple(t.split()) for _, ts in vocabularies for t in ts}
    words = {w for t in terms for w in t}
    return sorted(terms) + [[w + suffix] for w in sorted(words) for suffix in ("", "s", "ed", "ing")]


SEPARATORS = [" ", " ", " ", "  ", " \n ", "\u00a0", "\u2009", "-", "'", "\u2019", ", ", ". ", "/", "_", "\x1c"]
ODD = ["\u0130", "\u0131", "\u017f", "\u212a", "\u00df", "é", "3", "x"]
# letters that case-insensitive matching also finds in other characters
LOOKALIKES = {"i": "\u0130", "s": "\u017f", "k": "\u212a", "I": "\u0131"}


@st.composite
def texts(draw, pieces):
    parts = []
    for _ in range(draw(st.integers(1, 10))):
        if draw(st.integers(0, 9)) == 0:
            parts.append(draw(st.sampled_from(ODD)))
        for word in draw(st.sampled_from(pieces)):
            word = draw(st.sampled_from([str.lower, str.upper, str.title, str]))(word)
            if draw(st.integers(0, 7)) == 0:
                word = "".join(LOOKALIKES.get(c, c) for c in word)
            parts.append(word)
            parts.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(parts)


def test_scanner_equals_whole_regexes(pack_vocabularies):
    pieces = _pieces(pack_vocabularies)
    scanner = vocab.VocabScanner(pack_vocabularies)

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(texts(pieces))
    def check(text):
        assert scanner.scan(text) == reference_scan(pack_vocabularies, text)

    check()


def test_scanner_on_known_sentences(pack_vocabularies):
    scanner = vocab.VocabScanner(pack_vocabularies)
    text = "Our  Stem-Cell therapy REDUCES inflammation and treats Alzheimer\u2019s disease; MSCs cure ALS."
    found = scanner.scan(text)
    assert found == reference_scan(pack_vocabularies, text)
    assert {m.text for m in found} >= {"REDUCES", "MSCs", "ALS"}


def test_ascii_folds_are_all_the_odd_letters():
    """The characters outside ASCII that case-insensitive matching equates with an ASCII letter,
    apart from those that lower-case to it, are exactly vocab.ASCII_FOLDS."""
    others = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    found = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for ch in regex.findall(f"(?i:{letter})", others, flags=vocab.TERM_FLAGS):
            if lowered(ch) != letter:
                found[ord(ch)] = letter
    assert found == vocab.ASCII_FOLDS


@pytest.mark.parametrize("terms, text", [
    (("ms patients", "MS"), "Most MS patients and ms. MS"),  # a longer plain term before an acronym
    (("cure", "cures", "CURE"), "It CURES, it cures, CURE."),
    (("stem cell therapy", "stem cell", "stem-cell", "stem"), "stem  cell\ntherapy, stem-cell, stem cells, stems"),
    (("is * safe", "is safe", "safe"), "it is very safe, is safe, safely"),
    # a four-letter word ending in "e" keeps its match when the "e" drops: "curing", "easing"
    (("cure", "ease", "fade"), "curing cured cures, easing eased, fading"),
])
def test_the_first_term_in_the_alternations_order_wins(terms, text):
    vocabularies = (("v", terms),)
    assert vocab.VocabScanner(vocabularies).scan(text) == reference_scan(vocabularies, text)


def test_phrasal_terms_match_every_form_of_their_verb():
    """A phrasal verb inflects its first word ("speed up" -> "speeds up"); a noun with a
    preposition ("decrease in") is not turned into a verb form."""
    assert "speeds up" in vocab.phrasal_forms("speed up") and "speeding up" in vocab.phrasal_forms("speed up")
    assert vocab.phrasal_forms("decrease in") == [] and vocab.phrasal_forms("SPEED up") == []
    vocabularies = vocab.freeze({"benefit": ["speed up", "decrease in"]})
    text = "It speeds up healing, speeding up nothing; it decreased in size after a decrease in pain."
    found = [m.text for m in vocab.VocabScanner(vocabularies).scan(text)]
    assert found == ["speeds up", "speeding up", "decrease in"]
    assert vocab.VocabScanner(vocabularies).scan(text) == reference_scan(vocabularies, text)


def test_a_word_whose_inflections_drop_its_last_letter_is_found_in_every_form():
    found = vocab.VocabScanner((("v", ("cure", "ease")),)).scan("It is curing him and easing the pain.")
    assert [m.text for m in found] == ["curing", "easing"]


def test_a_long_vocabulary_on_text_with_odd_letters_tries_every_term():
    """Where a letter matches an ASCII one only case-insensitively ("aİdſ" is "aids"), the key read
    at the word start ("a") is shorter than the term's stem: the whole alternation must decide."""
    terms = ("a must for", *(f"zq{i:03d}" for i in range(vocab.NARROW_ABOVE)), "aid")
    vocabularies = (("v", terms),)
    text = "natural a\u0130d\u017f here"
    found = vocab.VocabScanner(vocabularies).scan(text)
    assert found == reference_scan(vocabularies, text) and [m.text for m in found] == ["a\u0130d\u017f"]


def test_a_vocabulary_named_in_a_pattern_matches_as_its_terms_do():
    """`{vocab:NAME}` expands to one trie of the terms' literal forms: it finds what the terms'
    own patterns find (plurals, inflections, either apostrophe, hyphen or space), case aside."""
    import regex

    from copylint.language.vocab import terms_source, terms_trie_source

    terms = ["statin", "blood thinner", "anti-inflammatory", "CPAP", "Parkinson's medication", "hip replacement", "treat"]
    trie = regex.compile(terms_trie_source(terms), regex.I)
    plain = regex.compile(terms_source(terms), regex.I)
    text = ("Statins and blood  thinners, anti inflammatory or anti-inflammatory drugs; CPAPs; Parkinson\u2019s "
            "medication; hip replacements; treated, treating and treats; statinsX and untreat.")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(list(trie.finditer(text))) == 10
