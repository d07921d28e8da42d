"""Exact fixes: `check --fix` applies only the replacements findings carry (spellings, the year of
a "recent" study), never a claim rewrite; `--fix --dry-run` prints a diff and writes nothing; a
file that changed since it was linted is never written; BOM and CRLF survive; writes are atomic."""

from __future__ import annotations

import os

import pytest

from copylint.pipeline import fixing
from copylint.core.models import Finding, Location, Severity
from copylint.pipeline.sources import atomic

from workflow_helpers import invoke, write

PAGE = (
    "# Care\n\n"
    "Our stem cells cure ALS. Patients take Edavarone daily. A recent study found benefits.\n\n"
    "Reference: Smith J (2012). ALS trial. Neurology.\n"
)
FIXED = PAGE.replace("Edavarone", "Edaravone").replace("A recent study", "A 2012 study")
ARGS = ("--select", "efficacy.cure,consistency.spelling,date.stale-recent", "--as-of", "2026-01-01")


@pytest.fixture()
def page(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write(tmp_path, "page.md", PAGE)


def test_fix_applies_exact_fixes_only_and_reports_the_rest(page):
    result = invoke("check", *ARGS, "--fix", "--format", "json-lines", "page.md")
    assert page.read_text(encoding="utf-8") == FIXED
    assert "Fixed 2 findings in 1 file." in result.stderr
    assert [line for line in result.stdout.splitlines()] and all('"efficacy.cure"' in line for line in result.stdout.splitlines())
    assert result.exit_code == 1  # the claim remains
    again = invoke("check", *ARGS, "--fix", "page.md")
    assert "Fixed 0 findings in 0 files." in again.stderr and page.read_text(encoding="utf-8") == FIXED


def test_dry_run_prints_a_diff_and_writes_nothing(page):
    before = os.stat(page).st_mtime_ns
    result = invoke("check", *ARGS, "--fix", "--dry-run", "page.md")
    assert page.read_text(encoding="utf-8") == PAGE and os.stat(page).st_mtime_ns == before
    assert result.stdout.splitlines()[:2] == ["--- a/page.md", "+++ b/page.md"]
    assert "-Our stem cells cure ALS. Patients take Edavarone daily. A recent study found benefits." in result.stdout
    assert "+Our stem cells cure ALS. Patients take Edaravone daily. A 2012 study found benefits." in result.stdout
    assert result.exit_code == 1 and "Would fix 2 findings in 1 file." in result.stderr
    clean = write(page.parent, "clean.md", "Talk to your doctor.\n")
    assert invoke("check", *ARGS, "--fix", "--dry-run", str(clean)).exit_code == 0


def test_dry_run_needs_fix(page):
    assert invoke("check", "--dry-run", "page.md").exit_code == 2


def test_bom_and_crlf_survive_a_fix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "page.txt"
    path.write_bytes(b"\xef\xbb\xbf" + PAGE.replace("\n", "\r\n").encode("utf-8"))
    invoke("check", *ARGS, "--fix", "page.txt")
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode("utf-8")


def _finding(path: str, text: str, word: str, fix: str) -> Finding:
    start = text.index(word)
    loc = Location(path, 1, start + 1, 1, start + len(word) + 1, start, start + len(word))
    return Finding("consistency.spelling", "consistency", Severity.WARNING, "m", loc, word, fix=fix)


def test_a_file_changed_since_it_was_linted_is_not_written(tmp_path):
    from copylint.pipeline.run import text_digest

    path = tmp_path / "a.md"
    path.write_text("Take edavarone.\n", encoding="utf-8")
    finding = _finding(str(path), "Take edavarone.\n", "edavarone", "edaravone")
    digest = text_digest("Take edavarone.\n")
    path.write_text("Take edavarone. Edited.\n", encoding="utf-8")
    (result,) = fixing.fix_files([finding], {str(path): digest}, dry_run=False)
    assert "changed since it was linted" in result.error
    assert path.read_text(encoding="utf-8") == "Take edavarone. Edited.\n"


def test_atomic_replace_refuses_when_the_file_changed(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("old\n", encoding="utf-8")
    os.chmod(path, 0o640)
    seen = atomic.stamp(str(path))
    atomic.replace_atomically(str(path), b"new\n", seen)
    assert path.read_bytes() == b"new\n" and (os.stat(path).st_mode & 0o777) == 0o640
    path.write_text("edited by a writer\n", encoding="utf-8")
    with pytest.raises(atomic.ChangedOnDisk):
        atomic.replace_atomically(str(path), b"newer\n", seen)
    assert path.read_text(encoding="utf-8") == "edited by a writer\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temporary file left behind


def test_overlapping_fixes_keep_the_first():
    text = "edavarone"
    a = _finding("a.md", text, "edavarone", "edaravone")
    b = _finding("a.md", text, "avarone", "X")
    assert fixing.fixable([b, a]) == {"a.md": [a]}
    assert fixing.apply_to_text(text, [a]) == "edaravone"
