"""Rule ids say where they live: each id starts with its category and sits in that category's
file; the former ids keep working as aliases (config, flags, suppressions, baselines, `copylint
rule`) with one deprecation warning per id."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from copylint.pipeline.filters import baseline
from copylint.ruleset.aliases import Aliases
from copylint.ruleset.loader import default_pack_dir, load_pack
from copylint.ruleset.schema import RuleError

from workflow_helpers import invoke, phrase_rule, write

PACK = load_pack()
SPECS = {spec.id: spec for spec in PACK.specs}
CURE = "Our stem cells cure arthritis.\n"


def test_every_id_starts_with_its_category_and_lives_in_its_file():
    for spec in PACK.specs:
        assert spec.id.split(".")[0] == spec.category, spec.id
        assert Path(spec.file).name == f"{spec.category}.yaml", (spec.id, spec.file)
    rule_files = {Path(s.file).name for s in PACK.specs}
    assert rule_files == {f"{s.category}.yaml" for s in PACK.specs}


def test_the_alias_table_names_current_rules_only():
    assert PACK.aliases["claims.cure"] == "efficacy.cure"
    assert PACK.aliases["claims.discourage-treatment"] == "safety.discourage-treatment"
    assert all(new in SPECS and old not in SPECS for old, new in PACK.aliases.items())
    assert not [rid for rid in SPECS if rid.startswith("claims.")]


def test_select_by_category_selects_every_kind_of_that_category(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.md", "Our stem cells cure arthritis. Stem cell therapy reverses multiple sclerosis in most patients.\n")
    result = invoke("check", "--no-config", "--format", "json", "--select", "efficacy", "a.md")
    found = json.loads(result.stdout)["findings"]
    assert {f["category"] for f in found} == {"efficacy"}
    kinds = {SPECS[f["rule"]].kind for f in found}
    assert {"phrase", "claim"} <= kinds, kinds




def _load(tmp_path: Path, name: str, text: str):
    path = write(tmp_path, name, text)
    return load_pack([path]), str(path)


@pytest.mark.parametrize("name, rid, category, line, problem", [
    ("team.yaml", "team.synergy", "hype", 2, "id 'team.synergy' must start with its category: 'hype.synergy'"),
    ("safety.yaml", "hype.synergy", "hype", 4, "a rule of category 'hype' belongs in hype.yaml (one file per category)"),
])
def test_id_and_file_must_agree_with_the_category(tmp_path, name, rid, category, line, problem):
    with pytest.raises(RuleError) as caught:
        _load(tmp_path, name, phrase_rule(rid, category))
    assert str(caught.value) == f"{tmp_path / name}:{line}: rule {rid!r}: {problem}"


def test_a_team_file_of_any_name_may_hold_any_category(tmp_path):
    pack, _ = _load(tmp_path, "brand.yaml", phrase_rule("hype.synergy", "hype"))
    assert [s.id for s in pack.specs] == ["hype.synergy"]


def test_a_shipped_rule_file_must_be_named_for_its_category(monkeypatch, tmp_path):
    monkeypatch.setattr("copylint.ruleset.loader.default_pack_dir", lambda: tmp_path)
    with pytest.raises(RuleError, match="belongs in hype.yaml"):
        _load(tmp_path, "claims.yaml", phrase_rule("hype.synergy", "hype"))


@pytest.mark.parametrize("aliases, problem", [
    ("aliases:\n  team.synergy: hype.missing\n", "alias 'team.synergy' points to 'hype.missing', which is not a rule id"),
    ("aliases:\n  hype.synergy: hype.synergy\n", "alias 'hype.synergy' is the id of a rule"),
    ("aliases:\n  Team: hype.synergy\n", "'Team' is not a rule id"),
    ("aliases: [team.synergy]\n", "'aliases' must map former rule ids to current ones"),
])
def test_bad_aliases_name_file_and_line(tmp_path, aliases, problem):
    with pytest.raises(RuleError) as caught:
        _load(tmp_path, "brand.yaml", aliases + phrase_rule("hype.synergy", "hype"))
    assert str(caught.value).startswith(f"{tmp_path / 'brand.yaml'}:") and problem in str(caught.value)


def test_a_team_pack_may_alias_its_own_former_ids(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "rules/brand.yaml", "aliases:\n  team.synergy: hype.synergy\n" + phrase_rule("hype.synergy", "hype"))
    write(tmp_path, "a.md", "Pure synergy.\n")
    result = invoke("check", "--no-config", "--rules", "rules", "--select", "team", "--format", "json", "a.md")
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["hype.synergy"]
    assert "rule prefix 'team' (given as a flag) is deprecated: its rules are now hype.synergy" in result.stderr


def test_aliases_expand_ids_and_prefixes():
    aliases = Aliases({"claims.cure": "efficacy.cure", "claims.reverse": "efficacy.reverse"}, frozenset({"efficacy.cure", "efficacy.reverse", "hype.x"}))
    assert aliases.expand("hype") == ["hype"]
    assert aliases.expand("claims.cure", "a.yaml:3") == ["efficacy.cure"]
    assert aliases.expand("claims") == ["efficacy.cure", "efficacy.reverse"]
    assert aliases.expand("claims.cure") == ["efficacy.cure"]  # noted once
    assert aliases.notes == [
        "copylint: warning: rule id 'claims.cure' (a.yaml:3) is deprecated: the rule is now 'efficacy.cure'; the old name stops working in the next release.",
        "copylint: warning: rule prefix 'claims' is deprecated: its rules are now efficacy.cure, efficacy.reverse; the old name stops working in the next release.",
    ]


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "deprecated" in line]


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.md", CURE)
    return tmp_path


def _rules(result) -> list[str]:
    return [f["rule"] for f in json.loads(result.stdout)["findings"]]


def test_former_ids_in_the_config_file_work_and_warn_once(folder):
    write(folder, ".copylint.yaml", "ignore: [claims.cure]\nseverity:\n  claims.cure: info\nper-file-ignores:\n  'b.md': [claims.cure]\n")
    result = invoke("check", "--format", "json", "a.md")
    assert result.exit_code in (0, 1) and "efficacy.cure" not in _rules(result)
    assert _warnings(result.stderr) == [
        f"copylint: warning: rule id 'claims.cure' ({folder / '.copylint.yaml'}:1) is deprecated: the rule is now "
        "'efficacy.cure'; the old name stops working in the next release."]


def test_former_prefix_selects_the_renamed_rules(folder):
    result = invoke("check", "--no-config", "--format", "json", "--select", "claims", "a.md")
    assert _rules(result) == ["efficacy.cure"]
    assert "rule prefix 'claims' (given as a flag) is deprecated: its rules are now efficacy.cure, efficacy.reverse" in result.stderr


def test_former_id_severity_override_applies_to_the_new_id(folder):
    write(folder, ".copylint.yaml", "select: [claims.cure]\nseverity:\n  claims.cure: info\n")
    result = invoke("check", "--format", "json", "a.md")
    found = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["severity"]) for f in found] == [("efficacy.cure", "info")]
    assert len(_warnings(result.stderr)) == 1


def test_former_id_in_an_inline_suppression(folder):
    write(folder, "a.md", "<!-- copylint-disable-next-line claims.cure -- quoting the trial title -->\nOur tea cures arthritis.\n")
    result = invoke("check", "--no-config", "--format", "json", "--select", "efficacy.cure,copylint", "a.md")
    assert _rules(result) == []  # suppressed, and not reported as unknown or unused
    assert _warnings(result.stderr) == [
        "copylint: warning: rule id 'claims.cure' (in a suppression at a.md:1) is deprecated: the rule is now "
        "'efficacy.cure'; the old name stops working in the next release."]


def test_a_baseline_written_with_former_ids_still_matches(folder):
    first = invoke("check", "--no-config", "--select", "efficacy.cure", "--write-baseline", "base.json", "a.md")
    assert first.exit_code == 0
    data = json.loads((folder / "base.json").read_text())
    # The same baseline as an older copylint wrote it: fingerprints of the former id.
    from copylint.core.models import Finding, Location, Severity

    old = Finding(rule="claims.cure", category="efficacy", severity=Severity.ERROR, message="m",
                  location=Location(str(folder / "a.md"), 1, 16, 1, 20, 15, 19), excerpt=data["findings"][0]["excerpt"])
    baseline.write(folder / "old.json", [old])
    assert json.loads((folder / "old.json").read_text())["findings"][0]["fingerprint"] != data["findings"][0]["fingerprint"]
    result = invoke("check", "--no-config", "--select", "efficacy.cure", "--baseline", "old.json", "--format", "json", "a.md")
    assert _rules(result) == [] and result.exit_code == 0
    assert _warnings(result.stderr) == [
        "copylint: warning: rule id 'claims.cure' (in baseline old.json) is deprecated: the rule is now "
        "'efficacy.cure'; the old name stops working in the next release."]
    stale = invoke("check", "--no-config", "--select", "efficacy.cure", "--baseline", "old.json", "--format", "json", "a.md", "b.md")
    assert stale.exit_code == 2  # b.md is missing: the baseline does not hide other problems


def test_baseline_former_ids_only_match_their_own_rule():
    from copylint.core.models import Finding, Location, Severity

    loc = Location("a.md", 1, 1, 1, 5, 0, 4)
    cure = Finding(rule="efficacy.cure", category="efficacy", severity=Severity.ERROR, message="m", location=loc, excerpt="cure")
    hype = replace(cure, rule="hype.miracle", category="hype")
    root = Path.cwd()
    recorded = baseline.Baseline(baseline.Counter(baseline.fingerprints([replace(cure, rule="claims.cure")], root)))
    seen: list[str] = []
    kept = recorded.filter([cure, hype], root, {"efficacy.cure": ["claims.cure"]}, seen.append)
    assert kept == [hype] and seen == ["claims.cure"]
    assert recorded.filter([cure], root) == [cure]  # without the alias table the old entry is not this rule


def test_rule_command_explains_a_former_id(folder):
    result = invoke("rule", "claims.cure")
    assert result.exit_code == 0 and result.stdout.startswith("efficacy.cure  (efficacy, error, kind phrase)")
    assert "rule id 'claims.cure' is deprecated: the rule is now 'efficacy.cure'" in result.stderr


def test_shipped_pack_has_no_rule_file_named_for_no_category():
    named = {p.stem for p in default_pack_dir().glob("*.yaml")}
    holding_rules = {Path(s.file).stem for s in PACK.specs}
    assert named - holding_rules == {"aliases", "claims"}  # data only: the alias table, the claim vocabularies
