"""The phrase kind's options: terms and patterns, case, word boundaries, scopes and exceptions."""

from __future__ import annotations

from copylint.pipeline.engine import lint_document
from copylint.kinds.base import Examples, RuleSpec, Settings
from copylint.kinds.phrase import PhraseKind
from copylint.core.models import Severity
from copylint.parsers import parse_text


def rule(**options) -> PhraseKind:
    suggest = options.pop("suggest", None)
    spec = RuleSpec(
        id="test.rule", kind="phrase", category="hype", severity=Severity.WARNING,
        message="'{match}' found", why="w", source="s", examples=Examples(("b",), ("g",)),
        options=options, suggest=suggest,
    )
    return PhraseKind(spec, Settings())


def hits(r: PhraseKind, text: str, fmt: str = "text") -> list[str]:
    return [f.excerpt for f in lint_document(parse_text(text, fmt), [r]).findings]


def test_terms_are_case_insensitive_and_whitespace_flexible():
    r = rule(terms=["miracle cure"])
    assert hits(r, "A Miracle\ncure for all.") == ["Miracle\ncure"]


def test_case_sensitive():
    r = rule(terms=["FDA"], case_sensitive=True)
    assert hits(r, "fda and FDA.") == ["FDA"]


def test_word_boundary_on_and_off():
    assert hits(rule(terms=["cure"]), "Secure and curated.") == []
    assert hits(rule(terms=["cure"], word_boundary=False), "Secure.") == ["cure"]


def test_heading_scope_only_matches_headings():
    r = rule(terms=["breakthrough"], scope="heading")
    assert hits(r, "# A breakthrough\n\nAnother breakthrough here.\n", "markdown") == ["breakthrough"]


def test_document_scope_reports_once():
    r = rule(terms=["hurry"], scope="document")
    assert hits(r, "Hurry. Hurry again. Hurry.") == ["Hurry"]


def test_sentence_scope_never_spans_sentences_but_block_scope_can():
    text = "It is safe. Effective too."
    pattern = r"safe\.\s+Effective"
    assert hits(rule(patterns=[pattern]), text) == []
    assert hits(rule(patterns=[pattern], scope="block"), text) == ["safe. Effective"]


def test_unless_negated_hedged_question_and_phrases():
    assert hits(rule(terms=["cure"]), "There is no cure.") == []
    assert hits(rule(terms=["cure"], unless={"negated": False}), "There is no cure.") == ["cure"]
    assert hits(rule(terms=["helps"], unless={"hedged": True}), "It may be that it helps.") == []
    assert hits(rule(terms=["helps"]), "It may be that it helps.") == ["helps"]
    assert hits(rule(terms=["cure"]), "Is it a cure?") == []
    assert hits(rule(terms=["cure"], unless={"phrases": ["search for"]}), "The search for a cure.") == []
    assert hits(rule(terms=["approved"], unless={"preceded_by": ["drugs are"]}), "Two drugs are approved.") == []


def test_suggestion_and_message_templates():
    r = rule(terms=["miracle"], suggest="replace '{match}' with a description")
    finding = lint_document(parse_text("A miracle."), [r]).findings[0]
    assert finding.message == "'miracle' found"
    assert finding.suggestion == "replace 'miracle' with a description"


def test_a_long_rule_runs_its_patterns_apart_with_the_alternations_matches():
    """A rule whose joined alternation is long runs each pattern on its own and merges the matches
    as the alternation would: leftmost first, the earlier pattern where two start together, none
    overlapping one taken. Padding every pattern past SPLIT_ABOVE must change no finding."""
    from copylint.kinds import phrase

    padding = "(?:" + "|".join(f"zq{i}xv" for i in range(400)) + ")"
    patterns = [r"\bcures?\s+\w+", r"\bcure\b", r"\b(?:drug|pill)s?\s+free\b", r"\bfree\s+of\s+\w+", r"\bno\s+more\s+\w+"]
    long = rule(terms=["miracle cure", "no more"], patterns=[p + "|" + padding for p in patterns])
    short = rule(terms=["miracle cure", "no more"], patterns=patterns)
    assert len(long.parts) == 1 + len(patterns) and len(short.parts) == 1 and len(long.source) > phrase.SPLIT_ABOVE
    texts = [
        "A miracle cure for gout. It cures arthritis, and it is drug free of side effects.",
        "No more pain, no more pills: a cure at last. Pills free of sugar cure nothing.",
        "Cure cure cures cures everything; free of charge, no more no more.",
    ]
    for text in texts:
        assert hits(long, text) == hits(short, text), text
