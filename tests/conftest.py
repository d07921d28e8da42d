"""Shared helpers for the date, consistency and readability tests: parse fixtures and run one rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from copylint.analysis.context import Analysis
from copylint.kinds import KINDS
from copylint.kinds.base import Settings
from copylint.models import Document, Finding
from copylint.parsers import parse_text
from copylint.ruleset.loader import load_pack

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def parse_fixture(rel: str) -> Document:
    path = FIXTURES / rel
    return parse_text(path.read_text(encoding="utf-8"), FORMATS.get(path.suffix, "text"), str(path))


def pack_rule(rule_id: str, as_of: dt.date | None = None, **options):
    """Compile rule `rule_id` of the shipped pack, optionally overriding kind options."""
    spec = next(s for s in load_pack([ROOT / "rules"]).specs if s.id == rule_id)
    spec.options = {**spec.options, **options}
    return KINDS[spec.kind](spec, Settings(as_of=as_of))


def run_rule(rule_id: str, doc: Document, as_of: dt.date | None = None, **options) -> list[Finding]:
    rule = pack_rule(rule_id, as_of, **options)
    return list(rule.check(doc, Analysis(doc, rule.settings)))
