"""Configuration: .copylint.yaml / pyproject.toml found by walking up, flags over the file,
select/ignore/prefix precedence, per-file ignores, severity overrides, errors citing file:line."""

from __future__ import annotations

import pytest

from copylint.config import ConfigError, find_config, load_config
from copylint.pipeline.filters.selection import Selection

from workflow_helpers import CLAIM, invoke, rules_of, write

HYPE_AND_CLAIM = "Our revolutionary stem cells cure arthritis.\n"


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "drafts/page.md", HYPE_AND_CLAIM)
    return tmp_path


def check(*args):
    return invoke("check", "--format", "json-lines", *args)


def test_no_config_runs_every_rule(repo):
    assert sorted(rules_of(check("drafts"))) == ["efficacy.cure", "hype.revolutionary"]


def test_yaml_config_found_walking_up(repo, monkeypatch):
    write(repo, ".copylint.yaml", "ignore: [hype]\n")
    monkeypatch.chdir(repo / "drafts")
    assert rules_of(check("page.md")) == ["efficacy.cure"]


def test_pyproject_table(repo):
    write(repo, "pyproject.toml", '[project]\nname = "x"\n\n[tool.copylint]\nselect = ["hype"]\n\n[tool.copylint.severity]\n"hype.revolutionary" = "error"\n')
    result = check("drafts")
    assert rules_of(result) == ["hype.revolutionary"]
    assert '"severity": "error"' in result.stdout


def test_pyproject_without_table_is_skipped(repo, tmp_path):
    write(repo, "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(repo) is None


def test_pyproject_errors_cite_line(repo):
    write(repo, "pyproject.toml", '[project]\nname = "x"\n\n[tool.copylint]\nselect = ["efficacy"]\nfail_on = "error"\n')
    result = check("drafts")
    assert result.exit_code == 2
    assert "pyproject.toml:6: unknown key 'fail_on' (did you mean 'fail-on'?)" in result.stderr


def test_config_flag_and_no_config(repo):
    write(repo, ".copylint.yaml", "ignore: [efficacy]\n")
    write(repo, "other.yaml", "ignore: [hype]\n")
    assert rules_of(check("drafts")) == ["hype.revolutionary"]
    assert rules_of(check("--config", "other.yaml", "drafts")) == ["efficacy.cure"]
    assert len(rules_of(check("--no-config", "drafts"))) == 2


def test_flags_over_config(repo):
    write(repo, ".copylint.yaml", "select: [efficacy]\nfail-on: error\n")
    assert rules_of(check("--select", "hype", "drafts")) == ["hype.revolutionary"]
    assert sorted(rules_of(check("--extend-select", "hype.revolutionary", "drafts"))) == ["efficacy.cure", "hype.revolutionary"]
    assert rules_of(check("--ignore", "efficacy.cure", "drafts")) == []
    # fail-on from the file: an info finding alone does not fail
    assert invoke("check", "--select", "hype", "drafts").exit_code == 0
    assert invoke("check", "--select", "hype", "--fail-on", "info", "drafts").exit_code == 1


def test_comma_separated_flags(repo):
    assert sorted(rules_of(check("--select", "efficacy.cure,hype", "drafts"))) == ["efficacy.cure", "hype.revolutionary"]


def test_prefix_specificity_like_ruff():
    sel = Selection(select=["efficacy"], ignore=["efficacy.cure"])
    assert not sel.enabled("efficacy.cure") and sel.enabled("efficacy.reverse")
    sel = Selection(select=["efficacy.cure"], ignore=["efficacy"])
    assert sel.enabled("efficacy.cure") and not sel.enabled("efficacy.reverse")
    sel = Selection(select=["efficacy"], ignore=["efficacy"])
    assert not sel.enabled("efficacy.cure")  # ignore wins a tie
    assert not Selection(select=["claim"]).enabled("efficacy.cure")  # dotted segments, not characters
    assert Selection(select=["efficacy"], severity={"efficacy": "off", "efficacy.cure": "info"}).enabled("efficacy.cure")
    assert not Selection(select=["efficacy"], severity={"efficacy": "off"}).enabled("efficacy.cure")


def test_per_file_ignores_and_severity(repo):
    write(repo, "legal/terms.md", HYPE_AND_CLAIM)
    write(repo, ".copylint.yaml", 'select: [efficacy.cure, hype]\nper-file-ignores:\n  "legal/*.md": [efficacy]\nseverity:\n  hype: off\n  efficacy.cure: warning\n')
    result = invoke("check", "--format", "json", "drafts", "legal")
    import json

    data = json.loads(result.stdout)
    assert [(f["path"], f["rule"], f["severity"]) for f in data["findings"]] == [("drafts/page.md", "efficacy.cure", "warning")]


def test_exclude_applies_to_named_files(repo):
    write(repo, ".copylint.yaml", 'exclude: ["drafts/archive/**"]\n')
    write(repo, "drafts/archive/old.md", CLAIM)
    assert invoke("check", "drafts/archive/old.md").stdout.strip() == "No findings in 0 files."
    assert "efficacy.cure" in invoke("check", "--no-force-exclude", "drafts/archive/old.md").stdout
    assert "old.md" not in invoke("check", "drafts").stdout


def test_team_rules_relative_to_config(repo, monkeypatch):
    write(repo, "team/rules/brand.yaml", """\
rules:
  - id: hype.competitor
    kind: phrase
    category: hype
    severity: warning
    message: "Do not name competitors ('{match}')."
    why: "Comparative claims need substantiation."
    source: "Team style guide"
    terms: [acme clinic]
    examples:
      bad: ["Better than Acme Clinic."]
      good: ["Better care."]
""")
    write(repo, ".copylint.yaml", "rules: [team/rules]\nselect: [hype.competitor]\n")
    write(repo, "drafts/b.md", "We beat Acme Clinic on price.\n")
    monkeypatch.chdir(repo / "drafts")
    assert rules_of(check("b.md")) == ["hype.competitor"]


@pytest.mark.parametrize("text, line, fragment", [
    ("select: [efficacy]\nfail-on: sometimes\n", 2, "'fail-on' must be one of: error, warning, info, never"),
    ("ignore: efficacy\n", 1, "'ignore' must be a list"),
    ("severity:\n  efficacy: loud\n", 2, "severity of 'efficacy' must be one of"),
    ("select:\n  - efficacy\n  - Claims!\n", 3, "'Claims!' in 'select' is not a rule id or prefix"),
    ("duplicates:\n  threshold: 2\n", 2, "duplicates.threshold must be a number"),
    ("duplicates:\n  min-word: 3\n", 2, "unknown key 'min-word' in 'duplicates'"),
    ("as-of: someday\n", 1, "'as-of' must be a date"),
    ("rules: [missing-dir]\n", 1, "rule directory 'missing-dir' not found"),
    ("select: [efficacy\n", 2, "invalid YAML"),
    ("- a\n- b\n", 1, "must be a mapping"),
    ("ignore: [efficacy.cur]\n", 1, "'efficacy.cur' matches no rule (did you mean 'efficacy.cure'?)"),
    ("per-file-ignores:\n  '*.md': [nope]\n", 2, "'nope' matches no rule"),
    ("disclaimers:\n  efficacy.cure: [1]\n", 2, "disclaimers for 'efficacy.cure' must be a list"),
])
def test_bad_config_is_exit_2_with_file_and_line(repo, text, line, fragment):
    write(repo, ".copylint.yaml", text)
    result = invoke("check", "drafts")
    assert result.exit_code == 2, result.output
    assert f".copylint.yaml:{line}: " in result.stderr and fragment in result.stderr, result.stderr


def test_unknown_selector_flag(repo):
    result = invoke("check", "--select", "claimz", "drafts")
    assert result.exit_code == 2 and "--select: 'claimz' matches no rule" in result.stderr


def test_settings_reach_the_rules(repo):
    config = write(repo, ".copylint.yaml", "as-of: 2026-01-02\nduplicates: {threshold: 0.9, min-words: 5}\ndisclaimers:\n  efficacy.cure: ['Results vary.']\n")
    from copylint.pipeline.api import settings_for
    from copylint.cli.pipeline import CheckFlags, resolve_config

    loaded = load_config(config)
    settings = settings_for(loaded)
    assert str(settings.as_of) == "2026-01-02" and settings.duplicate_threshold == 0.9 and settings.duplicate_min_words == 5
    assert settings.disclaimer_wordings == {"efficacy.cure": ["Results vary."]}
    assert resolve_config(CheckFlags(fail_on="error")).fail_on == "error"


def test_config_error_str():
    assert str(ConfigError("a.yaml", 3, "bad")) == "a.yaml:3: bad"


def test_init_writes_a_valid_starter(repo):
    result = invoke("init")
    assert result.exit_code == 0 and (repo / ".copylint.yaml").is_file()
    assert load_config(repo / ".copylint.yaml").exclude == []  # neutral: tests/test_config_examples.py
    assert invoke("check", "drafts").exit_code in (0, 1)  # the starter loads and runs
    again = invoke("init")
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert invoke("init", "--force").exit_code == 0
