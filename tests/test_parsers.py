"""The parsers normalise Markdown, HTML and text into one block stream, and what is not prose
(code, comments, URLs, scripts) never reaches the rules."""

from __future__ import annotations

import datetime as dt

from copylint.parsers import parse_text
from copylint.text.sentences import split_spans


def texts(doc):
    return [(b.kind, b.text) for b in doc.blocks]


def test_markdown_blocks_and_skipped_content():
    doc = parse_text(
        "---\ntitle: Miracle stem cells\ndescription: 'Risk-free care'\ndate: 2024-03-01\n---\n"
        "# Heading\n\nText with `inline cure` and [words](http://cure.example) here.\n\n"
        "```\nfenced cure\n```\n\n<!-- hidden cure -->\n\n- one\n- two\n\n> quoted\n",
        "markdown",
    )
    kinds = texts(doc)
    assert ("metadata", "Miracle stem cells") in kinds
    assert ("metadata", "Risk-free care") in kinds
    assert ("heading", "Heading") in kinds
    assert ("paragraph", "Text with and words here.") in kinds
    assert ("list_item", "one") in kinds and ("list_item", "two") in kinds
    assert ("quote", "quoted") in kinds
    assert not any("cure" in text for _, text in kinds)
    assert doc.metadata["date"] == dt.date(2024, 3, 1)
    assert doc.blocks[3].links == ["http://cure.example"]
    assert [c.text for c in doc.comments] == ["hidden cure"]


def test_markdown_sections_follow_headings():
    doc = parse_text("# A\n\npara one\n\n## B\n\npara two\n", "markdown")
    heading_b = next(b for b in doc.blocks if b.text == "B")
    assert doc.blocks[-1].section == heading_b.index


def test_html_visible_text_only():
    doc = parse_text(
        "<html><head><title>Safe care</title><script>cure()</script><style>.x{}</style></head><body>"
        "<h2>Our care</h2><p>Visible <code>hidden</code> text.<img src=a.png alt='Alt words'></p>"
        "<noscript>no</noscript><pre>pre cure</pre><ul><li>Item</li></ul><table><tr><td>Cell</td></tr></table>"
        "<!-- comment --></body></html>",
        "html",
    )
    assert texts(doc) == [
        ("metadata", "Safe care"), ("heading", "Our care"), ("paragraph", "Visible text."),
        ("alt", "Alt words"), ("list_item", "Item"), ("table_cell", "Cell"),
    ]
    assert [c.text for c in doc.comments] == ["comment"]


def test_plain_text_every_line_is_linted():
    doc = parse_text("Title Of Page\nFirst paragraph ends here.\n- a list item\nShort heading\nLast line.\n")
    assert texts(doc) == [
        ("heading", "Title Of Page"), ("paragraph", "First paragraph ends here."),
        ("list_item", "a list item"), ("heading", "Short heading"), ("paragraph", "Last line."),
    ]


def test_plain_text_joins_hard_wrapped_lines():
    doc = parse_text("This long paragraph was wrapped by an editor at a fixed width and\ncontinues here.\n")
    assert texts(doc) == [("paragraph", "This long paragraph was wrapped by an editor at a fixed width and continues here.")]


def sentences(text):
    return [text[s:e] for s, e in split_spans(text)]


def test_sentence_splitting_keeps_abbreviations_together():
    text = (
        "Karussis et al. showed this in 2010. Dr. Smith compared A vs. B, e.g. doses, i.e. amounts. "
        "About 2.5 million people. See doi:10.1155/2019/3675627. J. R. Smith agreed. Is it real? Yes!"
    )
    assert sentences(text) == [
        "Karussis et al. showed this in 2010.",
        "Dr. Smith compared A vs. B, e.g. doses, i.e. amounts.",
        "About 2.5 million people.",
        "See doi:10.1155/2019/3675627.",
        "J. R. Smith agreed.",
        "Is it real?",
        "Yes!",
    ]


def test_heading_and_list_item_without_punctuation_are_sentences():
    doc = parse_text("# Why stem cells work\n\n- Reduces Inflammation\n- Second item. With two.\n", "markdown")
    assert [s.text for s in doc.sentences] == [
        "Why stem cells work", "Reduces Inflammation", "Second item.", "With two.",
    ]


def test_a_heading_splits_only_after_questions_and_exclamations():
    doc = parse_text("# Hangover? Long COVID? Our drip has you covered\n\n## Dr. Lee on St. John's wort 2.0\n", "markdown")
    assert [s.text for s in doc.sentences] == [
        "Hangover?", "Long COVID?", "Our drip has you covered", "Dr. Lee on St. John's wort 2.0",
    ]


def test_html_links_are_recorded_on_their_block():
    doc = parse_text('<p>See <a href="https://example.org/trial">the trial</a> and <a href=\'/x\'>more</a>.</p>', "html")
    assert doc.blocks[0].text == "See the trial and more."
    assert doc.blocks[0].links == ["https://example.org/trial", "/x"]


def test_a_front_matter_problem_names_its_line_in_the_file():
    from copylint.parsers.metadata import parse_front_matter

    deep = "title: " + "[" * 200 + "]" * 200
    for nl in ("\n", "\r\n"):
        problem = parse_front_matter(f"---{nl}a: 1{nl}{deep}{nl}---{nl}Body{nl}").problem
        assert problem.startswith("front matter: nesting too deep") and problem.endswith("(line 3)"), problem
