"""Per-sentence claim analysis shared by every claim rule: claim strength, vocabulary mentions,
label/body split, quotes, outcome statistics, hedges, intent guards and citations."""

from __future__ import annotations

import bisect

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Iterable

import regex
from copylint.core import matching
from copylint.core.regexcache import rx
from copylint.core.validators import compile_pattern

from copylint.language import cues
from copylint.facts.citations import cited_blocks
from copylint.language.claim_strength import ClaimStrength, Strength, classify
from copylint.language.vocab import Mention, VocabScanner, terms_source
from copylint.core.models import Document, Sentence

# "Reduces Inflammation – MSC stem cells ...": a short benefit label before a dash or colon.
LABEL = rx(r"^\s*(?P<label>(?:[\p{Lu}\d][\p{L}\d'\u2019/&-]*\s*){1,6}?)\s*(?:[\u2013\u2014:]|\s-\s|-\s)\s*")
QUOTE = rx(r"\u201c([^\u201d]{3,})\u201d|(?<![\w])\"([^\"]{3,})\"|(?<![\w])\u2018([^\u2019]{3,})\u2019(?![\w])")
# A named seller's claim reported without quotation marks: "the company claimed its tea cures
# cancer", "the two firms make claims such as saying the plant treats addiction", "MMS claims to
# treat HIV". What follows is the seller's words, as if quoted. A definite seller ("the company",
# "the advertiser", "its website") or a name that opens the sentence is required: generic plurals
# ("some companies claim ...") are how warnings describe the market, not a report of one claim.
SELLER_NOUNS = "seller_nouns"  # the pack's words for who sells and where an ad speaks (rules/language/claims.yaml)
AD_MEDIA = "ad_media"  # the pack's words for where an ad says it ("an Instagram post", "a leaflet")
# Words between "the" and the seller's noun name it ("the Los Angeles company"); a verb there means
# the sentence's subject is someone else ("the FTC has charged marketers with ...").
_NOT_A_VERB = r"(?!(?:has|have|had|is|are|was|were|charged|sued|warned|fined|told|ordered|said|says|say|cited|found|settled|banned|asked|accused|that|which|who|must|should|can|may|will|would|could|require|requires|rules?)\b)"
# A seller's word that names a watchdog of sellers: "the advertising regulator has ruled against ...".
_NOT_A_WATCHDOG = r"(?!\s+(?:regulators?|watchdogs?|authority|authorities|standards|code|council)\b)"
_NOT_A_SELLER = r"(?!(?:some|many|most|other|others|they|these|those|people|few|several|all|we|you|i|he|she|it)\b)"


def _seller_terms(terms: Iterable[str]) -> str:
    """The pack's seller words as one bounded alternation (the vocabularies' own term patterns)."""
    terms = tuple(terms)
    return terms_source(terms) if terms else "(?!)"


def seller_patterns(nouns: Iterable[str], media: Iterable[str]) -> tuple[regex.Pattern, tuple[regex.Pattern, ...]]:
    """(seller, reported speech) patterns from the pack's seller words. A definite seller ("the
    company", "its website") or a name that opens the sentence; for a quote, also an indefinite
    medium ("an Instagram post claimed ..."). Reported speech is what a seller is said to say
    without quotation marks ("the company claimed its tea cures cancer"); generic plurals ("some
    companies claim ...") are how warnings describe the market, not a report of one claim."""
    # (a bare number is a count of sellers, not a definite one: "three IV drip clinics that claimed ...")
    # ("a seller whose posts claimed": one seller; "clinics whose ads implied": the market)
    definite = (r"(?:\b(?:the|its|their|your|his|her|both|each|(?<!s\s)whose)\s+(?:" + _NOT_A_VERB + r"[\w'\u2019-]+\s+){0,3}?" + _seller_terms(nouns) + r"\b" + _NOT_A_WATCHDOG +
                r"|^\s*" + _NOT_A_SELLER + r"(?-i:(?:\p{Lu}[\p{L}\p{N}'\u2019-]*\s+){1,3})(?=claim)"  # a name: capitalised words
                r"|^\W*(?-i:Defendants?|Respondents?)\b"  # a complaint's parties: "Defendants represented that ..."
                r"|\b(?:defendants?|respondents?)\b(?![''\u2019])"  # (also mid-sentence: "The complaint charges that defendants advertised that ...")
                # a named business (two or three capitalised words) before its verb: "the FDA said Golden Leaf
                # Botanicals marketed the capsules as ..." (not a sentence's first word: "Supplements marketed as ...")
                r"|(?-i:\b(?:\p{Lu}[\p{L}\p{N}'\u2019&-]*\s+){2,3})(?=(?:marketed|advertised|promoted|claimed|touted|represented|promised|boasted|"
                r"told\s+(?:consumers|customers|patients|buyers|viewers|parents|clients))\b))")
    seller = rx(definite + r"|\b(?:an?|one)\s+(?:[\w'\u2019-]+\s+){0,4}?" + _seller_terms(media) + r"\b", regex.I)
    speech = (
        # (the definite seller is written once: its alternation of the pack's seller words is the costly part)
        definite + r"[^.;:!?\u201c\u201d\"]{0,120}?\b(?:(?:" + _REPORTS + r"|(?:claims|statements|representations)\s*,?\s+"
        r"(?:such\s+as|including|like)\s*,?(?:\s+(?:saying|stating|claiming))?|(?:claims|representations)(?=\s+that\b))"
        # (and a watchdog's aside: "The infomercial stated, the FTC said, that ...")
        r"(?:\s*,?\s+(?:directly\s+or\s+indirectly|expressly\s+or\s+by\s+implication|directly\s+or\s+by\s+implication)\s*,?"
        r"|\s*,\s*(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:said|says|alleged|alleges|found|noted|stated)\s*,){0,2}(?:\s+(?:that|to|as))?\s*:?\s+(?=\w)"
        # a letter's list after a colon: "The label for your product lists the following: Rapid weight loss ..."
        r"|(?:lists?|listed|includes?|included|contains?|features?|featured|displays?|displayed|bears?|bore|reads?)\s+"
        r"(?:the\s+following|these|statements?\s+such\s+as|claims?\s+such\s+as)(?:\s+(?:claims?|statements?|representations?|text|wording|bullet\s+points?))?\s*:\s*(?=\w))"
        # an ad medium that said it: "A social media post stated that vitamin drips would cure burnout"
        # (a ruling names it first: "A website for an IV clinic, seen on 4 March 2023, stated that ..."), or promoted it:
        # "its posts that allegedly promoted medicinal cannabis as a treatment for anxiety" (the medium written once too;
        # "fined a company for claiming that ..." stays the regulator's account: news of a fine is not the claim's page)
        r"|\b(?:(?P<indefinite>an?|one)|the|its|their)\s+(?:[\w'\u2019-]+\s+){0,3}?" + _seller_terms(media) + r"(?:"
        r"(?(indefinite)(?:\s+(?:for|by|from|on)\s+[^,.;:!?\u201c\u201d\"]{1,80}?)?"
        r"(?:\s*,\s*(?:seen|viewed|received|published|posted|broadcast|shown|sent|distributed)\s+(?:on|in|during|between|from)\s+[^,.;!?]{1,60},)?"
        r"\s+(?:stated|said|claimed|suggested|implied|promised|read)\s+that|(?!))"
        r"|s?\s+(?:that|which)\s+(?:allegedly\s+)?(?:promoted|advertised|marketed|presented|described|claimed|stated|said))\s+(?=\w)"
        # a ruling's judgement of one product's claim: "The ASA ruled that the claim that the oil can help with chronic pain was ..."
        r"|\b(?:ruled|considered|found|noted|concluded|understood|agreed|accepted)\s+(?:that\s+)?the\s+claims?\s+that\s+(?=(?:the|its|their|this|these)\s)"
        # a complaint about the claims: "The complainant challenged whether the claims that IV drips could prevent COVID-19 ..."
        r"|\b(?:challenged|questioned|queried)\s+whether\s+(?:the\s+)?(?:claims?|ads?|adverts?|statements?)\s+that\s+(?=\w)"
        # the ruling's list of claims: "Among the claims on the website were that the therapy could treat ..."
        r"|\b(?:among\s+)?the\s+claims\s+(?:on|in|made\s+(?:on|in|by))\s+[^,.;:!?]{1,60}?\s+(?:were|was|included)\s+that\s+(?=\w)"
        # a definite thing sold, in the passive: "the underlays were advertised as helping cure arthritis",
        # "the hand sanitizer, Health Canada said, was marketed as killing the virus", "patients were told that ..."
        + _PASSIVE_SALE)
    # Searched as its branches one by one (matching.search_first): the same match, faster.
    return seller, tuple(rx(part, regex.I) for part in matching.top_level_alternatives(speech))


# A definite thing said in the passive to have been sold with a claim, or its buyers told it.
_PASSIVE_SALE = (
    r"|\b(?:the|its|their|this|these)\s+(?:" + _NOT_A_VERB + r"[\w'\u2019-]+\s+){0,4}?[\w'\u2019-]+"
    r"(?:\s*,\s*(?:[\w'\u2019-]+\s+){1,4}?(?:said|says|alleged|alleges|found|noted|stated)\s*,)?"
    r"\s+(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:(?:also|widely|heavily|repeatedly)\s+)?"
    r"(?:advertised|marketed|promoted|sold|touted|billed|labell?ed|described|presented|pitched)\s+(?:online\s+|to\s+\w+\s+)?"
    r"(?:as(?:\s+(?:being\s+)?able\s+to|\s+a\s+way\s+to|\s+an?)?|for|to)\s+(?=\w)"
    r"|\b(?:patients|customers|consumers|clients|parents|buyers|families)\s+(?:were|had\s+been|are)\s+(?:also\s+)?(?:told|promised|assured)\s+(?:that\s+)?(?=\w)"
)
_REPORTS = (
    r"(?:claim(?:s|ed|ing)?|stat(?:es|ed|ing)|sa(?:ys|id|ying)|suggest(?:s|ed|ing)|impl(?:ies|ied|ying)|"
    r"represent(?:s|ed|ing)|assert(?:s|ed|ing)|promis(?:es|ed|ing)|advertis(?:es|ed|ing)|promot(?:es|ed|ing)|"
    r"market(?:s|ed|ing)|tout(?:s|ed|ing)|boast(?:s|ed|ing)|describ(?:es|ed|ing|e)|"
    r"told\s+(?:(?:prospective|potential|would-be|new|existing|elderly|desperate)\s+)?(?:consumers|customers|patients|people|buyers|viewers|readers|users|parents|clients|families|attendees|members|"
    r"listeners|followers|women|men|seniors|callers|the\s+public))"
)
# Reporting words that also describe what products in general say ("products with claims like
# "cures cancer"", "as one patient said, ..."): they report an ad's words only beside a seller.
SAYING = frozenset({"say", "says", "said", "saying", "claim", "claims"})
# A reporting word before a quote ("advertised as", "the website read"): the seller's verbs above,
# and the words that name where an ad said it.
REPORTING = rx(
    r"\b(?:" + _REPORTS + r"|advertis\w+|promot\w+|promis\w+|say|wr(?:ote|ites)|boast\w*|tout\w*|call(?:s|ed)|"
    r"describ\w+|billed|sold|pitch\w*|assert\w*|headline\w*|read(?:s)?|label(?:l?ed|l?ing)?|website|ad|ads|brochure|slogan|"
    r"indications?|bears?|"
    r"challeng\w+|complain\w+)\b",  # (a ruling: "The complainant challenged whether the claims “...”")
    regex.I,
)
DENIED = rx(r"\b(?:not|never|no\s+longer)\b|n['\u2019]t\b", regex.I)
# Research intent, purpose and needs: effects after these are not asserted.
INTENT = rx(
    r"\b(?:to\s+(?:determine|assess|evaluate|investigate|examine|test|see|study|explore|learn|find\s+out|prove|"
    r"confirm|establish|understand|show|develop|find|make\s+sure|ensure|check)|whether|how\s+(?:safe|effective|well|much|they|it|to|best)|if(?!\s+you)|hop(?:e|es|ed|ing)|hypothes\w+|"
    r"search\s+(?:for|of)|(?:will|can|could|help(?:s|ed)?(?:\s+us)?(?:\s+to)?)\s+find|finding|strategy\s+for|attempt(?:s|ed|ing)?\s+to|tr(?:y|ies|ied|ying)\s+to|"
    r"difficult\s+to|(?:licensed|authori[sz]ed|cleared|indicated)(?:\s+in\s+(?:the\s+)?(?:UK|US|USA|EU|Europe|England|Scotland|Wales|Ireland|Australia|Canada))?\s+(?:to|for)|"
    r"hard\s+to|unable\s+to|approved\s+to|research\s+to|focus(?:es|ed|ing)?\s+on|rather\s+than|"
    r"instead\s+of|assess(?:es|ed|ing)|evaluat(?:es|ed|ing)|investigat(?:es|ed|ing)|explor(?:es|ed|ing)|"
    r"stud(?:y|ies|ied|ying)\s+(?:the|whether|if|how)|testing\s+(?:whether|if|how|the|a|an|new|its|their|of)|looking\s+at|promise\s+(?:in|for)|"
    r"potential\s+(?:of|for|to|in)|candidates?\s+for)\b",
    regex.I,
)
# "we know how safe and effective they are": the claim word itself follows the question word.
HOW_BEFORE = rx(r"\bhow\s+$", regex.I)
# Aims and purposes: what something is for. Said of research they are not results; said of what
# the page sells they are its claims ("our therapy seeks to address the cause of allergies").
AIMS = rx(
    r"\b(?:aim(?:s|ed|ing)?\s+(?:to|at)|goals?|objectives?|purpose|seek(?:s|ing)?\s+to|"
    r"intend(?:s|ed|ing)?\s+to|meant\s+to|needed\s+to|required\s+to|would|should)\b",
    regex.I,
)
REPORTED_MODALS = frozenset({"would", "should"})  # aims words that in reported speech are the seller's "will", "must"
EXTRA_HEDGE = rx(
    r"\b(?:(?<!\bless\s)(?<!\bmore\s)likely|unlikely|probabl[ey]|appear(?:s|ed)?\s+to|seem(?:s|ed)?\s+to|apparently|believed\s+to|"
    r"thought\s+to|expected\s+to|preliminary|promising|emerging|experimental|can\s+sometimes|in\s+some\s+(?:patients|cases|people)|"
    # a claim limited to some people is a description of mixed results, not a promise
    r"some\s+(?:people|patients|users|women|men|children)\s+(?:find|say|report|feel|believe|think|notice)|"
    r"(?:help|helps|benefit|benefits|work\s+for|works\s+for)\s+some\s+(?:people|patients|women|men|children)|"
    r"(?:is|are)\s+sometimes\s+used|(?:is|are)\s+(?:generally|usually|mostly|normally)\s+(?:considered\s+)?(?:safe|well[- ]tolerated))\b",
    regex.I,
)
# "trials of X to treat ALS", "approved to treat": a purpose infinitive, unless licensed by a verb
# that states the result ("shown to reduce", "helps to regenerate", "the ability to repair").
INFINITIVE = rx(r"(?:^|[^\w'])(?P<head>[\w'\u2019-]+)(?:\s+\w+ly)?\s+to\s+(?:\w+ly\s+)?$")
# A headline that opens with the product's daily use: "Just 10 minutes a day to sharpen memory",
# "Two capsules a day for healthy joints", "One scoop a night to ...".
USE_HEADLINE = rx(
    r"\s*(?:just|only)?\s*(?:\d+|one|two|three|four|five|ten|fifteen|twenty|thirty|a\s+few)\s+"
    r"(?:minutes?|seconds?|drops?|capsules?|tablets?|gummies|chews|scoops?|sprays?|spoonfuls?|cups?|sips?|sessions?|puffs?)\s+"
    r"(?:a|per|each|every)\s+(?:day|night|morning|week)\s+(?:to|for)\b",
    regex.I,
)
LICENSED = frozenset(
    "shown proven demonstrated found known able ability abilities help helps helped capacity used "
    "works work continue continues continued way ways designed formulated available effective".split()
)
# "shown in studies to lower", "proven in trials to reduce": the result is stated, not the aim.
SHOWN_TO = rx(
    r"\b(?:(?:shown|proven|demonstrated|found|known|tested)\b(?:\s+[\w'\u2019-]+){0,4}|used\s+by(?:\s+[\w'\u2019-]+){1,3}"
    r"|(?:enabl(?:e|es|ed|ing)|allow(?:s|ed|ing)?)\b(?:\s+[\w'\u2019-]+){1,2})"  # "enable users to reverse ...": what it does
    r"\s+to\s+(?:\w+ly\s+)?$",
    regex.I,
)
# What a product is "designed to" do is what the seller says it does (FTC): no hedge for claims.
DESIGNED = rx(r"\b(?:specially\s+|specifically\s+)?(?:designed|formulated|developed|made|created|engineered)\s+(?:specially\s+|specifically\s+)?to\b", regex.I)
# "for treating ..." is a purpose, unless a word before it states what the thing does: "can be
# used for screening", "ideal for soothing eczema", "effective for relieving pain".
PURPOSE = rx(
    r"(?<!\b(?:used|good|great|ideal|perfect|effective|helpful|beneficial|excellent|best|suitable|"
    r"recommended|work|works|known|proven|famous|renowned)\s+)\bfor\s+(?:[\w'\u2019-]+\s+){0,2}$",
    regex.I,
)
STATISTIC = rx(
    r"(?:\b\d{1,3}(?:[.,]\d+)?\s?(?:%|percent\b|per\s+cent\b)|\b\d+\s+(?:of|out\s+of)\s+(?:the\s+)?\d+\b|"
    r"\b(?:nine|eight|seven|six)\s+(?:out\s+)?of\s+(?:ten|10)\b)"
    r"(?=\s+(?:of\s+)?(?:the\s+|our\s+|all\s+|treated\s+|enrolled\s+)?(?:\w+\s+)?"
    r"(?:patients|participants|subjects|people|users|clients|customers|men|women|children|cases|respondents)\b)",
    regex.I,
)


@dataclass(frozen=True)
class SentenceClaims:
    """What one sentence says, for claim rules: offsets are into `sentence.text`."""

    sentence: Sentence
    strength: ClaimStrength
    mentions: tuple[Mention, ...]
    body_start: int  # where the sentence body starts after a benefit label (0 when none)
    quotes: tuple[tuple[int, int], ...]  # quoted spans (inside the quote marks)
    reported: bool  # a reporting verb precedes a quote ("advertised as", "claimed")
    statistic: tuple[int, int] | None
    hedged: bool  # the body is hedged (may, could, potentially, appears to ...)
    question: bool
    cited: bool
    previous: "SentenceClaims | None" = None  # the sentence before on the page
    quote_open: bool = False  # a quote runs on past the sentence's end

    def of(self, vocabs: Iterable[str]) -> list[Mention]:
        names = set(vocabs)
        return [m for m in self.mentions if m.vocab in names]

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        return next((q for q in self.quotes if q[0] <= pos < q[1]), None)


@dataclass
class DocumentClaims:
    """Claim analysis of every sentence of a document, plus per-block vocabulary mentions."""

    sentences: list[SentenceClaims] = field(default_factory=list)
    by_block: dict[int, list[SentenceClaims]] = field(default_factory=dict)

    _vocabs: dict[int, set[str]] = field(default_factory=dict)  # memo: linear in long paragraphs
    _first: dict[tuple[int, frozenset[str]], Mention | None] = field(default_factory=dict)  # memo of first_in_block

    def block_vocabs(self, block: int) -> set[str]:
        found = self._vocabs.get(block)
        if found is None:
            found = self._vocabs[block] = {m.vocab for s in self.by_block.get(block, []) for m in s.mentions}
        return found

    def first_in_block(self, block: int, vocabs: frozenset[str]) -> Mention | None:
        """The block's first mention of one of `vocabs` (asked once per block and vocabularies:
        every sentence of a long paragraph asks it)."""
        key = (block, vocabs)
        if key not in self._first:
            self._first[key] = next((found[0] for other in self.by_block.get(block, [])
                                     for found in [other.of(vocabs)] if found), None)
        return self._first[key]


def clause_span(text: str, pos: int) -> tuple[int, int]:
    """The clause around `pos` (commas do not break it; dashes, colons, brackets and "but" do)."""
    start = cues.clause_start(text, pos, commas=False)
    nxt = cues.CLAUSE_BREAK.search(text, pos)
    return start, nxt.start() if nxt else len(text)


def effect_status(sc: SentenceClaims, effect: Mention, products: frozenset[str] = frozenset(),
                  frame: bool = False, since: int = 0) -> str:
    """'negated', 'intent' (research: whether, to test ...), 'purpose' (aims, "for", a purpose
    infinitive), 'hedged', 'correlational' or 'direct' for one effect mention. A purpose
    infinitive after a product (vocabularies `products`) states what it does: "drops to beat the
    flu", "frequencies to resist the virus". A `frame` carries its own negation ("never suffer
    from", "no more"): only a negation before it counts. Nothing before `since` (where a run-on
    bullet starts) is read."""
    text = sc.sentence.text
    quote = sc.quote_at(effect.start)
    lo = max(since, quote[0] if quote else (sc.body_start if effect.start >= sc.body_start else 0))
    # From the sentence's start the whole text is read in place (its clause breaks are found once
    # per sentence); a later start (a quote, a label's body, a bullet) reads its own slice.
    negated = (cues.negated_before(text, effect.start) if lo == 0
               else cues.negated_before(text[lo:effect.start], effect.start - lo))
    if negated or (not frame and cues.NEGATION.search(effect.text)):
        return "negated"  # "not ... safe" before, or inside a wildcard phrase ("are not safe")
    strength = sc.strength
    if (strength.negated and strength.cue_span and strength.cue_span[0] <= effect.start < strength.cue_span[1]
            and not quote and not (frame and strength.cue_span[0] >= effect.start)):
        return "negated"
    clause = text[max(lo, cues.clause_start(text, effect.start, commas=False)):effect.start]
    if INTENT.search(clause):
        return "intent"
    aim = AIMS.search(clause)
    if aim is not None and quote is not None and sc.reported and aim.group().lower() in REPORTED_MODALS:
        aim = None  # "Defendants told consumers that the pills would lower ...": the reported "will"
    if aim is not None or PURPOSE.search(clause):
        return "purpose"
    infinitive = INFINITIVE.search(clause) if not effect.text.lower().endswith("ing") else None  # "an approach to managing ADHD": a preposition
    if (infinitive and infinitive.group("head").lower() not in LICENSED and not SHOWN_TO.search(clause)
            and not USE_HEADLINE.match(text, 0, effect.start)  # "Two capsules a day to ease arthritis pain": the product's use
            and not _product_head(sc, infinitive.start("head") + (effect.start - len(clause)),
                                  infinitive.end("head") + (effect.start - len(clause)), products)):
        return "purpose"
    if quote:
        return "direct"
    in_label = sc.body_start and effect.start < sc.body_start
    if not in_label and sc.hedged:
        return "hedged"
    if not in_label and strength.strength is Strength.CORRELATIONAL:
        return "correlational"
    return "direct"


def _product_head(sc: SentenceClaims, head: int, head_end: int, products: frozenset[str]) -> bool:
    """A product mention is the infinitive's head word, or ends it ("our drops to ...", "Sip
    Immuni-Tea daily to ...")."""
    return bool(products) and any(m.vocab in products and m.start < head_end and head < m.end for m in sc.mentions)


class ClaimAnalyzer:
    """A document analysis bound to the pack's vocabularies. Equal vocabularies give equal
    analyzers, so `ctx.get(analyzer)` computes it once per document for all claim rules."""

    def __init__(self, vocabularies: tuple[tuple[str, tuple[str, ...]], ...],
                 shapes: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> None:
        self.key = (vocabularies, shapes)
        # Word shapes that add mentions to a vocabulary (`<vocabulary>_shapes` pattern lists):
        # compiled on first use, one alternation per vocabulary.
        self.shapes = shapes
        self._shape_patterns: tuple[tuple[str, regex.Pattern], ...] | None = None
        self._hash: int | None = None  # of the key, once per process: every ctx.get hashes the analyzer
        words = dict(vocabularies)
        self.seller, self.reported_speech = seller_patterns(words.get(SELLER_NOUNS, ()), words.get(AD_MEDIA, ()))
        self.scanner = VocabScanner(tuple((name, terms) for name, terms in vocabularies if name not in (SELLER_NOUNS, AD_MEDIA)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ClaimAnalyzer) and other.key == self.key

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(self.key)
        return self._hash

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_hash": None, "_shape_patterns": None}  # (string hashes differ between processes)

    def __call__(self, doc: Document) -> DocumentClaims:
        cited = cited_blocks(doc)
        out = DocumentClaims()
        by_block: dict[int, list[Sentence]] = {}
        for s in doc.sentences:
            by_block.setdefault(s.block, []).append(s)
        previous = None
        for block_index, sentences in by_block.items():
            # Each vocabulary is scanned once per block, not once per sentence.
            found = sorted(self.block_mentions(doc.blocks[block_index].text), key=lambda m: m.start)
            starts = [m.start for m in found]
            for s in sentences:
                lo, hi = bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)
                mentions = tuple(
                    Mention(m.vocab, m.text, m.start - s.start, m.end - s.start)
                    for m in found[lo:hi] if m.end <= s.end
                )
                sc = self.sentence(s, block_index in cited, mentions, previous)
                previous = sc
                out.sentences.append(sc)
                out.by_block.setdefault(block_index, []).append(sc)
        return out

    def block_mentions(self, text: str) -> list[Mention]:
        """Vocabulary mentions in a block's text, grouped by vocabulary, in reading order; then the
        words whose shape names a term of a vocabulary ("baricitinib": a medicine by its stem)
        where no term already stands."""
        found = self.scanner.scan(text)
        if not self.shapes:
            return found
        taken = sorted((m.start, m.end) for m in found)
        starts = [s for s, _ in taken]
        reach = list(accumulate((e for _, e in taken), max))  # the furthest end of the mentions up to each one
        timeout = matching.regex_timeout()
        shaped = []
        for name, pattern in self._compiled_shapes():
            for m in reversed(list(matching.finditer(pattern, text, timeout))):  # (searched from the end: see _compiled_shapes)
                i = bisect.bisect_left(starts, m.end())  # the mentions that start before the word ends
                if i == 0 or reach[i - 1] <= m.start():  # none of them reaches into it
                    shaped.append(Mention(name, m.group(), m.start(), m.end()))
        return found + shaped

    def _compiled_shapes(self) -> tuple[tuple[str, regex.Pattern], ...]:
        if self._shape_patterns is None:
            # A shape is a whole word, so its matches cannot overlap and a search from the text's end
            # finds the same ones; it is four times faster there, as the suffix is tried first.
            self._shape_patterns = tuple((name, compile_pattern("(?r)" + "|".join(f"(?:{p})" for p in patterns), regex.I))
                                         for name, patterns in self.shapes if patterns)
        return self._shape_patterns

    def _reports_before(self, text: str, quote: int) -> bool:
        """A reporting word before the quote makes it someone's claim. "Said" or "claims" alone is how
        a patient story quotes a person or a warning describes the market; they report an ad's words
        when a seller is named ("the company said", "an Instagram post claimed")."""
        words = [m.group().lower() for m in REPORTING.finditer(text, 0, quote)]
        if any(w not in SAYING for w in words):
            return True
        return bool(words) and matching.search(self.seller, text, matching.regex_timeout(), 0, quote) is not None

    def sentence(self, s: Sentence, cited: bool = False, mentions: tuple[Mention, ...] | None = None,
                 previous: SentenceClaims | None = None) -> SentenceClaims:
        text = s.text
        if mentions is None:
            mentions = tuple(self.block_mentions(text))
        label = LABEL.match(text)
        body_start = label.end() if label and label.end() < len(text) and len(label.group("label").split()) <= 6 else 0
        quotes = tuple(m.span(m.lastindex) for m in QUOTE.finditer(text) if m.lastindex)
        reported = any(self._reports_before(text, q[0]) for q in quotes)
        opened = open_quote(text, len(text))  # a quote that runs on past the sentence's end
        quote_open = opened is not None
        if previous is not None and previous.quote_open and previous.reported and previous.sentence.block == s.block:
            # the reported quote began in an earlier sentence: up to its close, these are its words too
            close = _first_close(text)
            quotes, reported = ((0, close if close >= 0 else len(text)),) + quotes, True
            quote_open = quote_open or close < 0
        elif opened is not None and self._reports_before(text, opened):
            quotes, reported = quotes + ((opened, len(text)),), True
        speech = matching.search_first(self.reported_speech, text, matching.regex_timeout())
        if speech is not None and not DENIED.search(speech.group()):  # "they do not claim that"
            # the reported words run to the end of the sentence
            quotes, reported = quotes + ((speech.end(), len(text)),), True
        stat = STATISTIC.search(text)
        body = text[body_start:]
        return SentenceClaims(
            sentence=s, strength=classify(text), mentions=mentions, body_start=body_start,
            quotes=quotes, reported=reported, statistic=stat.span() if stat else None,
            hedged=cues.hedged(DESIGNED.sub(" ", body)) or EXTRA_HEDGE.search(body) is not None,
            question=cues.is_question(text), cited=cited, previous=previous, quote_open=quote_open,
        )


OPEN_QUOTES, CLOSE_QUOTES = "\u201c", "\u201d"


def open_quote(text: str, pos: int) -> int | None:
    """Where a quote opened before `pos` and not closed by then begins (after its mark), or None:
    a curly quote, or after an odd number of straight quotes the last one (after a space), when
    no straight quote follows (`Underneath it stated "It can show ...`)."""
    curly = text.rfind(OPEN_QUOTES, 0, pos)
    if curly >= 0 and text.find(CLOSE_QUOTES, curly, pos) < 0:
        return curly + 1
    if text.count('"', 0, pos) % 2 == 0 or text.count('"', pos) > 0:
        return None
    straight = text.rfind('"', 0, pos)
    return straight + 1 if straight == 0 or text[straight - 1].isspace() else None


def _first_close(text: str) -> int:
    """Where the first closing quote mark of `text` stands (-1: none)."""
    found = [i for i in (text.find(CLOSE_QUOTES), text.find('"')) if i >= 0]
    return min(found) if found else -1


SHAPES_SUFFIX = "_shapes"  # a pattern list `<vocabulary>_shapes` adds word shapes to that vocabulary


@lru_cache(maxsize=16)
def analyzer(vocabularies: tuple[tuple[str, tuple[str, ...]], ...],
             shapes: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> ClaimAnalyzer:
    return ClaimAnalyzer(vocabularies, shapes)


def vocabulary_shapes(vocabularies: dict, patterns: dict) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The pack's word shapes by vocabulary: each pattern list named after a vocabulary plus
    `_shapes` ("medical_treatments_shapes"), in name order."""
    return tuple(sorted((name[: -len(SHAPES_SUFFIX)], tuple(found)) for name, found in patterns.items()
                        if name.endswith(SHAPES_SUFFIX) and name[: -len(SHAPES_SUFFIX)] in vocabularies))
