"""One finding per claim: findings of different rules on the same words fold into one."""

from __future__ import annotations

from copylint.pipeline.engine import lint_document
from copylint.pipeline.filters.same_claim import fold_repeats, fold_same_claim
from workflow_helpers import invoke, write
from copylint.kinds.base import Settings
from copylint.core.models import Finding, Location, Severity
from copylint.parsers import parse_text
from copylint.ruleset.loader import compile_rules, load_pack

RULES = compile_rules(load_pack(), Settings())


def finding(rule: str, start: int, end: int, severity: Severity = Severity.WARNING, fix: str | None = None) -> Finding:
    return Finding(rule, rule.split(".")[0], severity, f"{rule} message", Location("a.md", 1, start + 1, 1, end + 1, start, end),
                   "x", fix=fix)


def test_overlapping_findings_of_different_rules_fold_into_the_most_severe():
    found = fold_same_claim([finding("a.one", 0, 10), finding("b.two", 5, 20, Severity.ERROR), finding("c.three", 30, 40)])
    assert [(f.rule, f.also) for f in found] == [("b.two", ("a.one",)), ("c.three", ())]
    assert found[0].message.endswith("(Also reported as: a.one.)")


def test_findings_of_different_files_never_fold():
    other = finding("b.two", 5, 20, Severity.ERROR)
    other.location.path = "b.md"
    assert len(fold_same_claim([finding("a.one", 0, 10), other])) == 2


def test_equal_severity_keeps_the_finding_that_covers_more_of_the_claim():
    (kept,) = fold_same_claim([finding("a.one", 0, 4), finding("b.two", 0, 12)])
    assert kept.rule == "b.two" and kept.also == ("a.one",)


def test_equal_severity_keeps_the_rule_of_higher_precedence_before_the_longer_span():
    broad, specific = finding("a.broad", 0, 30), finding("b.disease", 0, 8)
    broad.precedence = -1
    (kept,) = fold_same_claim([broad, specific])
    assert kept.rule == "b.disease" and kept.also == ("a.broad",)


def test_a_disease_claim_is_reported_before_the_body_function_claim_on_the_same_words():
    """The default pack: the disease is the more specific claim (efficacy.health-claim has
    precedence -1), though the function claim's words run longer."""
    text = "Our drops are useful for diseases that affect the central nervous system."
    found = [f for f in fold_same_claim(lint_document(parse_text(text, "text", "a.txt"), RULES).findings)
             if f.category == "efficacy"]
    assert [(f.rule, f.also) for f in found] == [("efficacy.disease-claim", ("efficacy.health-claim",))], found


def test_one_rules_distinct_claims_and_exact_fixes_stay_apart():
    found = fold_same_claim([finding("a.one", 0, 10), finding("a.one", 5, 15), finding("s.spell", 2, 6, fix="word")])
    assert sorted(f.rule for f in found) == ["a.one", "a.one", "s.spell"]


def test_findings_that_are_not_claims_neither_fold_nor_join_claims():
    # A repeated section spans its whole block: it must not swallow the block's claims, nor chain
    # two claims that do not overlap into one group; a stale date is a second problem.
    section = Finding("duplication.repeated-section", "duplication", Severity.ERROR, "m", Location("a.md", 1, 1, 1, 61, 0, 60), "x")
    date = Finding("date.stale-recent", "date", Severity.WARNING, "m", Location("a.md", 1, 3, 1, 9, 2, 8), "x")
    found = fold_same_claim([section, date, finding("a.one", 0, 10), finding("b.two", 30, 40)])
    assert sorted((f.rule, f.also) for f in found) == [("a.one", ()), ("b.two", ()), ("date.stale-recent", ()),
                                                        ("duplication.repeated-section", ())]


def test_a_cure_and_disease_claim_on_the_same_words_is_one_finding():
    doc = parse_text("Our tea cures acne. It is sold in tins.", "text", "t.txt")
    found = [f for f in fold_same_claim(lint_document(doc, RULES).findings) if f.location.start_offset < 19]
    assert len(found) == 1, [(f.rule, f.excerpt) for f in found]
    assert {found[0].rule, *found[0].also} >= {"efficacy.cure", "efficacy.disease-claim"}


def test_a_block_pasted_three_times_reports_its_claim_once_naming_the_other_lines():
    text = "Our tea cures gout.\n\nBook a call.\n\nOur tea cures gout.\n\nA calm line.\n\nOur tea cures gout.\n"
    found = [f for f in fold_repeats(fold_same_claim(lint_document(parse_text(text, "markdown", "a.md"), RULES).findings)) if "cures" in f.excerpt]
    assert len(found) == 1 and found[0].location.line == 1
    assert [loc.line for loc in found[0].related] == [5, 9]
    assert "line 5, 9" not in found[0].message and "lines 5, 9" in found[0].message


def test_the_same_words_in_different_blocks_are_reported_in_each():
    text = "Our tea cures gout.\n\nOur tea cures gout, and it is cheap.\n"
    found = [f for f in fold_repeats(fold_same_claim(lint_document(parse_text(text, "markdown", "a.md"), RULES).findings)) if "cures" in f.excerpt]
    assert [f.location.line for f in found] == [1, 3]


def test_a_rule_ignored_for_a_file_never_hides_the_claim_it_shared_words_with(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, ".copylint.yaml", "per-file-ignores:\n  'a.md': [efficacy.cure]\n")
    write(tmp_path, "a.md", "Our tea cures acne.\n")
    rules = [line.split()[2] for line in invoke("check", "--format", "concise", "a.md").stdout.splitlines() if line.startswith("a.md")]
    assert "efficacy.disease-claim" in rules and "efficacy.cure" not in rules


def test_a_copy_suppressed_on_its_own_line_stays_suppressed_and_the_directive_is_used(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.md", "Our tea cures gout.\n\n<!-- copylint-disable-next-line efficacy.cure -- quoted -->\nOur tea cures gout.\n")
    out = invoke("check", "--no-config", "--select", "efficacy.cure", "--format", "concise", "a.md").stdout
    assert "a.md:1:" in out and "a.md:4:" not in out and "unused-suppression" not in out and "Repeated" not in out
