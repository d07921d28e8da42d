"""--diff REF: lint changed files and report only findings on added or modified lines, plus
document-level findings; clear errors outside a repository or for an unknown ref."""

from __future__ import annotations

import json
import subprocess

import pytest

from copylint.pipeline.filters.changed_lines import keep_changed
from copylint.core.models import Finding, Location, Severity
from copylint.pipeline.sources.git import FileChanges, parse_word_diff

from workflow_helpers import invoke, write


def git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "t@example.com")
    git(tmp_path, "config", "user.name", "T")
    write(tmp_path, "drafts/old.md", "Our tea cures gout.\n\nA calm line.\n")
    write(tmp_path, "drafts/untouched.md", "Our tea cures gout.\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "start")
    return tmp_path


def reported(*args):
    result = invoke("check", "--format", "json", *args)
    return [(f["path"], f["line"], f["rule"]) for f in json.loads(result.stdout)["findings"]], result


def test_only_changed_lines(repo):
    write(repo, "drafts/old.md", "Our tea cures gout.\n\nA calm line. Our tea cures acne.\n")
    write(repo, "drafts/new.md", "A revolutionary idea.\n")
    found, result = reported("--diff", "HEAD")
    assert found == [("drafts/new.md", 1, "hype.revolutionary"), ("drafts/old.md", 3, "efficacy.cure")]
    # with paths: every file is linted, only changed lines reported
    found, _ = reported("--diff", "HEAD", "drafts")
    assert ("drafts/untouched.md", 1, "efficacy.cure") not in found and len(found) == 2


def test_committed_branch_against_main(repo):
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, "drafts/old.md", "Our tea cures gout.\n\nOur tea cures acne.\n")
    git(repo, "commit", "-qam", "edit")
    assert reported("--diff", "main")[0] == [("drafts/old.md", 3, "efficacy.cure")]


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
    result = invoke("check", "--select", "efficacy.cure")
    assert result.exit_code == 1 and result.stdout.startswith("drafts/page.md:1:")


LONG = ("Our clinic is in Denver. Stem cells cure arthritis, say our patients. We open at nine on weekdays. "
        "Parking is free for every visitor. Our protocol cures gout in weeks.\n")


def test_a_one_word_edit_reports_only_its_sentence(repo):
    write(repo, "drafts/long.md", "# Clinic\n\n" + LONG)
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "long paragraph")
    write(repo, "drafts/long.md", "# Clinic\n\n" + LONG.replace("at nine", "at eight"))
    assert reported("--diff", "HEAD", "--select", "efficacy.cure")[0] == []  # the edited sentence has no claim
    write(repo, "drafts/long.md", "# Clinic\n\n" + LONG.replace("say our patients", "say our happy patients"))
    found, _ = reported("--diff", "HEAD", "--select", "efficacy.cure")
    assert found == [("drafts/long.md", 3, "efficacy.cure")]
    rows = json.loads(invoke("check", "--format", "json", "--diff", "HEAD", "--select", "efficacy.cure").stdout)["findings"]
    assert [r["column"] for r in rows] == [37]  # "cure" in sentence 2, not "cures" in sentence 5


def test_a_deleted_word_reports_its_sentence(repo):
    write(repo, "drafts/long.md", LONG)
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "long paragraph")
    write(repo, "drafts/long.md", LONG.replace("in weeks", "weeks"))
    found, _ = reported("--diff", "HEAD", "--select", "efficacy.cure")
    assert [(line, rule) for _, line, rule in found] == [(1, "efficacy.cure")]
    rows = json.loads(invoke("check", "--format", "json", "--diff", "HEAD", "--select", "efficacy.cure").stdout)["findings"]
    assert rows[0]["excerpt"].lower().startswith("cures")


def test_a_sentence_wrapped_over_lines_is_reported_when_one_of_its_lines_changes(repo):
    write(repo, "drafts/wrapped.md", "Our stem cells\ncure arthritis in\nmonths. A calm line.\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "wrapped")
    write(repo, "drafts/wrapped.md", "Our stem cells\ncure arthritis in\nweeks. A calm line.\n")
    assert reported("--diff", "HEAD", "--select", "efficacy.cure")[0] == [("drafts/wrapped.md", 2, "efficacy.cure")]
    write(repo, "drafts/wrapped.md", "Our stem cells\ncure arthritis in\nmonths. A quiet line.\n")
    assert reported("--diff", "HEAD", "--select", "efficacy.cure")[0] == []


def test_shallow_clone_without_the_base_is_an_error(repo, tmp_path_factory):
    write(repo, "drafts/old.md", "Our tea cures gout.\n\nA second line.\n")
    git(repo, "commit", "-qam", "main moves on")
    git(repo, "checkout", "-q", "-b", "feature", "HEAD~1")
    write(repo, "drafts/old.md", "Our tea cures gout.\n\nOur tea cures acne.\n")
    git(repo, "commit", "-qam", "feature edit")
    clone = tmp_path_factory.mktemp("shallow") / "clone"
    git(repo, "clone", "-q", "--depth", "1", "--no-single-branch", "--branch", "feature", f"file://{repo}", str(clone))
    import os

    os.chdir(clone)
    result = invoke("check", "--diff", "origin/main")
    assert result.exit_code == 2 and result.stdout == ""
    assert "no merge base" in result.stderr and "shallow" in result.stderr and "fetch" in result.stderr.lower()


def _finding(path, line, document_level=False, related=()):
    loc = Location(str(path), line, 1, line, 5)
    return Finding("x.y", "disclaimer", Severity.WARNING, "m", loc, "e", document_level=document_level,
                   related=[Location(str(path), r, 1, r, 5) for r in related])


def test_document_level_findings_only_when_the_change_touches_their_cause(tmp_path):
    path = tmp_path / "a.md"
    sentences = [((n, 1), (n, 20)) for n in range(1, 12)]  # one sentence per line
    changes = FileChanges([(5, 3, 7, False)])
    findings = [_finding(path, 1), _finding(path, 5), _finding(path, 9, True), _finding(path, 2, True, related=(5,))]
    kept = keep_changed(findings, {path: changes}, lambda p: sentences)
    assert [(f.location.line, f.document_level) for f in kept] == [(5, False), (2, True)]
    assert keep_changed(findings, {path: None}, lambda p: sentences) == findings  # a new file
    assert keep_changed([_finding(path, 1)], {tmp_path / "b.md": changes}, lambda p: sentences) == []


def test_word_diff_parsing():
    diff = (
        "diff --git a/a.md b/a.md\n--- a/a.md\n+++ b/a.md\n"
        "@@ -1 +1 @@\n First one is \n-here\n+there\n  and long.\n~\n"
        "@@ -4,2 +3,0 @@ x\n-gone\n~\n-gone too\n~\n"
        "@@ -9 +8,2 @@\n Para \n+added\n~\n+new line\n~\n"
    )
    assert parse_word_diff(diff) == {"a.md": FileChanges([(1, 14, 14, False), (1, 14, 19, False), (4, 1, 1, True),
                                                          (8, 6, 11, False), (9, 1, 9, False)])}
