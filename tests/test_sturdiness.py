"""Sturdy at every size: huge files, a 1 MB line, many tiny files, deep trees, symlink loops,
files that vanish mid-run and pathological user regexes never crash a run or lose other files.

Large cases are generated at test time and scaled down by default; set COPYLINT_STURDY_FULL=1
for the full sizes (a 50 MB file, 100,000 tiny files)."""

from __future__ import annotations

import json
import os
import sys

import pytest

from copylint.pipeline.run import RunOptions, run
from workflow_helpers import invoke, write

FULL = bool(os.environ.get("COPYLINT_STURDY_FULL"))
CLAIM = "Our stem cell therapy cures arthritis.\n"
PROSE = ("The clinic explains what each study measured, who took part and what the results were. "
         "Ask your doctor before you start any new treatment. ")


def lint(paths, compiled, **options):
    return run(compiled, RunOptions(paths=[str(p) for p in paths], jobs=1, **options))


def rules_of(result):
    return {(os.path.basename(f.path), f.rule) for f in result.findings}


def test_file_over_the_size_limit_is_skipped_with_one_error(tmp_path, compiled, monkeypatch):
    big = tmp_path / "big.md"
    with open(big, "wb") as handle:  # sparse where the file system allows: instant at 50 MB
        handle.truncate((50 if FULL else 12) * 1024 * 1024)
    ok = write(tmp_path, "ok.md", CLAIM)
    result = lint([big, ok], compiled)
    assert [e.path for e in result.errors] == [str(big)] and "too large" in result.errors[0].message
    assert ("ok.md", "efficacy.cure") in rules_of(result)


def test_large_file_under_the_limit_is_linted(tmp_path, compiled, monkeypatch):
    size = (50 if FULL else 1) * 1024 * 1024
    monkeypatch.setenv("COPYLINT_MAX_FILE_MB", "60")
    paragraphs = (PROSE * 4 + ("\n\n" + CLAIM if i % 50 == 0 else "") for i in range(size // (len(PROSE) * 4) + 1))
    big = write(tmp_path, "big.md", "\n\n".join(paragraphs))
    result = lint([big], compiled)
    assert not result.errors
    assert sum(f.rule == "efficacy.cure" for f in result.findings) >= 10


def test_one_megabyte_line(tmp_path, compiled):
    line = (PROSE * (1024 * 1024 // len(PROSE) + 1))[: 1024 * 1024].rstrip() + " " + CLAIM
    path = write(tmp_path, "line.txt", line)
    result = lint([path, write(tmp_path, "b.md", CLAIM)], compiled)
    assert not result.errors
    assert {("line.txt", "efficacy.cure"), ("b.md", "efficacy.cure")} <= rules_of(result)


def test_many_tiny_files(tmp_path, compiled):
    count = 100_000 if FULL else 10_000
    for i in range(count):
        folder = tmp_path / f"d{i // 1000:03d}"
        if i % 1000 == 0:
            folder.mkdir()
        (folder / f"f{i:06d}.txt").write_text(CLAIM if i % 997 == 0 else "Hello.\n", encoding="utf-8")
    result = lint([tmp_path], compiled)
    assert result.files == count and not result.errors
    assert sum(f.rule == "efficacy.cure" for f in result.findings) == len(range(0, count, 997))


def test_deep_directory_tree(tmp_path, compiled):
    depth = 1200  # deeper than Python's default recursion limit (os.walk and os.makedirs recurse)
    folder = str(tmp_path)
    for _ in range(depth):
        folder = os.path.join(folder, "d")
        os.mkdir(folder)
    with open(os.path.join(folder, "deep.md"), "w", encoding="utf-8") as handle:
        handle.write(CLAIM)
    try:
        result = lint([tmp_path], compiled)
        assert not result.errors and ("deep.md", "efficacy.cure") in rules_of(result)
    finally:  # shutil.rmtree (pytest's clean-up) recurses: remove the tree bottom-up ourselves
        remove_deep_tree(str(tmp_path / "d"), os.path.join(folder, "deep.md"))


def remove_deep_tree(top: str, leaf_file: str) -> None:
    os.unlink(leaf_file)
    folder = os.path.dirname(leaf_file)
    while len(folder) >= len(top):
        os.rmdir(folder)
        folder = os.path.dirname(folder)


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_symlink_loops_are_followed_once(tmp_path, compiled):
    (tmp_path / "a" / "b").mkdir(parents=True)
    write(tmp_path, "a/b/page.md", CLAIM)
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "loop")
    os.symlink(tmp_path / "missing", tmp_path / "a" / "dangling.md")
    os.symlink(tmp_path / "self.md", tmp_path / "self.md")
    result = lint([tmp_path], compiled)
    assert sum(f.rule == "efficacy.cure" for f in result.findings) == 1
    assert all(e.path.endswith(("dangling.md", "self.md")) for e in result.errors)


def test_files_that_vanish_mid_run(tmp_path, compiled):
    paths = [write(tmp_path, f"p{i}.md", CLAIM) for i in range(5)]
    result = lint([tmp_path], compiled, on_start=lambda n: (paths[1].unlink(), paths[3].unlink()))
    assert sorted(os.path.basename(e.path) for e in result.errors) == ["p1.md", "p3.md"]
    assert {"p0.md", "p2.md", "p4.md"} == {os.path.basename(f.path) for f in result.findings if f.rule == "efficacy.cure"}


def test_files_that_vanish_mid_run_with_workers(tmp_path, compiled):
    paths = [write(tmp_path, f"p{i:02d}.md", CLAIM) for i in range(20)]
    options = RunOptions(paths=[str(tmp_path)], jobs=2, on_start=lambda n: paths[7].unlink())
    result = run(compiled, options)
    assert [os.path.basename(e.path) for e in result.errors] == ["p07.md"]
    assert len({f.path for f in result.findings if f.rule == "efficacy.cure"}) == 19


PATHOLOGICAL_RULE = """\
rules:
  - id: hype.backtracking
    kind: phrase
    category: hype
    severity: warning
    message: catastrophic backtracking on purpose
    why: a test of the per-rule time limit
    source: tests
    patterns: ['(a|aa)+$']
    word_boundary: false
    scope: block
    examples:
      bad: ["aaa"]
      good: ["b"]
"""


def test_pathological_user_regex_times_out_and_the_run_goes_on(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COPYLINT_REGEX_TIMEOUT", "0.2")
    write(tmp_path, "rules/slow.yaml", PATHOLOGICAL_RULE)
    write(tmp_path, "slow.txt", "a" * 60 + "!\n\n" + CLAIM)
    write(tmp_path, "other.md", CLAIM)
    result = invoke("check", "--no-config", "--format", "json", "--rules", "rules", "-j", "1", "slow.txt", "other.md")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "hype.backtracking" in line]
    assert len(errors) == 1 and errors[0].startswith("slow.txt") and "timed out" in errors[0]
    found = {(f["path"], f["rule"]) for f in json.loads(result.stdout)["findings"]}
    assert {("slow.txt", "efficacy.cure"), ("other.md", "efficacy.cure")} <= found
