"""The formats CI tools read, through the CLI: --output-format (ruff's name), concise, GitLab Code
Quality, reviewdog's rdjson (validated against its schema, byte columns, suggestions), exact fixes
in SARIF and JSON, colour control (--color, NO_COLOR, FORCE_COLOR) and --statistics with mixed
severities."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from workflow_helpers import invoke, write

DATA = Path(__file__).parent / "data"
PAGE = (
    "# Care\n\n"
    "Our FDA-approved stem cells cure arthritis.\n\n"
    "Patients take édavarone, not edavarone. A recent study found benefits.\n\n"
    "Reference: Smith J (2012). ALS trial. Neurology.\n"
)
SELECT = "efficacy.cure,regulatory.fda-approved,consistency.spelling,date.stale-recent"


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    write(tmp_path, "drafts/page.md", PAGE)
    return tmp_path


def check(*args):
    return invoke("check", "--select", SELECT, "--as-of", "2026-01-01", *args)


def test_output_format_is_an_alias_of_format(folder):
    assert check("--output-format", "json-lines", "drafts").stdout == check("--format", "json-lines", "drafts").stdout
    assert json.loads(check("--output-format", "json-lines", "drafts").stdout.splitlines()[0])["rule"]


def test_concise_is_one_line_per_finding(folder):
    result = check("--output-format", "concise", "drafts")
    lines = result.stdout.splitlines()
    assert len(lines) == 5 and result.exit_code == 1
    assert lines[0].startswith("drafts/page.md:3:5: error regulatory.fda-approved ")
    assert not any(line.startswith("    ") for line in lines)
    assert lines[-1].startswith("Found 4 findings in 1 file")
    assert check("--output-format", "concise", "--quiet", "drafts").stdout.splitlines() == lines[:-1]


def test_gitlab_code_quality(folder):
    issues = json.loads(check("--format", "gitlab", "drafts").stdout)
    assert [i["check_name"] for i in issues] == [
        "regulatory.fda-approved", "efficacy.cure", "consistency.spelling", "date.stale-recent"]
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["location"]["path"] == "drafts/page.md" and isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
    assert issues[0]["severity"] == "critical" and issues[2]["severity"] == "major"
    assert issues[2]["location"]["lines"]["begin"] == 5
    assert len({i["fingerprint"] for i in issues}) == 4
    # Fingerprints ignore line numbers: a line inserted above keeps them.
    write(folder, "drafts/page.md", "Intro line.\n\n" + PAGE)
    moved = json.loads(check("--format", "gitlab", "drafts").stdout)
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in issues]
    assert moved[0]["location"]["lines"]["begin"] == 5


def test_rdjson_validates_and_counts_columns_in_utf8_bytes(folder):
    data = json.loads(check("--format", "rdjson", "drafts").stdout)
    jsonschema.validate(data, json.loads((DATA / "rdjson-schema.json").read_text()))
    assert data["source"]["name"] == "copylint"
    diags = {d["code"]["value"] + ":" + str(d["location"]["range"]["start"]["column"]): d for d in data["diagnostics"]}
    cure = next(d for d in data["diagnostics"] if d["code"]["value"] == "efficacy.cure")
    assert cure["severity"] == "ERROR" and cure["location"]["path"] == "drafts/page.md"
    assert cure["code"]["url"].endswith("/docs/rules/efficacy.cure.md")  # the rule's page, as SARIF's helpUri
    assert "suggestions" not in cure  # a claim is never rewritten automatically
    line5 = PAGE.splitlines()[4]
    spelled = [d for d in data["diagnostics"] if d["code"]["value"] == "consistency.spelling"]
    assert len(spelled) == 1, diags  # 'édavarone' is not the misspelling
    (suggestion,) = spelled[0]["suggestions"]
    start = line5.encode("utf-8").index(b" edavarone") + 2  # 1-based byte column; 'é' is 2 bytes
    assert suggestion == {"range": {"start": {"line": 5, "column": start}, "end": {"line": 5, "column": start + 9}},
                          "text": "edaravone"}
    recent = next(d for d in data["diagnostics"] if d["code"]["value"] == "date.stale-recent")
    assert recent["suggestions"][0]["text"] == "2012"


def test_sarif_carries_fixes_and_validates(folder):
    data = json.loads(check("--format", "sarif", "drafts").stdout)
    jsonschema.validate(data, json.loads((DATA / "sarif-schema-2.1.0.json").read_text()))
    results = {r["ruleId"]: r for r in data["runs"][0]["results"]}
    assert "fixes" not in results["efficacy.cure"]
    (fix,) = results["consistency.spelling"]["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "drafts/page.md", "uriBaseId": "%SRCROOT%"}
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"] == {"text": "edaravone"}
    assert replacement["deletedRegion"]["startLine"] == 5 and replacement["deletedRegion"]["endColumn"] - replacement["deletedRegion"]["startColumn"] == 9


def test_json_fix_field(folder):
    rows = [json.loads(line) for line in check("--format", "json-lines", "drafts").stdout.splitlines()]
    spelled = next(r for r in rows if r["rule"] == "consistency.spelling")
    assert spelled["fix"] == {"start": {"line": 5, "column": spelled["column"]},
                              "end": {"line": 5, "column": spelled["column"] + 9}, "replacement": "edaravone"}
    assert all("fix" not in r for r in rows if r["rule"] in ("efficacy.cure", "regulatory.fda-approved"))


@pytest.mark.parametrize("env, flag, coloured", [
    ({}, None, False),  # not a terminal
    ({"FORCE_COLOR": "1"}, None, True),
    ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, None, False),
    ({"NO_COLOR": "1"}, "always", True),
    ({"FORCE_COLOR": "1"}, "never", False),
    ({}, "always", True),
])
def test_colour_control(folder, monkeypatch, env, flag, coloured):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    args = ["--color", flag] if flag else []
    for fmt in ("text", "concise"):
        out = check("--format", fmt, *args, "drafts").stdout
        assert ("\033[" in out) is coloured, (fmt, env, flag)
    assert "\033[" not in check("--format", "json-lines", *args, "drafts").stdout


def test_statistics_with_mixed_severities(folder):
    write(folder, "strict/.copylint.yaml", "severity:\n  efficacy.cure: error\n")
    write(folder, "lenient/.copylint.yaml", "severity:\n  efficacy.cure: info\n")
    for name in ("strict/a.md", "strict/b.md", "lenient/c.md"):
        write(folder, name, "Our stem cells cure arthritis.\n")
    result = invoke("check", "--select", "efficacy.cure", "--statistics", "strict", "lenient")
    assert result.stdout.splitlines()[0].split(None, 2) == ["3", "efficacy.cure", "2 error, 1 info"]
    data = json.loads(invoke("check", "--select", "efficacy.cure", "--statistics", "--format", "json", "strict", "lenient").stdout)
    assert data == [{"rule": "efficacy.cure", "count": 3, "severity": "error", "severities": {"error": 2, "info": 1}, "fixable": 0}]


def test_statistics_marks_fixable_rules(folder):
    lines = check("--statistics", "drafts").stdout.splitlines()
    assert any(line.split()[1:3] == ["consistency.spelling", "[*]"] for line in lines)
    assert lines[-1].endswith("(2 fixable with --fix).")
