"""One lexicon: the negation, hedge and contrast words several analyses share are written once
(language/lexicon.py); the clause and claim-strength regexes are built from them, and no other
module spells the shared lists out again."""

from __future__ import annotations

from pathlib import Path

import pytest

from copylint.language import claim_strength
from copylint.language import cues
from copylint.language import lexicon

SRC = Path(__file__).resolve().parents[1] / "src" / "copylint"
USES = {
    "negation": (lexicon.NEGATION_WORDS, [cues.NEGATION, claim_strength._NEG_RE]),
    "contrast": (lexicon.CONTRAST_WORDS, [cues.CLAUSE_BREAK, claim_strength._CLAUSE_BREAK_RE]),
    "hedge": (lexicon.HEDGE_WORDS, [cues.HEDGE]),
}


@pytest.mark.parametrize("notion", USES)
def test_every_shared_word_is_read_by_every_regex_of_its_notion(notion):
    words, patterns = USES[notion]
    for pattern in patterns:
        for word in words:
            sentence = f"The tea {word} helps."
            found = [m.group().lower() for m in pattern.finditer(sentence)]
            assert word in found, (pattern.pattern[:60], word)


def test_claim_strength_reads_every_hedge_word_as_a_hedge():
    for word in lexicon.HEDGE_WORDS:
        assert claim_strength.classify(f"Omega-3 {word} reduce inflammation.").strength.value == "hedged", word


def test_no_module_spells_a_shared_list_again():
    shared = [lexicon.alternation(words[:3]) for words, _ in USES.values()]
    for path in SRC.rglob("*.py"):
        if path.name == "lexicon.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert not [s for s in shared if s in text], path
