"""One finding per claim: findings of different rules on the same words fold into one."""

from __future__ import annotations

from copylint.engine import lint_document
from copylint.filters.same_claim import fold_same_claim
from copylint.kinds.base import Settings
from copylint.models import Finding, Location, Severity
from copylint.parsers import parse_text
from copylint.ruleset.loader import compile_rules, load_pack

RULES = compile_rules(load_pack(), Settings())


def finding(rule: str, start: int, end: int, severity: Severity = Severity.WARNING, fix: str | None = None) -> Finding:
    return Finding(rule, rule.split(".")[0], severity, f"{rule} message", Location("a.md", 1, start + 1, 1, end + 1, start, end),
                   "x", fix=fix)


def test_overlapping_findings_of_different_rules_fold_into_the_most_severe():
    found = fold_same_claim([finding("a.one", 0, 10), finding("b.two", 5, 20, Severity.ERROR), finding("c.three", 30, 40)])
    assert [(f.rule, f.also) for f in found] == [("b.two", ("a.one",)), ("c.three", ())]
    assert found[0].message.endswith("(Also reported as: a.one.)")


def test_equal_severity_keeps_the_finding_that_covers_more_of_the_claim():
    (kept,) = fold_same_claim([finding("a.one", 0, 4), finding("b.two", 0, 12)])
    assert kept.rule == "b.two" and kept.also == ("a.one",)


def test_one_rules_distinct_claims_and_exact_fixes_stay_apart():
    found = fold_same_claim([finding("a.one", 0, 10), finding("a.one", 5, 15), finding("s.spell", 2, 6, fix="word")])
    assert sorted(f.rule for f in found) == ["a.one", "a.one", "s.spell"]


def test_a_cure_and_disease_claim_on_the_same_words_is_one_finding():
    doc = parse_text("Our tea cures acne. It is sold in tins.", "text", "t.txt")
    found = [f for f in lint_document(doc, RULES).findings if f.location.start_offset < 19]
    assert len(found) == 1, [(f.rule, f.excerpt) for f in found]
    assert {found[0].rule, *found[0].also} >= {"efficacy.cure", "efficacy.disease-claim"}
