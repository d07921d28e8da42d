"""The HTML parser never loses visible copy: scripts, styles, comments and broken markup around a
sentence never hide it, and the sentence is linted at its exact position."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from copylint.cli import main
from copylint.pipeline.engine import lint_source
from copylint.core.models import Source
from copylint.parsers import parse_text

# Markup a browser recovers from: none of it hides the text that follows.
JUNK = [
    "<script>if (a<b) x();</script>",
    '<script>var tag = "<script>"; var s = \'</div>\';</script>',
    "<script>document.write('<script src=\"x.js\"></scr'+'ipt>');</script>",
    "<SCRIPT type=text/javascript>if (1 < 2 && 3 > 2) {}</SCRIPT>",
    "<style>/* <style> */ p { color: red }</style>",
    "<STYLE>a::before { content: '<p>' }</STYLE>",
    "<!-- a comment -->", "<!-- <p>commented out</p> -->", "<!--[if IE]><p>old</p><![endif]-->",
    "<![CDATA[ raw ]]>", "<![ foo", "<!DOCTYPE html>", "<?php echo 1; ?>", "<!x bogus>",
    "<code>unclosed code", "<kbd>unclosed", "<pre>unclosed pre", "<textarea><textarea></textarea>",
    "<noscript><p>enable scripts</p></noscript>", "<template><p>later</p></template>",
    "<svg><text>logo</text></svg>", "<div hidden>popup</div>", '<span style="display:none">x</span>',
    "<b><i>misnested</b></i>", "</div>", "</span>", "</p>", "<div>", "<P>", "<br/>", "<hr>", "<li>",
    "<table><tr><td>", "</table>", "<ul>", "</ul>", '<img alt="">', "<img src=x.png>", "&amp;", "&nbsp;",
    "&bogus;", "&#", "&#xZZ;", "a < b", "3<4", "&", "\r\n", "\n", "\t", "text", "<a href='/x'>link</a>",
    "<select><option>One</option></select>", "<h2>Heading</h2>", "<p class='a' id=b>",
]
WRAPPERS = [("<p>", "</p>"), ("<P>", "</P>"), ("<li>", "</li>"), ("<div>", "</div>"), ("<h3>", "</h3>"),
            ("<blockquote>", "</blockquote>"), ("<p class=\"lead\">", "</p>"), ("<td>", "</td>"),
            ("<article><p>", "</p></article>"), ("<section>", "</section>")]
RULE = "regulatory.fda-approved"


def sentence(n: int) -> str:
    return f"Our serum number {n} is FDA-approved for sore knees."


@st.composite
def pages(draw):
    """A page of known sentences with random markup around them: (text, [(start, sentence)])."""
    junk = st.one_of(st.sampled_from(JUNK), st.text(alphabet="abc .,\n", max_size=6))
    parts, known, length = [], [], 0
    for n in range(draw(st.integers(1, 5))):
        for piece in draw(st.lists(junk, max_size=6)):
            parts.append(piece)
            length += len(piece)
        before, after = draw(st.sampled_from(WRAPPERS))
        parts.append(before)
        length += len(before)
        known.append((length, sentence(n)))
        parts.append(sentence(n) + after)
        length += len(sentence(n)) + len(after)
    parts.extend(draw(st.lists(st.sampled_from(JUNK), max_size=4)))
    return "".join(parts), known


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=pages())
def test_every_sentence_survives_broken_markup_at_its_exact_position(compiled, page):
    text, known = page
    doc = parse_text(text, "html", "t.html")
    spans = {doc.sentence_span(s): s.text for s in doc.sentences}
    rules = [r for r in compiled if r.id == RULE]
    found = {f.location.start_offset for f in lint_source(Source("t.html", text, "html"), rules).findings}
    for start, expected in known:
        assert any(s <= start and start + len(expected) <= e and expected in t for (s, e), t in spans.items()), (expected, text)
        assert start + expected.index("FDA-approved") in found, (expected, text)


def check(tmp_path, name: str, text: str) -> list[dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["findings"]


def test_inline_script_with_a_less_than_sign_does_not_hide_the_claim(tmp_path):
    text = "<script>if (a<b) x();</script><p>Our stem cells cure ALS.</p>"
    findings = check(tmp_path, "a.html", text)
    cure = text.index("cure") + 1
    assert any("cure" in f["excerpt"].lower() and f["column"] <= cure < f["end_column"] for f in findings), findings


def test_unclosed_script_resumes_at_the_next_line_that_starts_a_tag():
    text = "<p>One.</p>\n<script>var x = 1;\n  <p>Our serum is FDA-approved today.</p>\n"
    doc = parse_text(text, "html")
    assert [b.text for b in doc.blocks] == ["One.", "Our serum is FDA-approved today."]
    assert doc.blocks[1].source_span(0, 3)[0] == text.index("Our serum")


@pytest.mark.parametrize("markup, visible", [
    ("<P>Upper <B>case</B> tags.</P>", ["Upper case tags."]),
    ("<ul><li>One<li>Two</ul>", ["One", "Two"]),
    ("<p>Para<div>Block</div>", ["Para", "Block"]),
    ("<textarea><p>typed</p></textarea><p>After.</p>", ["After."]),
    ("<template><p>Not shown.</p></template><p>Shown.</p>", ["Shown."]),
    ("<p>Caf&eacute; &amp; <!-- x -->tea&#33;</p>", ["Café & tea!"]),
])
def test_markup_cases(markup, visible):
    assert [b.text for b in parse_text(markup, "html").blocks] == visible


def test_hand_edited_page_with_broken_markup_keeps_every_claim():
    from conftest import FIXTURES

    path = FIXTURES / "pages" / "broken-markup.html"
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    found = {(f["rule"], f["line"]) for f in json.loads(result.stdout)["findings"]}
    expected = {("regulatory.fda-approved", 10), ("safety.risk-free", 12), ("safety.no-side-effects", 14),
                ("efficacy.miracle-cure", 15), ("efficacy.hundred-percent", 17), ("efficacy.regrow", 18),
                ("pressure.limited-time", 21)}  # the last one after a <script> never closed
    assert expected <= found
    assert not [f for f in found if f[1] in (4, 5, 6, 9, 11)]  # scripts, style, a comment, code
