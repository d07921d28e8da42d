"""Classify how strongly one sentence claims an effect: none, correlational, hedged or direct.

Purely linguistic: a hand-built lexicon of causal verbs/nouns, correlational and hedge cues, guards
for research-intent clauses, infinitives and adjectival participles, and a negation window.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import regex

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
    "raise": ("raises", "raised"),
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
    "modulate": ("modulates", "modulated"),
    "predict": ("predicts", "predicted"),
    "benefit": ("benefits", "benefited", "benefitted"),
    "help": ("helps", "helped"),
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
    "drive": ("drives", "drove"),
    "fuel": ("fuels", "fueled", "fuelled"),
    "cut": ("cuts",),
    "ease": ("eases", "eased"),
    "fight": ("fights", "fought"),
    "combat": ("combats", "combated"),
    "rebuild": ("rebuilds", "rebuilt"),
    "thicken": ("thickens", "thickened"),
}

# Multi-word causal predicates (verb + particle); inflected heads spelled out.
_CAUSAL_PHRASES = (
    r"(?:lead|leads|led|leading)\s+to",
    r"(?:result|results|resulted|resulting)\s+in",
    r"(?:contribute|contributes|contributed|contributing)\s+to",
    r"(?:give|gives|gave|giving)\s+rise\s+to",
    r"(?:bring|brings|brought|bringing)\s+(?:\w+\s+){0,2}?back",
    r"(?:turn|turns|turned)\s+into",
    r"(?:differentiate|differentiates|differentiated)\s+into",
    r"(?:become|becomes)(?=\s+(?:\w+\s+){0,2}?(?:neurons?|cells?|tissues?|bone|cartilage|muscle))",
    r"(?:play|plays|played|playing)\s+(?:an?\s+)?(?:\w+\s+){0,2}?roles?\s+in",
    r"(?:caused|induced|mediated|driven|triggered)\s+by",
    r"(?:responsible|attributable)\s+(?:for|to)",
    r"due\s+to",
    r"because\s+of",
    r"(?:clinically|scientifically)\s+(?:proven|tested|shown)",
    r"(?:proven|shown|demonstrated)\s+to\s+(?:be\s+)?(?:effective|work|help|reduce|improve)",
    r"(?:works?|worked)\s+(?:by|to)",
)

# Effect adjectives / nouns that assert efficacy on their own.
_CAUSAL_NOUNS = (
    r"(?:in)?effective(?:ly|ness)?",
    r"efficac(?:y|ious)",
    r"beneficial",
    r"protective",
    r"harmful",
    r"detrimental",
    r"(?<!side[\s-])effects?\s+(?:of|on)",
    r"impact\s+(?:of|on)",
    r"benefits?\s+(?:of|for|in|to)",
    r"cure\s+for",
    r"(?<=\bno\s)cure",
    r"approved\s+(?:by\s+the\s+FDA\s+)?for",
    r"FDA[\s-]approved",
)

# An infinitive ("difficult to treat", "needed to reduce") is not an assertion, unless licensed
# by a verb that states the result ("shown to reduce", "helps to regenerate", "is able to").
_TO_LICENSE = r"(?:shown|found|proven|demonstrated|reported|known|help|helps|helped|able|going|used|appears?|seems?|tends?|continues?|been)"
# A participle after a determiner or preposition is adjectival ("an increased risk", "with reduced").
_ADJ_CONTEXT = (r"(?:a|an|the|this|that|these|those|its|their|our|your|his|her|with|of|in|for|by|to|"
                r"from|on|at|than|among|between|no|more|less|most|and|or|not)")

_HEDGES = (
    r"may", r"might", r"could", r"would", r"possibl[ey]", r"perhaps", r"potential(?:ly)?",
    r"(?<!(?:more|less|most|least)\s)likely", r"unlikely", r"probabl[ey]", r"presumabl[ey]",
    r"putative(?:ly)?", r"hypothesi[sz](?:ed|e|es)", r"speculat(?:e|ed|ive)",
    r"(?:is|are|was|were)\s+(?:\w+\s+)?(?:thought|believed|proposed|expected)\s+to",
    r"(?:is|are)\s+(?:currently\s+)?being\s+(?:studied|investigated|tested|explored|evaluated)",
    r"promising", r"suggestive\s+of", r"conceivabl[ey]",
)

_CORRELATIONAL = (
    r"(?<!-)associat(?:ed|ion|ions)",
    r"(?<!-)link(?:ed|s|age)?\s+(?:\w+\s+)?(?:to|with|between)",
    r"(?<!-)correlat(?:ed|es|ion|ions|e)",
    r"(?<!-)(?:related|relation|relationship|relationships)\s+(?:\w+\s+)?(?:to|with|between)",
    r"risk\s+factors?",
    r"predict(?:or|ors|ive)",
    r"(?:more|less)\s+likely",
    r"at\s+(?:a\s+)?(?:higher|lower|increased|greater|reduced|elevated|decreased)\s+risk",
    r"tied\s+to",
    r"connected\s+(?:to|with)",
    r"in\s+relation\s+to",
)

# Research intent, needs and recommendations: the rest of the clause is not a claim.
_GUARDS = (
    r"(?:is|are|was|were|be|remains?)\s+(?:\w+\s+)?(?:needed|required|warranted|necessary)",
    r"needs?\s+to\s+be",
    r"(?:further|future|more|additional|larger|prospective|randomi[sz]ed)\s+(?:\w+\s+){0,3}?"
    r"(?:studies|study|research|trials?|investigations?|work|data|evidence)",
    r"to\s+(?:determine|assess|evaluate|investigate|examine|test|prove|confirm|establish|clarify|"
    r"explore|elucidate|understand|identify|compare|measure|quantify|characteri[sz]e|see\s+if|learn)",
    r"whether", r"if", r"aim(?:s|ed)?", r"objectives?", r"purpose", r"goals?", r"should",
    r"unclear", r"unknown", r"remains?\s+to\s+be",
    r"(?:we|researchers|scientists|investigators|study|studies|trial)\s+"
    r"(?:sought|set\s+out|investigated?|examined?|examines|assess(?:ed|es)?|evaluated?|evaluates|studied|tested|tests|compared?|compares|explored?|explores|looks?\s+at|looked\s+at)",
    r"difficult\s+to", r"hard\s+to",
)


def _alt(items: tuple[str, ...] | list[str]) -> str:
    return "(?:" + "|".join(items) + ")"


def _verb_pattern() -> str:
    bases = sorted(_CAUSAL_VERBS, key=len, reverse=True)
    finite = sorted({f for forms in _CAUSAL_VERBS.values() for f in forms if not f.endswith("ed")
                     and f not in ("regrown", "rebuilt", "fought", "drove", "regrew")}, key=len, reverse=True)
    past = sorted({f for forms in _CAUSAL_VERBS.values() for f in forms
                   if f.endswith("ed") or f in ("regrown", "rebuilt", "fought", "drove", "regrew")},
                  key=len, reverse=True)
    not_infinitive = rf"(?<!(?<!\b{_TO_LICENSE}\s)\bto\s)"
    # base / 3rd person: not an infinitive, not a noun after a determiner or before "in"/"of"
    base = (rf"{not_infinitive}(?<!\b(?:a|an|the|this|that|these|those|its|their|any|some)\s(?:\w+\s)?)"
            rf"{_alt(finite + bases)}\b(?!\s+(?:in|of)\b)(?!-)")
    # past / participle: not adjectival
    part = rf"(?<!\b{_ADJ_CONTEXT}\s(?:\w+ly\s)?)(?<!-){_alt(past)}\b(?!-)"
    return rf"{base}|{part}"


_CUE_RE = regex.compile(
    r"\b(?:"
    rf"(?P<guard>{_alt(_GUARDS)}\b[^,;:.]*)"
    rf"|(?P<hedge>{_alt(_HEDGES)})"
    rf"|(?P<corr>{_alt(_CORRELATIONAL)})"
    rf"|(?P<direct>{_alt(_CAUSAL_PHRASES)}|{_alt(_CAUSAL_NOUNS)}|will\s+(?:\w+ly\s+)?(?:see|have|notice|experience|feel|look|get|enjoy|regain|grow))"
    rf"|(?P<verb>{_verb_pattern()})"
    r")\b",
    regex.IGNORECASE | regex.VERSION0,
)

# Negation in the same clause, shortly before the cue.
_NEG_RE = regex.compile(
    r"\b(?:not|no|never|neither|nor|none|nothing|cannot|without|fail(?:s|ed)?\s+to|lack(?:s|ed)?(?:\s+of)?|"
    r"absence\s+of)\b|n't\b",
    regex.IGNORECASE,
)
_CLAUSE_BREAK_RE = regex.compile(r"(?r)[,;:]|\b(?:but|whereas|while|although|though|however|which|and)\b",
                                 regex.IGNORECASE)
_NEG_WINDOW = 45


def _negated(sentence: str, start: int, cue: str) -> bool:
    if cue[:2].lower() == "in" and cue.lower().startswith("ineffective"):
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


def classify(sentence: str) -> ClaimStrength:
    """Return the claim strength of one sentence, decided by its first claim cue."""
    for m in _CUE_RE.finditer(sentence):
        kind = m.lastgroup
        if kind == "guard" or kind is None:
            continue
        start, end = m.span(kind)
        cue = sentence[start:end]
        return ClaimStrength(_KIND_STRENGTH[kind], _negated(sentence, start, cue), cue, (start, end))
    return ClaimStrength(Strength.NONE, False, None, None)
