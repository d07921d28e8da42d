"""Every rule's own examples: each `bad` example must produce that rule's finding, each `good`
example must not (the proselint-style examples test)."""

from __future__ import annotations

import datetime as dt

import pytest

from copylint.pipeline.engine import lint_document
from copylint.kinds.base import Settings
from copylint.parsers import parse_text
from copylint.ruleset.loader import compile_rules, load_pack

PACK = load_pack()
# Examples are judged at a fixed date so date rules do not drift with the calendar.
SETTINGS = Settings(as_of=dt.date(2026, 11, 21))
RULES = {rule.id: rule for rule in compile_rules(PACK, SETTINGS)}
CASES = [
    pytest.param(spec.id, verdict, example, id=f"{spec.id}-{verdict}-{i}")
    for spec in PACK.specs
    for verdict, examples in (("bad", spec.examples.bad), ("good", spec.examples.good))
    for i, example in enumerate(examples)
]


def findings_of(rule_id: str, example: str):
    rule = RULES[rule_id]
    result = lint_document(parse_text(example, "text", path="example.txt"), [rule])
    assert not result.errors, result.errors
    if rule.cross_file:
        from copylint.pipeline.engine import compare_across

        return result.findings + compare_across([result], [rule])
    return result.findings


def test_pack_is_not_empty():
    assert len(PACK.specs) >= 40


@pytest.mark.parametrize("rule_id, verdict, example", CASES)
def test_rule_example(rule_id, verdict, example):
    found = [f for f in findings_of(rule_id, example) if f.rule == rule_id]
    if verdict == "bad":
        assert found, f"{rule_id} should report: {example!r}"
    else:
        assert not found, f"{rule_id} should not report {example!r}: {[f.message for f in found]}"
