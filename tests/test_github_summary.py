"""`--format github` in GitHub Actions: the Markdown job summary appended to $GITHUB_STEP_SUMMARY
(counts by rule and severity, the files with most findings, every finding within 1 MiB), and a
notice first when findings exceed GitHub's 10 annotations of a kind per step (50 per job)."""

from __future__ import annotations

import json

import pytest

from copylint.core.models import Finding, Location, Severity
from copylint.reporters import Report
from copylint.reporters.github import hidden_annotations
from copylint.reporters.github_summary import cell, markdown
from workflow_helpers import invoke, write

CURE = "Our stem cells cure arthritis.\n\n"


def cures(n: int) -> str:
    """n distinct cure claims (copies of one block would be reported once)."""
    return "".join(f"Our stem cells cure arthritis in {i + 1} weeks.\n\n" for i in range(n))
HYPE = "This revolutionary treatment is here.\n\n"


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for var in ("GITHUB_STEP_SUMMARY", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


def check(*args):
    return invoke("check", "--select", "efficacy.cure,hype.revolutionary", "--format", "github", *args)


def test_the_summary_is_appended_with_counts_by_rule_and_file(folder, monkeypatch):
    write(folder, "drafts/a.md", cures(3) + HYPE)
    write(folder, "drafts/b.md", CURE)
    summary = write(folder, "summary.md", "## An earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = check("drafts")
    assert result.exit_code == 1
    text = summary.read_text()
    assert text.startswith("## An earlier step\n\n## copylint\n")  # appended, never overwritten
    findings = [json.loads(line) for line in invoke("check", "--select", "efficacy.cure,hype.revolutionary",
                                                     "--format", "json-lines", "drafts").stdout.splitlines()]
    assert "Found 5 findings in 2 files (4 errors, 1 warning); 2 files checked." in text
    assert "| `efficacy.cure` | 4 | error |" in text and "| `hype.revolutionary` | 1 | warning |" in text
    assert "| drafts/a.md | 4 | 3 | 1 | 0 |" in text and "| drafts/b.md | 1 | 1 | 0 | 0 |" in text
    assert text.index("drafts/a.md | 4") < text.index("drafts/b.md | 1")  # most findings first
    assert "<details><summary>All 5 findings</summary>" in text
    for f in findings:
        assert f"| {f['path']}:{f['line']} | {f['severity']} | `{f['rule']}` | {cell(f['message'])} |" in text
    check("drafts")
    assert summary.read_text().count("## copylint") == 2


def test_no_summary_file_without_the_variable(folder):
    write(folder, "drafts/a.md", CURE)
    result = check("drafts")
    assert result.exit_code == 1 and result.stdout.startswith("::error file=drafts/a.md")
    assert not list(folder.glob("*summary*"))


def test_files_link_to_the_commit_when_github_says_where(folder, monkeypatch):
    write(folder, "drafts/my page.md", CURE)
    summary = folder / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "clinic/site")
    monkeypatch.setenv("GITHUB_SHA", "abc123")
    check("drafts")
    assert "[drafts/my page.md:1](https://github.com/clinic/site/blob/abc123/drafts/my%20page.md#L1)" in summary.read_text()


def test_more_than_ten_of_a_kind_starts_with_a_notice(folder, monkeypatch):
    write(folder, "drafts/a.md", cures(12) + HYPE)
    lines = check("drafts").stdout.splitlines()
    assert len(lines) == 14 and lines[0].startswith("::notice title=copylint::13 findings: GitHub shows at most 10 error")
    assert "so 2 are not shown as annotations; this step's log lists them all" in lines[0]
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(folder / "summary.md"))
    assert "the job summary lists them all" in check("drafts").stdout.splitlines()[0]
    write(folder, "drafts/a.md", cures(10) + "".join(f"This revolutionary treatment is here in {i + 1} towns.\n\n" for i in range(10)))  # ten of each kind: all shown
    out = check("drafts").stdout
    assert not out.startswith("::notice") and len(out.splitlines()) == 20


def _findings(severity: Severity, n: int) -> list[Finding]:
    return [Finding("r.x", "hype", severity, "m", Location("a.md", i + 1, 1, i + 1, 2), "x") for i in range(n)]


def test_hidden_counts_each_kind_and_the_job_limit():
    assert hidden_annotations(Report(findings=_findings(Severity.INFO, 10)), notice=False) == 0
    # The notice is itself a notice: with ten info findings already, it hides one of them.
    assert hidden_annotations(Report(findings=_findings(Severity.INFO, 10) + _findings(Severity.ERROR, 11))) == 2
    assert hidden_annotations(Report(findings=_findings(Severity.ERROR, 25) + _findings(Severity.WARNING, 3)), notice=False) == 15


def test_the_summary_fits_the_budget_and_says_what_it_left_out():
    report = Report(findings=_findings(Severity.WARNING, 500), files=1)
    text = markdown(report, budget=6000)
    assert len(text.encode("utf-8")) <= 6000
    assert "more not listed here (GitHub keeps 1 MiB per step)" in text and "| `r.x` | 500 | warning |" in text
    full = markdown(report)
    assert full.count("| a.md:") == 500 and "more not listed" not in full


def test_cells_cannot_break_the_table_or_carry_html():
    assert cell("a | b\n<script>x</script> & c") == "a \\| b &lt;script&gt;x&lt;/script&gt; &amp; c"
