"""Lexicon misspellings and in-document spelling variants (consistency.spelling / .variant)."""

from __future__ import annotations

from conftest import parse_fixture, run_rule

from copylint.language.spelling import spelling_key
from copylint.kinds.consistency import match_case
from copylint.parsers import parse_text


def test_seed_001_edavarone():
    findings = run_rule("consistency.spelling", parse_fixture("consistency/seed_001_als.txt"))
    assert [(f.location.line, f.excerpt, f.suggestion) for f in findings] == [
        (2, "edavarone", "edaravone"), (35, "edavarone", "edaravone")]
    assert '"edaravone"' in findings[0].message


def test_correct_forms_are_not_reported():
    doc = parse_text("Riluzole and edaravone are approved for amyotrophic lateral sclerosis.")
    assert run_rule("consistency.spelling", doc) == []


def test_multiword_apostrophe_and_case():
    doc = parse_fixture("consistency/variants.md")
    found = [(f.location.line, f.excerpt, f.suggestion) for f in run_rule("consistency.spelling", doc)]
    assert found == [(3, "Chron's", "Crohn's")]
    html = parse_fixture("consistency/variants.html")
    found = [(f.location.line, f.excerpt, f.suggestion) for f in run_rule("consistency.spelling", html)]
    assert found == [(2, "PARKINSONS", "PARKINSON'S"), (3, "Hematopoetic", "Hematopoietic")]
    curly = parse_text("Lou Gherig\u2019s disease")
    assert [f.suggestion for f in run_rule("consistency.spelling", curly)] == ["Lou Gehrig's"]


def test_variants_markdown():
    findings = run_rule("consistency.variant", parse_fixture("consistency/variants.md"))
    found = {(f.location.line, f.excerpt, f.suggestion) for f in findings}
    assert found == {(5, "flareups", "flare-ups"), (8, "tumor", "tumour")}
    flare = next(f for f in findings if f.excerpt == "flareups")
    assert '"flare-ups" (2x, first on line 3)' in flare.message


def test_variants_html_hyphen():
    found = [(f.location.line, f.excerpt, f.suggestion) for f in run_rule("consistency.variant", parse_fixture("consistency/variants.html"))]
    assert found == [(4, "Email", "E-mail")]


def test_variant_ignore_option():
    doc = parse_fixture("consistency/variants.md")
    found = {f.excerpt for f in run_rule("consistency.variant", doc, ignore=["tumour"])}
    assert found == {"flareups"}


def test_seed_001_has_no_variant_noise():
    assert run_rule("consistency.variant", parse_fixture("consistency/seed_001_als.txt")) == []


def test_spelling_key_and_case():
    assert spelling_key("Flare-ups") == spelling_key("flareups")
    assert spelling_key("haemorrhage") == spelling_key("hemorrhage")
    assert spelling_key("centre") == spelling_key("center")
    assert spelling_key("organisation") == spelling_key("organization")
    assert spelling_key("patients") != spelling_key("patient")
    assert match_case("EDAVARONE", "edaravone") == "EDARAVONE"
    assert match_case("Edavarone", "edaravone") == "Edaravone"
