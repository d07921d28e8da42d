"""Property tests for every input format: random Unicode text (mixed with markup and claims)
never crashes the linter, every finding lies inside the file and its excerpt is the source text
at its offsets; the anchor prefilter never changes what a rule reports."""

from __future__ import annotations

import regex
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from copylint.language.anchors import pattern_cover, rule_anchors
from copylint.facts.context import Analysis
from copylint.pipeline.engine import lint_source
from copylint.core.models import Source
from copylint.parsers import parse_text

PIECES = {
    "markdown": ["# ", "## ", "- ", "* ", "> ", "**", "_", "`", "```\n", "| a | b |\n|---|---|\n", "[x](http://e.com)",
                 "<!-- c -->", "---\ntitle: T\ndate: 2020-01-02\n---\n", "&amp;", "\\", "1. ", "    "],
    "html": ["<p>", "</p>", "<h1>", "</h1>", "<li>", "<b>", "</b>", "<br>", "<img alt=\"cures pain\">", "&amp;", "&nbsp;",
             "&#x27;", "&bogus;", "<!-- c -->", "<script>x</script>", "<pre>", "</pre>", "<", ">", "<td>"],
    "text": ["\r\n", "\r", "\t", "\ufeff", "  ", "* "],
}
WORDS = ["cures", "cure for", "FDA-approved", "no side effects", "safe and effective", "breakthrough", "not", "may",
         "Stem cells", "ALS", "in 2019", "Dr.", "e.g.", "100%", "works for everyone", "free consultation", "?", ".",
         "\n", "\n\n", " ", "İ", "ß", "ſ", "\u2019", "\u00a0", "\u2028", "😀", "e\u0301"]


def documents(fmt: str):
    piece = st.one_of(st.text(max_size=12), st.sampled_from(PIECES[fmt]), st.sampled_from(WORDS))
    return st.lists(piece, max_size=40).map("".join)


def check_findings(text: str, fmt: str, compiled) -> None:
    result = lint_source(Source(f"t.{fmt}", text, fmt), compiled)
    assert not result.errors, result.errors
    for f in result.findings:
        loc = f.location
        assert 0 <= loc.start_offset <= loc.end_offset <= len(text), (f.rule, loc)
        assert f.excerpt == text[loc.start_offset:loc.end_offset], (f.rule, f.excerpt)


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
@SETTINGS
@given(data=st.data())
def test_never_crashes_and_spans_are_exact(compiled, fmt, data):
    check_findings(data.draw(documents(fmt)), fmt, compiled)


@SETTINGS
@given(documents("markdown"))
def test_prefilter_never_changes_phrase_findings(compiled, text):
    """Each phrase rule reports the same with its anchors as with no prefilter at all."""
    doc = parse_text(text, "markdown", "t.md")
    for rule in compiled:
        if getattr(rule, "anchors", None) is None or rule.spec.kind != "phrase":
            continue
        filtered = [(f.location.start_offset, f.location.end_offset) for f in rule.check(doc, Analysis(doc))]
        saved, rule.anchors = rule.anchors, None
        try:
            full = [(f.location.start_offset, f.location.end_offset) for f in rule.check(doc, Analysis(doc))]
        finally:
            rule.anchors = saved
        assert filtered == full, rule.id


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcAB .-'\u2019ſKİß", max_size=30))
def test_pattern_cover_is_in_every_match(text):
    """Every match of a pattern contains one of its cover strings (case-folded)."""
    for pattern in [r"ab(?:c|b)\s+a", r"(?:aa|bb)c?", r"a+b{1,2}c", r"(?:ab|ba)+", r"k\s*ß"]:
        cover = pattern_cover(pattern)
        assert cover is not None
        for m in regex.finditer(pattern, text, regex.I):
            if m.group():
                assert any(c in m.group().casefold() for c in cover), (pattern, m.group(), cover)


def test_rule_anchors_give_up_on_unknown_syntax():
    assert rule_anchors([], [r"(?|cure|heal)s"]) is None  # a branch reset: syntax only `regex` knows
    assert rule_anchors([], [r"\p{Lu}ure"]) == ("ure",)  # a property class is any letter: its literals still count
    assert rule_anchors(["cure for"], []) == ("cure",)
