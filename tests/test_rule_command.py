"""`copylint rule`: one rule in any case, --format json, --all, and the ids a bare word may mean."""

from __future__ import annotations

import json

from workflow_helpers import invoke


def test_ids_are_case_insensitive():
    lower = invoke("rule", "efficacy.cure")
    upper = invoke("rule", "Claims.CURE")
    assert lower.exit_code == upper.exit_code == 0 and lower.stdout == upper.stdout
    assert lower.stdout.startswith("efficacy.cure  (efficacy, error, kind phrase)")


def test_json_has_every_field_of_the_text():
    data = json.loads(invoke("rule", "consistency.spelling", "--format", "json").stdout)
    assert data["id"] == "consistency.spelling" and data["kind"] == "consistency" and data["severity"] == "warning"
    assert data["why"] and data["source"] and data["examples"]["bad"] and data["examples"]["good"]
    assert data["summary"] == "Misspelt drug or condition name" and data["docs"].endswith("/docs/rules/consistency.spelling.md")
    assert data["defined_in"].endswith(".yaml:" + data["defined_in"].rsplit(":", 1)[1])
    text = invoke("rule", "consistency.spelling").stdout
    assert " ".join(data["why"].split())[:60] in " ".join(text.split())


def test_all_explains_every_rule_in_order():
    listed = [line.split()[0] for line in invoke("rules").stdout.splitlines() if line and not line.endswith("rules.")]
    text = invoke("rule", "--all").stdout
    heads = [line.split()[0] for line in text.splitlines() if "  (" in line and ", kind " in line]
    assert heads == listed and text.count("Why it matters:") == len(listed)
    data = json.loads(invoke("rule", "--all", "--format", "json").stdout)
    assert [r["id"] for r in data] == listed


def test_a_bare_word_names_the_rules_it_may_mean():
    result = invoke("rule", "cure")
    assert result.exit_code == 2 and "unknown rule 'cure' (did you mean: efficacy.cure" in result.stderr
    assert "date.stale-recent" in invoke("rule", "recent").stderr
    assert "efficacy.cure" in invoke("rule", "cuer").stderr  # a typo of a whole id's segment


def test_needs_an_id_or_all():
    assert invoke("rule").exit_code == 2
    assert invoke("rule", "efficacy.cure", "--all").exit_code == 2
