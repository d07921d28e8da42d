"""Regex prefilter: literal "anchors" that every match of a rule must contain, checked against the
case-folded block text of a document so that a rule whose anchors are absent never runs its regex."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Iterable

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

from copylint.core.derived import derived
from copylint.core.models import Document

Cover = frozenset  # of case-folded strings; every match contains at least one of them
MIN_LEN = 3  # shorter anchors are too common to be worth a check


_PIECES = re.compile(r"[\s'\u2019]+")


@dataclass
class FoldedText:
    """The case-folded text of every block, joined by newlines, with each block's start."""

    text: str
    starts: list[int]

    def has_any(self, anchors: tuple[str, ...]) -> bool:
        text = self.text
        return any(a in text for a in anchors)

    def blocks_with(self, anchors: tuple[str, ...]) -> list[int]:
        """Sorted indices of the blocks that contain at least one anchor."""
        text, starts, found = self.text, self.starts, set()
        for a in anchors:
            i = text.find(a)
            while i >= 0:
                b = bisect.bisect_right(starts, i) - 1
                found.add(b)
                i = text.find(a, starts[b + 1]) if b + 1 < len(starts) else -1
        return sorted(found)


def folded_text(doc: Document) -> FoldedText:
    """An analysis: memoise with `ctx.get(folded_text)`."""
    starts, pos, parts = [], 0, []
    for block in doc.blocks:
        folded = block.text.casefold()
        starts.append(pos)
        parts.append(folded)
        pos += len(folded) + 1
    return FoldedText("\n".join(parts), starts)


def term_anchor(term: str, avoid: str = "") -> str:
    """The longest piece of a literal term between whitespace and apostrophes (terms match across
    any whitespace, and some kinds accept either apostrophe), preferring pieces not in `avoid`."""
    pieces = [p.casefold() for p in _PIECES.split(term) if p] or [term.casefold()]
    common = {p.casefold() for p in _PIECES.split(avoid)}
    rare = [p for p in pieces if p not in common]
    return max(rare or pieces, key=len)


def pattern_cover(pattern: str) -> Cover | None:
    """Strings one of which occurs in every match of `pattern`, or None when none can be derived
    (syntax only the `regex` module knows, or no required literal). Parsing a long pattern costs
    milliseconds, so the command line keeps the result between runs (core.derived)."""
    return derived("anchors.pattern_cover", pattern, lambda: _parsed_cover(pattern))


def _parsed_cover(pattern: str) -> Cover | None:
    try:
        parsed = _p.parse(pattern)
    except Exception:
        return None
    return _seq_cover(list(parsed))


_PROPERTY = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP](?:\{[^}]*\}|[A-Za-z])")  # \p{L}, \P{Lu}, \pL
# The characters that case-insensitive `regex` matching takes for an ASCII letter but whose
# lower case (str.lower) is not that letter: a text holding one is always scanned.
LOOKALIKES = ("\u0130", "\u0131", "\u017f")


def literal_cover(pattern: str) -> tuple[str, ...] | None:
    """Lower-case ASCII strings one of which occurs (lower-cased) in every case-insensitive match of
    `pattern`, a `regex` pattern (its Unicode property classes read as any word character), or
    None when none can be derived. Uncached: for callers that derive thousands once."""
    cover = pattern_cover(_PROPERTY.sub(lambda m: m.group(1) + r"\w", pattern))
    if not cover or not all(a.isascii() for a in cover):
        return None
    return tuple(sorted(cover, key=lambda a: (-len(a), a)))


ascii_cover = functools.lru_cache(maxsize=256)(literal_cover)  # the same, remembered for the patterns asked again


def may_match(cover: tuple[str, ...] | None, text: str) -> bool:
    """False only when no match of the pattern `cover` was derived from (ascii_cover) can be in `text`."""
    if cover is None or any(c in text for c in LOOKALIKES):
        return True
    low = text.lower()
    return any(a in low for a in cover)


def rule_anchors(terms: Iterable[str], patterns: Iterable[str]) -> tuple[str, ...] | None:
    """Anchors of a rule made of literal terms and regex patterns, or None (always run it)."""
    anchors: set[str] = {term_anchor(t) for t in terms}
    for pattern in patterns:
        # (a Unicode property class reads as any word character: it holds no literal anyway)
        cover = pattern_cover(_PROPERTY.sub(lambda m: m.group(1) + r"\w", pattern))
        if cover is None:
            return None
        anchors |= cover
    if not anchors or any(not a for a in anchors):
        return None
    return tuple(sorted(anchors, key=lambda a: (-len(a), a)))


def _score(cover: Cover) -> tuple[int, int]:
    return (min(len(s) for s in cover), -len(cover))


def _seq_cover(items: list) -> Cover | None:
    best: Cover | None = None
    run: list[str] = []

    def consider(cover: Cover | None) -> None:
        nonlocal best
        if cover and all(cover) and (best is None or _score(cover) > _score(best)):
            best = cover

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(frozenset({"".join(run).casefold()}))
            run = []
        consider(_item_cover(op, av))
    if run:
        consider(frozenset({"".join(run).casefold()}))
    if best is not None and _score(best)[0] < MIN_LEN:
        return best if len(best) <= 4 else None
    return best


def _item_cover(op, av) -> Cover | None:
    if op is _c.SUBPATTERN:
        return _seq_cover(list(av[-1]))
    if op is _c.BRANCH:
        covers = [_seq_cover(list(branch)) for branch in av[1]]
        if any(c is None for c in covers):
            return None
        return frozenset().union(*covers)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
        return _seq_cover(list(av[2]))
    return None
