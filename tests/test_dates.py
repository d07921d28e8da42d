"""Date model and the six date rules, on the seed pages and on Markdown, HTML and text fixtures."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import parse_fixture, run_rule

from copylint.facts.date_model import analyse_dates
from copylint.language import date_text
from copylint.language.date_text import find_dates
from copylint.parsers import parse_text

AS_OF = dt.date(2026, 11, 21)


def ids(findings):
    return [(f.location.line, f.excerpt) for f in findings]


@pytest.mark.parametrize("text, label, granularity", [
    ("in 2023", "2023", "year"),
    ("in May 2023", "May 2023", "month"),
    ("Q1 2024", "Q1 2024", "quarter"),
    ("Q1 of 2024", "Q1 2024", "quarter"),
    ("the first quarter of 2024", "Q1 2024", "quarter"),
    ("2024 Q3", "Q3 2024", "quarter"),
    ("on 2023-05-01", "2023-05-01", "day"),
    ("on May 1, 2023", "2023-05-01", "day"),
    ("on 1 May 2023", "2023-05-01", "day"),
    ("Neurology. 2016 Jul 26;87(4)", "2016-07-26", "day"),
])
def test_date_formats(text, label, granularity):
    (expr,) = find_dates(text)
    assert (expr.label(), expr.granularity) == (label, granularity)


@pytest.mark.parametrize("text", [
    "https://doi.org/10.1155/2019/3675627", "2000 patients", "costs $2019", "version 3.2019",
])
def test_not_dates(text):
    assert find_dates(text) == []


def test_lower_case_may_is_not_a_month():
    assert [(d.text, d.granularity) for d in find_dates("you may 2023")] == [("2023", "year")]


def test_year_range_gives_both_years():
    assert [d.year for d in find_dates("from 2019-2021")] == [2019, 2021]


def test_model_roles_seed_001():
    model = analyse_dates(parse_fixture("dates/seed_001_als.txt"))
    refs = {m.year for m in model.mentions if m.role == "citation"}
    assert refs == {2019, 2018, 2017, 2010, 2016}
    assert any(m.year == 2009 and m.role == "study" for m in model.mentions)
    assert model.page_dates == []


def test_page_date_lines_in_the_text():
    """The one "last updated" detector (the date model's): a page's own date lines, by label."""
    doc = parse_text("Stem cells\nLast updated: March 3, 2024\nPublished on 2023-01-05\n"
                     "Medically reviewed by Dr Jane Roe on 12 May 2022\n")
    assert [(p.label, p.expr.label()) for p in analyse_dates(doc).page_dates] == [
        ("updated", "2024-03-03"), ("published", "2023-01-05"), ("reviewed", "2022-05-12")]

def test_model_page_dates_front_matter_and_line():
    model = analyse_dates(parse_fixture("dates/front_matter.md"))
    assert {(p.label, p.expr.label()) for p in model.page_dates} == {
        ("published", "2021-03-01"), ("updated", "2022-01-15")}
    html = analyse_dates(parse_fixture("dates/last_updated.html"))
    assert [(p.label, p.expr.label()) for p in html.page_dates] == [("updated", "2021-03-03")]
    text = analyse_dates(parse_fixture("dates/conflicting.txt"))
    assert [(p.label, p.expr.label()) for p in text.page_dates] == [("published", "2023-11-02")]


def test_seed_002_conclusion_year_mismatch():
    findings = run_rule("date.stale-conclusion", parse_fixture("dates/seed_002_ms_als.txt"), AS_OF)
    assert len(findings) == 1
    f = findings[0]
    assert f.location.line == 30 and f.excerpt == "2024"
    assert "conclusion says 2024" in f.message and "from 2023" in f.message
    assert "lines 1, 13, 14, 17, 25" in f.message
    assert [r.line for r in f.related] == [1, 13, 14, 17, 25]


def test_seed_001_recent_is_stale_in_2026():
    findings = run_rule("date.stale-recent", parse_fixture("dates/seed_001_als.txt"), AS_OF)
    by_line = {f.location.line: f for f in findings}
    assert by_line[3].excerpt == "recently" and "2019" in by_line[3].message and "line 8" in by_line[3].message
    assert by_line[22].excerpt == "recent" and "2017" in by_line[22].message and "line 26" in by_line[22].message
    assert "2026-11-21" in by_line[3].message


def test_seed_001_recent_is_fine_in_2019():
    doc = parse_fixture("dates/seed_001_als.txt")
    assert run_rule("date.stale-recent", doc, dt.date(2019, 6, 1)) == []


def test_stale_recent_threshold_option():
    doc = parse_fixture("dates/seed_001_als.txt")
    assert run_rule("date.stale-recent", doc, AS_OF, max_years=10) == []


def test_passed_future_html():
    found = ids(run_rule("date.passed-future", parse_fixture("dates/last_updated.html"), AS_OF))
    assert found == [(8, "2021"), (9, "1 May 2022"), (10, "December 2022")]
    assert run_rule("date.passed-future", parse_fixture("dates/last_updated.html"), dt.date(2021, 1, 1)) == []


def test_passed_future_quarters_text():
    found = ids(run_rule("date.passed-future", parse_fixture("dates/conflicting.txt"), AS_OF))
    assert found == [(5, "Q1 of 2024"), (11, "second quarter of 2024")]  # 2026 has not ended


def test_conflicting_dates_text():
    (f,) = run_rule("date.conflicting", parse_fixture("dates/conflicting.txt"), AS_OF)
    assert f.location.line == 11
    assert "Q2 2024" in f.message and "Q1 2024" in f.message and "line 5" in f.message
    assert f.suggestion == "Q1 2024"


def test_overlapping_dates_do_not_conflict():
    doc = parse_text("Phase 2 will start in 2024.\n\nPhase 2 will start in Q1 2024.")
    assert run_rule("date.conflicting", doc, AS_OF) == []


def test_outdated_review_front_matter_and_line():
    (md,) = run_rule("date.outdated-review", parse_fixture("dates/front_matter.md"), AS_OF)
    assert md.location.line == 4 and "2022-01-15" in md.message and "58 months" in md.message
    assert md.document_level
    (html,) = run_rule("date.outdated-review", parse_fixture("dates/last_updated.html"), AS_OF)
    assert html.location.line == 6 and "2021-03-03" in html.message
    assert run_rule("date.outdated-review", parse_fixture("dates/front_matter.md"), dt.date(2023, 6, 1)) == []
    assert run_rule("date.outdated-review", parse_fixture("dates/front_matter.md"), AS_OF, max_months=120) == []


def test_future_as_past_after_page_date():
    (f,) = run_rule("date.future-as-past", parse_fixture("dates/front_matter.md"), AS_OF)
    assert f.location.line == 11 and f.excerpt == "2023" and "2022-01-15" in f.message


def test_future_as_past_after_as_of():
    doc = parse_fixture("dates/seed_002_ms_als.txt")
    assert run_rule("date.future-as-past", doc, AS_OF) == []
    lines = [f.location.line for f in run_rule("date.future-as-past", doc, dt.date(2022, 6, 1))]
    assert 17 in lines and 30 in lines


def test_clean_page_has_no_date_findings():
    doc = parse_fixture("dates/clean.md")
    for rule in ("date.stale-conclusion", "date.stale-recent", "date.passed-future", "date.conflicting",
                 "date.outdated-review", "date.future-as-past"):
        assert run_rule(rule, doc, AS_OF) == [], rule


def test_as_of_defaults_to_today():
    doc = parse_text("The results will be presented at the 2019 congress.")
    assert len(run_rule("date.passed-future", doc, None)) == 1


def test_conflict_needs_a_real_subject():
    doc = parse_text("Approval came in 2010 after years of work.\n\nThe FDA approval in 2008 was for adults.")
    assert run_rule("date.conflicting", doc, AS_OF) == []


def test_new_york_is_not_new():
    doc = parse_text("The New York study published results in 2012.")
    assert run_rule("date.stale-recent", doc, AS_OF) == []
    doc = parse_text("A new study published results in 2012.")
    assert len(run_rule("date.stale-recent", doc, AS_OF)) == 1


def test_markdown_events_reviewed_line_future_and_conflict():
    doc = parse_fixture("dates/events.md")
    assert ids(run_rule("date.passed-future", doc, AS_OF)) == [(7, "2021"), (12, "third quarter of 2020")]
    (conflict,) = run_rule("date.conflicting", doc, AS_OF)
    assert conflict.location.line == 13 and "Q1 2021" in conflict.message and "Q3 2020 on line 12" in conflict.message
    (review,) = run_rule("date.outdated-review", doc, AS_OF)
    assert review.location.line == 3 and "last reviewed 2020-06-12" in review.message
    assert run_rule("date.passed-future", doc, dt.date(2020, 5, 1)) == []


def test_undated_this_year_uses_the_page_date():
    doc = parse_text("---\ndate: 2021-02-01\n---\n\nA study published this year found less pain.\n", "markdown")
    (f,) = run_rule("date.stale-recent", doc, AS_OF)
    assert f.excerpt == "this year" and "2021" in f.message
    assert run_rule("date.stale-recent", doc, dt.date(2022, 6, 1)) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 -/.,QqMayJunfirstquarterof2019")), max_size=60))
def test_find_dates_spans_are_exact_and_ordered(text):
    found = find_dates(text)
    last_end = 0
    for d in found:
        assert text[d.start:d.end] == d.text
        assert d.start >= last_end and d.first <= d.last
        last_end = d.end


def _full_scan(text):
    """Reference implementation: DATE_RE over the whole text, without year windows."""
    out, pos = [], 0
    while (m := date_text.DATE_RE.search(text, pos)) is not None:
        expr = date_text._expr(m)
        if expr is None:
            pos = m.start("y") if m.start("y") > m.start() else m.end()
            continue
        out.append((expr.start, expr.end, expr.label()))
        pos = m.end()
    return out


TOKENS = st.sampled_from(list("0123456789 -/.,Qq") + ["2019", "May ", "may ", "Q1 ", "of ", "2020-05-01", "first quarter of ", "1 May ", "x"])


@settings(max_examples=400, deadline=None)
@given(st.lists(TOKENS, max_size=25).map("".join))
def test_windowed_search_equals_full_scan(text):
    assert [(d.start, d.end, d.label()) for d in find_dates(text)] == _full_scan(text)
