"""SARIF as GitHub code scanning shows it: every rule's short and full description without
template fields or cut-off text, a helpUri to the rule's page, the whole file valid against the
2.1.0 schema, and fingerprints (primaryLocationLineHash) that survive edits elsewhere."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copylint.cli.common import load_rules
from copylint.core.models import Finding, Location
from copylint.reporters import Report
from copylint.reporters.sarif import build, rule_entry
from copylint.ruleset.describe import NOUNS, describe
from copylint.ruleset.docs import DOCS_URL_ENV
from workflow_helpers import TEAM_RULE, invoke, write

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
TEXTS = ("shortDescription", "fullDescription")


@pytest.fixture(scope="module")
def specs():
    pack, _, _ = load_rules()
    return sorted(pack.specs, key=lambda s: s.id)


def test_no_rule_description_shows_a_template_field(specs):
    assert len(specs) > 30
    for spec in specs:
        entry = rule_entry(spec.id, spec)
        texts = [entry[key]["text"] for key in TEXTS] + [entry["help"]["text"], entry["help"]["markdown"]]
        for text in texts:
            assert text.strip(), spec.id
            assert not re.search(r"[{}\x00]|<match>", text), (spec.id, text)
        short, full = (entry[key]["text"] for key in TEXTS)
        # Never cut inside a parenthesis or a quotation (readability.grade was cut at
        # "Reading grade {grade} (Flesch-Kincaid").
        assert short.count("(") == short.count(")") and short.count('"') % 2 == 0, (spec.id, short)
        assert full.count("(") == full.count(")"), (spec.id, full)
        assert not short.endswith((".", ",", ";", ":")) and short[0].isupper(), (spec.id, short)
        assert full[0].isupper() and full.endswith((".", ")", "'", '"')), (spec.id, full)


def test_descriptions_keep_the_message_apart_from_its_fields(specs):
    by_id = {s.id: s for s in specs}
    grade = rule_entry("readability.grade", by_id["readability.grade"])
    assert grade["shortDescription"]["text"].startswith("Reading grade is above the grade 8 target")  # {max_grade} filled
    assert "split them and use shorter, everyday words." in grade["fullDescription"]["text"]
    dates = rule_entry("date.conflicting", by_id["date.conflicting"])
    assert dates["shortDescription"]["text"] == "Conflicting dates for one event"
    assert dates["fullDescription"]["text"].startswith("Conflicting dates for one event. The same event")


def test_every_shipped_rule_links_to_its_generated_page(specs, monkeypatch):
    monkeypatch.delenv(DOCS_URL_ENV, raising=False)
    for spec in specs:
        uri = rule_entry(spec.id, spec)["helpUri"]
        assert uri.startswith("https://github.com/copylint/copylint/blob/v") and uri.endswith(f"/docs/rules/{spec.id}.md")
        assert (ROOT / "docs" / "rules" / f"{spec.id}.md").is_file(), spec.id


def test_the_docs_address_can_be_set_and_team_rules_get_none_by_default(tmp_path, monkeypatch, specs):
    write(tmp_path, "team/hype.yaml", TEAM_RULE)
    pack, _, _ = load_rules([str(tmp_path / "team")])
    team = next(s for s in pack.specs if s.id == "hype.old-name")
    monkeypatch.delenv(DOCS_URL_ENV, raising=False)
    assert "helpUri" not in rule_entry(team.id, team)
    monkeypatch.setenv(DOCS_URL_ENV, "https://docs.example.com/copylint/{id}.html")
    assert rule_entry(team.id, team)["helpUri"] == "https://docs.example.com/copylint/hype.old-name.html"
    monkeypatch.setenv(DOCS_URL_ENV, "https://git.example.com/rules/")
    assert rule_entry("efficacy.cure", specs[0])["helpUri"] == f"https://git.example.com/rules/{specs[0].id}.md"


def test_a_report_with_every_rule_validates_against_the_schema(specs, tmp_path):
    findings = [
        Finding(rule=s.id, category=s.category, severity=s.severity, message=f"finding of {s.id}",
                location=Location(str(tmp_path / "page.md"), i + 1, 1, i + 1, 5), excerpt="text")
        for i, s in enumerate(specs)
    ]
    data = build(Report(findings=findings, files=1, rules={s.id: s for s in specs}, root=str(tmp_path)))
    jsonschema.validate(data, SCHEMA)
    rules = data["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [s.id for s in specs]
    texts = " ".join(r[key]["text"] for r in rules for key in TEXTS)
    assert "Wording that claims a cure" in texts and not re.search(r"[{}]|<match>", texts)


PARAGRAPH = ("Our stem cells cure arthritis. Many patients ask about costs. "
             "Our FDA-approved protocol is simple.\n")


def _prints(folder: Path) -> list[tuple[str, str]]:
    result = invoke("check", "--format", "sarif", "--select", "efficacy.cure,regulatory.fda-approved", "--exit-zero", "drafts")
    results = json.loads(result.stdout)["runs"][0]["results"]
    return [(r["ruleId"], r["partialFingerprints"]["primaryLocationLineHash"]) for r in results]


def test_fingerprints_survive_a_paragraph_inserted_above_and_edits_beside_the_finding(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "drafts/page.md", "# Care\n\n" + PARAGRAPH)
    before = _prints(tmp_path)
    assert sorted(rule for rule, _ in before) == ["efficacy.cure", "regulatory.fda-approved"]
    assert len({fp for _, fp in before}) == 2
    write(tmp_path, "drafts/page.md", "# Care\n\nA new opening paragraph about our clinic.\n\n" + PARAGRAPH)
    assert _prints(tmp_path) == before
    # GitHub's own line hash would change here: the paragraph is one line, and its start changed.
    write(tmp_path, "drafts/page.md", "# Care\n\n" + PARAGRAPH.replace("Many patients ask about costs.", "Ask us."))
    assert _prints(tmp_path) == before


def test_two_findings_of_one_rule_on_one_line_are_two_alerts(tmp_path, monkeypatch):
    # GitHub's line hash is the same for both (same line), which would make them one alert.
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "drafts/page.md", "Our stem cells cure arthritis. Our drops cure gout.\n")
    prints = _prints(tmp_path)
    assert [rule for rule, _ in prints] == ["efficacy.cure", "efficacy.cure"] and prints[0][1] != prints[1][1]


PIECES = st.one_of(
    st.sampled_from(["{%s}" % name for name in NOUNS] + ["'{match}'", '"{term}"', "({claim})", ": {detail}.",
                                                         "; ", ". ", ": ", " (", ")", "{{", "}}"]),
    st.text(st.characters(blacklist_characters="{}\x00", blacklist_categories=("Cs",)), max_size=12),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=12))
def test_any_template_describes_without_fields(specs, pieces):
    template = "".join(pieces)
    literal = template.count("{{")
    spec = dataclasses.replace(specs[0], message=template, summary=None)
    about = describe(spec)
    assert about.title.strip() and about.text.strip()
    for text in (about.title, about.text):
        assert "\x00" not in text and text.count("{") <= literal and text.count("}") <= template.count("}}")
