"""--diff REF: lint changed files and report only findings on added or modified lines, plus
document-level findings; clear errors outside a repository or for an unknown ref."""

from __future__ import annotations

import json
import subprocess

import pytest

from copylint.filters.changed_lines import keep_changed
from copylint.models import Finding, Location, Severity

from workflow_helpers import invoke, write


def git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "t@example.com")
    git(tmp_path, "config", "user.name", "T")
    write(tmp_path, "drafts/old.md", "It cures gout.\n\nA calm line.\n")
    write(tmp_path, "drafts/untouched.md", "It cures gout.\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "start")
    return tmp_path


def reported(*args):
    result = invoke("check", "--format", "json", *args)
    return [(f["path"], f["line"], f["rule"]) for f in json.loads(result.stdout)["findings"]], result


def test_only_changed_lines(repo):
    write(repo, "drafts/old.md", "It cures gout.\n\nA calm line that cures acne.\n")
    write(repo, "drafts/new.md", "A revolutionary idea.\n")
    found, result = reported("--diff", "HEAD")
    assert found == [("drafts/new.md", 1, "hype.revolutionary"), ("drafts/old.md", 3, "claims.cure")]
    # with paths: every file is linted, only changed lines reported
    found, _ = reported("--diff", "HEAD", "drafts")
    assert ("drafts/untouched.md", 1, "claims.cure") not in found and len(found) == 2


def test_committed_branch_against_main(repo):
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, "drafts/old.md", "It cures gout.\n\nIt cures acne.\n")
    git(repo, "commit", "-qam", "edit")
    assert reported("--diff", "main")[0] == [("drafts/old.md", 3, "claims.cure")]


def test_nothing_changed(repo):
    found, result = reported("--diff", "HEAD")
    assert found == [] and result.exit_code == 0


def test_unknown_ref(repo):
    result = invoke("check", "--diff", "no-such-branch")
    assert result.exit_code == 2 and "unknown git ref 'no-such-branch'" in result.stderr


def test_outside_a_repository(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = invoke("check", "--diff", "HEAD")
    assert result.exit_code == 2 and "not inside a git repository" in result.stderr


def test_no_paths_lints_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "page.md").write_text("Our stem cells cure arthritis.\n", encoding="utf-8")
    result = invoke("check", "--select", "claims.cure")
    assert result.exit_code == 1 and result.stdout.startswith("drafts/page.md:1:")


def test_document_level_findings_of_changed_files(tmp_path):
    path = tmp_path / "a.md"

    def finding(line, document_level=False):
        return Finding("x.y", "disclaimer", Severity.WARNING, "m", Location(str(path), line, 1, line, 2), "e", document_level=document_level)

    kept = keep_changed([finding(1), finding(5), finding(9, True)], {path: {5}})
    assert [f.location.line for f in kept] == [5, 9]
    assert keep_changed([finding(1)], {tmp_path / "b.md": {1}}) == []
