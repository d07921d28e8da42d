"""docs/rules: one page per rule, generated from the rule YAML (`copylint rule --docs DIR`), kept
in step with the pack (this test fails when a rule changed and the pages were not regenerated),
the same bytes on every run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from copylint.cli.common import load_rules
from copylint.ruleset.docs import INDEX, MARKER, REGENERATE, pages, write_docs
from workflow_helpers import TEAM_RULE, invoke, write

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "rules"


@pytest.fixture(scope="module")
def specs():
    pack, _, _ = load_rules()
    return pack.specs


def test_docs_rules_match_the_rules(specs):
    wanted = pages(specs)
    have = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")}
    stale = sorted(name for name in wanted.keys() | have.keys() if wanted.get(name) != have.get(name))
    assert not stale, f"docs/rules is out of date ({', '.join(stale[:5])}...): run `{REGENERATE}`"
    assert len(wanted) == len(specs) + 1


def test_a_page_says_what_why_source_examples_options_and_configuration(specs):
    spec = next(s for s in specs if s.id == "efficacy.cure")
    text = pages(specs)["efficacy.cure.md"]
    assert text.startswith("# efficacy.cure\n")
    for heading in ("## What it reports", "## Why it matters", "## Source", "## Suggested fix", "## Examples",
                    "## Options", "## Configuration"):
        assert heading in text
    assert spec.why in text and spec.source in text
    for example in (*spec.examples.bad, *spec.examples.good):
        assert f"\n{example}\n" in text
    assert "| efficacy | error | `phrase` |" in text and "Defined in rules/efficacy.yaml." in text
    assert "{match}" not in text and str(ROOT) not in text  # no template field, no path of this machine
    index = pages(specs)[INDEX]
    assert "| [efficacy.cure](efficacy.cure.md) | Wording that claims a cure | efficacy | error |" in index
    assert index.count("](") == len(specs)


def test_generation_is_the_same_in_another_process(tmp_path, specs):
    # Another hash seed and no cached pack: set or dict order may not leak into the pages.
    env = {**os.environ, "PYTHONHASHSEED": "12345", "COPYLINT_NO_CACHE": "1"}
    subprocess.run([sys.executable, "-m", "copylint.ruleset.docs", str(tmp_path)], check=True, env=env, capture_output=True)
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.md")} == pages(specs)


def test_regenerating_removes_pages_of_rules_that_are_gone_and_keeps_other_files(tmp_path, specs):
    write(tmp_path, "claims.renamed-away.md", f"# old\n\n{MARKER} from rules/x.yaml -->\n")
    write(tmp_path, "notes.md", "Written by hand.\n")
    written, removed = write_docs(specs, tmp_path)
    assert removed == ["claims.renamed-away.md"] and len(written) == len(specs) + 1
    assert (tmp_path / "notes.md").read_text() == "Written by hand.\n"
    assert write_docs(specs, tmp_path) == ([], [])  # nothing changed, nothing written


def test_rule_docs_command_includes_a_team_pack(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "team/hype.yaml", TEAM_RULE)
    result = invoke("rule", "--docs", "out", "--rules", "team")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "hype.old-name.md").read_text()
    assert "**Wording that is the product's old name**" in page and "Defined in team/hype.yaml." in page
    assert "[hype.old-name](hype.old-name.md)" in (tmp_path / "out" / INDEX).read_text()
    assert invoke("rule", "efficacy.cure", "--docs", "out").exit_code == 2


def test_a_summary_is_the_title_and_may_not_hold_fields(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "team/hype.yaml", TEAM_RULE.replace("    kind: phrase\n", "    kind: phrase\n    summary: Old product name\n"))
    result = invoke("rule", "--docs", "out", "--rules", "team")
    assert result.exit_code == 0 and "**Old product name**" in (tmp_path / "out" / "hype.old-name.md").read_text()
    write(tmp_path, "team/hype.yaml", TEAM_RULE.replace("    kind: phrase\n", "    kind: phrase\n    summary: Old name {match}\n"))
    result = invoke("rule", "--docs", "out", "--rules", "team")
    assert result.exit_code == 2 and "'summary' must be a one-line title without {fields}" in result.output
