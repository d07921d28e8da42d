"""The `claim` kind and the claims.yaml rules: hard negatives stay silent, real claims are
reported with the right rule, severity and message; citations, quotes and context are honoured."""

from __future__ import annotations

import pytest

from copylint.facts.context import Analysis
from copylint.language.vocab import compile_terms, inflections
from copylint.pipeline.engine import lint_document
from copylint.kinds.base import Examples, RuleSpec, Settings
from copylint.kinds.claim import ClaimKind
from copylint.core.models import Severity
from copylint.parsers import parse_text
from copylint.ruleset.loader import compile_rules, load_pack
from conftest import FIXTURES

PACK = load_pack()
# Sentence-level checks only: page-level rules (missing disclaimers, reading level, duplicate
# sections) judge whole pages and have their own tests.
PAGE_LEVEL = ("disclaimer", "readability", "duplication")
RULES = [r for r in compile_rules(PACK, Settings()) if r.spec.category not in PAGE_LEVEL]
CLAIM_RULES = [r for r in RULES if isinstance(r, ClaimKind)]

HARD_NEGATIVES = [
    "Currently, there is no cure for ALS.",
    "While conventional treatments help manage symptoms, they do not halt the underlying neurodegeneration.",
    "Mesenchymal Stem Cells do not become motor neurons.",
    "It hasn't been approved by the FDA for hair restoration.",
    "Larger trials are now needed to prove the efficacy of stem cell therapy.",
    "The goals of the study were to determine if stem cell infusion was safe and if it was effective.",
    "Both conditions have historically been difficult to treat.",
    "There is no cure for ALS.",
    "Stem cell therapy has not been approved by the FDA.",
    "Stem cell therapy may help.",
    "No current therapy reliably brings them back.",
    "Neither MS nor ALS, it should be mentioned, can be cured.",
    "Stem cell therapy aims to repair or replace damaged cells and restore function.",
    "Two drugs (riluzole and edaravone) modestly slow down the rate at which ALS gets worse.",
    "Scientists are investigating whether exosomes reduce inflammation.",
    "Is stem cell therapy able to cure ALS?",
]


def lint(text: str, fmt: str = "text", rules=RULES):
    return lint_document(parse_text(text, fmt, path=f"t.{fmt}"), rules).findings


def rule_ids(text: str, fmt: str = "text") -> list[str]:
    return [f.rule for f in lint(text, fmt)]


@pytest.mark.parametrize("sentence", HARD_NEGATIVES)
def test_hard_negatives_are_not_reported_by_any_rule(sentence):
    assert lint(sentence) == []


@pytest.mark.parametrize("sentence, rule", [
    ("Exosomes help regenerate hair follicles.", "efficacy.unsupported-claim"),
    ("MSCs reduce inflammation.", "efficacy.unsupported-claim"),
    ("After three sessions, patients will have thicker and healthier hair.", "testimonial.outcome-report"),
    ("Reduces Inflammation– MSC stem cells create a neuroprotective environment.", "efficacy.unsupported-claim"),
    ("Treatment with these stem cells is safe in patients with ALS.", "safety.safe-claim"),
    ("After our PRP injections, 9 out of 10 patients reported relief.", "efficacy.outcome-statistic"),
])
def test_claims_are_reported(sentence, rule):
    # Run the rule alone: with the whole pack, a more severe rule on the same words may stand for it.
    assert rule in [f.rule for f in lint(sentence, rules=[r for r in RULES if r.id == rule])]


def test_serious_condition_raises_severity():
    [als] = [f for f in lint("Stem cells slow the progression of ALS.") if f.rule == "efficacy.unsupported-claim"]
    [knee] = [f for f in lint("Stem cells relieve knee pain.") if f.rule == "efficacy.unsupported-claim"]
    assert als.severity is Severity.ERROR and knee.severity is Severity.WARNING


def test_message_names_the_claim_and_the_fix():
    [f] = [f for f in lint("Stem cells slow the progression of ALS.") if f.rule == "efficacy.unsupported-claim"]
    assert "stem cells -> " in f.message.lower() and "cite" in f.message


@pytest.mark.parametrize("text, fmt", [
    ("Stem cells reduce inflammation in MS [1].", "text"),
    ("Stem cells reduce inflammation in MS [1].\n\n[1]: https://example.org/study\n", "markdown"),
    ("Stem cells reduce inflammation in MS.[^1]\n\n[^1]: Smith 2020.\n", "markdown"),
    ("Stem cells reduce inflammation in MS (Smith et al., 2019).", "text"),
    ("Stem cells reduce inflammation in MS (Smith, 2019).", "text"),
    ("Deda et al. showed that stem cells reduce inflammation in MS.", "text"),
    ("Stem cells reduce inflammation in MS (doi:10.1001/archneurol.2010.248).", "text"),
    ("Stem cells reduce inflammation in MS ([study](https://example.org/s)).", "markdown"),
    ('<p>Stem cells reduce inflammation in MS (<a href="https://example.org">trial</a>).</p>', "html"),
    ("Stem cells reduce inflammation in MS.\nReference: Smith J. (2020). Neurology 1:1-9.", "text"),
    ("# Results\n\nStem cells reduce inflammation in MS.\n\nThe effect lasted a year.\n\nSource: Smith J. (2020).\n", "markdown"),
])
def test_citation_excuses_efficacy_claim(text, fmt):
    assert "efficacy.unsupported-claim" not in rule_ids(text, fmt)


@pytest.mark.parametrize("text, fmt", [
    ("Stem cells reduce inflammation in MS. [Book a consultation](https://clinic.example/book)", "markdown"),
    ('<p>Stem cells reduce inflammation in MS. <a href="/contact">Call us today</a>.</p>', "html"),
    ("Stem cells reduce inflammation in MS. Visit www.clinic.example for prices.", "text"),
])
def test_a_link_that_is_not_a_source_excuses_nothing(text, fmt):
    """A call to action or the seller's own page is not a citation of evidence."""
    assert "efficacy.unsupported-claim" in rule_ids(text, fmt)


@pytest.mark.parametrize("text, fmt", [
    ("Stem cells reduce inflammation in MS ([here](https://pubmed.ncbi.nlm.nih.gov/20697039/)).", "markdown"),
    ('<p>Stem cells reduce inflammation in MS (<a href="https://doi.org/10.1001/archneurol.2010.248">link</a>).</p>', "html"),
    ("Stem cells reduce inflammation in MS (https://www.clinicaltrials.gov/study/NCT00781872).", "text"),
])
def test_a_link_to_a_research_source_is_a_citation(text, fmt):
    assert "efficacy.unsupported-claim" not in rule_ids(text, fmt)


def test_reference_does_not_reach_past_a_heading():
    text = "# A\n\nStem cells reduce inflammation in MS.\n\n# B\n\nOther text.\n\nReference: Smith J. (2020).\n"
    assert "efficacy.unsupported-claim" in rule_ids(text, "markdown")


def test_quoted_claim_is_reported_and_says_so():
    text = "The clinic advertised its injections as \u201ca treatment that reverses arthritis\u201d."
    [f] = [f for f in lint(text, rules=CLAIM_RULES) if f.rule == "efficacy.unsupported-claim"]
    assert f.message.startswith("Quoted claim")


def test_negation_outside_a_quote_does_not_hide_the_quoted_claim():
    text = 'The FDA never reviewed the clinic\'s claim that "stem cells cure autism".'
    assert "efficacy.unsupported-claim" in rule_ids(text)


def test_preclinical_context_in_another_sentence():
    text = ("The review shows many results in mice with ALS. "
            "In short, stem cells slowed the loss of motor function.")
    ids = rule_ids(text)
    assert "evidence.preclinical" in ids and "efficacy.unsupported-claim" not in ids
    assert "evidence.preclinical" not in rule_ids("In mice, stem cells slowed the loss of motor function.")


def test_early_phase_reported_even_when_cited():
    text = ("In a Phase 1 study, the injection of NSI-566 was safe in ALS patients.\n"
            "Reference: Goutman S. et al. (2018). Annals 5:730-740.")
    assert "evidence.early-phase" in rule_ids(text)


def test_outcome_statistic_is_reported_despite_no_in_it():
    text = "After the treatment, 80% of participants showed no signs of disease progression."
    [f] = [f for f in lint(text) if f.rule == "efficacy.outcome-statistic"]
    assert "80% of participants showed no signs" in f.message


@pytest.mark.parametrize("name", ["good.md", "good.html", "good.txt"])
def test_good_fixtures_have_no_findings(name):
    path = FIXTURES / "claims" / name
    fmt = {"md": "markdown", "html": "html", "txt": "text"}[path.suffix[1:]]
    assert lint(path.read_text(encoding="utf-8"), fmt) == []


@pytest.mark.parametrize("name, expected", [
    ("bad.md", {(3, "efficacy.unsupported-claim"), (3, "testimonial.outcome-report"), (7, "efficacy.unsupported-claim"),
                (8, "efficacy.unsupported-claim"), (12, "efficacy.unsupported-claim"), (16, "efficacy.outcome-statistic"),
                (20, "evidence.preclinical"), (22, "evidence.early-phase"), (26, "safety.safe-claim")}),
    ("bad.html", {(5, "efficacy.unsupported-claim"), (8, "efficacy.unsupported-claim"), (9, "efficacy.unsupported-claim"),
                  (11, "evidence.early-phase")}),
    ("bad.txt", {(2, "efficacy.unsupported-claim"), (3, "efficacy.unsupported-claim"), (5, "efficacy.unsupported-claim"),
                 (7, "efficacy.unsupported-claim")}),
])
def test_bad_fixtures(name, expected):
    path = FIXTURES / "claims" / name
    fmt = {"md": "markdown", "html": "html", "txt": "text"}[path.suffix[1:]]
    found = {(f.location.line, f.rule) for f in lint(path.read_text(encoding="utf-8"), fmt, rules=CLAIM_RULES)}
    assert expected == found


def test_claim_analysis_is_computed_once_per_document():
    doc = parse_text("MSCs reduce inflammation in MS. Stem cells are safe.", "text")
    ctx = Analysis(doc)
    for rule in CLAIM_RULES:
        list(rule.check(doc, ctx))
    # One claim analysis and one voice analysis, shared by every claim rule.
    kinds = sorted(type(fn).__name__ for fn in ctx._cache)
    assert kinds == ["ClaimAnalyzer", "VoiceAnalyzer"]


def _spec(**options) -> RuleSpec:
    return RuleSpec(id="test.claim", kind="claim", category="efficacy", severity=Severity.WARNING,
                    message="{claim}", why="w", source="s", examples=Examples(("b",), ("g",)), options=options)


def test_unknown_vocabulary_is_a_rule_error():
    with pytest.raises(ValueError, match="unknown vocabulary 'nope'"):
        ClaimKind(_spec(subjects=["nope"], effects=["effects"]), Settings(vocabularies={"effects": ["cure"]}))


def test_hedged_strength_can_be_reported_as_info():
    settings = Settings(vocabularies={"t": ["stem cells"], "e": ["slow"]})
    rule = ClaimKind(_spec(subjects=["t"], effects=["e"], strengths=["direct", "hedged"]), settings)
    [f] = lint("Stem cells may slow ALS.", rules=[rule])
    assert f.severity is Severity.INFO and f.message == "Stem cells -> slow"


def test_team_vocabulary_extends_subjects():
    settings = Settings(vocabularies={"t": ["GlowCell serum"], "e": ["reverse"]})
    rule = ClaimKind(_spec(subjects=["t"], effects=["e"]), settings)
    assert lint("GlowCell Serum reverses wrinkles.", rules=[rule])


def test_vocabulary_inflections_and_acronyms():
    assert {"reduces", "reduced", "reducing"} <= set(inflections("reduce"))
    assert {"stopped", "stopping"} <= set(inflections("stop"))
    pattern = compile_terms(("MSC", "rat", "is * safe"))
    assert pattern.search("two MSCs") and not pattern.search("msc") and not pattern.search("Rating")
    assert pattern.search("it is clearly safe") and pattern.search("it is safe")


def test_vocabulary_shapes_add_mentions_where_no_term_stands():
    # A `<vocabulary>_shapes` pattern list adds words of that shape to the vocabulary's mentions.
    from copylint.facts.claims import ClaimAnalyzer, vocabulary_shapes
    vocabs = {"medical_treatments": ["aspirin"], "product_devices": ["cap"]}
    shapes = vocabulary_shapes(vocabs, {"medical_treatments_shapes": [r"\b\p{L}{2,}tinib\b"], "other_shapes": ["x"]})
    assert shapes == (("medical_treatments", (r"\b\p{L}{2,}tinib\b",)),)
    found = ClaimAnalyzer(tuple((k, tuple(v)) for k, v in vocabs.items()), shapes).block_mentions(
        "Baricitinib or aspirin, not a laser cap.")
    assert sorted((m.vocab, m.text) for m in found) == [
        ("medical_treatments", "Baricitinib"), ("medical_treatments", "aspirin"), ("product_devices", "cap")]


@pytest.mark.parametrize("sentence", [
    "Ruxolitinib cream was approved by NICE in 2023 for some adults with vitiligo.",
    "Tofacitinib tablets can treat ulcerative colitis.",
    "Apixaban tablets lower the risk of stroke in people with atrial fibrillation.",
])
def test_medicines_known_by_their_stem_are_standard_care(sentence):
    assert not lint(sentence)


def test_the_packs_shapes_searched_from_the_end_find_what_a_forward_search_finds():
    import regex
    from copylint.facts.claims import vocabulary_shapes
    pack = load_pack()
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "field").glob("*.txt")))
    text += " fenbendazole cures cancer; fluconazole treats thrush; cholesterol, albuterol, April, lisinopril"
    for _, patterns in vocabulary_shapes(pack.vocabularies, pack.patterns):
        source = "|".join(f"(?:{p})" for p in patterns)
        forward = [m.span() for m in regex.compile(source, regex.I).finditer(text)]
        backward = [m.span() for m in regex.compile("(?r)" + source, regex.I).finditer(text)][::-1]
        assert forward == backward and forward
        assert "fenbendazole" not in [text[s:e].lower() for s, e in forward]
