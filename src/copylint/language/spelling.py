"""Word occurrences of a document and spelling keys that ignore case, hyphens and US/UK
spelling, so that "flare-ups"/"flareups" or "tumour"/"tumor" count as one term. Pure."""

from __future__ import annotations

import functools
from dataclasses import dataclass


from copylint.core.models import Document
from copylint.core.regexcache import rx

WORD_RE = rx(r"\p{L}[\p{L}\p{N}]*(?:[-\u2010\u2011]\p{L}[\p{L}\p{N}]*)*")
# (pattern, replacement) applied to a lower-cased word to get its spelling key.
_KEY_RULES = tuple((rx(p), r) for p, r in (
    (r"[-\u2010\u2011]", ""),
    (r"isation", "ization"),
    (r"(?<=\w{3})is(e[ds]?|ing)$", r"iz\1"),
    (r"(?<=\w{3})our(s|ed|ing)?$", r"or\1"),
    (r"aemi", "emi"),
    (r"^oedem", "edem"),
    (r"^oesoph", "esoph"),
    (r"^haem", "hem"),
    (r"^paed", "ped"),
    (r"(?<=\w{3}[^aeiou])re(s)?$", r"er\1"),
))


@dataclass(frozen=True)
class Word:
    """A word of block `block` at block-text offsets [start, end)."""

    block: int
    start: int
    end: int
    text: str


@functools.lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    key = word.lower()
    for pattern, repl in _KEY_RULES:
        key = pattern.sub(repl, key)
    return key


def document_words(doc: Document) -> list[Word]:
    """Every word of every block, in reading order (memoise with `ctx.get(document_words)`)."""
    return [
        Word(b, m.start(), m.end(), m.group(0))
        for b, block in enumerate(doc.blocks)
        for m in WORD_RE.finditer(block.text)
    ]
