"""Reading level of a document's body text: Flesch-Kincaid grade and Flesch reading ease, with
per-sentence grades, computed as textstat computes them (its word list, CMU dictionary syllables
with pyphen for unknown words: language/syllables.py), offline. Pure: `analyse_readability(doc)`."""

from __future__ import annotations

from dataclasses import dataclass

from copylint.facts.date_model import is_reference_block
from copylint.language.syllables import text_words, word_syllables
from copylint.core.models import Document

BODY_KINDS = ("paragraph", "list_item", "quote", "table_cell")
MIN_SENTENCE_WORDS = 3


@dataclass(frozen=True)
class SentenceLevel:
    sentence: int  # index into Document.sentences
    words: int
    syllables: int

    @property
    def grade(self) -> float:
        return fk_grade(self.words, 1, self.syllables)


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    levels: tuple[SentenceLevel, ...]

    @property
    def grade(self) -> float:
        return fk_grade(self.words, self.sentences, self.syllables)

    @property
    def ease(self) -> float:
        return flesch_ease(self.words, self.sentences, self.syllables)

    def hardest(self, n: int) -> list[SentenceLevel]:
        """The `n` sentences with the highest grade (longest first on ties), in reading order."""
        ranked = sorted(self.levels, key=lambda s: (-s.grade, -s.words, s.sentence))[:n]
        return sorted(ranked, key=lambda s: s.sentence)


def fk_grade(words: int, sentences: int, syllables: int) -> float:
    """Flesch-Kincaid grade level (the formula textstat uses)."""
    if not words or not sentences:
        return 0.0
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def flesch_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch reading ease (the formula textstat uses)."""
    if not words or not sentences:
        return 0.0
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words


def analyse_readability(doc: Document) -> Readability:
    """Reading level of the body text (headings, metadata, alt text, references and everything
    outside a page's main content left out)."""
    body = {
        i for i, b in enumerate(doc.blocks)
        if b.kind in BODY_KINDS and b.region == "main" and not is_reference_block(b)
    }
    levels = []
    for s in doc.sentences:
        if s.block not in body:
            continue
        words = text_words(s.text)
        if len(words) < MIN_SENTENCE_WORDS:
            continue
        levels.append(SentenceLevel(s.index, len(words), sum(word_syllables(w) for w in words)))
    return Readability(
        words=sum(s.words for s in levels),
        sentences=len(levels),
        syllables=sum(s.syllables for s in levels),
        levels=tuple(levels),
    )
