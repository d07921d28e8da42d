"""No hidden state: compiling rules changes neither the pack nor the settings it is given (a
cached pack compiled for one configuration stays right for the next), and a document's result
holds its directives under one name and one type from the start."""

from __future__ import annotations

import copy

from copylint.pipeline import api
from copylint.core.spec import Settings
from copylint.pipeline.engine import DocumentResult, lint_document
from copylint.pipeline.filters.suppressions import Directive
from copylint.parsers import parse_text
from copylint.ruleset.loader import compile_rules, load_prepared, default_pack_dir
from copylint.pipeline.run import RunOptions, run


def test_compile_rules_leaves_the_pack_and_the_settings_alone():
    pack = load_prepared([default_pack_dir()])
    before = copy.deepcopy((pack.vocabularies, pack.patterns, [s.id for s in pack.specs]))
    settings = Settings(vocabularies={"team_words": ["serum"]})
    rules = compile_rules(pack, settings)
    assert settings.vocabularies == {"team_words": ["serum"]} and settings.patterns == {}
    assert (pack.vocabularies, pack.patterns, [s.id for s in pack.specs]) == before
    merged = rules[0].settings
    assert merged is not settings and "team_words" in merged.vocabularies and set(pack.vocabularies) <= set(merged.vocabularies)


def test_load_rules_twice_from_one_cached_pack_gives_the_same_rules():
    pack = load_prepared([default_pack_dir()])
    loader = lambda dirs: pack  # noqa: E731 - what the CLI's cache hands back: one object per process
    first, _, _ = api.load_rules(pack_loader=loader)
    second, _, _ = api.load_rules(pack_loader=loader)
    assert [s.id for s in first.specs] == [s.id for s in second.specs]
    assert len(pack.specs) < len(first.specs)  # the built-in rules were added to a copy only


def test_a_document_result_holds_directives_only(tmp_path):
    assert not hasattr(DocumentResult("x"), "comments")
    path = tmp_path / "a.md"
    path.write_text("<!-- a plain comment -->\n<!-- copylint-disable-next-line efficacy.cure -- ok -->\nIt cures gout.\n")
    rules = compile_rules(load_prepared([default_pack_dir()]), Settings())
    assert lint_document(parse_text(path.read_text(), "markdown"), rules).directives == []
    outcome = run(rules, RunOptions(paths=[str(path)]))
    (directives,) = outcome.directives.values()
    assert [type(d) for d in directives] == [Directive] and directives[0].ids == ("efficacy.cure",)
