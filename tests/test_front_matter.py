"""Front matter read without PyYAML (one-line `key: value` strings, dates and whole numbers)
gives exactly what the PyYAML path gives: the same metadata, linted value blocks and body
start, on generated front matter and on every fixture; anything else still goes to PyYAML."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from copylint.parsers import metadata

KEYS = st.sampled_from(["title", "Title", "description", "summary", "date", "updated", "author", "tags", "yes",
                        "On", "n", "x-id", "sub_title", "excerpt"])
WORDS = st.sampled_from(["The", "Joint", "renewal", "formula", "for", "diabetes", "yes", "No", "null", "TRUE",
                         "2016-06-10", "2016-13-45", "2016-6-10", "0123", "2016", "0", "3.5", "a:b", "a: b",
                         "x #c", "-", "- x", "'q'", "\"q\"", "it's", "(MS)", "A&B", "a/b", "+1", "~", "[x]",
                         "{y}", "é", "ALS,", "end:", "  "])
VALUES = st.lists(WORDS, min_size=0, max_size=5).map(" ".join)
LINES = st.tuples(KEYS, st.sampled_from([": ", ":  ", ":", ": "]), VALUES,
                  st.sampled_from(["", " ", "  "])).map(lambda t: f"{t[0]}{t[1]}{t[2]}{t[3]}")


# Mostly what the simple reader takes, with a few words it must leave to PyYAML.
EASY_WORDS = st.sampled_from(["The", "joint", "Renewal", "it's", "(MS)", "A&B", "a/b", "x-ray", "ALS,", "v2.0",
                              "2016", "0", "2016-06-10", "yes", "Off", "end:", "0123", "2016-02-30", "+1"])
EASY_LINES = st.tuples(KEYS, st.sampled_from([": ", ":  "]), st.lists(EASY_WORDS, min_size=1, max_size=4).map(" ".join),
                       st.sampled_from(["", " "])).map(lambda t: f"{t[0]}{t[1]}{t[2]}{t[3]}")


def read_both(text: str) -> tuple[metadata.FrontMatter, metadata.FrontMatter | None]:
    """The PyYAML reading of `text`'s front matter, and the simple one (None when it declines)."""
    found = metadata.split_front_matter(text)
    assert found is not None
    body_start, end, body = found
    slow = metadata._yaml_front_matter(text, body_start, end, body)
    pairs = metadata._simple_mapping(body)
    return slow, None if pairs is None else metadata._simple_front_matter(text, body_start, end, pairs)


def same(slow: metadata.FrontMatter, fast: metadata.FrontMatter) -> None:
    assert fast.meta == slow.meta and [type(v) for v in fast.meta.values()] == [type(v) for v in slow.meta.values()]
    assert [(b.kind, b.region, b.text, b.segments) for b in fast.blocks] == \
        [(b.kind, b.region, b.text, b.segments) for b in slow.blocks]
    assert (fast.body_start, fast.problem) == (slow.body_start, slow.problem)


def agrees_with_pyyaml(lines: list[str]) -> None:
    """Where the simple reader takes these front-matter lines, it reads what PyYAML reads."""
    slow, fast = read_both("---\n" + "\n".join(lines) + "\n---\n\n# Heading\n\nBody text.\n")
    if fast is not None:
        same(slow, fast)


@settings(max_examples=400, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=6))
def test_simple_front_matter_is_what_pyyaml_reads(lines):
    agrees_with_pyyaml(lines)


@settings(max_examples=400, deadline=None)
@given(st.lists(EASY_LINES, min_size=1, max_size=4))
@example(["Title: The", "title: joint", "Title: The"])  # a key repeated in two cases: PyYAML keeps each key's last value
def test_front_matter_the_simple_reader_takes_is_what_pyyaml_reads(lines):
    agrees_with_pyyaml(lines)


def test_a_draft_front_matter_is_read_without_pyyaml_and_the_rest_with_it():
    simple = "---\ntitle: The Joint Renewal Formula for diabetes\ndate: 2016-06-10\nissue: 12\n---\nBody.\n"
    slow, fast = read_both(simple)
    assert fast is not None and fast.meta == {"title": "The Joint Renewal Formula for diabetes",
                                              "date": dt.date(2016, 6, 10), "issue": 12}
    same(slow, fast)
    assert [b.text for b in fast.blocks] == ["The Joint Renewal Formula for diabetes"]
    for hard in ("title: 'Quoted'", "title: a: b", "date: 2016-13-45", "tags:\n  - a", "title: x # note",
                 "on: yes", "title: Two\n  lines", "n: 0123", "\ttitle: x", "title:"):
        assert metadata._simple_mapping(hard) is None, hard
    assert metadata.parse_front_matter("---\ndate: 2016-13-45\n---\nBody.\n").problem  # PyYAML names the bad date


def test_every_fixture_reads_the_same_either_way():
    read = 0
    for path in sorted(FIXTURES.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if metadata.split_front_matter(text) is None:
            continue
        slow, fast = read_both(text)
        if fast is not None:
            same(slow, fast)
            read += 1
    assert read >= 3
