"""The matching passes give what a plain scan gives. `matching.alternation` (each pattern of a
list searched on its own, as the voice lists run) gives exactly the matches of the list's joined
alternation: on generated texts with patterns that overlap, share starts and look behind, and on
every fixture sentence for every pack list. `matching.in_sentences`, which scans runs of nearby
sentences in one pass, gives what scanning each sentence on its own gives."""

from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import example, given, settings, strategies as st

from copylint.core import matching
from copylint.core.models import Sentence
from copylint.facts.voice import VoiceAnalyzer, freeze_patterns
from copylint.parsers import parse
from copylint.pipeline.sources.discover import format_for
from copylint.pipeline.sources.reading import read_source
from copylint.ruleset.loader import default_pack_dir, load_prepared

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PATTERNS = [r"\bab\w*", r"b+a", r"(?<=a)b\b", r"ba?b", r"\bcure[sd]?\b", r"a\s+b", r"(?:ab|b)c", r"c(?!a)"]


def _joined(parts: list[str]) -> regex.Pattern:
    return regex.compile("|".join(f"(?:{p})" for p in parts), regex.I | regex.V0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=5, unique=True),
       st.text(alphabet="abcABC .\n", max_size=40) | st.sampled_from(["cures ab cab", "a b ab abc"]))
def test_parts_give_the_alternations_matches(parts, text):
    compiled = [regex.compile(f"(?:{p})", regex.I | regex.V0) for p in parts]
    expected = [m.span() for m in _joined(parts).finditer(text)]
    got = matching.alternation(compiled, text, None)
    assert got is not None and [m.span() for m in got] == expected


def test_an_empty_match_is_left_to_the_alternation():
    assert matching.alternation([regex.compile(r"x*")], "abc", None) is None


def test_every_list_spans_what_its_alternation_finds_on_the_fixtures():
    pack = load_prepared([default_pack_dir()])
    voice = VoiceAnalyzer(freeze_patterns(pack.patterns), tuple(sorted(pack.patterns)))
    texts = [s.text for path in sorted(FIXTURES.rglob("*")) if path.suffix in (".md", ".html", ".txt")
             for s in parse(read_source(str(path), format_for(str(path)))).sentences]
    found = 0
    for name, pattern in voice.compiled.items():
        if pattern is None:
            continue
        for text in texts:
            expected = tuple(m.span() for m in pattern.finditer(text) if m.end() > m.start())
            assert voice.spans(name, text) == expected, (name, text)
            found += bool(expected)
    assert found > 200


def _one_by_one(pattern, text, sentences):
    """Each sentence scanned on its own (the pass before runs of sentences were joined)."""
    resume = 0
    for s in sentences:
        if s.end <= resume:
            continue
        for m in pattern.finditer(text, max(s.start, resume), min(len(text), s.end + matching.LOOKAHEAD)):
            if m.start() >= s.end:
                break
            yield m
            resume = m.end()


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERNS + [r"\s+a", r"b\s*\.?\s*a"]), st.text(alphabet="abc .", min_size=1, max_size=60),
       st.lists(st.integers(0, 60), min_size=2, max_size=12, unique=True), st.sampled_from([0, 1, 3]))
@example(r"\s+a", "cb a  a ", [0, 1, 2, 3, 5, 7], 3)  # a match between two sentences must not hide the next one's
def test_runs_of_sentences_give_what_each_sentence_gives(part, text, cuts, lookahead):
    cuts = sorted(c for c in cuts if c <= len(text))
    spans = [(a, b) for a, b in zip(cuts, cuts[1:])][::2]  # every other span: gaps between sentences
    sentences = [Sentence(0, a, b, text[a:b], i) for i, (a, b) in enumerate(spans) if b > a]
    pattern = regex.compile(part, regex.I | regex.V0)
    previous = matching.LOOKAHEAD
    matching.LOOKAHEAD = lookahead  # small, so that runs, gaps and the scan's end all occur
    try:
        expected = _within(_one_by_one(pattern, text, sentences), sentences)
        got = _within(matching.in_sentences(pattern, text, sentences, None), sentences)
    finally:
        matching.LOOKAHEAD = previous
    assert got == expected


def _within(matches, sentences) -> list[tuple[int, int]]:
    """The spans of the matches that lie inside one sentence (what sentence-scoped rules keep)."""
    return [m.span() for m in matches if any(s.start <= m.start() and m.end() <= s.end for s in sentences)]
