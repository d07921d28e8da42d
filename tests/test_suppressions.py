"""Inline suppressions in Markdown, HTML and plain text: ranges, next line, prefixes, several
ids, all rules; bare, unused and malformed directives are reported (and can be switched off)."""

from __future__ import annotations

import json

import pytest

from copylint.filters.suppressions import parse_directive

from workflow_helpers import invoke, write


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# The rules these tests exercise; page-level rules (disclaimers, reading level) are left out.
EXERCISED = ("efficacy.cure", "efficacy.reverse", "hype.", "copylint.")


def findings(path, *args):
    result = invoke("check", "--format", "json", *args, path)
    found = json.loads(result.stdout)["findings"]
    return [(f["line"], f["rule"]) for f in found if f["rule"].startswith(EXERCISED)], result


def test_next_line_markdown(folder):
    write(folder, "a.md", "<!-- copylint-disable-next-line efficacy.cure -- quoting the trial title -->\nOur tea cures arthritis.\n\nOur tea cures gout.\n")
    found, _ = findings("a.md")
    assert found == [(4, "efficacy.cure")]


def test_next_line_skips_blank_and_stacked_directives(folder):
    write(folder, "a.md", "<!-- copylint-disable-next-line efficacy.cure -- ok -->\n<!-- copylint-disable-next-line hype -- ok -->\n\nA revolutionary cure.\n")
    assert findings("a.md")[0] == []


def test_range_with_prefix_and_several_ids(folder):
    write(folder, "a.md", (
        "Intro: our tea cures gout.\n\n"
        "<!-- copylint-disable efficacy, hype.revolutionary -- legal review 2026-03 -->\n"
        "A revolutionary therapy that cures gout and reverses ageing.\n\n"
        "<!-- copylint-enable efficacy -->\n"
        "Our tea cures gout. A revolutionary idea.\n"
    ))
    found, _ = findings("a.md")
    assert found == [(1, "efficacy.cure"), (7, "efficacy.cure")]  # hype stays disabled to the end


def test_disable_all_rules_html(folder):
    write(folder, "a.html", "<p>Our tea cures gout.</p>\n<!-- copylint-disable -- archived page, kept for the record -->\n<p>A revolutionary cure.</p>\n")
    assert findings("a.html")[0] == [(1, "efficacy.cure")]


def test_plain_text_directive_lines(folder):
    write(folder, "a.txt", "Our tea cures gout.\n\ncopylint-disable-next-line efficacy.cure -- quoted\nOur tea cures gout.\n")
    assert findings("a.txt")[0] == [(1, "efficacy.cure")]


def test_missing_reason_is_reported_and_can_be_switched_off(folder):
    write(folder, "a.md", "<!-- copylint-disable-next-line efficacy.cure -->\nOur tea cures gout.\n")
    found, result = findings("a.md")
    assert found == [(1, "copylint.suppression-without-reason")]
    assert result.exit_code == 1
    write(folder, ".copylint.yaml", "severity:\n  copylint.suppression-without-reason: off\n")
    assert findings("a.md")[0] == []


def test_unused_and_unknown_ids(folder):
    write(folder, "a.md", "<!-- copylint-disable-next-line efficacy.cure -- ok -->\nTalk to your doctor.\n\n<!-- copylint-disable-next-line claims.cur -- typo -->\nOur tea cures gout.\n")
    found, result = findings("a.md")
    assert found == [(1, "copylint.unused-suppression"), (4, "copylint.unused-suppression"), (5, "efficacy.cure")]
    messages = [f["message"] for f in json.loads(result.stdout)["findings"]]
    assert "matches no rule" in messages[1]
    assert findings("a.md", "--ignore", "copylint.unused-suppression")[0] == [(5, "efficacy.cure")]


def test_suppression_of_a_rule_not_run_is_not_unused(folder):
    write(folder, "a.md", "<!-- copylint-disable-next-line hype -- ok -->\nA calm page.\n")
    assert findings("a.md", "--select", "efficacy,copylint")[0] == []


def test_malformed_directive(folder):
    write(folder, "a.md", "<!-- copylint-disabel efficacy.cure -- typo -->\nOur tea cures gout.\n")
    assert findings("a.md")[0] == [(1, "copylint.invalid-suppression"), (2, "efficacy.cure")]


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
