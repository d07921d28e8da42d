"""The README is true: its first-run block is exactly what the command it shows prints."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import regex

from workflow_helpers import invoke

ROOT = Path(__file__).resolve().parents[1]
FIRST_RUN = regex.compile(r"## First run\n+```console\n\$ (?P<command>[^\n]+)\n(?P<output>.*?)```", regex.S)


def test_first_run_block_is_the_real_output(monkeypatch):
    block = FIRST_RUN.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert block, "the README has no first-run console block"
    words = shlex.split(block["command"])
    assert words[0] == "copylint"
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    result = invoke(*words[1:])
    assert result.stdout == block["output"]


LIBRARY_EXAMPLE = regex.compile(r"## Use it from Python\n.*?```python\n(?P<code>.*?)```", regex.S)


def test_library_batch_example_runs(tmp_path, monkeypatch, capsys):
    import shutil

    import pytest

    block = LIBRARY_EXAMPLE.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert block, "the README has no library example"
    shutil.copytree(ROOT / "fixtures" / "drafts", tmp_path / "drafts")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as done:
        exec(compile(block["code"], "README.md", "exec"), {"__name__": "readme"})
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "file,line,column,rule,severity,excerpt"
    assert len(rows) > 5 and all(row.split(",")[3].split(".")[0] in ("efficacy", "safety") for row in rows[1:])
    assert done.value.code == 1  # error-level findings fail the batch
