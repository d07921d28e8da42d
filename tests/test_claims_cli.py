"""`copylint claims`: a sentence table (text) or list (JSON) with claim strength, for Markdown,
HTML and plain text, files or stdin."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from copylint.cli import main
from conftest import FIXTURES

CLAIMS = FIXTURES / "claims"


def run(*args, input=None):
    return CliRunner().invoke(main, ["claims", *args], input=input)


@pytest.mark.parametrize("name", ["bad.md", "bad.html", "bad.txt"])
def test_json_rows(name):
    result = run(str(CLAIMS / name), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and all(set(r) == {"path", "line", "column", "sentence", "strength", "negated"} for r in rows)
    assert {r["strength"] for r in rows} <= {"none", "correlational", "hedged", "direct"}
    assert any(r["strength"] == "direct" for r in rows)


def test_html_sentences_have_source_positions():
    rows = json.loads(run(str(CLAIMS / "bad.html"), "--format", "json").output)
    row = next(r for r in rows if r["sentence"].startswith("Our stem cell injections"))
    assert (row["line"], row["column"]) == (5, 4) and row["strength"] == "direct"


def test_negated_sentence_is_marked():
    rows = json.loads(run("-", "--stdin-filename", "x.md", "--format", "json",
                          input="Conventional treatments do not halt the disease.\n").output)
    assert rows == [{"path": "x.md", "line": 1, "column": 1, "sentence": "Conventional treatments do not halt the disease.",
                     "strength": "direct", "negated": True}]


def test_text_table():
    result = run(str(CLAIMS / "good.md"), "--width", "40")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["location", "strength", "negated", "sentence"]
    assert any("good.md:3:1 " in line and "direct" in line and "yes" in line for line in lines)
    assert all(len(line.split("  ")[-1].strip()) <= 40 for line in lines[1:])


def test_directory_and_missing_file():
    result = run(str(CLAIMS))
    assert result.exit_code == 0 and "bad.html" in result.output and "good.txt" in result.output
    missing = run(str(CLAIMS / "nope.md"))
    assert missing.exit_code == 2
