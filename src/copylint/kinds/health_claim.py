"""The `health-claim` kind: field-wide claims that a promoted product (a product family, a named
product, "our ...", or a subjectless headline, bullet or imperative on a selling page) has an
effect on a condition. Vocabularies and patterns come from the pack (rules/vocabularies/,
rules/language/); the kind only knows the roles: benefit, target, subject and voice."""

from __future__ import annotations

import bisect

from dataclasses import dataclass
from typing import Iterator

import regex

from copylint.core.regexcache import rx
from copylint.language import cues
from copylint.language.lexicon import MODAL_HEDGES, alternation
from copylint.facts.claims import AIMS, CLOSE_QUOTES, OPEN_QUOTES, SentenceClaims, effect_status
from copylint.facts.context import Analysis
from copylint.facts.speaker import DEICTIC, LEAD_WORDS, PASSIVE_BEFORE, PROMOTED, USED_IT, WORD, Speaker, expand, quoted_from
from copylint.language.vocab import Mention
from copylint.facts.voice import PageVoice, SentenceVoice
from copylint.kinds.base import Option, RuleKind, RuleSpec, Settings
from copylint.core.models import Document, Finding, Severity
from copylint.core import validators as v

QUOTE_MARKS = (OPEN_QUOTES, CLOSE_QUOTES)  # a claim never runs across the edge of a quotation
DISEASE_ACTS = rx(r"\s*,?\s*(?:(?:that|which|who)\s+)?(?:(?:slowly|gradually|often|usually|also)\s+)?")
# What the seller offers and for whom: "we use injections with patients like MS", "our clinic
# offers stem cells for people living with Parkinson's", "CBD oil for anxiety".
OFFER_LINK = rx(
    r"(?:\s+[\p{L}\p{N}'\u2019-]+){0,6}?\s+(?:for|against|with|to|in)\s+"
    r"(?:(?:[\p{L}\p{N}'\u2019-]+\s+){0,3}?(?:patients|people|those|sufferers|clients|children|adults|men|women|anyone|"
    r"individuals|kids|babies|pets|dogs|cats)\s+(?:with|like|who\s+have|suffering\s+from|living\s+with|including|such\s+as)\s+)?",
    regex.I,
)
SELLER_OFFERS = "seller_offers"  # the pattern list of the seller's verbs of offering ("we use", "our clinic offers")
CONDITIONAL_LEAD = "conditional_lead"  # the pattern list of if-clauses naming the reader's condition
# A treatment noun offered for a condition: "stem cell treatment for COPD".
FOR_AFTER = rx(r"\s+(?:for|against)\b", regex.I)
# The target, then a passive verb: "inflammation is reduced", "blood sugar levels can be lowered".
PASSIVE = rx(
    r"(?:\s+levels?)?\s+(?:is|are|was|were|gets?|got|becomes?|can\s+be|will\s+be|could\s+be|may\s+be|"
    r"(?:has|have)\s+been|being)\s+(?:(?:\p{L}+ly|also|then|soon|often)\s+)?",
    regex.I,
)
POPULATION_BEFORE = rx(r"\s+(?:in|among|amongst)\s+(?:[\p{L}-]+\s+){0,2}", regex.I)
POPULATION_AFTER = rx(r"\s+(?:patients|people|subjects|individuals|children|adults|women|men|cases|sufferers|participants)\b", regex.I)
OBJECT_LEADS = frozenset("my your his her their our its the a an me him them us this that these those".split())
PEOPLE_WITH = rx(r"\b(?:patients|people|individuals|children|adults|women|men|sufferers|those|anyone)\s+(?:(?:who\s+(?:are\s+)?)?(?:with|living\s+with|suffering\s+(?:from|with)|struggling\s+with|have|has)\s+)$", regex.I)
HEADLINE_PASSIVE = rx(r"(?:\s+levels?)?\s+(?:(?:\p{L}+ly|finally|now)\s+)?", regex.I)
SUBSTITUTES = rx(r"(?:replac|substitut|swap)", regex.I)  # verbs that put the product in a medicine's place
# Between a condition and the medicine it names: "diabetes medicine", "weight-loss injections".
CONDITION_NAMES = rx(r"(?:[- ](?:loss|related|lowering|reducing))?[ -]")
# How a condition is usually cared for, not a promise: "anaemia is usually treated with injections".
CARE_PRACTICE = rx(r"\s+(?:is|are|can\s+be)\s+(?:usually|normally|commonly|typically|generally|mainly|mostly|sometimes|often|first)\s+"
                   r"(?:treated|managed|controlled)\s+(?:with|by|using|through)\b", regex.I)
USED_BEFORE = rx(r"\bused\b", regex.I)
# A list the benefit introduces: "Conditions we treat: migraines, sciatica ...".
LIST_AFTER = rx(r"\s*(?:with|for|against)?\s*(?:include|including)?\s*:\s*(?:[\u2022\u00b7\u25aa\u2023*]\s*)?")  # (or inline bullets: "Helps with: \u2022 Lupus")
LIST_WORDS = frozenset({"and", "or", "other", "mild", "minor", "symptoms", "of", "the", "a", "recovery"})  # "Arnica for bruising and minor swelling"
# The object of a benefit verb is a pronoun: "kills them", "clears it up", "fights it off".
PRONOUN_OBJECT = rx(r"\s+(?:it|them)\b(?!\s+(?:to|is|are|was|were|has|have|can|will)\b)", regex.I)
# A label's link from the product to its condition: "Arnica 30C for (the relief of) minor bruising".
# The words between may name the product's form or where it is used ("CBD suppositories for
# endometriosis", "Cold laser at home for sciatica"), never a verb that makes it a sentence.
LABEL_LINK = rx(
    r"(?:\s+\p{N}[\p{L}\p{N}]*)?(?:\s+(?!(?:for|against|is|are|was|were|be|can|will|would|should|"
    rf"{alternation(MODAL_HEDGES)}|helps?|works?|used|and|or|not|no|the|a|an)\b)[\p{{L}}-]+){{0,2}}?"
    r"\s+(?:for|against)\s+(?:[\p{L}'\u2019-]+\s+){0,3}?", regex.I)
# What a product's label is for: "- for migraines", ": ideal for people with anxiety".
LABEL_FOR = rx(
    r"(?:(?:ideal|perfect|great|good|best|designed|formulated|made|specially\s+made)\s+)?for\s+"
    r"(?:(?:people|those|anyone|adults|children|sufferers)\s+(?:with|suffering\s+from|living\s+with)\s+)?",
    regex.I,
)
# A comparative that opens the sentence's subject, its verb a few words on: "Lower vitamin D
# levels are associated with ...", "Higher HDL cholesterol may protect ..." (not "Lower your risk").
ADJECTIVE_IN_SUBJECT = rx(
    r"(?!\s+(?:your|the|my|our|their|his|her|its|a|an|this|these|it|them)\b)(?:\s+[\p{L}\p{N}'\u2019-]+){1,4}?\s+"
    rf"(?:is|are|was|were|has|have|had|can|will|would|{alternation(MODAL_HEDGES)}|correlates?|correlated|predicts?|predicted)\b",
    regex.I,
)
COORDINATED = rx(r"\s(?:and|or|but|while|plus)\s|,", regex.I)  # a second verb phrase begins
NOUN_LINK = rx(r"(?:\s+[\p{L}\p{N}'\u2019-]+){0,4}?\s+(?:for|of|from|against|to|in)\s+", regex.I)


WH_WORDS = frozenset("what where when why how which who whom whose".split())  # questions that ask for information
COURSE_PROMISE = "course_promise"  # the pattern list of a counted course and its outcome ("One session and the pain is gone")
CASE_STORY = "case_story"  # the pattern list of a seller's case story ("Sarah came to us with migraines")
SOLD = frozenset({"product", "named"})  # subjects that sell even in a customer's own words ("this protocol")
ITEM_WORDS = 8  # a list item this long or shorter can be the condition itself
ITEM_LINKS = frozenset("with for of about from to in on at by after your my our their his her".split())
LEAD_SUBJECT_WORDS = 4  # a list lead's subject stands in its first words ("Benefits of our capsules")
HEADLINE_WORDS = 4  # words a selling headline may hold before its outcome ("Chronic knee pain gone in ...")
LEAD_TAIL = 3  # words a list's lead may hold after its benefit word ("help with the following:")


# A laboratory or animal result anywhere in the sentence ("reversed memory loss in mice").
IN_THE_LAB = rx(r"\bin\s+(?:\w+\s+){0,2}?(?:mice|rats|animals|animal\s+models?|vitro|the\s+lab(?:oratory)?|cell\s+cultures?|test\s+tubes?)\b", regex.I)


# Between a benefit and its target, the words of a cosmetic claim: "reduces the appearance of scars".
COSMETIC_BETWEEN = rx(r"\b(?:appearance|look|looks|visible\s+signs?|visibility)\s+of\b", regex.I)


# After a treatment noun, the words that list what it is: "treatments include", "therapies such as".
LISTS_AFTER = rx(r"\s*(?:(?:available|offered|we\s+offer)\s+)?(?:include[sd]?|including|such\s+as|are\s*:|:)", regex.I)


# Between a product and a verb, what leaves the product the verb's subject: "our clinic can fix it".
VERB_OWN_SUBJECT = rx(r"\s*(?:(?:can|will|could|may|also|really|quickly|gently|safely|naturally|then|now|often|usually)\s+)*", regex.I)


# After a benefit verb, what makes it something else: "stop using the device if ..." (a gerund
# object: the reader stops doing something), "cleared for / by the FDA" (a regulator's clearance),
# "destroys healthy skin" (a harm); "detox teas" (a noun naming a product) is cues.used_as_noun's.
HABIT_AFTER = rx(r"\s+(?:using|taking|eating|drinking|applying|wearing|giving|the\s+(?:treatment|medicine|tablets|device))\b", regex.I)
HEALTHY_OBJECT = rx(r"\s+(?:(?:the|your|their)\s+)?(?:healthy|normal|surrounding)\s", regex.I)  # "destroys healthy skin": a harm
DESTROYING = frozenset("destroy destroys destroyed kill kills killed attack attacks attacked burn burns burned damage damages".split())
NOT_OFFERED_LEAD = "not_offered_lead"  # the pattern list of words before a list that is not what the page treats
ANSWER_OFFERS = "answer_offers"  # the pattern list of offers that answer a reader's question ("Book a session ...")
QUESTION_RUN = 3  # short questions in a row, the last answered: "Racing thoughts? Tight chest? ..."
# After a counted course of the seller's sessions (the pack's deictic_product list), what it takes:
# "6 to 12 treatments are required to completely solve your acne".
COURSE_NEEDED = rx(r"\s+(?:are|is|will\s+be)\s+(?:usually\s+|typically\s+|normally\s+)?(?:required|needed|all\s+it\s+takes|enough)\s+to\b", regex.I)
REGULATORY_SENSE = rx(r"\s+(?:for|by)\b", regex.I)  # "cleared for certain types of hair loss"
CLEARED = frozenset({"cleared", "clear", "clears"})
# Verbs whose object may be a habit, not a condition: "stop using the device", "keep taking your tablets".
STOP_WORDS_OF_HABIT = frozenset({"stop", "stops", "stopped", "stopping", "quit", "quits", "keep", "keeps", "kept", "keeping"})
# Between a benefit and a condition, another predicate whose object the condition is: "detox teas
# contain laxatives, which can cause diarrhoea", "destroys healthy skin and leaves deep scars".
OTHER_PREDICATE = rx(
    r"(?<!\b(?:the|a|root|underlying|real|main|true|its|their|common|known|likely|that|which)\s)\b(?:cause[sd]?|causing)\b(?!\s+(?:of|behind)\b)"
    r"|\b(?:trigger(?:s|ed|ing)?|lead(?:s|ing)?\s+to|led\s+to|result(?:s|ed|ing)?\s+in|worsen(?:s|ed|ing)?|contain(?:s|ed|ing)?)\b",
    regex.I,
)


def _named_earlier(condition: Mention, where: str) -> Mention:
    """The condition a later benefit is claimed for, named for the message ("psoriasis, named
    earlier in the paragraph")."""
    return Mention(condition.vocab, f"{condition.text}, named earlier in the {where}", condition.start, condition.end)


def blocks_before_lists(doc: Document) -> dict[int, int]:
    """Each list item's block right before its list's first item (items of a list that opens the
    document have none), found in one pass over the blocks."""
    before: dict[int, int] = {}
    last: int | None = None
    for i, block in enumerate(doc.blocks):
        if block.kind == "list_item":
            if last is not None:
                before[i] = last
            continue
        last = i
    return before


def list_leads(doc: Document, before: dict[int, int]) -> dict[int, int]:
    """Each list item's lead: the heading or paragraph right before the list's first item (ending
    in a colon when it is a paragraph), from `blocks_before_lists`."""
    return {item: lead for item, lead in before.items()
            if doc.blocks[lead].kind == "heading"
            or (doc.blocks[lead].kind == "paragraph" and doc.blocks[lead].text.rstrip().endswith(":"))}


def _only_list_words(text: str, spans: list[tuple[int, int]]) -> bool:
    """Outside `spans`, the text holds only list words ("and", "minor", "symptoms of" ...)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return all(w.lower() in LIST_WORDS for w in WORD.findall("".join(chars)))


@dataclass(frozen=True)
class Link:
    """A benefit tied to its target: "lowers ... blood sugar", "a remedy for colds"."""

    benefit: Mention
    target: Mention | None
    start: int
    end: int
    form: str = "verb"  # verb ("lowers blood sugar"), noun ("a remedy for colds"), class ("antiviral"),
    # outcome ("my sciatica is gone": the benefit word follows its target), answer ("Do you suffer
    # from arthritis? Our capsules can help.": the target is in the question before), offer (the
    # product itself offered for a condition: "we use injections with patients like MS"), pronoun
    # (the benefit's object is a pronoun for a condition named before: "kills them"), headline (a
    # condition, then a participle: "Joint pain relieved in days"), praise (the people with the
    # condition praise the product: "Cancer patients love our tea")


class HealthClaimKind(RuleKind):
    name = "health-claim"
    options = {
        "benefits": Option(v.string_list, "vocabularies of benefit verbs (treat, lower, boost ...)"),
        "subject_benefits": Option(v.string_list, 'of those, the words that claim only with what the page sells as their subject ("better sleep")'),
        "absolute_benefits": Option(v.string_list, 'benefits so absolute that any subject but care and research claims with them, unhedged ("coconut oil cures Alzheimer\'s")'),
        "endorsements": Option(v.string_list, 'of those, endorsements whose object is the people with the condition ("trusted by migraine sufferers")'),
        "praise": Option(v.string_list, 'vocabularies of verbs by which the people with the condition praise the product ("arthritis sufferers swear by our bracelets")'),
        "nouns": Option(v.string_list, "vocabularies of treatment nouns (remedy, cure, relief ...)"),
        "claim_nouns": Option(v.string_list, 'of those, the nouns a product subject claims with ("a remedy for")'),
        "claim_adjectives": Option(v.string_list, 'words that make any treatment noun a claim ("an effective treatment")'),
        "outcomes": Option(v.string_list, 'vocabularies of outcome words after a target ("my pain is gone")'),
        "frames": Option(v.string_list, 'vocabularies of relief frames before a target ("never suffer from", "no more")'),
        "targets": Option(v.string_list, "vocabularies of conditions (globs: condition_*)"),
        "target_shapes": Option(v.string_list, "pattern lists that also name conditions (condition_shapes)"),
        "claim_shapes": Option(v.string_list, 'pattern lists that are claims by themselves ("antiviral")'),
        "subjects": Option(v.string_list, "promoted product families (globs: product_*)"),
        "exclude_subjects": Option(v.string_list, "standard care and research as the subject"),
        "serious": Option(v.string_list, "conditions that raise the severity to serious_severity"),
        "serious_severity": Option(v.one_of("info", "warning", "error"), "the severity of a claim about a serious condition (default: error)"),
        "marketing": Option(v.string_list, "vocabularies of selling words"),
        "window": Option(v.number(1, 20), "most words between benefit and target (default: 8)"),
        "criterion": Option(v.string, "what makes it a claim, for the message"),
        "excused_by_citation": Option(v.boolean, "a citation in the paragraph makes it a research report (default: true)"),
        "offers": Option(v.boolean, 'a product offered for a condition is a claim ("CBD oil for anxiety")'),
        "continues": Option(v.boolean, "in a paragraph that makes a claim, a later sentence for the product that names a condition, or states a benefit, carries it on"),
    }
    required = frozenset({"subjects"})
    fields = frozenset({"match", "benefit", "condition", "criterion", "subject"})

    def __init__(self, spec: RuleSpec, settings: Settings) -> None:
        super().__init__(spec, settings)
        o = spec.options
        vocabs, patterns = settings.vocabularies, settings.patterns
        self.benefits = expand(o.get("benefits", []), vocabs, "benefits")
        self.subject_benefits = expand(o.get("subject_benefits", []), vocabs, "subject_benefits")
        self.endorsements = expand(o.get("endorsements", []), vocabs, "endorsements")
        self.absolutes = expand(o.get("absolute_benefits", []), vocabs, "absolute_benefits")
        self.praise = expand(o.get("praise", []), vocabs, "praise")
        self.nouns = expand(o.get("nouns", []), vocabs, "nouns")
        self.claim_nouns = expand(o.get("claim_nouns", []), vocabs, "claim_nouns")
        self.claim_adjectives = expand(o.get("claim_adjectives", []), vocabs, "claim_adjectives")
        self.outcomes = expand(o.get("outcomes", []), vocabs, "outcomes")
        self.frames = expand(o.get("frames", []), vocabs, "frames")
        self.targets = expand(o.get("targets", []), vocabs, "targets")
        self.serious = expand(o.get("serious", []), vocabs, "serious")
        self.speaker = Speaker.for_settings(settings, o["subjects"], o.get("exclude_subjects", []), o.get("marketing", []))
        self.shapes = self._pattern_lists("target_shapes", patterns)
        self.claim_shapes = self._pattern_lists("claim_shapes", patterns)
        if not self.claim_shapes and not (self.benefits and self.targets):
            raise ValueError("a health-claim rule needs 'benefits' and 'targets', or 'claim_shapes'")
        self.serious_severity = Severity(o.get("serious_severity", "error"))
        self.window = int(o.get("window", 8))
        self.criterion = o.get("criterion", "")
        self.excused_by_citation = o.get("excused_by_citation", True)
        self.offers = o.get("offers", False)
        self.continues = o.get("continues", False)

    def _pattern_lists(self, key: str, patterns: dict) -> tuple[str, ...]:
        names = tuple(self.spec.options.get(key, []))
        for name in names:
            if name not in patterns:
                raise ValueError(f"{key}: unknown pattern list {name!r} (known: {', '.join(sorted(patterns)) or 'none'})")
        return names

    def check(self, doc: Document, ctx: Analysis) -> Iterator[Finding]:
        claims, page = self.speaker.analyses(ctx)
        before_lists = blocks_before_lists(doc)
        leads = list_leads(doc, before_lists)
        claimed: dict[int, Mention] = {}  # block -> the condition its first reported claim names
        histories: dict[int, tuple[int, Mention]] = {}  # block -> (sentence, condition) a customer says they had
        quiet: list[SentenceClaims] = []
        unled: list[tuple[SentenceClaims, Link]] = []  # bare condition lists, claims when the page sells or claims
        made_claims = False
        for sc in claims.sentences:
            voice = page.sentences[sc.sentence.index]
            lead = leads.get(sc.sentence.block)
            lead_sc = claims.by_block[lead][-1] if lead is not None and claims.by_block.get(lead) else None
            links = list(self._claims(doc, sc, voice, page, lead_sc)) or list(self._listed(sc, lead_sc, page))
            if not links and lead is None:
                unled.extend(self._selling_list(doc, sc, claims, page, before_lists.get(sc.sentence.block)))
            told = self._history(sc, voice) if self.continues and not links else None
            if told is not None:
                histories.setdefault(sc.sentence.block, (sc.sentence.index, told))
                links = self._story_told(sc, voice, page, told)
            if not links:
                quiet.append(sc)
            elif links[0][0].target is not None:
                claimed.setdefault(sc.sentence.block, links[0][0].target)
            for link, subject in links + list(self._quoted_list(sc, links)):
                made_claims = True
                yield self._finding(doc, sc, link, subject, quoted_from(sc, link.benefit.start) is not None)
        if page.promotional or made_claims:
            for sc, link in unled:
                yield self._finding(doc, sc, link, "product", False)
        if self.continues:
            for sc in quiet:
                found = self._carried_on(sc, page, claimed, histories)
                if found is not None:
                    yield self._finding(doc, sc, *found, quoted_from(sc, found[0].start) is not None)

    def _carried_on(self, sc: SentenceClaims, page: PageVoice, claimed: dict[int, Mention],
                    histories: dict[int, tuple[int, Mention]]) -> tuple[Link, str] | None:
        """A quiet sentence that carries on its paragraph's claim (before the claim too: the
        paragraph as a whole makes it), or, on a selling page, a customer's story told after its
        first line ("I had suffered from psoriasis ... After a month on the drops my skin is clear")."""
        voice, block = page.sentences[sc.sentence.index], sc.sentence.block
        if block in claimed:
            return self._continuation(sc, voice, page, claimed[block])
        if page.promotional and block in histories and sc.sentence.index > histories[block][0] and voice.has("first_person"):
            return self._benefit_carried(sc, voice, page, histories[block][1], outcomes=True)
        return None  # (a charity's patient story sells nothing)

    def _story_told(self, sc: SentenceClaims, voice: SentenceVoice, page: PageVoice,
                    told: Mention) -> list[tuple[Link, str]]:
        """The outcome a customer tells after their condition in the same sentence ("I was
        diagnosed with Lyme disease and this protocol gave me my life back"): a claim when the
        page sells or the sentence names the product; a patient's own words alone are a story."""
        if voice.has(CASE_STORY):
            return self._case_outcome(sc, told)
        sells = page.promotional or sc.of(self.speaker.subjects) or voice.has(DEICTIC) or voice.has("named_product")
        found = self._benefit_carried(sc, voice, page, told, outcomes=True, after=told.end,
                                      allowed=PROMOTED | {"pronoun"} if sells else SOLD)
        return [found] if found is not None else []

    def _self_negating(self, word: Mention) -> bool:
        """An outcome that holds its own negation ("never came back", "has not returned"): like a
        relief frame, only a negation before it negates it."""
        return word.vocab in self.outcomes and cues.NEGATION.search(word.text) is not None

    def _case_outcome(self, sc: SentenceClaims, told: Mention) -> list[tuple[Link, str]]:
        """The outcome of a case story the seller tells ("Lisa came to us with endometriosis; after
        twelve sessions her pain has gone"): whoever the outcome's grammatical subject, the seller
        claims it. The first outcome or benefit word after the condition that is not negated."""
        earlier = _named_earlier(told, "sentence")
        words = sorted((m for m in sc.of(self.outcomes) + sc.of(self.benefits) if m.start >= told.end), key=lambda m: m.start)
        for word in words:
            if effect_status(sc, word, self.speaker.subjects, frame=self._self_negating(word)) not in ("negated", "intent"):
                return [(Link(word, earlier, word.start, word.end, "continuation"), "first")]
        return []

    def _quoted_list(self, sc: SentenceClaims, links: list[tuple[Link, str]]) -> Iterator[tuple[Link, str]]:
        """A report that lists what the seller said ("the ads claimed the supplement cured colds,
        was a “miracle cold buster” and “keeps colds away”"): once one claim of the sentence is
        reported, each other quote that names a condition or a benefit is one of its claims."""
        if not links or not sc.reported:
            return
        subject = links[0][1]
        for start, end in sc.quotes:
            if any(start <= link.start < end or start < link.end <= end for link, _ in links):
                continue
            named = sorted((m for m in sc.mentions if start <= m.start and m.end <= end
                            and (m.vocab in self.targets or m.vocab in self.benefits)), key=lambda m: m.start)
            if not named or effect_status(sc, named[0], self.speaker.subjects) == "negated":
                continue
            first = named[0]
            target = first if first.vocab in self.targets else None
            words = sc.sentence.text[start:end].strip()
            said = Mention(first.vocab, words if len(words) <= 60 else words[:57] + "...", first.start, first.end)
            yield Link(said, target, start, end, "quoted"), subject

    def _continuation(self, sc: SentenceClaims, voice: SentenceVoice, page: PageVoice,
                      claimed: Mention) -> tuple[Link, str] | None:
        """In a paragraph that makes a claim, a later sentence that speaks for what the page sells
        carries the claim on: it names a condition beside the product ("Our stem cells reverse MS.
        We also see many patients with Parkinson's."), or states a benefit with no condition of its
        own ("... It restores mobility in weeks."). One finding, at the first such words."""
        text = sc.sentence.text
        if sc.of(self.speaker.exclude):
            return None  # "researchers reported ... patients with MS": research or care speaks
        for target in self._conditions(sc, voice):
            if any(text[target.end:p.start].strip() == "" and p.start > target.end for p in sc.of(self.speaker.subjects)):
                continue  # "advances in MS stem cell therapy": the condition names the product's field
            implied = Mention(target.vocab, "help with", target.start, target.end)
            found = self._carried(sc, voice, page, Link(implied, target, target.start, target.end, "continuation"),
                                  ("negated", "intent"))
            if found is not None:
                return found
        return self._benefit_carried(sc, voice, page, claimed) or self._treatments_listed(sc, voice, claimed)

    def _treatments_listed(self, sc: SentenceClaims, voice: SentenceVoice, claimed: Mention) -> tuple[Link, str] | None:
        """After a claim in its paragraph, a sentence that lists what is sold as treatments ("Our
        clinic has treatments to treat COVID-19 ... Available treatments include IV vitamin C and
        stem cell therapy"): the list carries the claim for the condition named before."""
        products = sc.of(self.speaker.subjects)
        nouns = [m for m in sc.mentions if m.vocab in self.nouns and m.vocab not in self.claim_nouns]
        if not products or not nouns:
            return None
        text = sc.sentence.text
        listed = [m for m in nouns if LISTS_AFTER.match(text, m.end)]
        if not listed:
            return None  # "advancements in MS stem cell therapy come from ...": a topic, not a list of what is sold
        noun = listed[0]
        if effect_status(sc, noun, self.speaker.subjects) in ("negated", "intent") or self.speaker.honest(sc, voice, noun.start):
            return None
        earlier = _named_earlier(claimed, "paragraph")
        return Link(Mention(noun.vocab, "treat", noun.start, noun.end), earlier, noun.start, noun.end, "continuation"), "product"

    def _benefit_carried(self, sc: SentenceClaims, voice: SentenceVoice, page: PageVoice, claimed: Mention,
                         outcomes: bool = False, after: int = -1,
                         allowed: frozenset[str] = PROMOTED | {"pronoun"}) -> tuple[Link, str] | None:
        """The first benefit word after `after` (with `outcomes`, or outcome word: "my skin is
        clear") of a sentence without a condition of its own, claimed for the condition named
        earlier, when its subject is one of `allowed`."""
        if sc.of(self.speaker.exclude):
            return None
        earlier = _named_earlier(claimed, "sentence" if after >= 0 else "paragraph")
        told = sc.of(self.outcomes) if outcomes else []
        for verb in sorted(self._treating(sc, voice) + told, key=lambda m: m.start):
            if verb.start < after:
                continue
            found = self._carried(sc, voice, page, Link(verb, earlier, verb.start, verb.end, "continuation"),
                                  ("negated", "intent", "purpose", "hedged", "correlational"), allowed)
            if found is not None:
                return found
        return None

    def _history(self, sc: SentenceClaims, voice: SentenceVoice) -> Mention | None:
        """The condition a customer says they had ("I had suffered from psoriasis for twenty
        years", "My son was diagnosed with autism"): a testimonial's first line, whose outcome a
        later sentence of the paragraph tells."""
        if not voice.has("first_person"):
            return None
        ends = [e for _, e in voice.get("history_frames") + voice.get(CASE_STORY)]
        return next((t for t in sorted(sc.of(self.targets), key=lambda m: m.start)
                     if any(e <= t.start and self._near(sc.sentence.text, e, t.start, 3) for e in ends)), None)

    def _carried(self, sc: SentenceClaims, voice: SentenceVoice, page: PageVoice, link: Link,
                 refused: tuple[str, ...], allowed: frozenset[str] = PROMOTED | {"pronoun"}) -> tuple[Link, str] | None:
        """The link with its subject when the sentence speaks for what the page sells."""
        if effect_status(sc, link.benefit, self.speaker.subjects, frame=self._self_negating(link.benefit)) in refused:
            return None
        verdict = self.speaker.verdict(sc, voice, page, link.benefit.start, aims_ask=False)
        if verdict is None or verdict[0] not in allowed or self._excused(sc, verdict[0]):
            return None
        return link, verdict[0]

    # -- one sentence ---------------------------------------------------------------------------
    def _claims(self, doc: Document, sc: SentenceClaims, voice: SentenceVoice, page: PageVoice,
                lead: SentenceClaims | None = None) -> Iterator[tuple[Link, str]]:
        """Each distinct claim of the sentence with its subject (links that overlap a reported
        one are the same claim). `lead`: the last sentence of the heading or paragraph that
        introduces the list the sentence is an item of."""
        reported_end = -1
        block = doc.blocks[sc.sentence.block]
        labelled = block.kind != "heading" and block.region != "metadata"  # a title names a topic
        heading = block.kind == "heading" and block.region != "metadata"
        for link in sorted(self._links(sc, voice), key=lambda k: (k.start, -k.end)):
            if link.start < reported_end:
                continue
            if not self._reportable(sc, voice, page, link, labelled, heading):
                continue
            subject = "product" if link.form == "praise" else self.speaker.subject(sc, voice, link.benefit.start)
            if subject == "none" and lead is not None:
                subject = self._item_subject(lead, page)
                if subject is None:
                    continue  # "Benefits of regular exercise: - Lower blood pressure": the lead's subject
            if not self._excused(sc, subject):
                reported_end = link.end
                yield link, subject

    def _item_subject(self, lead: SentenceClaims, page: PageVoice) -> str | None:
        """Whom a subjectless list item speaks for: the subject its lead names ("Benefits of our
        capsules:" the product; "Benefits of regular exercise:", on a page that sells nothing, no
        one; approved care or research, no one); a lead with no subject of its own leaves the item
        a subjectless bullet ("Key benefits:")."""
        voice = page.sentences[lead.sentence.index]
        words = list(WORD.finditer(lead.sentence.text))
        if not words:
            return "none"
        # the lead's own subject, near its start ("They have properties ... for ALS treatment:")
        subject = self.speaker.subject(lead, voice, words[min(len(words), LEAD_SUBJECT_WORDS) - 1].end())
        if subject in ("standard", "research") or (subject == "generic" and not page.promotional
                                                   and not voice.has("first_person")):
            return None
        return subject if subject in PROMOTED else "none"

    def _listed(self, sc: SentenceClaims, said: SentenceClaims | None, page: PageVoice) -> Iterator[tuple[Link, str]]:
        """A list item that is a condition, under a lead that offers treatment for what the list
        holds: "Conditions we treat:", "Acupuncture can help with:", "Relief from:" (a clinic's
        list of what it treats is one claim per condition). The lead speaks for the seller or
        its product; approved care ("Physiotherapy can help with:") is not a claim."""
        if not self.offers or said is None or sc.sentence.start != 0:
            return
        target = self._item_condition(sc, page.sentences[sc.sentence.index])
        if target is None:
            return
        said_voice = page.sentences[said.sentence.index]
        benefit = self._lead_benefit(said, said_voice)
        status = effect_status(said, benefit, self.speaker.subjects) if benefit is not None else "negated"
        if status in ("negated", "intent", "purpose"):
            return
        verdict = self.speaker.verdict(said, said_voice, page, benefit.start, aims_ask=False)
        label = self._label_lead(said, benefit)
        if verdict is None and label and self._bare(said, said_voice, benefit.start):
            verdict = ("none", False)  # "Natural relief from:": a label, its adjective no subject
        if verdict is None or verdict[0] not in PROMOTED | {"none"} or self._excused(said, verdict[0]):
            return
        subject, marketing = verdict
        if status == "hedged" and not (marketing or subject in ("first", "named")
                                       or (target.vocab in self.serious and subject in PROMOTED)):
            return  # as in a sentence: "may help" sells when the seller says it, or for a serious disease
        if subject == "none" and not label:
            return  # "Get help for:" (help as a noun, advice to the reader)
        offered = Mention(benefit.vocab, f"{benefit.text} (the list under \u201c{said.sentence.text.strip(' :')}\u201d)", benefit.start, benefit.end)
        yield Link(offered, target, target.start, target.end, "list"), subject

    def _selling_list(self, doc: Document, sc: SentenceClaims, claims, page: PageVoice,
                      before: int | None) -> Iterator[tuple[SentenceClaims, Link]]:
        """A list of bare condition names with no lead ("- Parkinson's disease", "- COPD and
        emphysema"): on a page that sells or claims elsewhere (the caller decides), what it lists
        is what it offers to treat. Two items of the list must each be a condition and nothing else;
        `before`: the block right before the list."""
        block = doc.blocks[sc.sentence.block]
        if not self.offers or sc.sentence.start != 0 or block.kind != "list_item":
            return
        target = self._item_condition(sc, page.sentences[sc.sentence.index])
        if target is None or not any(self._bare_condition_item(doc, claims, page, i)
                                     for i in (sc.sentence.block - 1, sc.sentence.block + 1)):
            return
        said = claims.by_block.get(before) if before is not None else None
        if said and page.sentences[said[-1].sentence.index].has(NOT_OFFERED_LEAD):
            return  # "Do not use the patches if you have", "Warning signs include": not what it treats
        offered = Mention("listed", "treat (listed bare on a selling page)", target.start, target.start)
        yield sc, Link(offered, target, target.start, target.end, "list")

    def _bare_condition_item(self, doc: Document, claims, page: PageVoice, index: int) -> bool:
        if not 0 <= index < len(doc.blocks) or doc.blocks[index].kind != "list_item" or not claims.by_block.get(index):
            return False
        first = claims.by_block[index][0]
        return self._item_condition(first, page.sentences[first.sentence.index]) is not None

    def _label_lead(self, sc: SentenceClaims, benefit: Mention) -> bool:
        """A subjectless lead opens with its benefit, after lead words or claim adjectives only:
        "Helps with:", "Natural relief from:", "Can help ease:"."""
        text = sc.sentence.text
        adjectives = [(m.start, m.end) for m in sc.mentions if m.vocab in self.claim_adjectives]
        return all(w.group().lower() in LEAD_WORDS or any(s <= w.start() and w.end() <= e for s, e in adjectives)
                   for w in WORD.finditer(text, 0, benefit.start))

    def _item_condition(self, sc: SentenceClaims, voice: SentenceVoice) -> Mention | None:
        """The condition a list item names, when the item is the condition: "Migraines",
        "Chronic back pain", "High blood pressure" (at most two words before it, and a short item)."""
        text = sc.sentence.text
        if len(WORD.findall(text)) > ITEM_WORDS:
            return None
        targets = self._conditions(sc, voice)
        before = [w.lower() for w in WORD.findall(text, 0, targets[0].start)] if targets else []
        if not targets or len(before) > 2 or any(w.endswith("ing") or w in ITEM_LINKS for w in before):
            return None  # "Living with MS", "Support for people with asthma": not the condition itself
        return targets[0]

    def _lead_benefit(self, sc: SentenceClaims, voice: SentenceVoice) -> Mention | None:
        """The benefit word or claim noun that ends the lead ("... we treat", "can help with:",
        "relief from:"), at most LEAD_TAIL words before its end."""
        text = sc.sentence.text
        words = self._treating(sc, voice) + [n for n in sc.of(self.nouns) if n.vocab in self.claim_nouns]
        last = max(words, key=lambda m: m.end, default=None)
        if last is None or len(WORD.findall(text, last.end)) > LEAD_TAIL or self._breaks(text[last.end:].rstrip(" :\u2013\u2014-")):
            return None
        return last

    def _absolute(self, sc: SentenceClaims, voice: SentenceVoice, link: Link) -> bool:
        """An unhedged absolute benefit ("cures", "dissolves") of a serious disease whose subject is
        a thing, not approved care or research ("Coconut oil cures Alzheimer's disease"), in a
        sentence that neither warns, asks nor reports research ("In mice, ..."): a claim whoever makes it."""
        if (not self._serious(sc, link) or sc.question or link.target is None or link.target.start < link.benefit.end
                or not any(m.vocab in self.absolutes and m.start <= link.benefit.start < m.end for m in sc.mentions)):
            return False  # (the disease is its object: "Hodgkin lymphoma can be cured" speaks of care)
        pos = link.benefit.start
        if PASSIVE_BEFORE.search(sc.sentence.text, max(0, pos - 40), pos) or IN_THE_LAB.search(sc.sentence.text):
            return False  # "are cured by ...", "reversed ... in mice": care or research
        return (self.speaker.subject(sc, voice, pos) == "generic" and not voice.has("research_frames")
                and not self.speaker.honest(sc, voice, pos, subjects=False))  # (the subject is known: generic)

    def _owned(self, sc: SentenceClaims, voice: SentenceVoice, start: int, pos: int) -> bool:
        """The clause before `pos` names the seller's own product: "our drops", a named product or
        "this blend" (not a product family alone: "CBD is used to treat a rare epilepsy")."""
        return bool(voice.before("first_person", pos, start) or voice.before("named_product", pos, start)
                    or voice.before(DEICTIC, pos, start))

    def _purpose_sells(self, sc: SentenceClaims, voice: SentenceVoice, link: Link, subject: str) -> bool:
        """A purpose infinitive that states what the product is for: the product is the clause's
        subject ("The infrared lamp penetrates deep into tissue to heal injuries"), or an
        imperative tells the reader to use a product for it ("Wear the band daily to relieve
        anxiety"). Aims words ("aims to", "seeks to") keep their meaning: research states aims."""
        text = sc.sentence.text
        start = cues.clause_start(text, link.benefit.start, commas=False)
        if any(start <= s and e <= link.benefit.start and COURSE_NEEDED.match(text, e) for s, e in voice.get(DEICTIC)):
            return True  # "6 to 12 treatments are required to completely solve your acne": the seller's course, promised
        if AIMS.search(text, start, link.benefit.start):
            return False
        owned = self._owned(sc, voice, start, link.benefit.start)
        if USED_BEFORE.search(text, start, link.benefit.start) and not owned:
            return False  # "herbal remedies have been used for centuries to treat ...": a history of use
        if owned:
            return True  # the intended use of the seller's own product: "our balm is formulated to relieve eczema"
        if sc.reported and sc.quote_at(link.benefit.start) is not None:
            return True  # the ad stated "fuel for your immune system to fight the virus": the seller's purpose
        products = [m for m in sc.of(self.speaker.subjects) if m.start < link.benefit.start]
        if self.speaker.opens_with_headline_verb(sc, start):
            return True  # a product's bullet: "Builds immunity to fight off colds"
        if self.speaker.opens_with_imperative(sc, start):
            return (bool(products) or self.speaker.dosed(sc, start, link.benefit.start)  # "Drink 1 tablespoon daily to prevent ..."
                    or USED_IT.match(text, start) is not None)  # "Shine it on your neck to heal ...": the thing used is the product
        return subject == "product" and any(len(WORD.findall(text, start, m.start)) <= 1 for m in products)

    def _promised_outcome(self, sc: SentenceClaims, voice: SentenceVoice, subject: str, link: Link) -> bool:
        """A named product, the seller's product, or an imperative to use it, promises the outcome:
        "after using HempHeal 3000 my pain was gone", "With our drink, insomnia is a thing of the past", "Book a course of hyperbaric oxygen sessions and
        watch your child's symptoms improve"."""
        if subject == "none":  # a selling headline: "Herpes gone forever!", "Pink eye gone in 24 hours with our drops"
            return self.speaker.marketing_voice(sc, voice, subject) or voice.has("first_person")
        if subject == "named" or self._course_promised(voice, link):
            return True  # "after using HempHeal 3000 ...", "One adjustment and the pain is gone"
        return subject == "product" and (voice.has("first_person") or self.speaker.opens_with_imperative(sc, 0))

    def _headline_subject(self, sc: SentenceClaims, link: Link, subject: str) -> str:
        """A sentence that opens with the condition and tells its outcome has no subject of its
        own: a selling headline ("Arthritis pain gone in 15 minutes, guaranteed")."""
        if subject != "generic" or link.target is None or link.target.end > link.benefit.start:
            return subject
        first = WORD.search(sc.sentence.text)
        opens = first is not None and any(m.start == first.start() and m.end <= link.benefit.start for m in sc.of(self.targets))
        return "none" if opens and len(WORD.findall(sc.sentence.text, 0, link.benefit.start)) <= HEADLINE_WORDS else subject

    @staticmethod
    def _course_promised(voice: SentenceVoice, link: Link) -> bool:
        """The outcome follows a counted course of the product: "Five drops under the tongue and
        your anxiety switches off"."""
        return any(e <= link.start for _, e in voice.get(COURSE_PROMISE))

    def _excused(self, sc: SentenceClaims, subject: str) -> bool:
        """A citation in the paragraph makes a claim about a product family a research report; it
        does not excuse what the seller or a named product claims (a footnote is not a licence)."""
        return self.excused_by_citation and sc.cited and subject not in ("first", "named")

    def _reportable(self, sc: SentenceClaims, voice: SentenceVoice, page: PageVoice, link: Link,
                    labelled: bool = False, heading: bool = False) -> bool:
        """`labelled`: the sentence may be a product's label ("Arnica 30C for bruising"), not a title;
        `heading`: it is a heading in the body (on a selling page, a label too: "## CBD balm for eczema")."""
        label_ok = labelled or (heading and page.promotional)
        if link.form == "label":  # "The Myers' Cocktail - for migraines": what a selling page offers
            # (on any page, and as a heading, when the label names the product: "NeuroSharp - for memory loss")
            sells = (page.promotional and labelled) or self.speaker.subject(sc, voice, sc.body_start) in ("named", "first")
            return (sells and not sc.question and not voice.has("warning_voice")
                    and not any(m.start < link.benefit.end for m in sc.of(self.speaker.exclude)))
        if link.target is not None and COSMETIC_BETWEEN.search(sc.sentence.text, link.benefit.end, max(link.benefit.end, link.target.start)):
            return False  # "helps reduce the appearance of fine lines": a cosmetic claim about how skin looks
        status = effect_status(sc, link.benefit, self.speaker.subjects, frame=link.form == "frame" or self._self_negating(link.benefit),
                               since=self.speaker.run_on_bullet(sc, link.benefit.start + 1))
        if status in ("negated", "intent"):
            return False
        at = link.start if link.form in ("outcome", "headline") else link.benefit.start  # the subject precedes the target
        if link.form == "praise":
            return status not in ("hedged", "purpose") and self.speaker.verdict(sc, voice, page, at, aims_ask=False) is not None
        verdict = self.speaker.verdict(sc, voice, page, at, aims_ask=False)
        if verdict is None and status == "direct" and self._absolute(sc, voice, link):
            verdict = ("generic", True)
        if (verdict is None and link.form == "outcome" and self._course_promised(voice, link)
                and self.speaker.subject(sc, voice, at) in ("generic", "none", "pronoun")):
            verdict = ("product", True)
        title = self._title_label(sc, labelled) and (verdict is not None and verdict[0] == "none" or self._bare(sc, voice, at))
        if title:
            verdict = ("none", verdict[1] if verdict else False)  # "Deeper Sleep & Less Stress": every part is the label's
        if verdict is None:
            return False
        subject, marketing = verdict
        if link.benefit.vocab in self.subject_benefits and subject not in PROMOTED and not title:
            return False  # "Better sleep starts with a regular bedtime": a noun phrase, not a product's promise
        if status == "purpose" and subject != "named" and not self._purpose_sells(sc, voice, link, subject):
            return False  # "stem cell therapy aims to repair"; but "our therapy seeks to cure allergies" sells
        quoted = quoted_from(sc, link.benefit.start) is not None
        if link.form == "frame" and subject == "generic":
            return False  # "there is no more risk of infection once ...": a frame needs what the page sells
        if link.form == "outcome" and subject != "first" and not self._promised_outcome(sc, voice, self._headline_subject(sc, link, subject), link):
            return False  # an outcome story is a claim when the seller or a customer tells it
        strong = subject == "product" and (link.benefit.vocab in self.claim_nouns or self._praised(sc, link.benefit)
                                           or self._named_for(sc, link))
        if link.form in ("noun", "offer"):
            sold = (marketing or quoted or subject in ("first", "named") or title
                    or (strong if link.form == "noun" else voice.has("first_person"))
                    or (subject == "product" and voice.has("first_person")  # "our clinic offers stem cell treatment for COPD"
                        and FOR_AFTER.match(sc.sentence.text, link.benefit.end) is not None)
                    or (subject == "product" and label_ok and self._labels(sc, link)))
            if status == "hedged" or not sold:
                return False  # "therapy for MS", "CBD for epilepsy: what the evidence says" name a topic
        if status == "hedged" and not (marketing or subject in ("first", "named")
                                       or (self._serious(sc, link) and subject in PROMOTED)):
            # "may help" still sells when the seller or its product says it ("our drops may ease
            # colds"), or promises a serious-disease cure ("Chaga may fight cancer"); "acupuncture
            # might ease the pain of osteoarthritis a little" describes the evidence.
            return False
        return True

    def _links(self, sc: SentenceClaims, voice: SentenceVoice) -> Iterator[Link]:
        """Benefit -> target pairs in reading order: a verb then its target within `window` words
        of the same clause ("lowers your blood sugar"), or a treatment noun and its target
        ("a remedy for colds", "rosacea treatment")."""
        text = sc.sentence.text
        for name in self.claim_shapes:
            for s, e in voice.get(name):
                yield Link(Mention(name, text[s:e], s, e), None, s, e, "class")
        targets = self._conditions(sc, voice)
        yield from self._pronoun_objects(sc, voice, targets)
        yield from self._conditional(sc, voice, targets)
        if not targets:
            yield from self._answers(sc, voice)
            return
        starts = [t.start for t in targets]
        yield from self._label_offer(sc, text, targets, starts)
        yield from self._praised_by_sufferers(sc, text, targets, starts)
        yield from self._with_offers(sc, voice, text, targets, starts, list(self._verb_links(sc, voice, text, targets, starts)))

    def _verb_links(self, sc: SentenceClaims, voice: SentenceVoice, text: str, targets: list[Mention],
                    starts: list[int]) -> Iterator[Link]:
        excluded = sc.of(self.speaker.exclude)
        support = voice.get("support_frames")
        harms = voice.get("harm_frames") + voice.get("history_frames")
        opening = WORD.search(text)
        verbs = sorted(sc.of(self.benefits), key=lambda m: m.start)
        for k, verb in enumerate(verbs):
            if (opening is not None and verb.start == opening.start() and not verb.text.lower().endswith("s")
                    and ADJECTIVE_IN_SUBJECT.match(text, verb.end)):
                continue  # "Lower vitamin D levels are associated with ...": an adjective of the subject
            if any(s <= verb.start < e for s, e in harms):
                continue  # "increases the risk of breast cancer": a harm; "I was diagnosed with": a history
            if cues.used_as_noun(text, verb.end, verb.start):
                continue  # "End of life care", "detox teas": the word is a noun here
            if self._not_a_benefit(text, verb):
                continue  # "stop using the device if ...", "cleared by the FDA for hair loss"
            j = bisect.bisect_left(starts, verb.start) - 1  # the nearest condition before the verb
            if j >= 0 and self._headline_passive(text, targets[j], verb):
                yield Link(verb, targets[j], targets[j].start, verb.end, "headline")
                continue
            if self._condition_acts(text, targets, starts, verb) and not (
                    k > 0 and verbs[k - 1].end <= targets[j].start and text[targets[j].end:verb.start].strip() == ","):
                continue  # (but a list of claims: "treat cancer, treat hypertension")
            if any(x.start <= verb.start and verb.end <= x.end for x in excluded):
                continue  # "Stopping smoking reduces ...": the verb is part of standard care's name
            if any(s <= verb.start < e for s, e in support):
                continue  # "our nurses help you manage your diabetes": support, not a treatment claim
            i = bisect.bisect_left(starts, verb.end)
            if i < len(targets) and verb.vocab not in self.endorsements and self._population(text, verb, targets[i]):
                continue  # "levels were decreased in acne patients": the condition names who was measured
            if i < len(targets) and any(verb.end < v.start < targets[i].start and COORDINATED.search(text, verb.end, v.start)
                                        for v in verbs[k + 1:]):
                continue  # "boosts immunity and relieves asthma": the nearer verb's target
            if i < len(targets) and any(verb.end < v.start and v.end <= targets[i].start and cues.NEGATION.search(text, verb.end, v.start)
                                        for v in verbs[k + 1:]):
                continue  # "Detox foot pads do not remove toxins": the negated verb after it takes the target
            if i < len(targets) and text[verb.end:targets[i].start].strip() in (",", "/", "&"):
                continue  # "flushing, nausea and chest tightness": a list of symptoms, not a verb and its object
            window = 2 if verb.vocab in self.subject_benefits else None  # "less joint pain", not "less so with risk of"
            if i < len(targets) and not SUBSTITUTES.match(verb.text) and self._names_medicine(sc, targets[i]):
                continue  # "stop diabetes medicine", "stop weight-loss injections": the condition names a medicine
                # (but "Replaces your diabetes medicine" offers the product for the condition in its place)
            if i < len(targets) and (self._near(text, verb.end, targets[i].start, window)
                                     or LIST_AFTER.fullmatch(text, verb.end, targets[i].start) is not None):
                yield Link(verb, targets[i], verb.start, targets[i].end)
                continue
            if (j >= 0 and targets[j].end <= verb.start and PASSIVE.fullmatch(text, targets[j].end, verb.start)
                    and not CARE_PRACTICE.match(text, targets[j].end)):
                yield Link(verb, targets[j], targets[j].start, verb.end, "passive")
        for noun in sorted(sc.of(self.nouns), key=lambda m: m.start):
            if any(x.start <= noun.start and noun.end <= x.end for x in excluded):
                continue  # "medicine for diabetes", "cancer treatments": approved care
            after = NOUN_LINK.match(text, noun.end)
            if after and not self._breaks(text[noun.end:after.end()]):
                i = bisect.bisect_left(starts, after.end())
                if i < len(targets) and self._near(text, after.end(), targets[i].start, 4):
                    yield Link(noun, targets[i], noun.start, targets[i].end, "noun")
                    continue
            i = bisect.bisect_left(starts, noun.start) - 1
            if i >= 0 and targets[i].end <= noun.start and self._near(text, targets[i].end, noun.start, 1):
                yield Link(noun, targets[i], targets[i].start, noun.end, "noun")
        for frame in sorted(sc.of(self.frames), key=lambda m: m.start):
            i = bisect.bisect_left(starts, frame.end)
            if i < len(targets) and self._near(text, frame.end, targets[i].start, 3):
                freed = Mention(frame.vocab, "free you from", frame.start, frame.end)  # for the message
                yield Link(freed, targets[i], frame.start, targets[i].end, "frame")
        for outcome in sorted(sc.of(self.outcomes), key=lambda m: m.start):
            i = bisect.bisect_left(starts, outcome.start) - 1
            if i >= 0 and targets[i].end <= outcome.start and self._near(text, targets[i].end, outcome.start, 3):
                yield Link(outcome, targets[i], targets[i].start, outcome.end, "outcome")

    def _with_offers(self, sc: SentenceClaims, voice: SentenceVoice, text: str, targets: list[Mention],
                     starts: list[int], links: list[Link]) -> Iterator[Link]:
        """The links, then the offers that no other link already covers (a verb or noun says more
        than the product's name beside a condition)."""
        yield from links
        if self.offers:
            yield from (o for o in self._offers(sc, voice, text, targets, starts)
                        if not any(o.start < k.end and k.start < o.end for k in links))

    def _offers(self, sc: SentenceClaims, voice: SentenceVoice, text: str, targets: list[Mention],
                starts: list[int]) -> Iterator[Link]:
        """A product mention, or the seller's verb of offering ("we use ... with patients like
        MS"), followed by the condition it is offered for; approved care offered is not a claim
        ("we offer physiotherapy for people with MS")."""
        products = sorted(sc.of(self.speaker.subjects), key=lambda m: m.start)
        sellers = [Mention(SELLER_OFFERS, text[s:e], s, e) for s, e in voice.get(SELLER_OFFERS)]
        excluded = sc.of(self.speaker.exclude)
        for product in sorted(products + sellers, key=lambda m: m.start):
            after = OFFER_LINK.match(text, product.end)
            if after is None or self._breaks(text[product.end:after.end()]):
                continue
            if any(product.end <= p.start < after.end() for p in products):
                continue  # the nearer product is the one offered: "our clinic offers stem cells for ..."
            if product.vocab == SELLER_OFFERS and any(product.end <= x.start < after.end() for x in excluded):
                continue  # "we offer physiotherapy for people with MS": approved care
            i = bisect.bisect_left(starts, after.end())
            if i < len(targets) and self._near(text, after.end(), targets[i].start, 3):
                said = f"{product.text} for" if product.vocab == SELLER_OFFERS else f"offer {product.text} for"
                offered = Mention(product.vocab, said, product.start, product.end)  # "we use ... for", "offer CBD oil for"
                yield Link(offered, targets[i], product.start, targets[i].end, "offer")

    def _labels(self, sc: SentenceClaims, link: Link) -> bool:
        """The offer is the whole sentence, a product's label or heading: "Arnica 30C for
        bruising and swelling" (no verb around it that could make it a topic or a report)."""
        text = sc.sentence.text
        if link.target is None or not LABEL_LINK.fullmatch(text, link.benefit.end, link.target.start):
            return False
        spans = [(link.start, link.end)] + [(m.start, m.end) for m in sc.of(self.targets) + sc.of(self.speaker.subjects)]
        return _only_list_words(text, spans)

    def _bare(self, sc: SentenceClaims, voice: SentenceVoice, pos: int) -> bool:
        """Nothing but the label's own words speak at `pos`: no warning, question or subject."""
        return (not sc.question and not voice.has("warning_voice")
                and self.speaker.subject(sc, voice, pos) == "generic")

    def _title_label(self, sc: SentenceClaims, labelled: bool) -> bool:
        """A product's benefit label in Title Case, nothing but benefits and conditions: "Less
        Anxiety", "Deeper Sleep & Less Stress", "Joint Relief" (a bullet or caption, not a heading)."""
        text = sc.sentence.text
        words = WORD.findall(text)
        if not labelled or not 2 <= len(words) <= 8 or not all(w[0].isupper() or not w[0].isalpha() for w in words):
            return False
        return _only_list_words(text, [(m.start, m.end) for m in sc.of(self.targets) + sc.of(self.benefits) + sc.of(self.nouns)])

    def _named_for(self, sc: SentenceClaims, link: Link) -> bool:
        """The product is named for the condition ("the PCOS supplement", "arthritis tea"): the
        condition right before a product word (21 CFR 101.93(g)(2)(iv), the product's name)."""
        if link.form != "noun" or link.target is None or link.target.end > link.benefit.start:
            return False
        return any(m.start <= link.benefit.start and link.benefit.end <= m.end for m in sc.of(self.speaker.subjects))

    def _praised(self, sc: SentenceClaims, noun: Mention) -> bool:
        """An evaluative word right before the noun: "an effective treatment", "the best remedy"."""
        return any(m.vocab in self.claim_adjectives and noun.start - 2 <= m.end <= noun.start for m in sc.mentions)

    @staticmethod
    def _condition_acts(text: str, targets: list[Mention], starts: list[int], verb: Mention) -> bool:
        """The condition is the verb's subject: "an autoimmune disease that attacks the nervous
        system", "ALS damages motor neurons"."""
        i = bisect.bisect_left(starts, verb.start) - 1
        return i >= 0 and targets[i].end <= verb.start and DISEASE_ACTS.fullmatch(text, targets[i].end, verb.start) is not None

    def _label_offer(self, sc: SentenceClaims, text: str, targets: list[Mention], starts: list[int]) -> Iterator[Link]:
        """A product's name as a label, then what it is for: "The Myers' Cocktail - for
        migraines, fatigue and fibromyalgia", "Calm Drops: ideal for anxiety" (a menu of drips,
        remedies or sessions). Reported on a selling page (`_reportable`)."""
        if not self.offers or sc.body_start == 0:
            return
        lead = LABEL_FOR.match(text, sc.body_start)
        if lead is None:
            return
        i = bisect.bisect_left(starts, lead.end())
        if i < len(targets) and self._near(text, lead.end(), targets[i].start, 3):
            name = text[:sc.body_start].strip(" -:\u2013\u2014")
            yield Link(Mention("label", f"offer {name} for", 0, len(name)), targets[i], 0, targets[i].end, "label")

    def _praised_by_sufferers(self, sc: SentenceClaims, text: str, targets: list[Mention], starts: list[int]) -> Iterator[Link]:
        """The people with the condition praise the product named right after the verb: "Cancer
        patients love our tea", "Arthritis sufferers swear by these bracelets"."""
        products = sorted(sc.of(self.speaker.subjects), key=lambda m: m.start)
        for verb in sc.of(self.praise):
            i = bisect.bisect_left(starts, verb.start) - 1
            if i < 0:
                continue
            group = POPULATION_AFTER.match(text, targets[i].end)
            people_end = group.end() if group else targets[i].end
            if group is None and not PEOPLE_WITH.search(text, max(0, targets[i].start - 60), targets[i].start):
                continue  # "cancer patients love ...", "people with arthritis swear by ..."
            if text[people_end:verb.start].strip():
                continue
            product = next((m for m in products if m.start >= verb.end and self._near(text, verb.end, m.start, 3)), None)
            if product is not None:
                yield Link(verb, targets[i], targets[i].start, product.end, "praise")

    @staticmethod
    def _population(text: str, verb: Mention, target: Mention) -> bool:
        """The first condition after the verb only names a group of people ("... in acne patients",
        "among people with asthma"), not what the verb acts on."""
        group = POPULATION_BEFORE.match(text, verb.end)
        return group is not None and group.end() >= target.start and POPULATION_AFTER.match(text, target.end) is not None

    @staticmethod
    def _headline_passive(text: str, target: Mention, verb: Mention) -> bool:
        """A headline that opens with the condition and a participle, no verb to be: "Joint pain
        relieved in days", "Eczema gone for good"."""
        if target.end > verb.start or WORD.search(text, 0, target.start) or not verb.text.lower().endswith(("ed", "en")):
            return False
        after = WORD.search(text, verb.end)
        if after is not None and after.group().lower() in OBJECT_LEADS:
            return False  # "Arthritis reduced my mobility": the condition acts
        return HEADLINE_PASSIVE.fullmatch(text, target.end, verb.start) is not None

    def _pronoun_objects(self, sc: SentenceClaims, voice: SentenceVoice, targets: list[Mention]) -> Iterator[Link]:
        """A benefit whose object is a pronoun for a condition named before it, in the sentence
        or the one before on the page: "Ozone oxygenates cancer cells and kills them", "Arthritis
        affects millions. Our capsules relieve it in days." """
        text = sc.sentence.text
        for verb in self._treating(sc, voice):
            if not PRONOUN_OBJECT.match(text, verb.end) or any(t.start >= verb.end for t in targets):
                continue
            before = [t for t in targets if t.end <= verb.start]
            if any(m.start >= (before[-1].end if before else 0) and m.end <= verb.start
                   and not VERB_OWN_SUBJECT.fullmatch(text, m.end, verb.start) for m in sc.of(self.speaker.subjects)):
                continue  # "harvesting the patient's own stem cells, treating them": the nearer noun
                # (but the verb's own subject is not its object: "Diabetes is caused by a parasite, and our cleanse kills it")
            if before:
                yield Link(verb, before[-1], before[-1].start, verb.end, "pronoun")  # one claim with "targets tumour cells
            elif sc.previous is not None and sc.previous.sentence.block == sc.sentence.block:
                named = [m for m in sc.previous.mentions if m.vocab in self.targets]
                if named:
                    yield Link(verb, max(named, key=lambda m: m.start), verb.start, verb.end, "pronoun")

    def _conditional(self, sc: SentenceClaims, voice: SentenceVoice, targets: list[Mention]) -> Iterator[Link]:
        """An if-clause names the condition and the main clause offers the product for it: "If
        you suffer from arthritis, our capsules can help" (the condition is the if-clause's)."""
        if not self.offers:
            return  # the rules that read offers ("CBD oil for anxiety") read these too
        text = sc.sentence.text
        leads = voice.get(CONDITIONAL_LEAD)
        lead_end = leads[0][1] if leads else -1
        comma = text.find(",", lead_end) if leads else -1
        named = [t for t in targets if leads and lead_end <= t.start < comma]
        if not named:
            return
        answer = self._answer_word(sc, comma, self._treating(sc, voice), True)
        if answer is not None:
            yield Link(answer, named[0], answer.start, answer.end, "answer")

    def _treating(self, sc: SentenceClaims, voice: SentenceVoice) -> list[Mention]:
        """The benefit words in reading order, less those of a support frame ("our nurses can
        help you manage it": support, not a treatment claim)."""
        support = voice.get("support_frames")
        return sorted((m for m in sc.of(self.benefits) if not any(s <= m.start < e for s, e in support)),
                      key=lambda m: m.start)

    def _answer_word(self, sc: SentenceClaims, after: int, benefits: list[Mention], products: bool = False) -> Mention | None:
        """What answers a condition named before `after`: the first benefit word or claim noun
        ("relief") after it, else the first treatment noun (or, with `products`, product) offered
        for it ("... try this balm")."""
        found = [m for m in benefits + [n for n in sc.of(self.nouns) if n.vocab in self.claim_nouns] if m.start > after]
        if found:
            return min(found, key=lambda m: m.start)
        offered = [m for m in sc.of(self.nouns) + (sc.of(self.speaker.subjects) if products else []) if m.start > after]
        if not offered:
            return None
        first = min(offered, key=lambda m: m.start)
        return Mention(first.vocab, f"offer {first.text} for", first.start, first.end)

    def _answers(self, sc: SentenceClaims, voice: SentenceVoice) -> Iterator[Link]:
        """A benefit with no condition of its own answers the question before it: "Do you suffer
        from arthritis? Our capsules can help." (the condition is the previous sentence's, or one
        of a run of short questions: "Racing thoughts? Tight chest? CalmDrops has your back."). An
        offer answers too: "Sciatica? Book a session with our chiropractors today."."""
        asked: list[Mention] = []
        before = sc.previous
        for _ in range(QUESTION_RUN):
            if before is None or not before.question or not self._asks_the_reader(before) or before.sentence.block != sc.sentence.block:
                break
            asked = [m for m in before.mentions if m.vocab in self.targets] or asked
            before = before.previous
        if not asked:
            return
        answer = self._answer_word(sc, -1, sc.of(self.benefits))
        if answer is None and self.offers and (voice.has(ANSWER_OFFERS) or voice.has("named_product")):
            first = WORD.search(sc.sentence.text)
            answer = Mention("offer", "treat (offered in answer to the question)", first.start(), first.end()) if first else None
        if answer is not None:
            yield Link(answer, asked[0], answer.start, answer.end, "answer")

    @staticmethod
    def _asks_the_reader(question: SentenceClaims) -> bool:
        """A question about the reader's condition ("Do you suffer from arthritis?", "Joint
        pain?"), not a question for information ("Where can I find information about cancer?")."""
        first = WORD.search(question.sentence.text)
        return first is not None and first.group().lower() not in WH_WORDS

    def _serious(self, sc: SentenceClaims, link: Link) -> bool:
        if link.target is not None and link.target.vocab in self.serious:
            return True
        return any(m.vocab in self.serious for m in sc.mentions if link.start <= m.start and m.end <= link.end)

    def _conditions(self, sc: SentenceClaims, voice: SentenceVoice) -> list[Mention]:
        """The sentence's conditions in reading order: vocabulary mentions and word shapes."""
        return sorted(sc.of(self.targets) + self._shape_mentions(sc, voice, sc.sentence.text), key=lambda m: m.start)

    def _shape_mentions(self, sc: SentenceClaims, voice: SentenceVoice, text: str) -> list[Mention]:
        """Condition word shapes that are not a product's name ("osteopathy", "naturopathy")."""
        products = sc.of(self.speaker.subjects)
        return [Mention("condition_shape", text[s:e], s, e) for name in self.shapes for s, e in voice.get(name)
                if not any(p.start <= s and e <= p.end for p in products)]

    def _names_medicine(self, sc: SentenceClaims, target: Mention) -> bool:
        """The condition is the first word of a medicine's or product's name: "diabetes medicine",
        "weight-loss injections", "blood pressure tablets"."""
        text = sc.sentence.text
        return any(m.start >= target.end and CONDITION_NAMES.fullmatch(text, target.end, m.start) is not None
                   and (m.vocab in self.speaker.exclude or m.vocab in self.speaker.subjects) for m in sc.mentions)

    def _near(self, text: str, start: int, end: int, window: int | None = None) -> bool:
        if end - start > 40 * (self.window if window is None else window):
            return False  # far more characters than the word window allows
        gap = text[start:end]
        return len(WORD.findall(gap)) <= (self.window if window is None else window) and not self._breaks(gap)

    @staticmethod
    def _breaks(gap: str) -> bool:
        """A clause break (the one lexicon's), a quotation edge or another predicate between two words."""
        return (cues.CLAUSE_BREAK.search(gap) is not None or any(q in gap for q in QUOTE_MARKS)
                or OTHER_PREDICATE.search(gap) is not None)

    @staticmethod
    def _not_a_benefit(text: str, verb: Mention) -> bool:
        """The benefit word does something else here: its object is a habit ("stop using the
        device"), a harm ("destroys healthy skin") or a regulator's clearance ("cleared for hair loss")."""
        word = verb.text.lower()
        if word in CLEARED and REGULATORY_SENSE.match(text, verb.end):
            return True
        if word in STOP_WORDS_OF_HABIT and HABIT_AFTER.match(text, verb.end):
            return True
        return word in DESTROYING and HEALTHY_OBJECT.match(text, verb.end) is not None

    def _finding(self, doc: Document, sc: SentenceClaims, link: Link, subject: str, quoted: bool) -> Finding:
        s = sc.sentence
        src_start, src_end = doc.blocks[s.block].source_span(s.start + link.start, s.start + link.end)
        serious = self._serious(sc, link)
        severity = self.serious_severity if serious and self.serious_severity.rank > self.spec.severity.rank else self.spec.severity
        finding = self.finding(
            doc, src_start, src_end, severity=severity,
            benefit=link.benefit.text, condition=link.target.text if link.target else link.benefit.text,
            criterion=self.criterion,
            subject={"none": "a subjectless headline", "first": "the seller", "named": "a named product",
                     "product": "the product", "pronoun": "the product", "generic": "the product"}[subject],
        )
        if quoted:
            finding.message = "Quoted claim: " + finding.message + " Quoting or attributing a claim still makes it."
        return finding
