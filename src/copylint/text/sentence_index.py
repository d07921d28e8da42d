"""Find the sentence that contains a block-text offset (bisect over per-block sentence starts)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from copylint.core.models import Document, Sentence


@dataclass
class SentenceIndex:
    by_block: dict[int, list[Sentence]]
    starts: dict[int, list[int]]

    def at(self, block: int, pos: int) -> Sentence | None:
        starts = self.starts.get(block)
        if not starts:
            return None
        i = bisect.bisect_right(starts, pos) - 1
        if i < 0:
            return None
        sentence = self.by_block[block][i]
        return sentence if pos < sentence.end else None


def sentence_index(doc: Document) -> SentenceIndex:
    by_block: dict[int, list[Sentence]] = {}
    for s in doc.sentences:
        by_block.setdefault(s.block, []).append(s)
    return SentenceIndex(by_block, {b: [s.start for s in ss] for b, ss in by_block.items()})
