"""Field-wide claims (issue: claims across the field): product pages written for fixtures/field
report their disease claims; an NHS-style patient page about the same conditions reports none."""

from __future__ import annotations

import pytest

from conftest import lint_string, FIXTURES

CLAIM_CATEGORIES = {"efficacy", "safety", "regulatory", "evidence", "hype", "testimonial"}


def claims_in(name: str, compiled):
    text = (FIXTURES / "field" / name).read_text(encoding="utf-8")
    return [f for f in lint_string(text, compiled, "markdown") if f.category in CLAIM_CATEGORIES]


@pytest.mark.parametrize("name, expected", [
    ("supplement.md", {"blood sugar", "insulin resistance", "diabetes"}),
    ("device.md", {"sciatica", "fibromyalgia"}),
    ("homeopathy.md", {"hay fever", "flu", "indigestion", "high fevers"}),
    ("weight-loss.md", {"belly fat"}),
])
def test_selling_pages_report_their_claims(compiled, name, expected):
    found = claims_in(name, compiled)
    excerpts = " ".join(f.excerpt.lower() for f in found)
    missing = {word for word in expected if word not in excerpts}
    assert not missing, f"{name}: no finding covers {missing}; got {[(f.rule, f.excerpt) for f in found]}"


def test_disease_claims_are_errors_for_serious_conditions(compiled):
    found = [f for f in claims_in("supplement.md", compiled) if f.rule == "efficacy.disease-claim"]
    assert any(f.severity.value == "error" and "diabetes" in f.excerpt.lower() for f in found)
    assert all("21 CFR 101.93" in f.message for f in found)


def test_patient_page_about_the_same_conditions_reports_no_claim(compiled):
    found = claims_in("nhs-style.md", compiled)
    assert found == [], [(f.rule, f.excerpt) for f in found]


def _lines(name: str) -> list[str]:
    return [line for line in (FIXTURES / "field" / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("line", _lines("claim-forms.txt"))
def test_each_claim_form_is_reported_on_its_own(compiled, line):
    """One line per claim form regulators cite (numbers and times, testimonials, products named
    for a condition, questions answered by the product, comparisons with medicine ...)."""
    found = [f for f in lint_string(line, compiled, "text") if f.category in CLAIM_CATEGORIES]
    assert found, line


@pytest.mark.parametrize("line", _lines("honest-forms.txt"))
def test_honest_patient_information_forms_are_not_reported(compiled, line):
    found = [f for f in lint_string(line, compiled, "text") if f.category in CLAIM_CATEGORIES]
    assert found == [], [(f.rule, f.excerpt) for f in found]


def test_bullets_pasted_into_one_sentence_are_judged_one_by_one(compiled):
    """A caption that runs bullets together without punctuation: the contrast or negation of one
    bullet ("instead of leaving you groggy") does not reach the next one's claim."""
    line = ("Unlike sleeping pills, DreamEase: Helps you sleep deeply Supports a calm mood instead of "
            "leaving you groggy Keeps your memory sharp")
    found = [f for f in lint_string(line, compiled, "text") if f.category in CLAIM_CATEGORIES]
    assert any("memory" in f.excerpt.lower() for f in found), [(f.rule, f.excerpt) for f in found]


def test_a_trademarked_name_names_the_product_where_it_is_repeated_without_the_sign(compiled):
    page = "# Zenrelief\u2122 drops\n\nZenrelief calms anxiety within minutes.\n"
    found = [f for f in lint_string(page, compiled, "markdown") if f.rule == "efficacy.disease-claim"]
    assert [f.excerpt for f in found] == ["calms anxiety"], [(f.rule, f.excerpt) for f in found]
    alone = "Zenrelief calms anxiety within minutes.\n"  # no sign on the page: an unknown word
    assert not [f for f in lint_string(alone, compiled, "markdown") if f.rule == "efficacy.disease-claim"]


def test_a_product_noun_that_is_also_a_benefit_verb_is_not_the_claimed_action(compiled):
    """ "our drops" names the product; the claim is what the drops are said to do ("reverse")."""
    found = [f for f in lint_string("Our drops reverse diabetes in weeks.", compiled, "text")
             if f.rule == "efficacy.disease-claim"]
    assert [f.excerpt for f in found] == ["reverse diabetes"], [(f.rule, f.excerpt) for f in found]
    assert "'reverse'" in found[0].message


def test_each_quote_of_a_reported_list_of_claims_is_reported(compiled):
    """Once a report's sentence makes one claim, its other quotes that name a condition are
    claims too; a warning about such claims reports none."""
    line = ("The ads claimed the syrup cured colds in an hour and was made by a teacher \u201csick of catching colds at school\u201d.\n\n"
            "The FDA warns that some sellers claim their teas \u201ccure cancer\u201d or \u201creverse diabetes\u201d.\n")
    found = [f for f in lint_string(line, compiled, "markdown") if f.category in CLAIM_CATEGORIES]
    assert any(f.excerpt.startswith("sick of catching") and f.message.startswith("Quoted claim") for f in found), \
        [(f.rule, f.excerpt) for f in found]
    assert not [f for f in found if f.line == 3], [(f.rule, f.excerpt) for f in found]


def test_title_case_benefit_labels_are_claims_but_lower_case_lists_and_headings_are_not(compiled):
    """A product's bullets in Title Case ("Less Anxiety", "Joint Relief") are its claims; a
    patient page's list of treatments ("pain relief") or a heading names a topic."""
    labels = "- Less Anxiety\n- Deeper Sleep & Less Stress\n- Joint Relief\n"
    found = [f for f in lint_string(labels, compiled, "markdown") if f.category in CLAIM_CATEGORIES]
    assert sorted({f.line for f in found}) == [1, 2, 3], [(f.rule, f.excerpt) for f in found]
    topics = "## Joint Relief\n\nTreatments include:\n\n- pain relief\n- less stress at work\n"
    assert not [f for f in lint_string(topics, compiled, "markdown") if f.category in CLAIM_CATEGORIES]


def test_a_coined_name_in_a_selling_sentence_names_the_product(compiled):
    """A capitalised word no dictionary holds is a brand when the sentence sells; in a plain
    sentence it may be a drug or a gene, as in research."""
    found = [f for f in lint_string("Zenrelief calms anxiety within minutes, order yours today!", compiled, "text")
             if f.rule == "efficacy.disease-claim"]
    assert [f.excerpt for f in found] == ["calms anxiety"] and "a named product" in found[0].message, found
    plain = "Brachytherapy to treat cervical cancer declines in US hospitals."
    assert not [f for f in lint_string(plain, compiled, "text") if f.category in CLAIM_CATEGORIES]


def test_each_condition_listed_under_an_offer_of_treatment_is_a_claim(compiled):
    """A clinic's list of what it treats ("Conditions we treat:", "Acupuncture can help with:")
    is one disease claim per listed condition, at the item."""
    found = [f for f in claims_in("clinic.md", compiled) if f.rule == "efficacy.disease-claim"]
    assert sorted(f.line for f in found) == [7, 8, 9, 10, 14, 15, 16], [(f.line, f.excerpt) for f in found]
    assert any(f.excerpt == "Asthma" and f.severity.value == "error" for f in found)
    assert all("the list under" in f.message for f in found)


@pytest.mark.parametrize("page", [
    "## Physiotherapy can help with\n\n- back pain\n- sports injuries\n",  # approved care
    "Your GP can help with:\n\n- asthma\n",
    "## Get help for\n\n- depression\n- anxiety\n",  # advice to the reader, help as a noun
    "## How we can help\n\n- Living with MS\n- Support for people with MS\n",  # support, not the condition
    "## Symptoms\n\n- headache\n- fever\n",  # no offer of treatment
    "We cannot treat:\n\n- asthma\n",  # negated
    "Lotus Clinic treats many people.\n\n- asthma\n",  # the paragraph does not introduce the list
])
def test_lists_that_do_not_offer_the_product_for_a_condition_are_not_claims(compiled, page):
    found = [f for f in lint_string(page, compiled, "markdown") if f.category in CLAIM_CATEGORIES]
    assert found == [], [(f.rule, f.excerpt) for f in found]


SELLING_LIST = ("# Regenerative medicine\n\nOur clinic offers stem cell infusions. Book your free consultation now!\n\n"
                "- Parkinson's disease\n- COPD and emphysema\n- Multiple sclerosis\n")


def test_a_bare_list_of_conditions_on_a_selling_page_is_what_it_treats(compiled):
    found = [f for f in lint_string(SELLING_LIST, compiled, "markdown") if f.rule == "efficacy.disease-claim"]
    assert [f.line for f in found] == [5, 6, 7], [(f.line, f.excerpt) for f in found]
    assert all("listed bare on a selling page" in f.message for f in found)


@pytest.mark.parametrize("page", [
    "# Tremor\n\nA tremor can have other causes.\n\n- Parkinson's disease\n- Multiple sclerosis\n",  # a patient page
    "# Our patches\n\nBuy now! Free delivery!\n\nDo not use the patches if you have\n\n- epilepsy\n- heart disease\n",
    "# Our clinic\n\nBook now! Our clinic offers massage.\n\n- asthma\n",  # one item is not a list of conditions
])
def test_bare_lists_that_do_not_offer_treatment_are_not_claims(compiled, page):
    found = [f for f in lint_string(page, compiled, "markdown") if f.rule == "efficacy.disease-claim"]
    assert found == [], [(f.rule, f.excerpt) for f in found]


@pytest.mark.parametrize("text, condition", [
    ("Sciatica? Book a session with our chiropractors today.", "Sciatica"),
    ("Racing thoughts? Tight chest? CalmDrops has your back.", "Racing thoughts"),
])
def test_a_question_naming_a_condition_answered_by_an_offer_is_a_claim(compiled, text, condition):
    found = [f for f in lint_string(text, compiled, "markdown") if f.rule == "efficacy.disease-claim"]
    assert found and condition in found[0].message, [(f.rule, f.message) for f in found]


@pytest.mark.parametrize("text", [
    "Back pain? See your GP if it lasts more than six weeks.",
    "Asthma? Get advice from your GP or asthma nurse.",
])
def test_a_question_answered_with_advice_is_not_a_claim(compiled, text):
    found = [f for f in lint_string(text, compiled, "markdown") if f.category in CLAIM_CATEGORIES]
    assert found == [], [(f.rule, f.excerpt) for f in found]


def test_a_coined_name_in_a_selling_pages_title_names_the_product_in_its_body(compiled):
    found = [f for f in claims_in("named-product.md", compiled) if f.rule == "efficacy.disease-claim"]
    assert [f.line for f in found] == [7] and "a named product" in found[0].message, found
    sentence = "Zenvita eases the stiffness of arthritis within days.\n"
    assert not [f for f in lint_string(sentence, compiled, "markdown") if f.category in CLAIM_CATEGORIES]
    unselling = "# Zenvita Joint Complex\n\n" + sentence  # a title alone, on a page that sells nothing
    assert not [f for f in lint_string(unselling, compiled, "markdown") if f.category in CLAIM_CATEGORIES]


def test_a_selling_pages_question_answered_yes_is_its_claim(compiled):
    """An FAQ on a product page asks its own question to make the claim ("Can our drops help with
    anxiety? Absolutely!"); the same question with no answer, or on a patient page, is a question."""
    found = [f for f in claims_in("faq.md", compiled) if f.rule == "efficacy.disease-claim"]
    assert [(f.line, f.excerpt) for f in found] == [(3, "help with anxiety")], found
    unanswered = "**Can our drops help with anxiety?** Thousands of customers use them.\n\nOrder now for $39 with free shipping!\n"
    assert not [f for f in lint_string(unanswered, compiled, "markdown") if f.rule == "efficacy.disease-claim"]


def test_a_customers_story_on_a_selling_page_claims_the_outcome_for_the_condition_told_before(compiled):
    """A testimonial names the condition ("I had suffered from psoriasis for twenty years."), and
    a later sentence of it tells the outcome ("... my skin is finally clear."): one disease claim,
    at the outcome. A patient story on a page that sells nothing is not a claim (nhs-style.md)."""
    found = [f for f in claims_in("testimonials.md", compiled) if f.rule == "efficacy.disease-claim"]
    assert [(f.line, f.excerpt) for f in found] == [(3, "finally clear")], [(f.line, f.excerpt) for f in found]
    assert "psoriasis, named earlier in the paragraph" in found[0].message


def test_being_diagnosed_is_the_customers_history_not_a_diagnostic_claim(compiled):
    found = lint_string("I was diagnosed with fibromyalgia in 2019, and it changed my life!", compiled, "text")
    assert not [f for f in found if f.rule == "efficacy.diagnostic-claim"], found
    assert [f for f in lint_string("Our scan detects fibromyalgia early!", compiled, "text") if f.rule == "efficacy.diagnostic-claim"]


def test_a_product_named_as_a_label_then_what_it_is_for_is_an_offer_on_a_selling_page(compiled):
    found = [f for f in claims_in("iv-drips.md", compiled) if f.rule == "efficacy.disease-claim"]
    assert sorted(f.line for f in found) == [5, 7, 9], [(f.line, f.excerpt) for f in found]
    care = "## Pain relief\n\nParacetamol tablets - for pain and fever.\n\nBuy now for just $2.99!\n"
    assert not [f for f in lint_string(care, compiled, "markdown") if f.rule == "efficacy.disease-claim"]
    unsold = "## Drips\n\nThe Myers' Cocktail - for migraines and fatigue.\n"
    assert not [f for f in lint_string(unsold, compiled, "markdown") if f.rule == "efficacy.disease-claim"]


def test_the_name_before_what_the_product_is_in_a_selling_pages_title_names_it_in_the_body(compiled):
    found = [f for f in claims_in("cbd-oil.md", compiled) if f.rule == "efficacy.disease-claim"]
    assert [f.line for f in found] == [7] and "a named product" in found[0].message, found
    plain = "# Pure Harmony CBD Oil 1000mg\n\nPure Harmony is perfect for anyone living with chronic pain.\n"
    assert not [f for f in lint_string(plain, compiled, "markdown") if f.rule == "efficacy.disease-claim"]


def test_patient_page_reports_nothing_at_all(compiled):
    """Not a claim, nor a missing disclaimer: a patient page says "see a GP" its own way, and its
    patient stories are not an advertisement's testimonials."""
    text = (FIXTURES / "field" / "nhs-style.md").read_text(encoding="utf-8")
    found = lint_string(text, compiled, "markdown")
    assert found == [], [(f.rule, f.excerpt) for f in found]


def test_a_subjectless_bullet_speaks_for_the_subject_its_list_lead_names(compiled):
    """"Benefits of Golden Turmeric:" then "- Lower blood sugar" is the product's claim; under
    "Benefits of regular exercise" on a patient page (nhs-style.md) the same bullet is not."""
    found = [f for f in claims_in("benefits-list.md", compiled) if f.rule == "efficacy.disease-claim"]
    assert {(f.line, f.excerpt) for f in found} >= {(5, "Reduced joint pain"), (8, "Lower blood sugar")}, found
    assert all("the product is said to" in f.message for f in found)
    bare = "- Lower blood pressure\n- Less joint pain\n"  # no lead: a subjectless bullet, as before
    assert [f for f in lint_string(bare, compiled, "markdown") if f.rule == "efficacy.disease-claim"]


def test_a_list_leads_subject_is_read_near_its_start(compiled):
    """"They have properties that help arthritis treatment:" speaks for "they" (the product),
    not for the care word it ends with: its bullets stay claims."""
    page = "They have properties that may help arthritis treatment:\n\n- Reduces joint inflammation\n"
    assert [f for f in lint_string(page, compiled, "markdown") if f.rule == "efficacy.disease-claim"]


def test_a_reported_quote_speaks_for_the_seller_in_every_sentence_it_runs_over(compiled):
    """A ruling quotes an ad over several sentences: the later ones are the seller's words too,
    though no reporting verb stands in them."""
    quoted = ('The website stated \u201cWe are a family business. Nature shrinks tumours in weeks. '
              'Order today.\u201d\n')
    found = [f for f in lint_string(quoted, compiled, "text") if f.rule == "efficacy.disease-claim"]
    assert [f.excerpt for f in found] == ["shrinks tumours"], found
    unquoted = "We are a family business. Nature shrinks tumours in weeks.\n"
    assert not [f for f in lint_string(unquoted, compiled, "text") if f.rule == "efficacy.disease-claim"]


def disease_claims(text: str, compiled) -> list[tuple[int, str]]:
    return [(f.column, f.excerpt) for f in lint_string(text, compiled, "text") if f.rule == "efficacy.disease-claim"]


def test_a_list_of_treatments_after_a_claim_carries_it(compiled):
    """The paragraph claims treatments for COVID-19; the next sentence lists the products sold as
    those treatments: the list is the same claim, reported at its own words too."""
    text = ("Our clinic has treatments available to treat COVID-19. "
            "Available treatments include vitamin C drips and stem cell therapy.")
    found = disease_claims(text, compiled)
    second = text.index("Available")
    assert any(column - 1 >= second for column, _ in found), found
    assert not [f for f in disease_claims("Available treatments include vitamin C drips and stem cell therapy.", compiled)]


def test_a_seller_case_story_claims_the_outcome_told_after_the_condition(compiled):
    found = disease_claims("Lisa came to us with severe endometriosis; after twelve sessions her pain has gone.", compiled)
    assert [excerpt.endswith("has gone") for _, excerpt in found] == [True], found
    # a patient's own story on a page that sells nothing is not a claim
    assert disease_claims("My sister had endometriosis for years; after surgery her pain has gone.", compiled) == []


def test_not_getting_a_disease_is_what_a_product_is_said_to_prevent(compiled):
    assert disease_claims("I take my elderberry gummies every day so I don't get the flu.", compiled)
    assert disease_claims("Elderberry gummies do not prevent the flu.", compiled) == []


def test_a_pages_own_faq_answered_yes_is_its_claim(compiled):
    """"Q: ... A: Yes" is the seller's FAQ putting its own question; the same question and answer
    without the FAQ marks, on a page that sells nothing, may be a patient page's."""
    faq = "Q: Can this tea cure colds?\n\nA: Yes, it clears them within two days.\n"
    found = [f for f in lint_string(faq, compiled, "markdown") if f.rule == "efficacy.disease-claim"]
    assert [f.excerpt for f in found] == ["cure colds"], found
    plain = faq.replace("Q: ", "").replace("A: ", "")
    assert not [f for f in lint_string(plain, compiled, "markdown") if f.rule == "efficacy.disease-claim"]


def test_a_named_sellers_claim_is_reported_as_quoted_even_when_the_report_judges_it(compiled):
    # Regulators cite exactly these sentences; the judgement of sellers in general is a warning.
    found = [f for f in lint_string("The agency says the company falsely claimed its drops cure glaucoma.", compiled, "text")
             if f.rule == "efficacy.disease-claim"]
    assert [f.message.startswith("Quoted claim") for f in found] == [True], [f.message for f in found]
    assert not [f for f in lint_string("The agency fined three sellers over claims that their drops cure glaucoma.", compiled, "text")
                if f.category in CLAIM_CATEGORIES]


@pytest.mark.parametrize("text", [
    "Its oils prevent cancer, treat hypertension, and are clinically proven.",
    "The drops reduce the risk of cancer, treat hypertension, and are clinically proven.",
])
def test_each_claim_of_a_comma_list_is_reported(compiled, text):
    # A bare comma is a list of claims: the condition before it is not the next verb's subject,
    # and "the risk of ..." is not a list of harms when a claim follows the comma.
    excerpts = [f.excerpt for f in lint_string(text, compiled, "text") if f.rule == "efficacy.disease-claim"]
    assert any("hypertension" in e for e in excerpts), excerpts
