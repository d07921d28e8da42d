"""Unit tests for copylint.language.claim_strength (self-contained sentences; no datasets)."""

from __future__ import annotations

import time

import pytest

from copylint.language.claim_strength import ClaimStrength, Strength, _classify_exhaustive, classify

N, C, H, D = Strength.NONE, Strength.CORRELATIONAL, Strength.HEDGED, Strength.DIRECT

CASES: list[tuple[str, Strength, bool]] = [
    # direct claims, marketing style
    ("Exosomes help regenerate hair follicles.", D, False),
    ("MSCs reduce inflammation.", D, False),
    ("After treatment, patients will have thicker and healthier hair.", D, False),
    ("You will see results within weeks.", D, False),
    ("Our stem cell therapy restores lost cartilage.", D, False),
    ("PRP injections stimulate new hair growth.", D, False),
    ("The treatment has been shown to improve mobility in arthritis patients.", D, False),
    ("Our serum is clinically proven to reduce wrinkles.", D, False),
    ("Stem cell infusion was safe and effective.", D, False),
    ("The infusion improved walking distance in all patients.", D, False),
    ("Regular exercise lowers the risk of heart disease.", D, False),
    ("Our findings suggest that the supplement reduces blood pressure.", D, False),
    ("Smoking causes lung cancer.", D, False),
    ("Treatment with the drug led to a marked improvement in symptoms.", D, False),
    ("Arterial stiffness was improved by vitamin D supplementation.", D, False),
    # negated causal assertions: direct strength, negated
    ("Currently, there is no cure for ALS.", D, True),
    ("They do not halt the underlying neurodegeneration.", D, True),
    ("Mesenchymal Stem Cells do not become motor neurons.", D, True),
    ("It hasn't been approved by the FDA for hair restoration.", D, True),
    ("Once follicles are gone, no current therapy reliably brings them back.", D, True),
    ("No current intervention reverses the disease.", D, True),
    ("The supplement does not cure arthritis.", D, True),
    ("This therapy has not been shown to extend survival.", D, True),
    ("DPP-4 inhibitor use did not increase the risk of heart failure.", D, True),
    # headline verbs, participle clauses, causal nouns and phrases
    ("Head injuries triple the long-term risk of early death.", D, False),
    ("Mental illness heightens early death risk in people with epilepsy.", D, False),
    ("Muscle loss ups mortality risk in transplant candidates.", D, False),
    ("Helicopters save lives.", D, False),
    ("Cleaner air has sparked a fall in asthma admissions.", D, False),
    ("The aneurysm may rupture without warning, causing a fatal bleed.", H, False),
    ("The injury often detaches the retina, causing vision loss.", D, False),
    ("Smokers with asthma are greatly increasing the risk of complications.", D, False),
    ("Infection rates can be reduced dramatically by early antibiotics.", D, False),
    ("Human error is the most common cause of birth asphyxia.", D, False),
    ("Higher BDNF levels protected against macrosomia.", D, False),
    ("Rapid surgical innovation puts patients at risk of errors.", D, False),
    ("Insomnia does not put them at increased risk of hypertension.", D, True),
    ("The devices pose no greater risk to older patients.", D, True),
    ("Poor sleep can make you fatter.", D, False),
    ("Anaesthesia does not make patients more prone to falls.", D, True),
    ("Admissions rose as a result of income inequality.", D, False),
    ("The rescue was successful in most patients.", D, False),
    ("We confirmed the clinical effectiveness of influenza vaccination in children.", D, False),
    ("The benefits of exercise for reducing the risk of heart disease are well known.", D, False),
    ("Early referral is crucial for optimal ulcer healing.", D, False),
    ("Better care is critical to reducing disparities in outcomes.", D, False),
    ("Close follow-up is essential to exclude early recurrence.", N, False),
    ("It is essential for every country to offer screening.", N, False),
    ("The cost effectiveness of coaching was not assessed.", N, False),
    ("Penicillin equally effective as broad-spectrum antibiotics for pneumonia", D, False),
    ("Hormone therapy ineffective for most men with early prostate cancer", D, True),
    ("A more effective treatment for the disease is needed.", N, False),
    # hedged
    ("Stem cells may help.", H, False),
    ("Stem cells may help repair damaged joints.", H, False),
    ("The therapy could potentially restore lost function.", H, False),
    ("Exosomes might reduce scarring after surgery.", H, False),
    ("This approach is being studied for knee osteoarthritis.", H, False),
    ("Stem cells are thought to promote tissue repair.", H, False),
    ("The drug appears to slow disease progression.", H, False),
    # correlational
    ("Obesity is associated with an increased risk of diabetes.", C, False),
    ("Low vitamin D levels are linked to depression.", C, False),
    ("Serum ferritin correlated with disease severity.", C, False),
    ("Hair loss is related to stress in many patients.", C, False),
    ("Cholesterol was not associated with recurrence risk.", C, True),
    # not claims
    ("Larger trials are now needed to prove the efficacy of the treatment.", N, False),
    ("The goals of the study were to determine if stem cell infusion was safe and if it was effective.", N, False),
    ("Both conditions have historically been difficult to treat.", N, False),
    ("Stem cell infusion was safe.", N, False),
    ("The clinic is located in Miami and is open on weekdays.", N, False),
    ("Further studies are needed to determine whether the drug reduces mortality.", N, False),
    ("Patients with increased body weight were enrolled in the trial.", N, False),
    ("Rates of obesity increased over the decade.", N, False),
    ("The aim of this study was to evaluate the effect of exercise on sleep.", N, False),
    ("Most patients were treated with statins.", N, False),
    ("Diagnoses of ADHD increased dramatically over nine years.", N, False),
    ("Routine health check-ups are free.", N, False),
    ("Thus, promoting social support could be a useful intervention.", H, False),
    ("Some factors make it more likely that a pregnancy is normal.", C, False),
    ("Combat exposure was recorded for every soldier.", N, False),
    ("Significantly lower rates of thrombosis were found in treated patients.", N, False),
]


@pytest.mark.parametrize("sentence,strength,negated", CASES, ids=[c[0][:40] for c in CASES])
def test_classify(sentence: str, strength: Strength, negated: bool) -> None:
    result = classify(sentence)
    assert result.strength is strength, result
    assert result.negated is negated, result


@pytest.mark.parametrize("sentence", [c[0] for c in CASES], ids=[c[0][:40] for c in CASES])
def test_trigger_prefilter_matches_exhaustive_scan(sentence: str) -> None:
    assert classify(sentence) == _classify_exhaustive(sentence)


@pytest.mark.parametrize(
    "sentence,cue",
    [
        ("Stem cells may help.", "may"),
        ("Obesity is associated with diabetes.", "associated"),
        ("MSCs reduce inflammation.", "reduce"),
    ],
)
def test_cue_and_span(sentence: str, cue: str) -> None:
    result = classify(sentence)
    assert result.cue == cue
    assert result.cue_span is not None
    start, end = result.cue_span
    assert sentence[start:end] == cue


def test_no_claim_has_no_cue() -> None:
    assert classify("The clinic opens at nine.") == ClaimStrength(Strength.NONE, False, None, None)


def test_empty_and_odd_input() -> None:
    assert classify("").strength is Strength.NONE
    assert classify("   ").strength is Strength.NONE
    assert classify("!!! ???").strength is Strength.NONE


def test_strength_values_are_strings() -> None:
    assert Strength.DIRECT == "direct" and Strength.HEDGED.value == "hedged"


def test_speed() -> None:
    sentences = [c[0] for c in CASES] * 20
    start = time.perf_counter()
    for s in sentences:
        classify(s)
    per = (time.perf_counter() - start) / len(sentences)
    assert per < 500e-6  # generous bound for slow CI machines; the bench reports the real figure
