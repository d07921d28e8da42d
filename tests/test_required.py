"""The `required` kind on the disclaimer fixtures: missing, weak, buried and contradicted
disclosures, house wordings from config, and the seed pages."""

from __future__ import annotations

import pytest

from copylint.pipeline.engine import lint_source
from copylint.kinds.base import Settings
from copylint.kinds.required import RequiredKind
from copylint.ruleset.loader import compile_rules, load_pack
from copylint.pipeline.sources.discover import format_for
from copylint.pipeline.sources.reading import read_source

from conftest import FIXTURES

DIS = FIXTURES / "disclaimers"
SEEDS = FIXTURES / "duplicates" / "seeds"


def required_rules(settings: Settings | None = None):
    return [r for r in compile_rules(load_pack(), settings or Settings()) if isinstance(r, RequiredKind)]


def lint(path, settings: Settings | None = None):
    source = read_source(str(path), format_for(str(path)))
    return lint_source(source, required_rules(settings)).findings


def by_rule(findings, rule_id):
    return [f for f in findings if f.rule == rule_id]


def test_supplement_without_dshea_statement():
    found = by_rule(lint(DIS / "supplement-without-dshea.md"), "disclaimer.dshea")
    assert len(found) == 1
    f = found[0]
    assert f.document_level and f.location.line == 5
    assert "supports healthy joints" in f.message


def test_supplement_with_dshea_statement():
    assert not by_rule(lint(DIS / "supplement-with-dshea.md"), "disclaimer.dshea")


def test_stem_cell_page_without_investigational_statement():
    found = by_rule(lint(DIS / "stem-cell-without-investigational.html"), "disclaimer.investigational")
    assert len(found) == 1
    assert found[0].location.line == 4 and "Regenerative Medicine" in found[0].message


def test_stem_cell_page_with_investigational_statement():
    assert not by_rule(lint(DIS / "stem-cell-with-investigational.html"), "disclaimer.investigational")


def test_testimonials_without_typical_results():
    found = by_rule(lint(DIS / "testimonial-without-typical.txt"), "disclaimer.typical-results")
    assert len(found) == 1 and found[0].location.line == 1


def test_testimonials_with_typical_results():
    assert not by_rule(lint(DIS / "testimonial-with-typical.txt"), "disclaimer.typical-results")


def test_results_may_vary_alone_is_weak():
    found = by_rule(lint(DIS / "testimonial-weak.txt"), "disclaimer.typical-results")
    assert len(found) == 1
    assert "weak" in found[0].message and found[0].excerpt == "Individual results may vary"
    assert found[0].related and found[0].related[0].line == 1


def test_disclaimer_after_boilerplate_is_buried():
    found = lint(DIS / "buried.txt")
    for rule_id in ("disclaimer.medical-advice", "disclaimer.investigational"):
        (f,) = by_rule(found, rule_id)
        assert "boilerplate" in f.message and f.location.line == 19
        assert f.severity.value == "warning" and f.related[0].line in (3, 5)


def test_disclaimer_contradicted_by_cure_claim():
    (f,) = by_rule(lint(DIS / "contradicted.md"), "disclaimer.medical-advice")
    assert "contradicts" in f.message and f.excerpt == "cures"
    assert f.location.line == 3 and f.related[0].line == 7


def test_house_wording_from_config_is_accepted():
    path = DIS / "house-wording.txt"
    assert by_rule(lint(path), "disclaimer.medical-advice")
    settings = Settings(disclaimer_wordings={
        "disclaimer.medical-advice": ["Nothing on this page replaces a conversation with your own clinician"],
    })
    assert not by_rule(lint(path, settings), "disclaimer.medical-advice")


def test_house_wording_may_be_a_regex_or_a_phrase_with_metacharacters():
    settings = Settings(disclaimer_wordings={"disclaimer.medical-advice": [r"replaces?\s+a\s+conversation", "own clinician("]})
    assert not by_rule(lint(DIS / "house-wording.txt", settings), "disclaimer.medical-advice")


@pytest.mark.parametrize("path", [SEEDS / "000.txt", DIS / "seed002.txt", DIS / "seed004.txt"])
def test_seed_pages_without_disclaimer(path):
    found = by_rule(lint(path), "disclaimer.medical-advice")
    assert len(found) == 1 and found[0].document_level


def test_seed_001_carries_a_disclaimer_that_is_not_buried():
    found = [f for f in lint(SEEDS / "001.txt") if f.category == "disclaimer"]
    assert found == []


def test_negated_mentions_do_not_trigger():
    from copylint.pipeline.engine import lint_document
    from copylint.parsers import parse_text

    rules = [r for r in required_rules() if r.id == "disclaimer.investigational"]
    doc = parse_text("We do not offer stem cell treatment at this clinic.", "text")
    assert not lint_document(doc, rules).findings


def test_spans_overlap_as_the_pairwise_check():
    """required.Spans answers 'does any span overlap [start, end)' like checking every span."""
    import random

    from copylint.kinds.required import Hit, Spans

    rng = random.Random(5)
    for _ in range(300):
        hits = [Hit(0, a, a + rng.randint(1, 30), "x") for a in (rng.randint(0, 200) for _ in range(rng.randint(0, 8)))]
        spans = Spans(hits)
        for _ in range(20):
            start = rng.randint(0, 230)
            end = start + rng.randint(1, 40)
            assert spans.overlaps(start, end) == any(h.start < end and start < h.end for h in hits)


def test_a_charitys_patient_stories_need_no_typical_results_statement():
    """The FTC's rule is for advertisements: patient stories on a page that sells nothing
    (no price, order, booking, or seller speaking for its product) are not endorsements."""
    page = "Patient stories\n\n\"After my operation my knee pain is gone. I can now walk my dog again.\" - Maria, 54\n"
    assert not by_rule(lint_text(page), "disclaimer.typical-results")
    assert by_rule(lint_text(page + "\nBook your free consultation today.\n"), "disclaimer.typical-results")


def lint_text(text: str):
    from copylint.parsers import parse_text
    from copylint.pipeline.engine import lint_document

    return lint_document(parse_text(text, "text", "page.txt"), required_rules()).findings
