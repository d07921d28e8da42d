"""Output formats and output options: json-lines, github annotations (with GitHub's escaping),
SARIF validated against the official 2.1.0 schema, JUnit XML, --statistics, --quiet,
--exit-zero, --output-file, and the progress bar."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from copylint.cli.progress import Progress
from copylint.core.models import Finding, Location, Severity
from copylint.reporters import FORMATS, Report
from copylint.reporters import github

from workflow_helpers import CLEAN, invoke, write

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "drafts/page.md", "# Care\n\nOur FDA-approved stem cells cure arthritis.\n\nA revolutionary approach.\n")
    write(tmp_path, "drafts/clean.txt", CLEAN)
    write(tmp_path, ".copylint.yaml", "select: [efficacy.cure, hype, regulatory.fda-approved]\nseverity:\n  hype: info\n")
    return tmp_path


def test_every_format_is_registered():
    assert {"text", "json", "json-lines", "github", "sarif", "junit"} <= set(FORMATS)


def test_json_lines(folder):
    result = invoke("check", "--format", "json-lines", "drafts")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["rule"] for r in rows] == ["regulatory.fda-approved", "efficacy.cure", "hype.revolutionary"]
    assert rows[0]["path"] == "drafts/page.md" and rows[0]["line"] == 3


def test_github_annotations(folder):
    result = invoke("check", "--format", "github", "drafts")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=drafts/page.md,line=3,col=5,endLine=3,endColumn=17,title=regulatory.fda-approved (error)::")
    assert lines[2].startswith("::notice file=drafts/page.md,line=5,")
    assert result.exit_code == 1


def test_github_escaping_and_multiline_spans():
    loc = Location("a,b:c.md", 2, 3, 4, 5)
    f = Finding("x.y", "hype", Severity.WARNING, "50% off\r\nnow: really", loc, "e", suggestion="say, less")
    line = github.command(f, "a,b:c.md")
    assert line == "::warning file=a%2Cb%3Ac.md,line=2,endLine=4,title=x.y (warning)::50%25 off%0D%0Anow: really%0ASuggestion: say, less"
    assert github.escape_property("%\n:,") == "%25%0A%3A%2C"


def test_sarif_validates_against_the_official_schema(folder):
    result = invoke("check", "--format", "sarif", "drafts")
    data = json.loads(result.stdout)
    jsonschema.validate(data, json.loads(SCHEMA.read_text()))
    run = data["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "copylint" and driver["version"] and driver["informationUri"].startswith("https://")
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) == {"regulatory.fda-approved", "efficacy.cure", "hype.revolutionary"}
    cure = rules["efficacy.cure"]
    assert cure["defaultConfiguration"]["level"] == "error" and "Source:" in cure["help"]["text"]
    assert cure["shortDescription"]["text"] and cure["fullDescription"]["text"]
    first = run["results"][0]
    assert first["ruleId"] == "regulatory.fda-approved" and first["level"] == "error"
    physical = first["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "drafts/page.md", "uriBaseId": "%SRCROOT%"}
    assert physical["region"]["startLine"] == 3 and physical["region"]["startColumn"] == 5 and physical["region"]["endColumn"] == 17
    assert first["partialFingerprints"]
    assert run["results"][2]["level"] == "note"


def test_sarif_with_no_findings_validates(folder):
    data = json.loads(invoke("check", "--format", "sarif", "drafts/clean.txt").stdout)
    jsonschema.validate(data, json.loads(SCHEMA.read_text()))
    assert data["runs"][0]["results"] == []


def test_junit(folder):
    result = invoke("check", "--format", "junit", "drafts")
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites" and root.get("failures") == "3"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"drafts/page.md", "drafts/clean.txt"}
    cases = suites["drafts/page.md"].findall("testcase")
    assert cases[1].get("name") == "efficacy.cure at 3:29" and cases[1].find("failure") is not None
    assert suites["drafts/clean.txt"].find("testcase/failure") is None


def test_statistics(folder):
    result = invoke("check", "--statistics", "drafts")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["1", "efficacy.cure", "error"] and len(lines) == 4
    data = json.loads(invoke("check", "--statistics", "--format", "json", "drafts").stdout)
    assert {"rule": "hype.revolutionary", "count": 1, "severity": "info", "severities": {"info": 1}, "fixable": 0} in data


def test_quiet_exit_zero_and_output_file(folder):
    quiet = invoke("check", "--quiet", "drafts")
    assert "Found" not in quiet.stdout and "efficacy.cure" in quiet.stdout and quiet.exit_code == 1
    assert invoke("check", "--exit-zero", "drafts").exit_code == 0
    result = invoke("check", "--format", "sarif", "--output-file", "out.sarif", "drafts")
    assert result.stdout == "" and result.exit_code == 1
    assert json.loads((folder / "out.sarif").read_text())["version"] == "2.1.0"


def test_format_from_config(folder):
    write(folder, ".copylint.yaml", "format: json-lines\nselect: [regulatory]\n")
    assert json.loads(invoke("check", "drafts").stdout.splitlines()[0])["rule"] == "regulatory.fda-approved"


def test_no_color_when_not_a_terminal(folder, monkeypatch):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\033[" not in invoke("check", "drafts").stdout


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_for_long_runs_on_a_terminal():
    term = FakeTerminal()
    bar = Progress(term, threshold=3)
    bar.start(2)
    bar.update()
    assert term.getvalue() == ""
    bar.start(4)
    for _ in range(4):
        bar.update()
    bar.finish()
    assert "4/4 files" in term.getvalue()
    plain = io.StringIO()
    bar = Progress(plain, threshold=0)
    bar.start(10)
    bar.update()
    assert plain.getvalue() == ""


def test_report_relpath():
    report = Report(findings=[], root="/repo")
    assert report.relpath("/repo/docs/a.md") == "docs/a.md" and report.relpath("-") == "-"
