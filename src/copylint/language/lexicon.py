"""The one lexicon: the words that several analyses read as the same notion (negation, hedging,
contrast between clauses), written once as data. Each analysis builds its regex from these and
adds only the words its own use needs (cues.py: the clause a match sits in; claim_strength.py:
the few words before a claim cue)."""

from __future__ import annotations

from typing import Iterable

# Words that negate what follows them in their clause.
NEGATION_WORDS = ("no", "not", "never", "neither", "nor", "none", "nothing", "cannot", "without", "rarely", "seldom")
# Conjunctions that open a contrasting clause: a claim or negation does not carry across them.
CONTRAST_WORDS = ("but", "however", "although", "though", "whereas", "while")
# Modal verbs of possibility, and the words that make a statement tentative.
MODAL_HEDGES = ("may", "might", "could")
HEDGE_WORDS = (*MODAL_HEDGES, "perhaps")


def alternation(words: Iterable[str]) -> str:
    """The words as one regex alternation, in the order given (no group)."""
    return "|".join(words)
