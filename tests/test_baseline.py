"""Baseline: writing one records today's findings, reading one reports only new ones, and
fingerprints do not depend on line numbers. Through the library (lint_paths with LintOptions);
the last tests show the command's flags and messages."""

from __future__ import annotations

import json

import pytest

from copylint import lint_paths
from copylint.pipeline.api import LintError, LintOptions

from workflow_helpers import invoke, write

PAGE = "# Stem cells\n\nOur therapy cures arthritis.\n\nIt cures gout too.\n"
CONFIG = {"select": ["efficacy.cure"]}


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "drafts/page.md", PAGE)
    return tmp_path


def reported(path="drafts", **options):
    return [(f.line, f.rule) for f in lint_paths([path], config=CONFIG, options=LintOptions(**options)).findings]


def test_write_then_nothing_new(folder):
    assert reported(write_baseline="baseline.json") == [(3, "efficacy.cure"), (5, "efficacy.cure")]
    data = json.loads((folder / "baseline.json").read_text())
    assert data["version"] == 1 and len(data["findings"]) == 2 and {e["path"] for e in data["findings"]} == {"drafts/page.md"}
    assert reported(baseline="baseline.json") == []


def test_baseline_survives_a_line_inserted_at_the_top(folder):
    reported(write_baseline="baseline.json")
    page = folder / "drafts/page.md"
    page.write_text("New intro line.\n\n" + PAGE)
    assert reported(baseline="baseline.json") == []
    page.write_text("Miracle news: it cures arthritis.\n\n" + PAGE)
    # one more 'cures' than recorded: exactly one reported (the third of the identical matches)
    assert reported(baseline="baseline.json") == [(7, "efficacy.cure")]


def test_baseline_paths_are_relative_to_the_baseline_file(folder, monkeypatch):
    reported(write_baseline="baseline.json")
    monkeypatch.chdir(folder / "drafts")
    assert reported("page.md", baseline="../baseline.json") == []
    # recorded from another folder, the same page's findings are new
    write(folder, "other/page.md", PAGE)
    assert len(reported(str(folder / "other"), baseline="../baseline.json")) == 2


def test_missing_or_bad_baseline_is_a_lint_error(folder):
    with pytest.raises(LintError, match="baseline file not found"):
        reported(baseline="nope.json")
    write(folder, "bad.json", "{}")
    with pytest.raises(LintError, match="not a copylint baseline"):
        reported(baseline="bad.json")


def test_the_command_writes_and_reads_a_baseline(folder):
    write(folder, ".copylint.yaml", "select: [efficacy.cure]\n")
    result = invoke("check", "drafts", "--write-baseline", "baseline.json")
    assert result.exit_code == 0 and "Wrote 2 finding(s)" in result.stderr
    result = invoke("check", "--format", "json", "drafts", "--baseline", "baseline.json")
    assert json.loads(result.stdout)["findings"] == [] and result.exit_code == 0


def test_the_command_exits_2_on_a_missing_or_bad_baseline(folder):
    result = invoke("check", "drafts", "--baseline", "nope.json")
    assert result.exit_code == 2 and "baseline file not found" in result.stderr
    write(folder, "bad.json", "{}")
    result = invoke("check", "drafts", "--baseline", "bad.json")
    assert result.exit_code == 2 and "not a copylint baseline" in result.stderr
