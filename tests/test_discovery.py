"""What gets linted, and with which configuration, through the CLI: the configuration nearest to
each file (from a parent folder too), `--config KEY=VALUE`, no path meaning `.`, .gitignore and
.ignore, hidden folders, --no-ignore and --show-files."""

from __future__ import annotations

import json
import subprocess

import pytest

from workflow_helpers import CLAIM, invoke, write


def rules_and_paths(result) -> list[tuple[str, str]]:
    return [(r["path"], r["rule"]) for r in map(json.loads, result.stdout.splitlines())]


@pytest.fixture()
def site(tmp_path, monkeypatch):
    """repo/ with a content/ folder whose own config selects only hype; repo/blog has none."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "repo/.copylint.yaml", "select: [efficacy.cure]\n")
    write(tmp_path, "repo/content/.copylint.yaml", "select: [hype.revolutionary]\nseverity:\n  hype: error\n")
    write(tmp_path, "repo/content/page.md", "Our stem cells cure arthritis. A revolutionary approach.\n")
    write(tmp_path, "repo/blog/post.md", "Our stem cells cure arthritis. A revolutionary approach.\n")
    return tmp_path


def test_nearest_config_from_a_parent_folder(site):
    result = invoke("check", "--format", "json-lines", "repo/content")
    assert rules_and_paths(result) == [("repo/content/page.md", "hype.revolutionary")]
    assert json.loads(result.stdout)["severity"] == "error"


def test_each_file_gets_its_own_nearest_config(site):
    result = invoke("check", "--format", "json-lines", "repo")
    assert rules_and_paths(result) == [
        ("repo/blog/post.md", "efficacy.cure"), ("repo/content/page.md", "hype.revolutionary")]


def test_pyproject_table_is_found_from_a_parent(site):
    write(site, "other/pyproject.toml", "[tool.copylint]\nselect = ['hype.revolutionary']\n")
    write(site, "other/docs/a.md", "Our stem cells cure arthritis. A revolutionary approach.\n")
    assert rules_and_paths(invoke("check", "--format", "json-lines", "other/docs")) == [
        ("other/docs/a.md", "hype.revolutionary")]


def test_fail_on_of_each_files_config(site):
    write(site, "repo/content/.copylint.yaml", "select: [hype.revolutionary]\nfail-on: never\n")
    assert invoke("check", "repo/content").exit_code == 0
    assert invoke("check", "repo/blog").exit_code == 1


def test_config_file_flag_applies_to_every_file(site):
    result = invoke("check", "--format", "json-lines", "--config", "repo/.copylint.yaml", "repo")
    assert [r for _, r in rules_and_paths(result)] == ["efficacy.cure", "efficacy.cure"]


@pytest.mark.parametrize("args, expected", [
    (["--config", "fail-on=never"], 0),
    (["--config", "fail-on=error"], 0),  # the only finding is a warning
    (["--config", "select=[hype.revolutionary]"], 1),
])
def test_config_key_value_overrides(site, args, expected):
    write(site, "repo/blog/.copylint.yaml", "select: [hype.revolutionary]\n")
    assert invoke("check", *args, "repo/blog").exit_code == expected


def test_key_value_override_sets_severity_entries_and_fails_clearly(site):
    result = invoke("check", "--format", "json-lines", "--config", "severity.hype.revolutionary=info", "repo/content")
    assert [json.loads(line)["severity"] for line in result.stdout.splitlines()] == ["info"]
    bad = invoke("check", "--config", "fail-on=sometimes", "repo")
    assert bad.exit_code == 2 and "--config" in bad.stderr and "fail-on" in bad.stderr
    unknown = invoke("check", "--config", "fial-on=error", "repo")
    assert unknown.exit_code == 2 and "did you mean 'fail-on'" in unknown.stderr


def test_no_path_lints_the_current_folder(site, monkeypatch):
    monkeypatch.chdir(site / "repo")
    result = invoke("check", "--format", "json-lines")
    assert rules_and_paths(result) == [("blog/post.md", "efficacy.cure"), ("content/page.md", "hype.revolutionary")]


@pytest.fixture()
def ignoring(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    write(tmp_path, ".gitignore", "build/\n*.draft.md\n!keep.draft.md\n")
    write(tmp_path, "docs/.ignore", "private.md\n")
    for name in ("page.md", "build/out.md", "docs/a.draft.md", "docs/keep.draft.md", "docs/private.md",
                 ".github/notes.md", "docs/.hidden/x.md", "docs/sub/.visible.md", "node_modules/pkg/readme.md"):
        write(tmp_path, name, CLAIM)
    return tmp_path


def show_files(*args):
    result = invoke("check", "--show-files", *args)
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_gitignore_ignore_and_hidden_folders_are_skipped(ignoring):
    assert show_files() == ["docs/keep.draft.md", "docs/sub/.visible.md", "page.md"]
    assert show_files("docs") == ["docs/keep.draft.md", "docs/sub/.visible.md"]


def test_gitignore_of_the_repository_applies_below_it(ignoring, monkeypatch):
    monkeypatch.chdir(ignoring / "docs")
    assert show_files() == ["keep.draft.md", "sub/.visible.md"]


def test_named_files_and_hidden_folders_are_linted(ignoring):
    assert show_files("build/out.md", "docs/.hidden") == ["build/out.md", "docs/.hidden/x.md"]


def test_no_ignore_lints_everything_but_tool_folders(ignoring):
    assert show_files("--no-ignore") == [
        ".github/notes.md", "build/out.md", "docs/.hidden/x.md", "docs/a.draft.md", "docs/keep.draft.md",
        "docs/private.md", "docs/sub/.visible.md", "page.md"]


def test_show_files_applies_config_exclude_and_lints_nothing(ignoring):
    write(ignoring, ".copylint.yaml", "exclude: ['docs/sub']\n")
    assert show_files() == ["docs/keep.draft.md", "page.md"]
    result = invoke("check", "--show-files")
    assert "claims" not in result.stdout


def test_ignored_files_are_not_reported(ignoring):
    result = invoke("check", "--select", "efficacy.cure", "--format", "json-lines")
    assert sorted({p for p, _ in rules_and_paths(result)}) == ["docs/keep.draft.md", "docs/sub/.visible.md", "page.md"]


def test_show_files_names_a_missing_path(ignoring):
    result = invoke("check", "--show-files", "page.md", "nope.md")
    assert result.stdout.splitlines() == ["page.md"] and result.exit_code == 2
    assert "nope.md: error: no such file or directory" in result.stderr


def test_claims_command_skips_ignored_files(ignoring):
    result = invoke("claims", "--format", "json", ".")
    assert {row["path"] for row in json.loads(result.stdout)} == {"docs/keep.draft.md", "docs/sub/.visible.md", "page.md"}
