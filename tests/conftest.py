"""Shared test helpers: the loaded default pack, lint helpers over strings and files, and
single-rule runners for the date, consistency and readability tests."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest

from copylint.facts.context import Analysis
from copylint.pipeline.engine import lint_document
from copylint.kinds import KINDS
from copylint.kinds.base import Settings
from copylint.core.models import Document, Finding
from copylint.parsers import parse_text
from copylint.ruleset.loader import compile_rules, load_pack

# Tests never touch the user's cache directory (the cache itself is exercised in a temp dir).
os.environ.setdefault("COPYLINT_CACHE_DIR", tempfile.mkdtemp(prefix="copylint-test-cache-"))

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


@pytest.fixture(scope="session")
def pack():
    return load_pack()


@pytest.fixture(scope="session")
def compiled(pack):
    return compile_rules(pack, Settings())


def lint_string(text: str, rules, fmt: str = "text"):
    return lint_document(parse_text(text, fmt), rules).findings


def parse_fixture(rel: str) -> Document:
    """Parse fixtures/`rel`, choosing the format from its suffix."""
    path = FIXTURES / rel
    return parse_text(path.read_text(encoding="utf-8"), FORMATS.get(path.suffix, "text"), str(path))


def pack_rule(rule_id: str, as_of: dt.date | None = None, **options):
    """Compile rule `rule_id` of the shipped pack, optionally overriding kind options."""
    spec = next(s for s in load_pack([ROOT / "rules"]).specs if s.id == rule_id)
    spec.options = {**spec.options, **options}
    return KINDS[spec.kind](spec, Settings(as_of=as_of))


def run_rule(rule_id: str, doc: Document, as_of: dt.date | None = None, **options) -> list[Finding]:
    """Findings of one shipped rule on `doc`, judged at `as_of` (None: today)."""
    rule = pack_rule(rule_id, as_of, **options)
    return list(rule.check(doc, Analysis(doc)))
