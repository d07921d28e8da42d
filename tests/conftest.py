"""Shared test helpers: the loaded default pack, and lint helpers over strings and files."""

from __future__ import annotations

from pathlib import Path

import pytest

from copylint.engine import lint_document
from copylint.kinds.base import Settings
from copylint.parsers import parse_text
from copylint.ruleset.loader import compile_rules, load_pack

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def pack():
    return load_pack()


@pytest.fixture(scope="session")
def compiled(pack):
    return compile_rules(pack, Settings())


def lint_string(text: str, rules, fmt: str = "text", settings: Settings | None = None):
    return lint_document(parse_text(text, fmt), rules, settings).findings
