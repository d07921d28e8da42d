"""Classify how strongly one sentence claims an effect (none, correlational, hedged, direct) and
whether that claim is negated, from a hand-built lexicon of causal verbs, hedges and guards."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import regex
from copylint.language.lexicon import CONTRAST_WORDS, HEDGE_WORDS, MODAL_HEDGES, NEGATION_WORDS, alternation
from copylint.core.derived import derived
from copylint.core.regexcache import rx
from copylint.language.literals import trie_alternation

__all__ = ["Strength", "ClaimStrength", "classify"]


class Strength(str, Enum):
    NONE = "none"
    CORRELATIONAL = "correlational"
    HEDGED = "hedged"
    DIRECT = "direct"


@dataclass(frozen=True)
class ClaimStrength:
    strength: Strength
    negated: bool  # the decisive assertion is negated ("does not cure", "there is no cure")
    cue: str | None  # the word(s) that decided it, e.g. "may", "associated with", "reduces"
    cue_span: tuple[int, int] | None  # offsets of the cue in the sentence


# --------------------------------------------------------------------------- lexicon

# Causal verbs: base form -> (third person, past/participle). Irregular forms spelled out.
_CAUSAL_VERBS: dict[str, tuple[str, ...]] = {
    "cause": ("causes", "caused"),
    "induce": ("induces", "induced"),
    "trigger": ("triggers", "triggered"),
    "increase": ("increases", "increased"),
    "decrease": ("decreases", "decreased"),
    "reduce": ("reduces", "reduced"),
    "lower": ("lowers", "lowered"),
    "elevate": ("elevates", "elevated"),
    "improve": ("improves", "improved"),
    "enhance": ("enhances", "enhanced"),
    "boost": ("boosts", "boosted"),
    "worsen": ("worsens", "worsened"),
    "impair": ("impairs", "impaired"),
    "prevent": ("prevents", "prevented"),
    "protect": ("protects", "protected"),
    "cure": ("cures", "cured"),
    "treat": ("treats", "treated"),
    "heal": ("heals", "healed"),
    "restore": ("restores", "restored"),
    "regenerate": ("regenerates", "regenerated"),
    "rejuvenate": ("rejuvenates", "rejuvenated"),
    "regrow": ("regrows", "regrew", "regrown"),
    "repair": ("repairs", "repaired"),
    "reverse": ("reverses", "reversed"),
    "halt": ("halts", "halted"),
    "slow": ("slows", "slowed"),
    "delay": ("delays", "delayed"),
    "stop": ("stops", "stopped"),
    "inhibit": ("inhibits", "inhibited"),
    "suppress": ("suppresses", "suppressed"),
    "block": ("blocks", "blocked"),
    "attenuate": ("attenuates", "attenuated"),
    "alleviate": ("alleviates", "alleviated"),
    "relieve": ("relieves", "relieved"),
    "ameliorate": ("ameliorates", "ameliorated"),
    "mitigate": ("mitigates", "mitigated"),
    "eliminate": ("eliminates", "eliminated"),
    "promote": ("promotes", "promoted"),
    "stimulate": ("stimulates", "stimulated"),
    "accelerate": ("accelerates", "accelerated"),
    "affect": ("affects", "affected"),
    "influence": ("influences", "influenced"),
    "impact": ("impacts", "impacted"),
    "alter": ("alters", "altered"),
    "change": ("changes", "changed"),
    "minimize": ("minimizes", "minimized"),
    "minimise": ("minimises", "minimised"),
    "maximize": ("maximizes", "maximized"),
    "amplify": ("amplifies", "amplified"),
    "predispose": ("predisposes", "predisposed"),
    "precipitate": ("precipitates", "precipitated"),
    "interfere": ("interferes", "interfered"),
    "modulate": ("modulates", "modulated"),
    "benefit": ("benefits", "benefited", "benefitted"),
    "help": ("helps", "helped"),
    "maintain": ("maintains", "maintained"),
    "extend": ("extends", "extended"),
    "enable": ("enables", "enabled"),
    "produce": ("produces", "produced"),
    "escalate": ("escalates", "escalated"),
    "strengthen": ("strengthens", "strengthened"),
    "diminish": ("diminishes", "diminished"),
    "lessen": ("lessens", "lessened"),
    "exacerbate": ("exacerbates", "exacerbated"),
    "aggravate": ("aggravates", "aggravated"),
    "facilitate": ("facilitates", "facilitated"),
    "augment": ("augments", "augmented"),
    "abolish": ("abolishes", "abolished"),
    "counteract": ("counteracts", "counteracted"),
    "shorten": ("shortens", "shortened"),
    "prolong": ("prolongs", "prolonged"),
    "double": ("doubles", "doubled"),
    "halve": ("halves", "halved"),
    "damage": ("damages", "damaged"),
    "harm": ("harms", "harmed"),
    "kill": ("kills", "killed"),
    "destroy": ("destroys", "destroyed"),
    "activate": ("activates", "activated"),
    "normalize": ("normalizes", "normalized"),
    "normalise": ("normalises", "normalised"),
    "mediate": ("mediates", "mediated"),
    "drive": ("drives", "drove", "driven"),
    "save": ("saves", "saved"),
    "yield": ("yields", "yielded"),
    "fuel": ("fuels", "fueled", "fuelled"),
    "cut": ("cuts",),
    "ease": ("eases", "eased"),
    "fight": ("fights", "fought"),
    "combat": ("combats", "combated"),
    "rebuild": ("rebuilds", "rebuilt"),
    "thicken": ("thickens", "thickened"),
    "spur": ("spurs", "spurred"),
    "curb": ("curbs", "curbed"),
    "slash": ("slashes", "slashed"),
    "hinder": ("hinders", "hindered"),
    "hamper": ("hampers", "hampered"),
    "undermine": ("undermines", "undermined"),
    "disrupt": ("disrupts", "disrupted"),
    "hasten": ("hastens", "hastened"),
    "shield": ("shields", "shielded"),
    "stabilize": ("stabilizes", "stabilized"),
    "stabilise": ("stabilises", "stabilised"),
    "revitalize": ("revitalizes", "revitalized"),
    "revitalise": ("revitalises", "revitalised"),
    "renew": ("renews", "renewed"),
    "tighten": ("tightens", "tightened"),
    "soothe": ("soothes", "soothed"),
    "nourish": ("nourishes", "nourished"),
    "detoxify": ("detoxifies", "detoxified"),
    "reshape": ("reshapes", "reshaped"),
    "transform": ("transforms", "transformed"),
    "raise": ("raises", "raised"),
    "heighten": ("heightens", "heightened"),
    "weaken": ("weakens", "weakened"),
    "triple": ("triples", "tripled"),
    "quadruple": ("quadruples", "quadrupled"),
    "spark": ("sparks", "sparked"),
    "compromise": ("compromises", "compromised"),
    "obstruct": ("obstructs", "obstructed"),
    "hurt": ("hurts",),
    "impede": ("impedes", "impeded"),
    "jeopardize": ("jeopardizes", "jeopardized"),
    "jeopardise": ("jeopardises", "jeopardised"),
    "endanger": ("endangers", "endangered"),
    "shrink": ("shrinks", "shrank", "shrunk"),
    "lengthen": ("lengthens", "lengthened"),
    "dampen": ("dampens", "dampened"),
    "bolster": ("bolsters", "bolstered"),
    "erode": ("erodes", "eroded"),
    "eradicate": ("eradicates", "eradicated"),
}

# Multi-word causal predicates (verb + particle); inflected heads spelled out.
_CAUSAL_PHRASES = (
    r"(?:lead|leads|led|leading)\s+to",
    r"(?:resulted|resulting|results?(?<!\b(?:its|their|the|our|these|his|her|my|your)\s+(?:\w+\s+)?\w+))\s+in",
    r"(?:contribute|contributes|contributed|contributing)\s+(?:\w+\s+){0,3}?(?:to|towards)",
    r"(?:give|gives|gave|giving)\s+rise\s+to",
    r"(?:bring|brings|brought|bringing)\s+(?:\w+\s+){0,2}?back",
    r"(?:turn|turns|turned)\s+into",
    r"(?:differentiate|differentiates|differentiated)\s+into",
    r"(?:become|becomes)(?=\s+(?:\w+\s+){0,2}?(?:neurons?|cells?|tissues?|bone|cartilage|muscle))",
    r"(?:play|plays|played|playing)\s+(?:an?\s+)?(?:\w+\s+){0,2}?(?:roles?|part)\s+in",
    r"(?:responsible|attributable)(?<=\b(?:is|are|was|were|be|been)\s+(?:\w+\s+)?\w+)\s+(?:for|to)",
    r"due(?<=(?:\b(?:is|are|was|were|be|been|largely|mainly|partly|primarily|mostly|entirely|solely|part)|n't)"
    r"\s+(?:\w+\s+)?due)"
    r"\s+to",
    r"(?:clinically|scientifically)\s+(?:proven|tested|shown|successful|effective)",
    r"cost[\s-]effective",
    r"(?:shown|proven|demonstrated)\s+to\s+(?!be\s+(?:associated|linked|related|correlated|safe|feasible)\b)\w+",
    r"(?:benefit|benefits|benefited|benefitted)\s+(?:\w+\s+)?from",
    r"(?:up|down)-?regulat(?:e|es|ed)",
    r"(?<!-)(?:ups|upped)(?!\s+and\b)(?=\s+\w)",  # headline "Muscle loss ups mortality risk"
    r"(?:protect|protects|protected|protecting)\s+(?:\w+\s+)?against",
    r"as\s+a\s+(?:direct\s+)?(?:result|consequence)\s+of",
    r"(?:pose|poses|posed|posing)\s+(?:\w+\s+){0,3}?(?:risks?|threats?|dangers?|hazards?)",
    r"(?:put|puts|putting|place|places|placed|placing)\s+(?:\w+\s+){0,3}?at\s+(?:\w+\s+)?risk",
    # causative "make": "can make you fatter", "does not make patients more prone"
    r"(?:make|makes|made|making)\s+(?:\w+\s+){1,3}?(?:more|less|easier|harder|worse|better|healthier|"
    r"sicker|fatter|stronger|weaker|safer)(?!\s+likely)",
)

# Efficacy adjectives count in predicate position ("was effective", "is not effective").
_EFFECT_ADJECTIVES = r"(?:in)?effective|efficacious|beneficial|protective|harmful|detrimental|successful"
_COPULA = (r"(?:is|are|was|were|be|been|being|proved|proven|prove|proves|remains?|remained|found|as|not|"
           r"appears?|seems?|shown\s+to\s+be|shows?|showed|finds?)")
# Effect nouns count when asserted ("has a significant effect on", "showed improvement", "no benefit").
_EFFECT_NOUNS = r"(?<!side[\s-])(?:effects?|impacts?|influences?|benefits?|improvements?|reductions?|efficacy)"
_ASSERTING = (r"(?:has|have|had|having|exerts?|exerted|shows?|showed|shown|provides?|provided|offers?|"
              r"demonstrat\w*|conveys?|conveyed|profound|"
              r"offered|confers?|conferred|no|positive|negative|beneficial|protective|"
              r"adverse|direct|causal|strong|additive|synergistic|"
              r"independent|favou?rable|measurable)")

_CAUSAL_NOUNS = (
    rf"(?:{_EFFECT_ADJECTIVES})(?<=\b{_COPULA}\s+(?:[\w,-]+\s+){{0,4}}\w+)",
    rf"{_EFFECT_NOUNS}(?<=\b{_ASSERTING}\s+(?:[\w,-]+\s+){{0,3}}\w+)",
    r"cure\s+for",
    # headline predicate without copula: "Penicillin equally effective as broad antibiotics"
    r"(?:(?:in)?effective|successful)(?<!\b(?:a|an|the|more|most|less|least|and|to|be)\s+(?:\w+\s+)?\w+)"
    r"\s+(?:in|for|at|against|as|among)\b",
    # presupposed effect: "the benefits of exercise", "the effectiveness of vaccination"
    r"(?<!-|cost\s)(?:benefits?|efficacy|effectiveness)\s+of",
    # necessity for an outcome: "is critical to reducing", "are crucial for healing"
    r"(?:key|critical|crucial|central|essential|vital)"
    r"(?<=\b(?<!\bit\s+)(?:is|are|was|were|be|remains?)\s+(?:\w+\s+)?\w+)"
    r"\s+(?:for|in|to(?=\s+(?:\w+ing|the|a|an|its|their|this|these|our)\b))",
    r"(?:cure|change)(?<=\bno\s+\w+)",
    r"approved\s+(?:by\s+the\s+FDA\s+)?for",
    r"FDA[\s-]approved",
    r"(?:causes?|culprits?|drivers?|triggers?)\s+(?:of|for|behind)",  # "the most common cause of"
    r"(?:causes?|contributors?|killers?|determinants?)\b"
    r"(?<=\b(?:is|are|was|were|be|been|become|becomes|became|remains?)\s+(?:\w+\s+){0,3}\w+)",
)

# An infinitive ("difficult to treat", "needed to reduce") is not an assertion, unless licensed
# by a verb that states the result ("shown to reduce", "helps to regenerate", "is able to").
_TO_LICENSE = (r"(?:shown|found|proven|demonstrated|reported|known|help|helps|helped|helping|able|going|"
               r"appears?|seems?|tends?|continues?|fail|fails|failed|critical|essential|crucial|vital|"
               r"important|necessary|feasible|effective|successful|enough)(?:\s+\w+ly)?")
# A participle after a determiner, preposition or perception verb is adjectival ("an increased
# risk", "with reduced", "display reduced brain size").
_ADJ_CONTEXT = (r"(?:a|an|the|this|these|those|its|their|our|your|his|her|with|of|in|for|by|to|"
                r"from|on|at|than|among|between|toward|towards|no|more|less|most|display|displays|displayed|show|"
                r"shows|showed|exhibit|exhibits|exhibited|experience|experienced|develop|developed)")

_HEDGES = (
    *HEDGE_WORDS, r"possibl[ey](?<!as\s+possible)",
    r"potentially(?!\s+(?:fatal|deadly|lethal|serious|life[\s-]threatening|dangerous|harmful|severe))",
    r"potential(?!ly\s+(?:fatal|deadly|lethal|serious|life[\s-]threatening|dangerous|harmful|severe))(?=\s+(?:to|benefits?|effects?|roles?|impact|use|therapeutic))",
    r"likely(?<!(?:more|less|most|least)\s+likely)", r"unlikely", r"probabl[ey]", r"presumabl[ey]",
    r"putative(?:ly)?", r"hypothesi[sz](?:ed|e|es)", r"speculat(?:e|ed|ive)",
    r"(?:is|are|was|were)\s+(?:\w+\s+)?(?:thought|believed|proposed|expected)\s+to",
    r"(?:is|are)\s+(?:currently\s+)?being\s+(?:studied|investigated|tested|explored|evaluated)",
    r"suggestive\s+of", r"conceivabl[ey]", r"(?:appear|appears|appeared|seem|seems|seemed)\s+to",
    r"apparently", r"seemingly",
)

_CORRELATIONAL = (
    r"(?<!-)associat(?:ed|ion|ions)(?<!(?-i:[A-Z]\w*\s+Association))",
    r"(?<!-)link(?:ed|s|age)?\s+(?:\w+\s+)?(?:to|with|between)",
    r"(?<!-)correlat(?:ed|es|ion|ions|e)",
    r"(?<!-)(?:related|relation|relationship|relationships)\s+(?:\w+\s+)?(?:to|with|between)",
    r"risk\s+factors?",
    r"predict(?:s|ed|ing|or|ors|ive|ion|ions)?",
    r"(?:more|less)\s+likely",
    r"at\s+(?:a\s+)?(?:higher|lower|increased|greater|reduced|elevated|decreased)\s+risk",
    r"tied\s+to",
    r"connected\s+(?:to|with)",
    r"in\s+relation\s+to",
)

# Research intent, needs, recommendations and statements about the study itself: the rest of
# the clause is not a claim.
_GUARDS = (
    r"(?:is|are|was|were|be|remains?)\s+(?:\w+\s+)?(?:needed|required|warranted|necessary)",
    r"needs?\s+to\s+be",
    r"(?:further|future|additional)\s+(?:\w+\s+){0,3}?"
    r"(?:studies|study|research|trials?|investigations?|work|data|evidence)",
    r"to\s+(?:determine|assess|evaluate|investigate|examine|test|prove|confirm|establish|clarify|"
    r"explore|elucidate|understand|identify|compare|measure|quantify|characteri[sz]e|see\s+if|learn)",
    r"whether", r"if", r"aims?\s+(?:of|was|were|is)", r"objectives?", r"purpose", r"goals?", r"should",
    r"unclear", r"unknown", r"remains?\s+to\s+be", r"hoped?", r"hopes",
    r"(?:we|researchers|scientists|investigators|study|studies|trial|trials|authors)\s+"
    r"(?:sought|set\s+out|investigat\w*|examin\w*|assess\w*|evaluat\w*|studied|studying|test\w*|"
    r"compar\w*|explor\w*|looks?\s+at|looked\s+at|looking\s+at)",
    r"(?:findings|results|data|study|studies|research|work|analysis|analyses|evidence|observations?|"
    r"implications)\s+(?:will\s+|may\s+|could\s+|also\s+|further\s+)?(?:help|contribute|facilitate|"
    r"inform|add|provide|highlight|emphasi[sz]e|underscore|reinforce|guide|raises?)",
    r"difficult\s+to", r"hard\s+to", r"need(?:s|ed)?\s+(?:for|to)",
    r"(?:assess|examin|evaluat|investigat|explor|consider)(?:e|es|s|ed|ing)?\s+(?:the|whether|if|how|what|"
    r"possible|potential)\b",
    r"look(?:s|ed|ing)?\s+at|studying|in\s+order\s+to",
)


def _alt(items: tuple[str, ...] | list[str]) -> str:
    return "(?:" + "|".join(items) + ")"


def _ing(base: str) -> str:
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith("ee"):
        return base[:-1] + "ing"
    if base in ("stop", "cut"):
        return base + base[-1] + "ing"
    return base + "ing"


_IRREGULAR_PAST = {"regrew", "regrown", "rebuilt", "fought", "drove", "driven", "shrank", "shrunk"}
# Base forms that are mostly nouns or adjectives in running text ("a lower risk", "no help").
_NOUNLIKE = {"lower", "double", "slow", "cut", "block", "damage", "harm", "impact", "influence",
             "delay", "stop", "drive", "fuel", "fight", "combat", "ease", "repair", "trigger", "benefit",
             "halve", "change", "yield", "triple", "spark", "hurt", "compromise"}
# ... whose third-person form is nonetheless mostly a verb ("lowers risk", "doubles the odds").
_VERBLIKE_S = {"lower", "double", "slow", "halve", "ease", "fuel", "cut", "impact", "yield", "harm",
               "damage", "trigger", "drive", "triple", "spark", "hurt", "combat"}
# Participles mostly used as adjectives ("treated patients", "impaired glucose tolerance").
_ADJECTIVAL = {"treated", "impaired", "elevated", "damaged", "affected", "delayed", "prolonged",
               "altered", "activated", "cured", "harmed", "killed", "doubled", "halved",
               "driven", "normalized", "normalised", "changed", "saved", "yielded", "protected",
               "compromised", "weakened", "heightened", "endangered", "tripled", "quadrupled"}

_PAST_FORMS = {f for forms in _CAUSAL_VERBS.values() for f in forms
               if f.endswith("ed") or f in _IRREGULAR_PAST}
_FINITE_FORMS = {f for forms in _CAUSAL_VERBS.values() for f in forms} - _PAST_FORMS
_BASE_FORMS = set(_CAUSAL_VERBS)
_ING_FORMS = {_ing(b) for b in _CAUSAL_VERBS}

# Words that cannot start the object of a transitive causal verb: prepositions, conjunctions,
# auxiliaries. "rates increased over time" is a change, "X increased the risk" a claim.
_NOT_OBJECT = (r"(?:of|with|at|in|for|using|from|as|during|after|before|on|over|between|among|up|to|by|"
               r"since|when|while|than|and|or|but|following|across|through|under|into|within|is|are|"
               r"was|were|has|have|had|compared|versus|vs|per|each|until|markedly|significantly|about|"
               r"approximately|nearly|almost|roughly|one|even|"
               r"identify|inform|explain|determine|guide|understand|predict|select|clarify|distinguish)")
_OBJECT_FOLLOWS = (rf"(?=\s+(?:\w+ly\s+)?+(?!{_NOT_OBJECT}\b|\d+\s+in\b)[\w\"'(])"
                   r"(?<!help\w*(?=\s+(?:\w+\s+){0,2}?(?:predict|identify|determine|explain|guide|inform|"
                   r"understand|diagnose|detect|select|decide)))")
_DETERMINER_FOLLOWS = (r"(?=\s+(?:the|a|an|its|their|this|these|those|both|all|his|her|our|your|them|it|"
                       r"patients?|people|men|women)\b)")
_VERBAL_CONTEXT = r"(?<=(?:\b(?:not|never|also|will|can|cannot|did|does|do)|\w+ly|n't)\s+\w+)"


def _verb_pattern() -> str:
    # (lookbehinds come after the word, so that they only run where a lexicon word matched)
    not_infinitive = rf"(?<!(?<!\b{_TO_LICENSE}\s+)\bto\s+\w+)"
    not_after_det = (r"(?<!\b(?:a|an|the|this|these|those|its|their|any|some|his|her|our|your|"
                     r"would|should|must)\s+\w+)")
    plain = (_FINITE_FORMS | _BASE_FORMS) - _NOUNLIKE - {f + "s" for f in _NOUNLIKE if f not in _VERBLIKE_S}
    nounlike = (_NOUNLIKE - {"double"}) | {f + "s" for f in _NOUNLIKE if f not in _VERBLIKE_S}
    past = _PAST_FORMS - _ADJECTIVAL
    not_adjectival = rf"(?<!\b{_ADJ_CONTEXT}\s+(?:\w+ly\s+)?\w+)(?<!^\W*\w+)(?<![-%]\s*\w+)"
    return "|".join((
        # finite / base forms followed by an object: "MSCs reduce inflammation"
        rf"{trie_alternation(plain)}\b{not_infinitive}{not_after_det}(?!-){_OBJECT_FOLLOWS}",
        # noun-like forms only in a verbal context: "did not change the ratio", "positively impact"
        # (but not a sentence-initial adverb + adjective: "Significantly lower rates were found")
        rf"{trie_alternation(nounlike)}\b{not_infinitive}{not_after_det}(?<!^\W*\w+ly\s+\w+)"
        rf"(?:{_VERBAL_CONTEXT}{_OBJECT_FOLLOWS}|{_DETERMINER_FOLLOWS})",
        # past tense with an object: "EVR attenuated weight gain"
        rf"{trie_alternation(past)}\b{not_adjectival}(?!-){_OBJECT_FOLLOWS}",
        rf"{trie_alternation(_ADJECTIVAL)}\b{not_adjectival}{_DETERMINER_FOLLOWS}",
        # passive with an agent: "was improved by vitamin D", "were not affected by"
        rf"{trie_alternation(_PAST_FORMS)}(?<=\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|not\s+)*\w+)"
        r"\s+(?:\w+ly\s+)?by\b"
        r"(?!\s+(?:\d|about|approximately|up|more|less|nearly|almost|over|around|a\s+factor))",
        # gerund of means or result: "thereby improving", "by decreasing stress"
        rf"{trie_alternation(_ING_FORMS)}\b(?<=\b(?:thereby|by|in)\s+\w+){_OBJECT_FOLLOWS}",
        # progressive: "are greatly increasing the risk"
        rf"{trie_alternation(_ING_FORMS)}\b(?<=\b(?:is|are|was|were|been)(?:\s+\w+ly)?\s+\w+){_OBJECT_FOLLOWS}",
        # participle clause, unless it is the subject of a modal: ", causing death" but not
        # ", reducing intake could lower the risk"
        rf"{trie_alternation(_ING_FORMS)}\b(?<=,\s+\w+){_OBJECT_FOLLOWS}(?![^,;]*\b(?:{alternation(MODAL_HEDGES)}|can|would|will|should)\b)",
    ))


_PROMISE = (r"will\s+(?:\w+ly\s+)?(?:see|have|notice|experience|feel|look|get|enjoy|regain|grow)\b"
            r"(?!\s+(?:to|whether|if)\b)")

def _cue_source() -> str:
    """The one pattern of every cue kind, each a named group (built from the lists above)."""
    return (
        r"\b(?:"
        # purpose modifiers skip just their own verb: "interventions aimed at reducing X"
        r"(?P<skip>aim(?:s|ed|ing)?\s+(?:at|to)\s+\w+)\b"
        rf"|(?P<guard>{_alt(_GUARDS)}\b[^;]*?(?=;|\bbut\b|\bhowever\b|$))"
        rf"|(?P<hedge>{_alt(_HEDGES)})\b"
        rf"|(?P<corr>{_alt(_CORRELATIONAL)})\b"
        rf"|(?P<direct>{_alt(_CAUSAL_PHRASES)}|{_alt(_CAUSAL_NOUNS)}|{_PROMISE})\b"
        rf"|(?P<verb>{_verb_pattern()})\b"
        r")"
    )


# Building the source takes milliseconds (the tries): the command line keeps it between runs.
_CUE_RE = rx(derived("claim_strength.cue", None, _cue_source), regex.IGNORECASE | regex.VERSION0)

# Negation in the same clause, shortly before the cue.
_NEG_RE = rx(
    rf"\b(?:{alternation(NEGATION_WORDS)}|fail(?:s|ed)?\s+to|lack(?:s|ed)?(?:\s+of)?|"
    r"absence\s+of)\b|n't\b",
    regex.IGNORECASE,
)
_CLAUSE_BREAK_RE = rx(rf"(?r)[,;:]|\b(?:{alternation(CONTRAST_WORDS)}|which|and)\b",
                                 regex.IGNORECASE)
_NEG_WINDOW = 45


def _negated(sentence: str, start: int, cue: str) -> bool:
    if cue[:11].lower() == "ineffective" or _NEG_RE.search(cue):  # "poses no greater risk"
        return True
    window = sentence[max(0, start - _NEG_WINDOW):start]
    brk = _CLAUSE_BREAK_RE.search(window)
    if brk:
        window = window[brk.end():]
    return _NEG_RE.search(window) is not None


_KIND_STRENGTH = {
    "hedge": Strength.HEDGED,
    "corr": Strength.CORRELATIONAL,
    "direct": Strength.DIRECT,
    "verb": Strength.DIRECT,
}


# First words (or stems) of every cue and guard above: a cheap trie scan finds the few positions
# where the full cue pattern is worth trying, which keeps classify() fast.
_HEAD_STEMS = (
    # guards
    "is", "are", "was", "were", "be", "remain", "need", "further", "future", "more", "additional",
    "larger", "prospective", "randomi", "to", "whether", "if", "aim", "objective", "purpose", "goal",
    "should", "unclear", "unknown", "hope", "we", "researchers", "scientists", "investigators",
    "study", "studies", "trial", "authors", "findings", "results", "data", "research", "work",
    "analys", "evidence", "observation", "implications", "difficult", "hard", "assess", "examin",
    "evaluat", "investigat", "explor", "measur", "consider", "look", "studied", "studying", "in",
    # hedges
    "may", "might", "could", "possibl", "perhaps", "potential", "likely", "unlikely", "probabl",
    "presumabl", "putative", "hypothesi", "speculat", "suggestive", "conceivabl", "appear", "seem",
    "apparently", "seemingly",
    # correlational
    "associat", "link", "correlat", "relat", "risk", "predict", "less", "at", "tied", "connected",
    # phrases, nouns, promises
    "lead", "led", "result", "contribut", "give", "gave", "giving", "bring", "brought", "turn",
    "differentiat", "become", "play", "caused", "induced", "mediated", "driven", "triggered",
    "explained", "responsible", "attributable", "due", "clinically", "scientifically", "benefit",
    "up", "down", "effect", "ineffect", "successful", "effectiveness", "key", "critical", "crucial", "central",
    "essential", "vital", "efficac", "beneficial", "protective", "harmful",
    "detrimental", "impact", "ups", "upped", "influence", "improvement", "reduction", "cure", "change", "increase",
    "approved", "fda", "cost", "protect", "as a result", "as a consequence", "as a direct", "pose", "posing",
    "put", "placing", "placed", "places", "make", "making", "made",
    "culprit", "driver", "trigger", "shown", "proven", "demonstrated", "cause", "contributor", "killer",
    "determinant", "will",
)
def _trigger_source() -> str:
    return r"\b" + trie_alternation(set(_HEAD_STEMS) | _BASE_FORMS | _FINITE_FORMS | _PAST_FORMS | _ING_FORMS)


_TRIGGER_RE = rx(derived("claim_strength.trigger", None, _trigger_source), regex.IGNORECASE)


def classify(sentence: str) -> ClaimStrength:
    """Return the claim strength of one sentence, decided by its first claim cue."""
    skip_to = 0
    match = _CUE_RE.match
    for t in _TRIGGER_RE.finditer(sentence):
        pos = t.start()
        if pos < skip_to:
            continue
        m = match(sentence, pos)
        if m is None:
            continue
        kind = m.lastgroup
        if kind in ("guard", "skip") or kind is None:
            skip_to = m.end()
            continue
        start, end = m.span(kind)
        cue = sentence[start:end]
        return ClaimStrength(_KIND_STRENGTH[kind], _negated(sentence, start, cue), cue, (start, end))
    return ClaimStrength(Strength.NONE, False, None, None)


def _classify_exhaustive(sentence: str) -> ClaimStrength:
    """Reference implementation scanning every position (used to check the trigger list)."""
    for m in _CUE_RE.finditer(sentence):
        kind = m.lastgroup
        if kind in ("guard", "skip") or kind is None:
            continue
        start, end = m.span(kind)
        cue = sentence[start:end]
        return ClaimStrength(_KIND_STRENGTH[kind], _negated(sentence, start, cue), cue, (start, end))
    return ClaimStrength(Strength.NONE, False, None, None)
