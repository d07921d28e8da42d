"""`matching.alternation` (each pattern of a list searched on its own, as the voice lists run)
gives exactly the matches of the list's joined alternation: on generated texts with patterns that
overlap, share starts and look behind, and on every fixture sentence for every pack list."""

from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import given, settings, strategies as st

from copylint.core import matching
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
