"""Baseline: --write-baseline records today's findings, --baseline reports only new ones, and
fingerprints do not depend on line numbers."""

from __future__ import annotations

import json

import pytest

from workflow_helpers import invoke, write

PAGE = "# Stem cells\n\nOur therapy cures arthritis.\n\nIt cures gout too.\n"


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "drafts/page.md", PAGE)
    write(tmp_path, ".copylint.yaml", "select: [efficacy.cure]\n")
    return tmp_path


def lines_reported(*args):
    result = invoke("check", "--format", "json", *args)
    return [(f["line"], f["rule"]) for f in json.loads(result.stdout)["findings"]], result


def test_write_then_nothing_new(folder):
    result = invoke("check", "drafts", "--write-baseline", "baseline.json")
    assert result.exit_code == 0 and "Wrote 2 finding(s)" in result.stderr
    data = json.loads((folder / "baseline.json").read_text())
    assert data["version"] == 1 and {e["path"] for e in data["findings"]} == {"drafts/page.md"}
    found, result = lines_reported("drafts", "--baseline", "baseline.json")
    assert found == [] and result.exit_code == 0


def test_baseline_survives_a_line_inserted_at_the_top(folder):
    invoke("check", "drafts", "--write-baseline", "baseline.json")
    page = folder / "drafts/page.md"
    page.write_text("New intro line.\n\n" + PAGE)
    assert lines_reported("drafts", "--baseline", "baseline.json")[0] == []
    page.write_text("Miracle news: it cures arthritis.\n\n" + PAGE)
    found, result = lines_reported("drafts", "--baseline", "baseline.json")
    assert result.exit_code == 1
    # one more 'cures' than recorded: exactly one reported
    assert [rule for _, rule in found].count("efficacy.cure") == 1


def test_baseline_paths_are_relative_to_the_baseline_file(folder, monkeypatch):
    invoke("check", "drafts", "--write-baseline", "baseline.json")
    monkeypatch.chdir(folder / "drafts")
    assert lines_reported("page.md", "--baseline", "../baseline.json")[0] == []


def test_missing_or_bad_baseline_is_exit_2(folder):
    result = invoke("check", "drafts", "--baseline", "nope.json")
    assert result.exit_code == 2 and "baseline file not found" in result.stderr
    write(folder, "bad.json", "{}")
    result = invoke("check", "drafts", "--baseline", "bad.json")
    assert result.exit_code == 2 and "not a copylint baseline" in result.stderr
