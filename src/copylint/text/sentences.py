"""Split block text into sentences without breaking on abbreviations, initials, decimals or DOIs."""

from __future__ import annotations


from copylint.models import Block, Sentence
from copylint.regexcache import rx

ABBREVIATIONS = frozenset(
    """al e.g i.e dr drs mr mrs ms prof st vs v fig figs no nos vol approx ca cf etc inc ltd co corp
    jr sr dept univ est min max jan feb mar apr jun jul aug sep sept oct nov dec mt ph.d phd md
    u.s u.k e.u p pp ed eds op cit ibid resp incl""".split()
)
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
# A run of punctuation is tried once, from its first character and without backtracking, so a
# megabyte of dots is one linear scan.
_BOUNDARY = rx(r"(?<![.!?\u2026])[.!?\u2026]++[\"'\u201d\u2019)\]]*+(?=\s)|(?<=\p{Ll}{2})[.!?](?=\p{Lu}\p{Ll})")
_NEXT_START = rx(r"\s*([\"'\u201c\u2018(\[]*)(\p{Lu}|\p{N}|\p{Lo})")


def _word_before(text: str, dot: int) -> str | None:
    r"""The run of letters and dots just before the '.' at `dot` (what `([\p{L}.]+)\.$` would
    capture in text[:dot + 1]), found by scanning back: linear even in a 1 MB paragraph."""
    i = dot
    while i > 0 and (text[i - 1] == "." or text[i - 1].isalpha()):
        i -= 1
    return text[i:dot] if i < dot else None


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at `dot` ends an abbreviation or an initial ("J." / "e.g.")."""
    token = _word_before(text, dot)
    if token is None:
        return False
    bare = token.strip(".")
    if len(bare) >= 2 and bare.isupper() and "." not in bare:
        return False  # an acronym ending a sentence: "... patients with MS."
    word = bare.lower()
    if word in ABBREVIATIONS:
        return True
    # Single capital initial such as "J. Smith" or "S. et al."
    return len(token.strip(".")) == 1 and token.strip(".").isupper()


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets in `text`, leading/trailing whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        nxt = _NEXT_START.match(text, end)
        if not nxt:
            continue
        punct = m.group(0)
        if punct.startswith(".") and len(punct.rstrip("\"'\u201d\u2019)]")) == 1 and _is_abbreviation(text, m.start()):
            continue
        spans.append((start, end))
        start = nxt.start(1)
    spans.append((start, len(text)))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def split_block(block: Block, block_index: int, first_index: int) -> list[Sentence]:
    """Sentences of one block. A heading is always one sentence."""
    text = block.text
    spans = [(0, len(text))] if block.kind == "heading" else split_spans(text)
    spans = [t for s, e in spans if (t := _trim(text, s, e))]
    return [
        Sentence(block_index, s, e, text[s:e], first_index + i)
        for i, (s, e) in enumerate(spans)
    ]
