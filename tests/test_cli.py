"""The command line as a user meets it: output format, exit codes, stdin, listing and explaining
rules, and bad input that is reported without losing the other files."""

from __future__ import annotations

import json
import re
import os
import sys

import pytest
from click.testing import CliRunner

from copylint import __version__
from copylint.cli import main

CLAIM = "Our FDA-approved stem cells cure arthritis.\n"
CLEAN = "Talk to your doctor about the evidence for any treatment.\n"


def invoke(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture()
def drafts(tmp_path):
    (tmp_path / "bad.md").write_text(CLAIM)
    (tmp_path / "good.txt").write_text(CLEAN)
    (tmp_path / "notes.rst").write_text(CLAIM)  # not a known extension: skipped in directories
    return tmp_path


def test_text_output_and_exit_code(drafts):
    result = invoke("check", str(drafts))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    bad = str(drafts / "bad.md")
    assert f"{bad}:1:5: error regulatory.fda-approved" in result.stdout
    assert any(line.startswith(f"{bad}:1:29: error efficacy.cure") for line in lines)
    assert "    | FDA-approved" in lines
    assert "notes.rst" not in result.stdout
    assert re.match(r"Found \d+ findings in 1 file \(\d+ errors?.*\); 2 files checked\.$", lines[-1])


def test_json_output_fields(drafts):
    result = invoke("check", "--format", "json", str(drafts / "bad.md"))
    data = json.loads(result.stdout)
    assert data["version"] == 1
    first = data["findings"][0]
    for key in ("path", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message", "excerpt"):
        assert key in first
    assert (first["line"], first["column"], first["end_column"]) == (1, 5, 17)
    assert first["excerpt"] == "FDA-approved"
    assert any("suggestion" in f for f in data["findings"])


def test_clean_file_exits_zero(drafts):
    result = invoke("check", str(drafts / "good.txt"))
    assert result.exit_code == 0
    assert result.stdout.strip() == "No findings in 1 file."


@pytest.mark.parametrize("fail_on, code", [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on(drafts, fail_on, code):
    assert invoke("check", "--fail-on", fail_on, str(drafts / "bad.md")).exit_code == code


def test_fail_on_error_ignores_warnings(tmp_path):
    path = tmp_path / "hype.md"
    path.write_text("A revolutionary approach.\n")
    assert invoke("check", "--fail-on", "error", str(path)).exit_code == 0
    assert invoke("check", str(path)).exit_code == 1


def test_explicit_unknown_extension_is_linted(drafts):
    result = invoke("check", str(drafts / "notes.rst"))
    assert result.exit_code == 1 and "efficacy.cure" in result.stdout


def test_stdin_with_filename_picks_format():
    result = invoke("check", "-", "--stdin-filename", "page.html", "--format", "json",
                    input="<p>Our <b>risk-free</b> care</p><script>cure()</script>")
    data = json.loads(result.stdout)
    assert [f["rule"] for f in data["findings"]] == ["safety.risk-free"]
    assert data["findings"][0]["path"] == "page.html"
    assert data["findings"][0]["column"] == 11


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_rules_lists_every_rule():
    result = invoke("rules")
    assert result.exit_code == 0
    assert "efficacy.cure" in result.stdout and "efficacy" in result.stdout
    listed = json.loads(invoke("rules", "--format", "json").stdout)
    assert {"id", "category", "severity"} <= set(listed[0])


def test_rule_explains_one_rule():
    result = invoke("rule", "safety.safe-and-effective")
    assert result.exit_code == 0
    for heading in ("What it reports:", "Why it matters:", "Source:", "Examples that are reported:"):
        assert heading in result.stdout
    assert "FTC Health Products Compliance Guidance" in " ".join(result.stdout.split())


def test_unknown_rule_is_a_usage_error():
    result = invoke("rule", "claims.nope")
    assert result.exit_code == 2 and "unknown rule 'claims.nope'" in result.stderr


# -- bad input: one line naming the file, other files still linted, exit 2, nothing written --

def assert_reported_and_others_linted(result, path, fragment):
    assert result.exit_code == 2, result.output
    errors = [line for line in result.stderr.splitlines() if path in line]
    assert len(errors) == 1 and fragment in errors[0]
    assert "efficacy.cure" in result.stdout  # the good file's findings are still reported


def test_missing_file(drafts):
    missing = str(drafts / "nope.md")
    result = invoke("check", missing, str(drafts / "bad.md"))
    assert_reported_and_others_linted(result, missing, "no such file")


def test_binary_file(drafts):
    path = drafts / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = invoke("check", str(drafts))
    assert_reported_and_others_linted(result, str(path), "binary")


def test_undecodable_file(drafts):
    path = drafts / "latin1.txt"
    path.write_bytes("Caf\u00e9 line one\nsecond \u00e9\n".encode("latin-1"))
    result = invoke("check", str(path), str(drafts / "bad.md"))
    assert_reported_and_others_linted(result, str(path), "not valid UTF-8")
    assert "line 1" in result.stderr


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(drafts):
    path = drafts / "secret.md"
    path.write_text(CLAIM)
    path.chmod(0)
    result = invoke("check", str(path), str(drafts / "bad.md"))
    assert_reported_and_others_linted(result, str(path), "permission denied")


def test_unreadable_file_via_reader(monkeypatch, drafts):
    """Runs even as root: make os.open() refuse one path."""
    real_open = os.open
    target = str(drafts / "bad.md")

    def fake_open(file, *args, **kwargs):
        if str(file) == target:
            raise PermissionError(13, "Permission denied", target)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    (drafts / "other.md").write_text(CLAIM)
    result = invoke("check", target, str(drafts / "other.md"))
    assert_reported_and_others_linted(result, target, "permission denied")


def test_input_files_are_never_modified(drafts):
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in drafts.iterdir()}
    invoke("check", str(drafts))
    invoke("check", "--format", "json", str(drafts))
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in drafts.iterdir()}
    assert before == after
