"""The library API: `lint_text` and `lint_paths` give the findings `copylint check` reports, with
the same configuration, suppressions, baseline and changed-line filters; the CLI runs on them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import copylint
from copylint import LintError, LintOptions, lint_paths, lint_text
from copylint.core.models import Severity

from workflow_helpers import invoke, write

CLAIM = "Our stem cells cure arthritis.\n"


def rules(findings) -> list[str]:
    return [f.rule for f in findings]


def test_lint_text_gives_located_findings():
    text = "Intro line.\n\nOur stem cells cure arthritis.\n"
    (cure,) = [f for f in lint_text(text, path="x.md", config={"select": ["efficacy.cure"]})]
    assert (cure.rule, cure.category, cure.severity) == ("efficacy.cure", "efficacy", Severity.ERROR)
    assert (cure.line, cure.column, cure.end_line, cure.end_column) == (3, 16, 3, 20)
    assert cure.excerpt == "cure" == text.splitlines()[2][cure.column - 1:cure.end_column - 1]
    assert "cure" in cure.message and cure.path == "x.md"
    assert str(cure).startswith("x.md:3:16: error efficacy.cure ")


def test_lint_text_reads_the_format_from_the_path():
    html = "<p>Our stem cells <b>cure</b> arthritis.</p>"
    (cure,) = lint_text(html, path="page.html", config={"select": ["efficacy.cure"]})
    assert cure.column == html.index("cure") + 1
    assert lint_text("<!-- Our stem cells cure arthritis. -->", path="page.html", config={"select": ["efficacy"]}) == []


def test_lint_text_applies_inline_suppressions():
    text = "<!-- copylint-disable-next-line efficacy.cure -- quoted from the trial title -->\n" + CLAIM
    assert "efficacy.cure" not in rules(lint_text(text))
    assert "efficacy.cure" in rules(lint_text(CLAIM))


def test_config_as_a_mapping_a_file_or_a_config(tmp_path):
    path = write(tmp_path, ".copylint.yaml", "select: [hype]\n")
    text = "A revolutionary therapy. " + CLAIM
    assert rules(lint_text(text, config=path)) == ["hype.revolutionary"]
    assert rules(lint_text(text, config=str(path))) == ["hype.revolutionary"]
    assert rules(lint_text(text, config={"ignore": ["efficacy", "disclaimer", "hype"]})) == []
    assert rules(lint_text(text, config=copylint.pipeline.api.configuration({"select": ["hype"]}))) == ["hype.revolutionary"]


def test_bad_configuration_is_a_lint_error_naming_the_place(tmp_path):
    path = write(tmp_path, ".copylint.yaml", "select: [efficacy.cur]\n")
    with pytest.raises(LintError, match=r"\.copylint\.yaml:1: 'efficacy\.cur' matches no rule \(did you mean 'efficacy\.cure'\?\)"):
        lint_text(CLAIM, config=path)
    with pytest.raises(LintError, match="'fail-on' must be one of"):
        lint_text(CLAIM, config={"fail-on": "sometimes"})


def test_lint_paths_reports_findings_errors_and_the_exit_decision(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "drafts/a.md", CLAIM)
    write(tmp_path, "drafts/b.txt", "Talk to your doctor.\n")
    report = lint_paths(["drafts", "missing.md"], config={"select": ["efficacy.cure"]})
    assert rules(report.findings) == ["efficacy.cure"] and report.findings[0].path == str(Path("drafts/a.md"))
    assert [(e.path, e.message) for e in report.errors] == [("missing.md", "no such file or directory")]
    assert report.files == 2 and report.exit_code() == 2
    clean = lint_paths([tmp_path / "drafts"], config={"select": ["efficacy.cure"], "fail-on": "never"})
    assert clean.errors == [] and clean.findings and clean.exit_code() == 0
    assert lint_paths(["drafts"], config={"select": ["efficacy.cure"]}).exit_code() == 1


def test_baseline_through_the_library(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.md", CLAIM)
    config = {"select": ["efficacy.cure"]}
    first = lint_paths(["a.md"], config=config, options=LintOptions(write_baseline="base.json"))
    assert rules(first.findings) == ["efficacy.cure"]
    assert json.loads((tmp_path / "base.json").read_text())["findings"][0]["rule"] == "efficacy.cure"
    assert lint_paths(["a.md"], config=config, options=LintOptions(baseline="base.json")).findings == []
    write(tmp_path, "a.md", CLAIM + "\nOur exosomes cure gout.\n")
    again = lint_paths(["a.md"], config=config, options=LintOptions(baseline="base.json"))
    assert [(f.rule, f.line) for f in again.findings] == [("efficacy.cure", 3)]
    with pytest.raises(LintError, match="baseline file not found"):
        lint_paths(["a.md"], config=config, options=LintOptions(baseline="nope.json"))


def test_changed_lines_through_the_library(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, "a.md", CLAIM + "\nOur exosomes cure gout.\n")
    config = {"select": ["efficacy.cure"]}
    assert [f.line for f in lint_paths(["a.md"], config=config).findings] == [1, 3]
    def lines(changed):
        return [f.line for f in lint_paths(["a.md"], config=config, options=LintOptions(changed=changed)).findings]

    assert lines({path.resolve(): None}) == [1, 3]  # a new file: all of it
    assert lines({}) == []  # not changed at all


def test_callbacks_stay_in_the_caller(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for i in range(3):
        write(tmp_path, f"d/{i}.md", CLAIM)
    seen: list = []
    options = LintOptions(on_start=lambda n: seen.append(("start", n)), on_result=lambda r: seen.append(r.path),
                          on_finish=lambda: seen.append("finish"))
    lint_paths(["d"], config={"select": ["efficacy.cure"]}, options=options)
    assert seen[0] == ("start", 3) and seen[-1] == "finish" and sorted(seen[1:-1]) == [str(Path(f"d/{i}.md")) for i in range(3)]


def test_the_cli_runs_on_the_library(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.md", CLAIM)
    calls = []
    real = copylint.pipeline.api.lint_groups

    def spy(groups, options, changed=None):
        calls.append(options)
        return real(groups, options, changed)

    monkeypatch.setattr(copylint.pipeline.api, "lint_groups", spy)
    result = invoke("check", "--no-config", "--select", "efficacy.cure", "--format", "json", "a.md")
    assert len(calls) == 1 and calls[0].flag_selectors["--select"] == ["efficacy.cure"]
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == rules(lint_text(CLAIM, path="a.md", config={"select": ["efficacy.cure"]}))


def test_import_and_print_from_a_fresh_interpreter():
    code = "from copylint import lint_text; print(lint_text('Our stem cells cure ALS.', path='x.md'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "efficacy.unsupported-claim" in out.stdout and "path='x.md'" in out.stdout
