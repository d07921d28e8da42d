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
