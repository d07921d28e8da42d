"""Sample drafts in fixtures/drafts/: each must produce the findings its expectations list and
none where they forbid one (checked through the CLI's JSON output)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from copylint.cli import main

DRAFTS = Path(__file__).resolve().parents[1] / "fixtures" / "drafts"
EXPECTATIONS = yaml.safe_load((DRAFTS / "expectations.yaml").read_text())


def findings_for(name: str) -> list[dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--as-of", "2026-11-21", str(DRAFTS / name)])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["findings"]


def matches(finding: dict, expected: dict) -> bool:
    return all(
        (finding["line"] == value) if key == "line" else (value.lower() in finding["excerpt"].lower()) if key == "excerpt" else finding[key] == value
        for key, value in expected.items()
    )


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_draft_expectations(name):
    findings = findings_for(name)
    for expected in EXPECTATIONS[name].get("must", []):
        assert any(matches(f, expected) for f in findings), f"{name}: missing {expected}"
    for forbidden in EXPECTATIONS[name].get("must_not", []):
        hits = [f for f in findings if matches(f, forbidden) and not f.get("document_level")]
        assert not hits, f"{name}: unexpected {[(h['rule'], h['line'], h['excerpt']) for h in hits]}"
