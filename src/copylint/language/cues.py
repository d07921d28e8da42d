"""Negation, hedge and question cues: is a match negated in its clause, is its sentence hedged?"""

from __future__ import annotations

import bisect
import functools

import regex
from copylint.language.lexicon import CONTRAST_WORDS, HEDGE_WORDS, NEGATION_WORDS, alternation
from copylint.core.regexcache import rx

NEGATION = rx(
    rf"\b(?:{alternation(NEGATION_WORDS)}|nobody|unproven|"
    r"lack(?:s|ed|ing)?\s+(?:of|any)|absence\s+of|far\s+from|no\s+longer|unlikely\s+to|"
    r"(?:has|have|had)\s+yet\s+to|yet\s+to\s+be|fail(?:s|ed)?\s+to|instead\s+of|rather\s+than|"
    r"\w+n['\u2019]t)\b(?!\s+(?:only|just|short\s+of|less\s+than|to\s+mention|want\s+you\s+to\s+know)\b)",
    regex.I,
)
# Cues that carry negation across commas ("Neither MS nor ALS, it should be mentioned, can be cured").
WIDE_NEGATION = rx(r"\b(?:neither|nor)\b", regex.I)
CLAUSE_BREAK = rx(
    rf"[;:!?()\[\]\u2014\u2013]|\s-\s|\.\s|\b(?:{alternation(CONTRAST_WORDS)}|except|unlike|whilst)\b",
    regex.I,
)
COMMA = rx(r",")
# A benefit or lead word followed by "of" is a noun there: "End of life care", "the end of treatment".
NOUN_OF = rx(r"\s+of\b", regex.I)
# ... or followed by a product noun, which it names: "detox teas", "repair creams", "cleanse kits".
PRODUCT_NOUN_AFTER = rx(r"\s+(?:teas?|drinks?|diets?|kits?|pills?|supplements?|juices?|shakes?|cleanses?|packs?|bundles?|regimes?)\b", regex.I)


# A determiner or possessive right before the word makes it a noun: "our drops", "the cure".
DETERMINER_BEFORE = rx(r"\b(?:our|my|these|this|those|their|his|her|its)\s+$", regex.I)
# ... unless a preposition makes it a benefit's noun: "the fight against viruses", "a boost for immunity".
ACTION_NOUN_AFTER = rx(r"\s+(?:against|for|from|to)\b", regex.I)
ACTION_NOUN_END = rx(r"\s(?:against|for|from|to)$", regex.I)  # the term holds it: "fight against"


def used_as_noun(text: str, end: int, start: int | None = None) -> bool:
    """The word ending at `end` (starting at `start`, when given) names a thing, not an action:
    "of" or a product noun follows it, or a determiner precedes it."""
    if (start is not None and DETERMINER_BEFORE.search(text, max(0, start - 8), start) is not None
            and ACTION_NOUN_AFTER.match(text, end) is None and ACTION_NOUN_END.search(text, start, end) is None):
        return True
    return NOUN_OF.match(text, end) is not None or PRODUCT_NOUN_AFTER.match(text, end) is not None
HEDGE = rx(
    rf"\b(?:{alternation(HEDGE_WORDS)}|possibl[ey]|potential(?:ly)?|hopefully|"
    r"(?:is|are|being|been)\s+(?:still\s+)?(?:being\s+)?(?:studied|investigated|researched|explored|evaluated|tested)|"
    r"hypothes[ie][sz]\w*|theoreti\w+|investigational|"
    r"appears?\s+to|seems?\s+to|is\s+thought\s+to|are\s+thought\s+to|in\s+theory|"
    r"aims?\s+to|intended\s+to|designed\s+to|whether|if\s+and\s+how)\b",
    regex.I,
)
NEGATION_WINDOW = 12  # words between the cue and the match
# A negated verb list spans commas: "not intended to diagnose, treat, cure or prevent".
LIST_TAIL = rx(
    r"(?:\s+(?:intended|meant|designed|able|used)\s+to)?(?:\s*[\w-]+\s*(?:,|\bor\b|\band\b|/))+\s*",
    regex.I,
)


# A CLAUSE_BREAK match reads at most 9 characters from where it starts ("although" and the
# character its \b looks at): a break ending by pos - _BREAK_SAFE is found alike with or without
# the end at pos, and none that is not starts before pos - _BREAK_REACH.
_BREAK_SAFE = 12
_BREAK_REACH = 24


@functools.lru_cache(maxsize=4096)
def _break_ends(text: str) -> list[int]:
    """Ends of the CLAUSE_BREAK matches of the whole `text`, found once per text."""
    return [m.end() for m in CLAUSE_BREAK.finditer(text)]


def clause_start(text: str, pos: int, *, commas: bool = True) -> int:
    """Start of the clause containing `pos` (clauses break at ; : dashes, brackets and
    contrastive conjunctions, and at commas unless `commas` is False).

    Equal to the end of the last CLAUSE_BREAK match of `text[:pos]`: the breaks of the whole
    text are found once, and only the last _BREAK_REACH characters before `pos` (where a break
    could read past `pos`) are scanned again, so a call costs the same in a sentence of any length."""
    ends = _break_ends(text)
    i = bisect.bisect_right(ends, pos - _BREAK_SAFE) - 1
    start = ends[i] if i >= 0 else 0
    for m in CLAUSE_BREAK.finditer(text, max(start, pos - _BREAK_REACH), pos):
        start = m.end()
    if commas:
        comma = text.rfind(",", start, pos)
        if comma >= 0:
            start = comma + 1
    return start


# "no"/"without" negate the noun phrase after them, not a later coordinated verb phrase:
# "It has no side effects and works for everyone" still claims that it works for everyone.
DETERMINER_NEGATION = rx(r"(?:no|none|nothing|without)", regex.I)
PHRASE_END = rx(r"\b(?:and|or|with|plus)\b", regex.I)
# What may stand before a "no" that negates the clause's subject: nothing, "there is", "there are".
SUBJECT_NEGATION = rx(r"\W*(?:(?:there|here)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+)?", regex.I)
# A suffix that negates the noun before it: "drug-free", "surgery free", "painless".
FREE_AFTER = rx(r"(?:[-\s]?free|less)\b", regex.I)


# A negation that states what a product prevents: "so I don't get the flu", "so that you never catch a cold".
PREVENTIVE_NOT = rx(
    r"\bso\s+(?:that\s+)?(?:[\w'\u2019]+\s+){0,2}?(?:don['\u2019]t|won['\u2019]t|never|do\s+not|will\s+not|doesn['\u2019]t)\s+"
    r"(?:ever\s+)?(?:again\s+)?(?:get|gets|catch|catches|develop|develops|suffer|suffers|come\s+down\s+with|fall\s+ill)\b",
    regex.I,
)


def negated_before(text: str, pos: int) -> bool:
    """True when a negation cue precedes `pos` in the same clause, within a few words (not one
    that states a prevention: "so I don't get a virus")."""
    start = clause_start(text, pos)
    for m in NEGATION.finditer(text, start, pos):
        if len(text[m.end():pos].split()) > NEGATION_WINDOW:
            continue
        frame = PREVENTIVE_NOT.search(text, max(start, m.start() - 40), min(pos, m.end() + 40))
        if frame is not None and frame.start() <= m.start() < frame.end():
            continue
        if (DETERMINER_NEGATION.fullmatch(m.group()) and PHRASE_END.search(text, m.end(), pos)
                and (not SUBJECT_NEGATION.fullmatch(text, start, m.start()) or NEGATION.match(text, pos))):
            continue  # (but "No supplement can slow or reverse it": the clause's subject is negated;
            # "no scalpel and no side effects": each item carries its own "no")
        return True
    wide_start = clause_start(text, pos, commas=False)
    if WIDE_NEGATION.search(text, wide_start, pos) is not None:
        return True
    if NEGATION.match(text, pos):
        return False  # "No prescription, no side effects": each item carries its own "no"
    return any(LIST_TAIL.fullmatch(text, m.end(), pos) for m in NEGATION.finditer(text, wide_start, pos))


def hedged(text: str) -> bool:
    return HEDGE.search(text) is not None


def is_question(text: str) -> bool:
    return text.rstrip().rstrip("\"'\u201d\u2019)").endswith("?")
