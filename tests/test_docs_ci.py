"""The CI examples in docs/ci.md are valid YAML, and use only real check options and formats."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from copylint.cli.check import check
from copylint.reporters import FORMATS

DOC = Path(__file__).resolve().parents[1] / "docs" / "ci.md"


def test_yaml_blocks_parse():
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(), re.S)
    assert len(blocks) >= 2
    for block in blocks:
        assert isinstance(yaml.safe_load(block), dict)


def test_commands_use_real_options():
    options = {opt for param in check.params for opt in getattr(param, "opts", [])}
    for command in re.findall(r"copylint check[^\n`\"]*", DOC.read_text()):
        for flag in re.findall(r"\s(--[a-z-]+)", command):
            assert flag in options, (flag, command)
        for fmt in re.findall(r"--format (\S+)", command):
            assert fmt in FORMATS
