"""Who a claim speaks for. A benefit, cure or safety phrase is a claim when the sentence speaks for
what the page promotes: a product family, a named product, the seller ("our", "we"), or a
subjectless headline, bullet or imperative; not when its subject is approved care or research,
or the sentence warns about claims. Shared by the health-claim kind and voice-aware phrase rules."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import Iterable

import regex

from copylint.core.regexcache import rx
from copylint.language import cues
from copylint.language.lexicon import MODAL_HEDGES, alternation
from copylint.facts.claims import (AIMS, CLOSE_QUOTES, HOW_BEFORE, INTENT, OPEN_QUOTES, USE_HEADLINE, DocumentClaims, SentenceClaims,
                                   analyzer, open_quote, vocabulary_shapes)
from copylint.facts.context import Analysis
from copylint.language.syllables import cmu_table
from copylint.language.vocab import freeze
from copylint.facts.voice import COINED, PageVoice, SentenceVoice, VoiceAnalyzer, freeze_patterns

# Words that may stand before a subjectless benefit ("Naturally lowers ...", "Can help reduce ...").
LEAD_WORDS = frozenset(
    "naturally safely quickly gently effectively dramatically significantly visibly instantly "
    "temporarily rapidly fast powerfully noticeably actively deeply gradually completely permanently "
    "specially specifically expertly uniquely carefully "
    "clinically scientifically medically proven shown can may will could might also helps help "
    "to and or it they this these that which who".split()
)
PRONOUNS = frozenset("it they this these that which who".split())
WORD = rx(r"[\p{L}\p{N}'\u2019-]+")
# The default lexicon names (rules/language/claims.yaml, rules/vocabularies/products.yaml,
# rules/vocabularies/medicines.yaml).
DEFAULT_SUBJECTS = ("product_*",)
DEFAULT_EXCLUDE = ("standard_subjects", "medical_treatments", "research_subjects")
RESEARCH = ("research_subjects",)  # of the excluded subjects, those that are research, not care
DEFAULT_MARKETING = ("marketing_cues",)
CONDITION_VOCABS = ("condition", "serious_conditions")  # vocabularies of condition names (condition_*, conditions)
LEADS = ("imperative_leads", "benefit_verbs")  # a sentence opening with one of these has no subject
PREVENTION = ("prevention_verbs",)  # advice to the reader: "Protect yourself from flu"
PROMOTED = frozenset({"product", "first", "named"})
AFFIRMATIVE = "affirmative_answer"  # the pattern list of answers that say yes to the question before
DEICTIC = "deictic_product"  # the pattern list of deictics for the product ("these gummies")
MEDICINES = "medical_treatments"  # the vocabulary of medicines, vaccines and procedures
CARE_SOLD = "care_sold"  # the pattern list of a sale in the sentence, which makes approved care the seller's product
SELLING_IMPERATIVE = "selling_imperative"  # the pattern list of sentence openings that sell ("Join 150,000 people who ...")
DEFINITION = "definition_frames"  # the pattern list of a practice defined ("X is a treatment where ...")
JUDGED = "judged_report"  # the pattern list of a reporter's judgement of what it reports ("falsely claimed")
MARKET_EXAMPLE = "market_example"  # the pattern list of what sellers in general say, before an example quote
REACH = 400  # characters around a claim searched for its subject
# What the subject is compared with, or added to, is not the claim's subject ("more effective than
# supplements", "works alongside conventional medicine to treat cancer").
COMPARED_BEFORE = rx(r"\b(than|unlike|versus|vs\.?|compared\s+(?:to|with)|instead\s+of|alongside|in\s+addition\s+to|"
                     r"on\s+top\s+of|to\s+complement|complementing|(?:acts?|acting|works?|working)\s+(?:just\s+)?like|"
                     r"alternatives?\s+to|replacements?\s+for|substitutes?\s+for|replac(?:e|es|ing)|as\s+(?:effective|good|strong|powerful)\s+as|"
                     # care the reader goes through, the product beside it: "supports recovery from chemotherapy and kills ..."
                     r"swap(?:ping|ped|s)?\s+(?:out\s+)?|recover(?:y|ing)?\s+from|side\s+effects\s+of|during|while\s+(?:on|having|undergoing|taking)|undergoing|throughout)\s+"
                     r"(?:[\p{L}\p{N}-]+\s+){0,2}$", regex.I)
# Care the product is said to do without: "without a prescription", "with no need for surgery"
# ("instead of" is COMPARED_BEFORE's).
WITHOUT_BEFORE = rx(r"\b(?:without|no\s+need\s+for)\s+(?:(?:a|an|the|any|your)\s+)?(?:[\p{L}-]+\s+)?$", regex.I)
# A product FAQ's question about the pronoun's antecedent: "Does it work for epilepsy?", "Will it help my dog?".
IT_ASKED = rx(r"\W*(?:does|will|can|would|could)\s+(?:it|this|they|these)\s+(?:really\s+|actually\s+)?(?:work|help)\b", regex.I)
# A question the page puts to itself, FAQ style: "Q: Can this reverse dementia?".
FAQ_QUESTION = rx(r"\W*(?:Q|Question)\s*[:.)]\s", regex.I)
# A brand sign right after an approved drug's name is that drug's brand: "memantine (Namenda®)".
BRAND_AFTER = rx(r"[^\w:;!?\u2013\u2014]*[\p{L}\p{N}-]*")  # (a clause break between them: two subjects)
# A brand a regulator approved is approved care: "The FDA approved Radicava\u2122 in 2017".
APPROVED_BEFORE = rx(r"\b(?:approved|licensed|authori[sz]ed|cleared|prescribed)\s+(?:[\p{L}\p{N}-]+\s+){0,2}$", regex.I)
# The regulator's own approval of what follows: "The FDA has approved one CBD product, Epidiolex, to treat seizures".
AGENCY_APPROVED_BEFORE = rx(r"\b(?:FDA|MHRA|EMA|TGA)\s+(?:has\s+|have\s+|had\s+)?(?:approved|licensed|cleared|authori[sz]ed)\s+"
                            r"(?:(?:one|a|an|the|only|two|three|its\s+first)\s+)?(?:[\p{L}\p{N}-]+\s+){0,2}$")


# A headline that opens with what the product was made or tested for, its subject left out.
HEADLINE_PARTICIPLE = rx(
    r"\s*(?:clinically\s+|scientifically\s+|dermatologically\s+|independently\s+)?"
    r"(?:tested|used|proven|shown|designed|formulated|developed|created|trusted|loved|recommended|made)\b"
    r"(?:\s+(?:by|in|with)\s+(?:[\p{L}\p{N}'\u2019-]+\s+){0,4}?(?=to\b))?",
    regex.I,
)
# What research is into or for: "research into new treatments", "studies to find a cure".
RESEARCH_TOPIC = rx(r"\s+(?:into|on|about|for|to\s+(?:find|develop|discover|test|understand))\b", regex.I)
# "such as", "like", "including" before an example of what came before.
EXAMPLE_OF = rx(r",?\s*(?:such\s+as|like|including|e\.g\.,?|for\s+example)\s+$", regex.I)
LABEL_WORDS = 6  # a label before a colon is this short ("Indications for use (user manual): heals ...")
FRACTION_BEFORE = rx(r"\b(?:fraction|part|half)\s+of\s+(?:the\s+|a\s+|your\s+)?(?:usual\s+)?$", regex.I)  # less of the care, not the care
# Before a care word, what makes it an object, not the subject: "a fraction of the chemo dose",
# "I was on three blood pressure drugs", "tried seven medications".
OBJECT_BEFORE = rx(
    r"\b(?:fraction|dose|doses|course|side\s+effects|risks?|cost|price)\s+of\s+(?:the\s+|a\s+|your\s+)?$"
    # what the product is said to end the need for: "eliminates the need for insulin", "reduces reliance on painkillers"
    r"|\b(?:need|needs|reliance|dependence|dependency)\s+(?:for|on|of)\s+(?:the\s+|a\s+|your\s+|their\s+)?(?:[\w-]+\s+)?$"
    r"|\bas\s+(?:effectively|well|fast|quickly|safely)\s+as\s+(?:the\s+|a\s+|your\s+)?(?:[\w-]+\s+)?$"
    # care the reader is told to leave behind: "Say goodbye to knee replacement surgery with our injections"
    r"|\b(?:goodbye|farewell|bye)\s+to\s+(?:the\s+|your\s+|a\s+)?(?:[\w-]+\s+){0,2}$|\b(?:ditch|ditching|skip|skipping|escape|escaping)\s+(?:the\s+|your\s+|a\s+)?(?:[\w-]+\s+){0,2}$"
    r"|\b(?:was|were|am|been|is|are)\s+on\s+(?:[\w-]+\s+){0,2}$|\b(?:tried|taken|took|taking|prescribed)\s+(?:[\w-]+\s+){0,2}$"
    # what the product is said to help: "boosts chemotherapy and fights breast cancer", "enhances your medication"
    r"|\b(?:boost|enhanc|complement|amplif|potentiat)\w*\s+(?:(?:the|your|their|his|her|my|standard|conventional)\s+)?$",
    regex.I,
)
# An imperative of use with the product as its object: "Wear it 24/7", "Sleep on it nightly".
USED_IT = rx(r"\W*(?:wear|take|apply|use|drink|try|rub|spray|chew|swallow|shine|point|hold|wave|strap|clip|sleep\s+(?:on|with|in)|strap\s+on|plug\s+in|switch\s+on|massage|sip)\s+(?:it|them|this|these)\b", regex.I)
# A dose in an imperative: something is sold ("Give your kids a daily spoonful to prevent ...").
DOSE = rx(r"\b(?:spoonfuls?|teaspoons?|tablespoons?|drops|capsules|sachets?|scoops?|sprays)\b|\b\d+\s*(?:ml|mg|drops|capsules|chews|gummies|tablets|pills|treats|pumps|puffs|patches)\b", regex.I)
# A quantifier before a product word makes it a class, not the product: "several devices", "some apps".
QUANTIFIED_BEFORE = rx(r"\b(?:some|several|certain|many|most|other|a\s+few|few|all|any|no)\s+(?:[\w-]+\s+){0,2}$", regex.I)
# "No prescription, no side effects": a care word that is one item of a list of things done without.
NON_BEFORE = rx(r"\b(?:non-?|non-?surgical\s+|liquid\s+|needle-?free\s+|scalpel-?free\s+|at-home\s+)$", regex.I)  # "non-medication", "non-surgical nose job", "liquid facelift": care the product is not
NO_BEFORE = rx(r"\bno\s+$", regex.I)
LIST_COMMA = rx(r"\s*,")
# Standard care sold by the seller: "TRT at Vitality Men's Clinic", "chemotherapy at our centre".
SOLD_AT = rx(r"\s+(?:at|from)\s+(?:our\s+|(?-i:\p{Lu}[\p{L}\p{N}'\u2019-]*\s+){1,3}(?:Clinic|Centre|Center|Institute|Health|Wellness|Spa|Medical))", regex.I)
DESCRIBED_AS = rx(r"\s+(?:is|are|comes\s+as|come\s+as)\s+(?:(?:a|an|usually|often|available\s+as|given\s+as|taken\s+as|a\s+type\s+of)\s+){1,2}(?:[\p{L}-]+\s+)?$", regex.I)  # "Finasteride is a tablet"
# The seller's own staff or service named with a standard word: "our functional medicine doctors"
# (not "my GP", "my physiotherapist": a patient's own care).
OURS_BEFORE = rx(r"\bour\s+(?:[\p{L}\p{N}-]+\s+){0,3}$", regex.I)

# The means of a claim, named after it: "can usually be cured with a course of antiviral tablets"
# (not who has it, "safe for people with pacemakers", who endorses it, "recommended by the NHS", nor
# care done without, "with no exercise needed").
MEANS_BEFORE = rx(r"(?<!\b(?:people|patients|those|anyone|children|adults|women|men)\s+)\b(?:with(?!\s+(?:no|little|less)\b)|using|through|via|(by\s+\p{L}+ing))\s+"
                  r"(?:[\p{L}\p{N}'\u2019-]+\s+){0,4}$", regex.I)
# A passive claim, whose means follows it: "can usually be cured with ..." (a question's means is
# read only after one: "Why keep covering it up with medication?" turns against the care it names).
PASSIVE_BEFORE = rx(r"\b(?:be|been|being|is|are|was|were|gets?|got)\s+(?:\p{L}+ly\s+)?$", regex.I)
# A headline's noun phrase and its relative pronoun, up to the claim ("Organic baby formula that ").
DESCRIBED = rx(r"\W*(?P<np>(?:[\p{L}\p{N}'\u2019-]+\s+){0,4}[\p{L}\p{N}'\u2019-]+)\s+(?:that|which)\s+"
               r"(?:(?:also|actually|really|naturally|gently|quickly|safely|visibly)\s+)?$", regex.I)
# Heads that name a kind of thing, not a product: "Foods that lower cholesterol".
CATEGORY_HEADS = frozenset(
    "foods food drinks things ways habits tips changes activities exercises treatments medicines drugs steps "
    "factors genes cells proteins bacteria viruses conditions people patients symptoms studies trials "
    "research researchers scientists doctors something anything nothing one ones".split())
NOT_IN_NP = frozenset("is are was were be been has have had do does did can will would should not no any "
                      "there here it they we you i he she".split())
OURS = rx(r"\b(?:our|ours)\b", regex.I)  # the seller's own, in a question ("Can our drops help ...?")
EVIDENCE_WORDS = rx(r"\b(?:evidence|research|stud(?:y|ies)|trials?|some\s+people)\b", regex.I)
YOUR_RISK = rx(r"your\s+(?:risk|risks|chances?)\b", regex.I)  # "Reducing your risk of dementia": advice
# Where a label ends and what it introduces begins: "Relieving constipation: what you can do".
LABEL_END = rx(r"\s*(?::|\s[-\u2013\u2014]\s)")
# A gerund phrase that is the sentence's subject, its verb after it: "Losing even a small amount of
# weight can ease ..." (the reader's own doing, not a subjectless headline or an imperative).
GERUND_SUBJECT = rx(
    r"\W*\p{L}{2,}ing\b(?:\s+[\p{L}\p{N}'\u2019%.,-]*[\p{L}\p{N}%]){0,8}?\s+"
    rf"(?P<verb>can|will|would|should|{alternation(MODAL_HEDGES)}|is|are|was|were|does|do|has|have|helps?|also)\b",
    regex.I,
)
MODALS = frozenset({"can", "will", "would", "should", *MODAL_HEDGES})  # a gerund subject before one of these: the reader's doing

# After a product word, the words that make it part of a condition's name: "vitamin B12 deficiency
# anaemia", "caffeine withdrawal", "iron overload", "kratom use disorder".
PART_OF_CONDITION = rx(
    r"[\s-]+(?:deficiency|deficiencies|deficient|toxicity|overdose|overload|poisoning|allerg(?:y|ies)|intolerance|"
    r"withdrawal|addiction|dependence|dependency|use\s+disorder|misuse|abuse)\b",
    regex.I,
)

# A care word that names what the body does or how much is taken, not care given: "healthy insulin
# response", "cortisol levels", "cut your insulin dose in half".
BODY_MEASURE_AFTER = rx(r"[\s-]+(?:response|resistance|sensitivity|levels?|production|spikes?|receptors?|doses?|dosage)\b", regex.I)

# Advice that opens with the reader's purpose and a comma: "To lose weight and keep it off, aim for ...".
PURPOSE_OPENING = rx(r"^\W*To\s+\p{Ll}[^,.;:!?]{2,80},\s+\p{Ll}")
NAME_WORD = rx(r"\b\p{Lu}\p{Ll}+")
EFFORTLESS_USE = rx(r"\bwhile\s+you\s+(?:sleep|relax|work|watch\s+tv|rest)\b|\b(?:24/7|around\s+the\s+clock|round\s+the\s+clock)\b", regex.I)
PRACTITIONERS = rx(r"(?:[\w-]+\s+)?(?:osteopaths|chiropractors|acupuncturists|naturopaths|homeopaths|herbalists|reflexologists|"
                   r"hypnotherapists|practitioners|therapists|physiotherapists|nutritionists|podiatrists)", regex.I)
PROFESSION_LEAD = rx(r"\W*(?:(?:most|many|some|all|registered|qualified|licensed)\s+)*", regex.I)
STRENGTH = rx(r"\s+\d+(?:\.\d+)?\s?(?:mg|mcg|g|ml|iu|%)\s+", regex.I)  # a medicine's strength between its name and its form
LIFESTYLE_CARE = rx(r"exercis(?:e|es|ing)|diet(?:s|ing)?|fasting|breathing|meditation|yoga|lifestyle\s+changes?|physical\s+activity|being\s+active", regex.I)
PRODUCT_HEAD_AFTER = rx(r"\s+(?:programmes?|programs?|plans?|protocols?|systems?|method|courses?|kits?|app|formula|package|bundle|challenge|reset)\b", regex.I)
ARTICLE_ONLY = rx(r"\W*(?:(?:the|a|an|our|your)\s+)?", regex.I)

# A care word naming a group of people: "our IVF patients", "chemo patients".
PEOPLE_AFTER = rx(r"\s+(?:patients|clients|customers|users|couples)\b", regex.I)

SELLER_WORDS = 3  # a quote this long or longer is taken as someone's words, not scare quotes


def quoted_from(sc: SentenceClaims, pos: int) -> int | None:
    """Where the quote holding `pos` starts: a closed quote in the sentence, a quote opened
    before `pos` that runs on into the next sentence, or (0) a quote that began in an earlier
    sentence and closes after `pos`."""
    quote = sc.quote_at(pos)
    if quote is not None:
        # Scare quotes ("'cured' by a treatment") are not the seller's words.
        return quote[0] if len(WORD.findall(sc.sentence.text, quote[0], quote[1])) >= SELLER_WORDS else None
    text = sc.sentence.text
    found = open_quote(text, pos)
    if found is not None:
        return found
    opened = text.rfind(OPEN_QUOTES, 0, pos)
    closing = text.find(CLOSE_QUOTES, pos)
    if opened < 0 and closing >= 0 and text.rfind(CLOSE_QUOTES, 0, pos) < 0 and text.find(OPEN_QUOTES, pos, closing) < 0:
        return 0  # (a quote opened after `pos` is not this one: the cures ... "alkaline" foods)
    return None


def _right_before(sc: SentenceClaims, m, vocabs) -> bool:
    """A mention of one of `vocabs` ends right before `m` (a space or hyphen between, or a
    strength: "Paracetamol 500mg tablets")."""
    text = sc.sentence.text
    return any(x.vocab in vocabs and x.end < m.start and (not text[x.end:m.start].strip(" -") or STRENGTH.fullmatch(text, x.end, m.start))
               for x in sc.mentions)


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "-'"):
        pos -= 1
    return pos


def expand(refs: Iterable[str], vocabs: dict, key: str = "vocabularies", strict: bool = True) -> frozenset[str]:
    """Vocabulary names matching each reference (`product_*` globs allowed)."""
    names: set[str] = set()
    for ref in refs:
        found = fnmatch.filter(vocabs, ref)
        if not found and strict:
            raise ValueError(f"{key}: unknown vocabulary {ref!r} (known: {', '.join(sorted(vocabs)) or 'none'})")
        names.update(found)
    return frozenset(names)


_SPEAKERS: dict[tuple, tuple] = {}  # Speaker.for_settings' cache: (vocabularies, patterns, speaker)


def _profession(text: str, m) -> bool:
    """A practitioner's job named in the plural to open the sentence, no one's in particular:
    "Osteopaths mainly treat problems with muscles and joints" describes the profession."""
    return PRACTITIONERS.fullmatch(m.text) is not None and PROFESSION_LEAD.fullmatch(text, 0, m.start) is not None


def _inside_name(sc: SentenceClaims, voice: SentenceVoice, m) -> bool:
    """A care word at the end of a longer product name: "The Virtual Gastric Band: lose weight ..."
    (the name's own words come first; "Laser Eye Surgery" alone is the care's name)."""
    text = sc.sentence.text
    return any(s < m.start and m.end <= e and ARTICLE_ONLY.fullmatch(text, s, m.start) is None
               for s, e in voice.get("named_product"))


def _inside_condition(sc: SentenceClaims, m) -> bool:
    """A care word inside a longer condition name ("opiate addiction", "steroid withdrawal")."""
    return any(c.start <= m.start and m.end <= c.end and c.end - c.start > m.end - m.start
               and c.vocab.startswith(CONDITION_VOCABS) for c in sc.mentions)


@dataclass(frozen=True)
class Speaker:
    """A lexicon bound to a pack: which vocabularies name promoted subjects, standard care and
    research, and selling words; plus the shared per-document analyses it reads."""

    subjects: frozenset[str]
    exclude: frozenset[str]
    research: frozenset[str]
    marketing: frozenset[str]
    leads: frozenset[str]
    prevention: frozenset[str]
    claims: object  # ClaimAnalyzer
    voice: VoiceAnalyzer

    @classmethod
    def for_settings(cls, settings, subjects=DEFAULT_SUBJECTS, exclude=DEFAULT_EXCLUDE,
                     marketing=DEFAULT_MARKETING, strict: bool = True) -> "Speaker":
        """One speaker per pack and role lists: every rule of a run shares the settings' vocabularies,
        so the frozen lexicon and the voice analyzer are built once, not once per rule."""
        vocabs, patterns = settings.vocabularies, settings.patterns
        key = (id(vocabs), id(patterns), tuple(subjects), tuple(exclude), tuple(marketing), strict, settings.regex_timeout)
        cached = _SPEAKERS.get(key)
        if cached is not None and cached[0] is vocabs and cached[1] is patterns:
            return cached[2]
        speaker = cls._build(vocabs, patterns, subjects, exclude, marketing, strict, settings.regex_timeout)
        if len(_SPEAKERS) > 64:
            _SPEAKERS.clear()
        _SPEAKERS[key] = (vocabs, patterns, speaker)  # holding the dicts keeps their ids unique
        return speaker

    @classmethod
    def _build(cls, vocabs, patterns, subjects, exclude, marketing, strict, timeout) -> "Speaker":
        return cls(
            subjects=expand(subjects, vocabs, "subjects", strict),
            exclude=expand(exclude, vocabs, "exclude_subjects", strict),
            research=expand(RESEARCH, vocabs, "research", strict=False),
            marketing=expand(marketing, vocabs, "marketing", strict),
            leads=expand(LEADS, vocabs, "leads", strict=False),
            prevention=expand(PREVENTION, vocabs, "prevention", strict=False),
            claims=analyzer(freeze(vocabs), vocabulary_shapes(vocabs, patterns)),
            voice=VoiceAnalyzer(freeze_patterns(patterns), tuple(sorted(patterns)), timeout),
        )

    def analyses(self, ctx: Analysis) -> tuple[DocumentClaims, PageVoice]:
        return ctx.get(self.claims), ctx.get(self.voice)

    def subject(self, sc: SentenceClaims, voice: SentenceVoice, pos: int, end: int | None = None) -> str:
        """'product', 'first' (we/our), 'named', 'standard', 'research', 'pronoun', 'generic',
        or 'none' (a subjectless headline or imperative) for a claim at `pos`."""
        text = sc.sentence.text
        # Inside a quote the seller's own words start at the quote; otherwise a benefit label's
        # words can name the subject ("Elderberry gummies: the remedy for ...").
        # A subject stands within a few hundred characters of its claim.
        quote = quoted_from(sc, pos)
        found = self._subject_from(sc, voice, pos, end, max(quote or 0, pos - REACH))
        if found == "standard" and voice.has(CARE_SOLD):
            return "product"  # care the seller sells: "Laser eye surgery that guarantees 20/20 vision or your money back"
        if quote and found in ("generic", "none"):
            # The quote continues a sentence whose subject stands before it:
            # ParaZapper is a "safe, simple way to eliminate parasites".
            before = self._subject_from(sc, voice, pos, end, max(0, pos - REACH))
            if before in PROMOTED:
                return before
        return found

    def _subject_from(self, sc: SentenceClaims, voice: SentenceVoice, pos: int, end: int | None, lo: int) -> str:
        text = sc.sentence.text
        candidates: list[tuple[int, str]] = []
        for m in sc.mentions:
            if m.start < pos < m.end and m.start >= lo and m.vocab in self.subjects and " " not in text[pos:m.end].strip():
                candidates.append((pos, "product"))  # the claim's word ends the product's name: "anti-cancer mushroom blend"
            if m.end <= pos and m.start >= lo:
                if m.vocab in self.exclude:
                    if m.vocab not in self.research and self._alternative_kind(sc, m):
                        candidates.append((m.end, "product"))  # "Homeopathic immunisation", "herbal antibiotics": the product family's
                    elif m.vocab not in self.research and SOLD_AT.match(text, m.end):
                        candidates.append((m.end, "product"))  # "TRT at Vitality Men's Clinic": care the seller sells
                    elif not self._set_aside(sc, m) and not _inside_name(sc, voice, m):
                        candidates.append((m.end, "research" if m.vocab in self.research else "standard"))
                elif m.vocab in self.subjects and not PART_OF_CONDITION.match(text, m.end):
                    kind = ("standard" if (self._instance_of_standard(sc, m) or self._form_of_medicine(sc, m)
                                           or AGENCY_APPROVED_BEFORE.search(text, max(0, m.start - 50), m.start))
                            else "generic" if (QUANTIFIED_BEFORE.search(text, max(0, m.start - 30), m.start)
                                               or _profession(text, m)) else "product")
                    candidates.append((m.end, kind))  # ("Several devices for migraine have been cleared": a class, not the product)
        clause = cues.clause_start(text, pos, commas=False)
        # The seller speaks in the claim's own clause ("we don't know ... - one treatment was").
        candidates += [(e, "first") for s, e in voice.before("first_person", pos, max(lo, clause))
                       if not self._object_pronoun(text, s, e, candidates)]
        if end is not None:  # the seller speaks inside the claim's own words: "now I'm on none"
            candidates += [(pos, "first") for s, _ in voice.get("first_person") if pos <= s < end]
        standard_ends = [end for end, kind in candidates if kind == "standard"]
        candidates += [(e, "standard" if APPROVED_BEFORE.search(text, max(0, s - 60), _word_start(text, s)) else "named")
                       for s, e in voice.before("named_product", pos, lo)
                       if not any(BRAND_AFTER.fullmatch(text, end, s) for end in standard_ends if end <= s)]
        candidates += [(e, "product") for _, e in voice.before(DEICTIC, pos, lo)]  # "this mushroom blend"
        candidates += [(e, "named") for s, e in self._coined_names(sc, voice, pos, lo)]
        body = self._label_body(sc, lo, pos) if candidates and self.opens_with_imperative(sc, lo) else -1
        if body >= 0:  # care named in an imperative label is not the body's subject: "Throw away your glasses: restore 20/20 vision"
            # (a label naming care is its topic: "Cataract surgery: restores clear vision in most people")
            candidates = [(e, kind) for e, kind in candidates if kind not in ("standard", "research") or e > body]
        if candidates:
            nearest = max(candidates, key=lambda c: (c[0], c[1] in ("standard", "research")))[1]
            if nearest == "research" and self._research_topic(sc, candidates):
                return "research"  # "we fund research into new treatments for ...": the claim is its topic
            if nearest == "research" and any(kind in PROMOTED for _, kind in candidates):
                return next(kind for _, kind in sorted(candidates, reverse=True) if kind in PROMOTED)
            return nearest
        words = [w.lower() for w in WORD.findall(text[lo:pos])]
        found = "generic"
        if lo == 0 and self._described(text, pos):
            return "product"  # "Cranberry complex that clears urinary tract infections": a product's headline
        if not words and self._gerund_subject(sc, lo):
            pass  # "Losing 5% of your body weight can lower ...": the gerund phrase is the subject, not a headline
        elif lo == 0 and (HEADLINE_PARTICIPLE.match(text, 0, pos) or USE_HEADLINE.match(text, 0, pos)):
            found = "none"  # "Clinically tested to reduce pain", "Used by physiotherapists to treat ...",
            # "Just 10 minutes a day to ward off Alzheimer's"
        elif all(w in LEAD_WORDS for w in words):
            found = "pronoun" if any(w in PRONOUNS for w in words) else "none"
        elif self._imperative(sc, lo, pos):
            found = "none"
        elif self._label_body(sc, lo, pos) >= 0:
            found = "none"  # the label's body opens with the claim: "Step 3: Cure bladder leaks in 6 sessions"
        elif self._clause_words(text, lo, pos)[:1] in (["it"], ["they"]):
            found = "pronoun"  # "It can also be used to energise you and improve immunity"
        used = USED_IT.match(text) if found in ("pronoun", "none") else None
        if used is not None and used.end() <= pos:
            found = "product"  # "Wear it 24/7: it prevents heart attacks", "Sleep on it nightly and ...": the thing used
        return self._agent_after(sc, voice, pos, end) or found

    @staticmethod
    def _label_body(sc: SentenceClaims, lo: int, pos: int) -> int:
        """Where the body after a short label and a colon starts when it opens with the claim
        ("Step 3: Cure ...", "Fat-dissolving injections: lose a dress size in one session",
        "Throw away your glasses: restore 20/20 vision"); -1 when it does not."""
        text = sc.sentence.text
        colon = text.rfind(":", lo, pos)
        body = sc.body_start if lo < sc.body_start <= pos else (colon + 1 if colon >= 0 and len(WORD.findall(text, lo, colon)) <= LABEL_WORDS else -1)
        return body if body > lo and all(w.lower() in LEAD_WORDS for w in WORD.findall(text, body, pos)) else -1

    @staticmethod
    def _object_pronoun(text: str, start: int, end: int, candidates: list[tuple[int, str]]) -> bool:
        """"me" or "us" after a subject already found: the object, not the speaker ("My
        consultant helped me manage the pain": the consultant's doing)."""
        return text[start:end].lower() in ("me", "us") and any(e <= start for e, _ in candidates)

    def _gerund_subject(self, sc: SentenceClaims, lo: int) -> bool:
        """The clause opens with a gerund phrase that is the subject of a modal verb and names no
        product: "Losing 5% of your body weight can lower ..." (the reader's doing)."""
        gerund = GERUND_SUBJECT.match(sc.sentence.text, lo)
        return (gerund is not None and gerund.group("verb").lower() in MODALS
                and not any(lo <= m.start < gerund.end() for m in sc.mentions if m.vocab in self.subjects))

    @staticmethod
    def _described(text: str, pos: int) -> bool:
        """The sentence opens with a short noun phrase and "that" or "which", then the claim, with
        no verb of its own before it: what a product headline describes ("Nasal spray that blocks
        flu", "The smartwatch that warns you of ..."); not a category ("Foods that lower cholesterol")."""
        head = DESCRIBED.match(text, 0, pos)
        if head is None:
            return False
        words = [w.lower() for w in WORD.findall(head.group("np"))]
        return bool(words) and words[-1] not in CATEGORY_HEADS and not any(w in NOT_IN_NP for w in words)

    def _set_aside(self, sc: SentenceClaims, m) -> bool:
        """A standard-care or research word that is not the claim's subject here."""
        text = sc.sentence.text
        return ((OURS_BEFORE.search(text, max(0, m.start - 60), m.start) is not None
                 and (self._sells_beside(sc) or (LIFESTYLE_CARE.fullmatch(m.text) is not None
                                                  and PRODUCT_HEAD_AFTER.match(text, m.end) is not None)))
                # ("our eye exercise programme": the seller's product named after what it is; "our physiotherapy
                # programme" is a clinic's care)
                # "our doctors treat MS with stem cells": the seller's staff; "our physiotherapists treat back pain": care
                or self._inside_promotion(sc, m)  # "a homeopathic vaccine", "Doctors hate this trick": the longer name decides
                or _inside_condition(sc, m)  # "overcome opiate addiction", "statin side effects": the condition's name
                or BODY_MEASURE_AFTER.match(text, m.end) is not None  # "supports healthy insulin response": the body's, not care
                or PEOPLE_AFTER.match(text, m.end) is not None  # "80% of our IVF patients take home a baby": who, not what
                or self._endorser(sc, m)  # "Used by physiotherapists to treat ...": who uses the product
                or cues.FREE_AFTER.match(text, m.end) is not None  # "the drug-free answer to ...": care it is without
                or NON_BEFORE.search(text, max(0, m.start - 16), m.start) is not None  # "our non-medication approach"
                or WITHOUT_BEFORE.search(text, max(0, m.start - 30), m.start) is not None  # "without a prescription"
                # "safer than synthetic HRT", "works alongside conventional medicine": compared or added to
                or COMPARED_BEFORE.search(text, max(0, m.start - 40), m.start) is not None
                # the object of another word, not the subject: "a fraction of the chemo dose", "I was on three blood pressure drugs;"
                or OBJECT_BEFORE.search(text, max(0, m.start - 40), m.start) is not None
                # one item of a list of things done without: "No prescription, no side effects, ..."
                or (NO_BEFORE.search(text, max(0, m.start - 4), m.start) is not None and LIST_COMMA.match(text, m.end) is not None))

    @staticmethod
    def _endorser(sc: SentenceClaims, m) -> bool:
        """Care named in a subjectless headline's participle phrase ("Used by physiotherapists to
        treat sports injuries", "Recommended by doctors"): it endorses the product, it is not the subject."""
        head = HEADLINE_PARTICIPLE.match(sc.sentence.text, 0)
        return head is not None and m.end <= head.end()

    def _sells_beside(self, sc: SentenceClaims) -> bool:
        """The sentence names what the page sells or a selling word besides its standard-care words."""
        return any(m.vocab in self.subjects or m.vocab in self.marketing for m in sc.mentions)

    def _coined_names(self, sc: SentenceClaims, voice: SentenceVoice, pos: int, lo: int) -> list[tuple[int, int]]:
        """Capitalised words no English dictionary holds ("Zenrelief", "Similasan") in a sentence
        that sells (a selling word, "!", the seller or the reader addressed, or a reported quote):
        a brand's name. Research names drugs and genes the same way, so a plain sentence needs
        the page's trademark sign instead (`marked_names`)."""
        spans = [(s, e) for s, e in voice.before(COINED, pos, lo)
                 if not any(m.start <= s < m.end for m in sc.mentions)]
        if not spans or not (sc.of(self.marketing) or "!" in sc.sentence.text or voice.has("first_person")
                             or voice.has("second_person") or (sc.reported and quoted_from(sc, pos) is not None)):
            return []
        table = cmu_table()
        text = sc.sentence.text
        return [(s, e) for s, e in spans if table is not None and table.get(text[s:e].lower()) is None]

    def _inside_promotion(self, sc: SentenceClaims, m) -> bool:
        """An approved-care or research word inside a longer product name or selling phrase."""
        return any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                   and (o.vocab in self.subjects or o.vocab in self.marketing) for o in sc.mentions)

    @staticmethod
    def _research_topic(sc: SentenceClaims, candidates: list[tuple[int, str]]) -> bool:
        """The nearest research mention is followed by its topic ("research into", "studies
        on") or its aim ("research to find"), not by a finding."""
        end = max(e for e, kind in candidates if kind == "research")
        return RESEARCH_TOPIC.match(sc.sentence.text, end) is not None

    def _alternative_kind(self, sc: SentenceClaims, m) -> bool:
        """A product family's word right before a medicine's name makes it that family's product,
        not the medicine: "Homeopathic immunisation", "herbal antibiotics", "CBD painkillers"
        (not a word of a care's own name: "gastric band surgery")."""
        text = sc.sentence.text
        return any(x.vocab in self.subjects and x.end < m.start and not text[x.end:m.start].strip(" -")
                   and not any(c.vocab in self.exclude and c.start <= x.start and x.end <= c.end for c in sc.mentions)
                   for x in sc.mentions)

    def _form_of_medicine(self, sc: SentenceClaims, m) -> bool:
        """A product noun right after a medicine's name is the medicine's form: "metformin
        tablets", "insulin injections"."""
        return _right_before(sc, m, (MEDICINES,))

    def _instance_of_standard(self, sc: SentenceClaims, m) -> bool:
        """A product named as an example of standard care: "weight loss medicines such as
        semaglutide", "painkillers like ibuprofen"."""
        before = sc.sentence.text[max(0, m.start - 40):m.start]
        described = DESCRIBED_AS.search(before)
        if described is not None:  # "Finasteride is a tablet that ...": the product noun describes standard care
            at = m.start - len(before) + described.start()
            return any(x.vocab in self.exclude and x.vocab not in self.research and at - 2 <= x.end <= at for x in sc.mentions)
        lead = EXAMPLE_OF.search(before)
        if lead is None:
            return False
        at = m.start - len(before) + lead.start()
        return any(x.vocab in self.exclude and x.vocab not in self.research and at - 2 <= x.end <= at
                   for x in sc.mentions)

    def run_on_bullet(self, sc: SentenceClaims, pos: int) -> int:
        """Where the bullet holding `pos` starts when bullets were pasted into one sentence
        without punctuation ("... as you lose weight Supports healthy digestion ... Keeps your
        face youthful"): a capitalised benefit or imperative verb right after a lower-case word.
        0 when there is none."""
        text = sc.sentence.text
        starts = [m.start for m in sc.mentions
                  if m.vocab in self.leads and 2 <= m.start < pos and text[m.start].isupper()
                  and text[m.start + 1:m.start + 2].islower() and text[m.start - 1] == " " and text[m.start - 2].islower()]
        return max(starts, default=0)

    def opens_with_imperative(self, sc: SentenceClaims, lo: int) -> bool:
        """The clause from `lo` opens with a verb of use or benefit ("Wear the band ...")."""
        return self._imperative(sc, lo, len(sc.sentence.text))

    def _advice(self, sc: SentenceClaims, voice: SentenceVoice) -> bool:
        """Public-health advice: an imperative of prevention with nothing sold in the sentence."""
        if sc.of(self.subjects) or sc.of(self.marketing) or "!" in sc.sentence.text:
            return False
        if voice.has("first_person") or voice.has("named_product") or self.dosed(sc, 0, len(sc.sentence.text)):
            return False  # (a dose is a product's use: "Give your kids a daily spoonful to prevent whooping cough")
        if EFFORTLESS_USE.search(sc.sentence.text):
            return False  # what a product does by itself: "Protect your family from flu while you sleep"
        opening = PURPOSE_OPENING.match(sc.sentence.text)
        if opening is not None and not NAME_WORD.search(sc.sentence.text, opening.end()):
            return True  # "To soothe sore gums, rub them gently ...": the reader's purpose, then what to do
            # (not with a name after it: "To lose weight fast, try Slimtea today")
        if self.opens_with_headline_verb(sc, 0) or not self._imperative(sc, 0, len(sc.sentence.text)):
            return False
        return bool(sc.of(self.prevention))

    @staticmethod
    def dosed(sc: SentenceClaims, start: int, end: int) -> bool:
        """A dose of something stands between `start` and `end` ("two spoonfuls a day", "10
        drops"): a product's use, even when the product is not named."""
        return DOSE.search(sc.sentence.text, start, end) is not None

    def opens_with_headline_verb(self, sc: SentenceClaims, lo: int) -> bool:
        """The clause from `lo` opens with a benefit verb in the third person, its subject left
        out: a product's bullet ("Builds immunity to fight off colds"), not advice to the reader
        ("Wash your hands to stop the spread")."""
        first = WORD.search(sc.sentence.text, lo)
        word = first.group().lower() if first else ""
        return (self._imperative(sc, lo, len(sc.sentence.text)) and word.endswith("s")
                and not word.endswith(("ss", "us", "is")))

    def _imperative(self, sc: SentenceClaims, lo: int, pos: int) -> bool:
        """The clause opens with a verb ("Support the immune system against viruses"); not a
        participle ("Improved glucose control slows ...") or a noun ("End of life care")."""
        text = sc.sentence.text
        first = WORD.search(text, lo, pos)
        if first is None or not first.group()[0].isupper():
            return False
        word = first.group().lower()
        if word.endswith("ed") and not word.endswith(("eed", "shed")):
            return False
        if word.endswith("ing") and GERUND_SUBJECT.match(text, first.start()):
            return False  # "Losing weight can ease the pressure on your knees": the gerund is the subject
        if cues.used_as_noun(text, first.end()):
            return False
        return any(m.start == first.start() and m.vocab in self.leads for m in sc.mentions)

    @staticmethod
    def _topic_label(sc: SentenceClaims, pos: int) -> bool:
        """A subjectless phrase that opens with a gerund ("Treating ...", "Relieving ...") or
        "Living with": a label for a topic, not a claim that something does it."""
        first = WORD.search(sc.sentence.text)
        return first is not None and first.start() <= pos and first.group().lower().endswith("ing")

    def _label_sells(self, sc: SentenceClaims, voice: SentenceVoice) -> bool:
        """A topic label that sells: a selling word or "!", or the reader addressed in the label
        itself ("Helping you beat arthritis"), not in what follows it ("...: what you can do")."""
        text = sc.sentence.text
        if sc.of(self.marketing) or "!" in text:
            return True
        cut = LABEL_END.search(text)
        return any(s < (cut.start() if cut else len(text)) and not YOUR_RISK.match(text, s)
                   for s, _ in voice.get("second_person"))

    @staticmethod
    def _clause_words(text: str, lo: int, pos: int) -> list[str]:
        start = max(lo, cues.clause_start(text, pos, commas=False))
        return [w.lower() for w in WORD.findall(text, start, pos)]

    def _seller_before(self, sc: SentenceClaims, page: PageVoice) -> bool:
        """The sentence before speaks for the seller, a named product or a product family: "Our
        therapy cures arthritis. It cures gout too." (the pronoun's antecedent)."""
        before = sc.previous
        if before is None:
            return False
        voice = page.sentences[before.sentence.index]
        if before.question and IT_ASKED.match(before.sentence.text) and not cues.hedged(sc.sentence.text):
            return True  # an FAQ answered flat: "Does it work for epilepsy? It stops seizures within minutes."
        if self._warns_or_asks(before, voice, len(before.sentence.text)):
            return False
        return (voice.has("first_person") or voice.has("named_product")
                or any(m.vocab in self.subjects for m in before.mentions))

    def _agent_after(self, sc: SentenceClaims, voice: SentenceVoice, pos: int, end: int | None) -> str | None:
        """A promoted agent later in the clause ("cured at our clinic", "with our drops"), or
        approved care right after a phrase that ends at `end` ("an FDA-approved drug")."""
        text = sc.sentence.text
        brk = cues.CLAUSE_BREAK.search(text, pos, min(len(text), pos + REACH))
        stop = brk.start() if brk else min(len(text), pos + REACH)
        standard = [m for m in sc.mentions if m.vocab in self.exclude and m.vocab not in self.research and pos <= m.start < stop
                    and FRACTION_BEFORE.search(text, max(0, m.start - 30), m.start) is None  # ("with a fraction of the chemotherapy")
                    and cues.FREE_AFTER.match(text, m.end) is None]  # ("with drug-free relief": care it is without)
        care = {(m.start, m.end) for m in standard}  # (a product family's word that is also approved care: "hormone therapy")
        after = [(m.start, "product") for m in sc.mentions
                 if m.vocab in self.subjects and pos <= m.start < stop and (m.start, m.end) not in care]
        if end is not None:  # (not a modifier of the product's noun: "FDA-approved weight loss gummies")
            after += [(m.start, "standard") for m in standard if end <= m.start <= end + 1
                      and not any(p.vocab in self.subjects and m.end <= p.start <= m.end + 1 for p in sc.mentions)]
        # the means, named after the claim: "can usually be cured with a course of antiviral tablets"
        passive = sc.question and PASSIVE_BEFORE.search(text, max(0, pos - 30), pos) is not None  # (read in questions only)
        after += [(m.start, "standard") for m in standard
                  if (end is None or m.start >= end)  # (the claim's own words: "safe with any medication")
                  and (means := MEANS_BEFORE.search(text, max(pos, m.start - 60), m.start))
                  and (end is None or means.start() >= end)  # (nor a list the claim's "with" opens: "... with heart medication and blood pressure pills")
                  and (not sc.question or passive or means.group(1))]
        after += [(s, kind) for kind, name in (("first", "first_person"), ("named", "named_product"), ("product", DEICTIC))
                  for s, _ in voice.get(name) if pos <= s < stop]  # ("... lost their diagnosis on this plan")
        return min(after)[1] if after else None

    def _sells_by_asking(self, sc: SentenceClaims, voice: SentenceVoice) -> bool:
        """A rhetorical question that sells: an opener such as "Looking for ..." or "Why suffer ..."
        and a product, the seller or a selling word in the sentence ("Want to lower your
        cholesterol without statins?"), not a patient page's "Want to stop smoking?"."""
        return voice.has("rhetorical_question") and bool(
            sc.of(self.marketing) or sc.of(self.subjects) or voice.has("first_person") or voice.has("named_product"))

    def _answered_yes(self, sc: SentenceClaims, voice: SentenceVoice, page: PageVoice) -> bool:
        """The next sentence answers the question yes ("Can it help with diabetes? Yes, ..."): the
        page asks its own question to make the claim, on a selling page, or where the question
        names the seller's product ("Can ProstaClear shrink ...? A: Yes - most men ...") and the
        answer states it without a hedge or an appeal to evidence. A patient page's FAQ ("Can
        acupuncture help with back pain? Yes, there is some evidence ...") sells nothing."""
        following = sc.sentence.index + 1
        if following >= len(page.sentences) or not page.sentences[following].has(AFFIRMATIVE):
            return False
        if page.promotional:
            return True
        answer = page.sentences[following].text
        named = (voice.has("named_product") or (voice.has("first_person") and OURS.search(sc.sentence.text) is not None)
                 or page.sentences[following].has("first_person")  # "A: Yes! Many of our customers ..."
                 or FAQ_QUESTION.match(sc.sentence.text) is not None)  # the seller's own "Q: ... A: Yes"
        return named and not cues.hedged(answer) and EVIDENCE_WORDS.search(answer) is None

    def marketing_voice(self, sc: SentenceClaims, voice: SentenceVoice, subject: str) -> bool:
        return (bool(sc.of(self.marketing)) or "!" in sc.sentence.text or voice.has(SELLING_IMPERATIVE)
                or (subject == "none" and voice.has("second_person")))

    def honest(self, sc: SentenceClaims, voice: SentenceVoice, pos: int, end: int | None = None,
               subjects: bool = True) -> bool:
        """True when the sentence warns about claims (outside a quote), asks whether something
        works, or the claim at `pos` is about approved care or research."""
        if self._warns_or_asks(sc, voice, pos):
            return True
        return subjects and self.subject(sc, voice, pos, end) in ("standard", "research")

    def _warns_or_asks(self, sc: SentenceClaims, voice: SentenceVoice, pos: int, aims: bool = True) -> bool:
        """The sentence warns (outside a quote: a regulator's sentence quotes the claim beside its
        judgement of it, and the quote is still the seller's claim, unless the quote follows what
        sellers in general say, `market_example`) or asks. A claim a named seller is reported to
        have made counts as quoted even when the report judges it ("the FTC says the company
        falsely claimed its pills cure arthritis"): regulators cite exactly these; the judgement
        alone, of sellers in general, is a warning ("settlements over claims that CBD treats cancer")."""
        warns = voice.has("warning_voice") or voice.has("appeal_voice") or voice.has(JUDGED)
        if warns:
            quote = quoted_from(sc, pos)
            if quote is None or any(end <= quote for _, end in voice.get(MARKET_EXAMPLE)):
                return True  # (a quote after what sellers in general say is an example of it)
        return self.asks(sc, pos, aims)

    def asks(self, sc: SentenceClaims, pos: int, aims: bool = True) -> bool:
        """An indirect question or purpose before the claim, in its clause or run-on bullet:
        "how safe and effective they are", "whether these patients have been cured"."""
        text = sc.sentence.text
        quote = quoted_from(sc, pos)
        start = max(quote or 0, cues.clause_start(text, pos, commas=False), self.run_on_bullet(sc, pos + 1))
        return any(p.search(text, start, pos) is not None for p in ((INTENT, AIMS, HOW_BEFORE) if aims else (INTENT, HOW_BEFORE)))

    def allows(self, mode: str, sc: SentenceClaims, voice: SentenceVoice, page: PageVoice, pos: int,
               end: int | None = None, subjects: bool = True) -> bool:
        """A rule's `voice:` option applied to a claim at `pos`: 'promoted' needs a verdict,
        'unwarned' only that the sentence is not honest (`subjects`: approved care and research
        as the subject count as honest) nor an open question, 'absolute' the same whoever the subject
        is (no care may claim it: "Laser eye surgery is 100% safe"), 'any' lets every claim through."""
        if mode == "promoted":
            return self.verdict(sc, voice, page, pos, end) is not None
        if mode in ("unwarned", "absolute"):
            subjects = subjects and mode == "unwarned"
            return not self.honest(sc, voice, pos, end, subjects) and not self._open_question(sc, voice, page, True)
        return True

    def _open_question(self, sc: SentenceClaims, voice: SentenceVoice, page: PageVoice, rhetoric_sells: bool = False) -> bool:
        """A question that asks ("Is a natural remedy safer than the vaccine?"), not one that sells
        ("Why take statins for life when ...?") or one the page answers yes. `rhetoric_sells`: a
        rhetorical opener alone sells ("Why keep covering it up with medication?"), for rules whose
        own wording already says what is sold."""
        if not sc.question:
            return False  # (a statement needs none of the pattern lists below)
        sells = voice.has("rhetorical_question") if rhetoric_sells else self._sells_by_asking(sc, voice)
        return not sells and not self._answered_yes(sc, voice, page)

    def verdict(self, sc: SentenceClaims, voice: SentenceVoice, page: PageVoice, pos: int,
                end: int | None = None, aims_ask: bool = True) -> tuple[str, bool] | None:
        """(subject, marketing) when the sentence makes a claim at `pos` for what the page
        promotes; None when it warns, describes approved care or research, or speaks for no one.
        With `aims_ask` False an aim ("seeks to cure") is left to the caller, which knows whose."""
        if self._warns_or_asks(sc, voice, pos, aims_ask) or self._open_question(sc, voice, page):
            return None
        quoted = quoted_from(sc, pos) is not None
        subject = self.subject(sc, voice, pos, end)
        if subject in ("standard", "research"):
            return None
        marketing = self.marketing_voice(sc, voice, subject)
        if (voice.has(DEFINITION) and not quoted and not marketing
                and not voice.has("first_person") and not voice.has("named_product")):
            return None  # "Chiropractic is a treatment where a practitioner uses their hands to help relieve ...": what it is
        if (subject == "product" and voice.has("research_frames") and quoted_from(sc, pos) is None
                and not voice.has("first_person") and not voice.has("named_product")):
            return None  # "In laboratory studies, graviola killed cancer cells": a research report
            # (research the seller applies to its product is its claim: "Studies show our strain reduces colic",
            # "Frankincense has been shown in lab studies to kill cancer cells - that's why it's in our blend")
        if subject in PROMOTED:
            return subject, marketing
        if subject == "none":
            if self._topic_label(sc, pos) and not self._label_sells(sc, voice):
                # "Treating type 2 diabetes", "Relieving constipation: what you can do": a heading names a topic
                return None
            if self._advice(sc, voice):
                return None  # "Protect yourself from flu", "Lower your risk of diabetes with a healthy diet"
            first = next((ch for ch in sc.sentence.text if ch.isalpha()), "")
            return (subject, marketing) if first.isupper() or page.promotional or quoted else None
        if marketing:
            return subject, marketing
        if quoted and sc.reported:
            return subject, marketing  # the ad stated "...": the quote is the seller's words
        if subject == "pronoun" and (page.promotional or self._seller_before(sc, page)):
            return subject, marketing
        return None
