"""Guards of rule parts that name a vocabulary (language.guards): a vocabulary's shape matches
every span its trie matches, a guard matches wherever its part does (so a part its guard rules
out would have found nothing), and `matching.any_in_sentences` sees every stretch
`matching.in_sentences` scans before its first match."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings, strategies as st

from copylint.core import matching
from copylint.core.models import Sentence
from copylint.language.guards import guard_pattern, positive_refs
from copylint.language.vocab import terms_shape_source, terms_trie_source
from copylint.parsers import parse
from copylint.pipeline.sources.discover import format_for
from copylint.pipeline.sources.reading import read_source
from copylint.ruleset.loader import compile_rules, default_pack_dir, load_prepared

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FLAGS = regex.I | regex.V0
TERMS = ["flare-up", "heart disease", "Parkinson's disease", "MS", "type 2 diabetes", "cure", "back pain", "St. John's wort"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["flare", "ups", "up", "heart", "disease", "parkinson", "s", "ms", "MSs", "type", "2",
                                 "diabetes", "cured", "curing", "back", "pain", "st.", "john", "wort", "xcure"]),
                min_size=1, max_size=8),
       st.lists(st.sampled_from([" ", "  ", "-", "'", "\u2019", "", "\n", ", "]), min_size=8, max_size=8))
def test_a_shape_matches_every_span_of_its_trie(words, gaps):
    text = "".join(w + g for w, g in zip(words, gaps))
    trie = regex.compile(terms_trie_source(TERMS), FLAGS)
    shape = regex.compile(terms_shape_source(TERMS), FLAGS)
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            # (the text cut at `end`: both patterns' closing lookahead holds there, so this
            # tries every span the trie can match from `start`, whatever follows it)
            if trie.fullmatch(text, start, end):
                assert shape.fullmatch(text, start, end), (text, start, end)


def test_every_form_of_a_shipped_vocabulary_has_its_shape():
    pack = load_prepared([default_pack_dir()])
    for name in ("medical_treatments", "product_prescribed", "condition_serious", "condition_general"):
        terms = pack.vocabularies[name]
        shape = regex.compile(terms_shape_source(terms), FLAGS)
        trie = regex.compile(terms_trie_source(terms), FLAGS)
        for term in terms:
            for text in (term, term.upper(), term.replace(" ", "  ").replace("-", " "), term.replace("'", "\u2019")):
                m = trie.fullmatch(text)
                if m is not None:
                    assert shape.fullmatch(text), (name, text)


def test_no_shape_where_it_could_miss_a_form():
    assert terms_shape_source(["is * safe"]) is None  # a wildcard term keeps its own pattern
    assert terms_shape_source(["-itis"]) is None
    assert terms_shape_source(["caf\u00e9 au lait"]) is not None  # a non-ASCII letter is a word character
    assert terms_shape_source(["\u00bd dose"]) is None


@pytest.mark.parametrize("pattern, safe", [
    (r"\bno\s+{vocab:x}\b", True),
    (r"(?<=\bafter\s){vocab:x}|(?=\w){vocab:x}", True),
    (r"\bstop(?!\s+{vocab:x})", False),
    (r"(?<!{vocab:x}\s)pills", False),
    (r"(?>{vocab:x})s", False),
    (r"a++{vocab:x}", False),
    (r"(?x) {vocab:x}", False),
    (r"[{vocab:x}]", False),
    (r"(?(1){vocab:x})", False),
    (r"(?!a)b{vocab:x}", True),
    (r"\({vocab:x}", True),
    (r"({vocab:x}", False),
])
def test_a_name_is_guarded_only_where_a_wider_match_adds_matches(pattern, safe):
    assert positive_refs(pattern) is safe
    assert (guard_pattern(pattern, lambda name: "x+") is not None) is safe


def test_a_guard_matches_wherever_its_part_does_on_the_fixtures():
    rules = [r for r in compile_rules(load_prepared([default_pack_dir()])) if any(getattr(r, "part_guards", ()))]
    assert {r.spec.id for r in rules} >= {"efficacy.drug-alternative", "efficacy.dosing-claim"}
    docs = [parse(read_source(str(p), format_for(str(p)))) for p in sorted(FIXTURES.rglob("*"))
            if p.suffix in (".md", ".html", ".txt")]
    found = 0
    for rule in rules:
        for i, source in enumerate(rule.part_guards):
            if source is None:
                continue
            part, guard = rule._part(i), rule._guard(i)
            for doc in docs:
                for block in doc.blocks:
                    sentences = [s for s in doc.sentences if s.block == block.index]
                    hits = list(matching.in_sentences(part, block.text, sentences, None))
                    found += bool(hits)
                    if part.search(block.text):
                        assert guard.search(block.text), (rule.spec.id, i, block.text)
                    if hits:
                        assert matching.any_in_sentences(guard, block.text, sentences, None), (rule.spec.id, i)
    assert found > 20


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([r"a\s*b", r"(?<![\w])ab?(?![\w])", r"b\s+a", r"\ba"]), st.text(alphabet="ab .", min_size=1, max_size=60),
       st.lists(st.integers(0, 60), min_size=2, max_size=12, unique=True), st.sampled_from([0, 1, 3]))
def test_a_pattern_that_yields_in_sentences_is_seen_by_any_in_sentences(part, text, cuts, lookahead):
    cuts = sorted(c for c in cuts if c <= len(text))
    spans = [(a, b) for a, b in zip(cuts, cuts[1:])][::2]
    sentences = [Sentence(0, a, b, text[a:b], i) for i, (a, b) in enumerate(spans) if b > a]
    pattern = regex.compile(part, FLAGS)
    previous = matching.LOOKAHEAD
    matching.LOOKAHEAD = lookahead
    try:
        yielded = any(True for _ in matching.in_sentences(pattern, text, sentences, None))
        seen = matching.any_in_sentences(pattern, text, sentences, None)
    finally:
        matching.LOOKAHEAD = previous
    assert seen or not yielded
