"""Inline suppressions in Markdown, HTML and plain text: ranges, next line, prefixes, several
ids, all rules; bare, unused and malformed directives are reported (and can be switched off).
Through the library (copylint.lint_text) with the rules these tests exercise; one CLI test shows
the command applies them too."""

from __future__ import annotations

import json

import pytest

from copylint import lint_text
from copylint.pipeline.filters.suppressions import parse_directive

from workflow_helpers import invoke, write

# The rules these tests exercise; page-level rules (disclaimers, reading level) are left out.
EXERCISED = ["efficacy.cure", "efficacy.reverse", "hype", "copylint"]


def found(text, path="a.md", **config):
    """(line, rule) of each finding of `text` as file `path`, with the exercised rules selected."""
    return [(f.line, f.rule) for f in lint_text(text, path=path, config={"select": EXERCISED, **config})]


def test_next_line_markdown():
    text = "<!-- copylint-disable-next-line efficacy.cure -- quoting the trial title -->\nOur tea cures arthritis.\n\nOur tea cures gout.\n"
    assert found(text) == [(4, "efficacy.cure")]


def test_next_line_skips_blank_and_stacked_directives():
    text = "<!-- copylint-disable-next-line efficacy.cure -- ok -->\n<!-- copylint-disable-next-line hype -- ok -->\n\nA revolutionary cure.\n"
    assert found(text) == []
    assert found(text.replace("hype", "efficacy.reverse")) == [(2, "copylint.unused-suppression"), (4, "hype.revolutionary")]


def test_range_with_prefix_and_several_ids():
    assert found((
        "Intro: our tea cures gout.\n\n"
        "<!-- copylint-disable efficacy, hype.revolutionary -- legal review 2026-03 -->\n"
        "A revolutionary therapy that cures gout and reverses ageing.\n\n"
        "<!-- copylint-enable efficacy -->\n"
        "Our tea cures gout. A revolutionary idea.\n"
    )) == [(1, "efficacy.cure"), (7, "efficacy.cure")]  # hype stays disabled to the end


def test_disable_all_rules_html():
    text = "<p>Our tea cures gout.</p>\n<!-- copylint-disable -- archived page, kept for the record -->\n<p>A revolutionary cure.</p>\n"
    assert found(text, "a.html") == [(1, "efficacy.cure")]


def test_plain_text_directive_lines():
    text = "Our tea cures gout.\n\ncopylint-disable-next-line efficacy.cure -- quoted\nOur tea cures gout.\n"
    assert found(text, "a.txt") == [(1, "efficacy.cure")]


def test_missing_reason_is_reported_and_can_be_switched_off():
    text = "<!-- copylint-disable-next-line efficacy.cure -->\nOur tea cures gout.\n"
    assert found(text) == [(1, "copylint.suppression-without-reason")]
    assert found(text, severity={"copylint.suppression-without-reason": "off"}) == []


def test_unused_and_unknown_ids():
    text = ("<!-- copylint-disable-next-line efficacy.cure -- ok -->\nTalk to your doctor.\n\n"
            "<!-- copylint-disable-next-line claims.cur -- typo -->\nOur tea cures gout.\n")
    assert found(text) == [(1, "copylint.unused-suppression"), (4, "copylint.unused-suppression"), (5, "efficacy.cure")]
    messages = [f.message for f in lint_text(text, path="a.md", config={"select": EXERCISED})]
    assert "matches no rule" in messages[1] and "matches no rule" not in messages[0]
    assert found(text, ignore=["copylint.unused-suppression"]) == [(5, "efficacy.cure")]


def test_suppression_of_a_rule_not_run_is_not_unused():
    text = "<!-- copylint-disable-next-line hype -- ok -->\nA calm page.\n"
    assert found(text, select=["efficacy", "copylint"]) == []
    assert found(text) == [(1, "copylint.unused-suppression")]


def test_malformed_directive():
    text = "<!-- copylint-disabel efficacy.cure -- typo -->\nOur tea cures gout.\n"
    assert found(text) == [(1, "copylint.invalid-suppression"), (2, "efficacy.cure")]


def test_the_command_applies_suppressions_and_their_rules(tmp_path, monkeypatch):
    """The CLI runs the same filters: a directive without a reason is reported and fails the run."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.md", "<!-- copylint-disable-next-line efficacy.cure -->\nOur tea cures gout.\n\nOur tea cures gout.\n")
    result = invoke("check", "--format", "json", "--select", "efficacy.cure,copylint", "a.md")
    reported = [(f["line"], f["rule"]) for f in json.loads(result.stdout)["findings"]]
    assert reported == [(1, "copylint.suppression-without-reason"), (4, "efficacy.cure")] and result.exit_code == 1


@pytest.mark.parametrize("body, expected", [
    ("copylint-disable efficacy.cure -- legal ok", ("disable", ("efficacy.cure",), "legal ok", None)),
    ("copylint-disable a.b,c -- why -- more", ("disable", ("a.b", "c"), "why -- more", None)),
    ("copylint-disable -- all of it", ("disable", (), "all of it", None)),
    ("copylint-enable", ("enable", (), None, None)),
    ("copylint-disable-next-line x.y", ("disable-next-line", ("x.y",), None, None)),
])
def test_parse_directive(body, expected):
    assert parse_directive(body) == expected


def test_builtin_rules_are_listed_and_explained():
    listed = invoke("rules").stdout
    assert "copylint.unused-suppression" in listed and "copylint.suppression-without-reason" in listed
    explained = invoke("rule", "copylint.suppression-without-reason")
    assert explained.exit_code == 0 and "Why it matters:" in explained.stdout and "Source:" in explained.stdout
