"""A pattern's outermost alternation searched branch by branch (core/matching.py
`top_level_alternatives`, `search_first`) finds what the whole alternation finds: the claim
analysis searches its reported-speech patterns this way."""

from __future__ import annotations

import regex

from copylint.core import matching
from copylint.facts import claims
from copylint.ruleset.loader import load_pack
from conftest import FIXTURES


def test_top_level_alternatives_split_only_the_outermost_alternation():
    assert matching.top_level_alternatives(r"a|b(?:c|d)|[|]e|\|f") == ["a", "b(?:c|d)", "[|]e", r"\|f"]
    assert matching.top_level_alternatives(r"[]|]x|y") == ["[]|]x", "y"]


def test_searching_branch_by_branch_finds_the_alternations_match():
    v = load_pack().vocabularies
    _, parts = claims.seller_patterns(v["seller_nouns"], v["ad_media"])
    assert len(parts) > 3
    joined = regex.compile("|".join(p.pattern for p in parts), regex.I)
    lines = [line for path in sorted(FIXTURES.rglob("*.txt")) + sorted(FIXTURES.rglob("*.md"))
             for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    lines += ["The company said, the FTC alleged, that its drops cure gout.", "A leaflet for a spa, seen on 2 May, stated that it heals."]
    hits = 0
    for line in lines:
        whole, first = joined.search(line), matching.search_first(parts, line, None)
        assert (whole and (whole.span(), whole.group())) == (first and (first.span(), first.group())), line
        hits += whole is not None
    assert hits > 10
