"""Split block text into sentences without breaking on abbreviations, initials, decimals or DOIs;
a run longer than MAX_SENTENCE characters without a sentence end is cut into parts for analysis,
so every per-sentence check stays linear in the size of the file."""

from __future__ import annotations

import bisect

from copylint.core.models import Block, Document, Finding, Sentence
from copylint.core.regexcache import rx

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


MAX_SENTENCE = 1000  # characters; the longest sentence of fixtures/ and the seeds has 349
# Where a part may end, best first: after a clause break, else after a space (else anywhere).
_CLAUSE_ENDS = (";", ":", ",", "\u2014", "\u2013", ")")


def _cut(text: str, start: int, limit: int) -> int:
    """End of the part of an over-long sentence that starts at `start`: the last clause break,
    else the last space, in the second half of the next `limit` characters."""
    hi, lo = start + limit, start + limit // 2
    best = max(text.rfind(c, lo, hi - 1) for c in _CLAUSE_ENDS)
    if best >= 0:
        return best + 1
    space = text.rfind(" ", lo, hi)
    return space + 1 if space > lo else hi


def bounded(text: str, spans: list[tuple[int, int]], limit: int = MAX_SENTENCE) -> list[tuple[int, int, int]]:
    """(start, end, part) of each sentence: part 0 for a whole sentence; one longer than `limit`
    becomes parts numbered 1, 2, ..."""
    out: list[tuple[int, int, int]] = []
    for start, end in spans:
        if end - start <= limit:
            out.append((start, end, 0))
            continue
        part = 0
        while end - start > limit:
            cut = _cut(text, start, limit)
            if (trimmed := _trim(text, start, cut)) is not None:
                part += 1
                out.append((*trimmed, part))
            start = cut
        if (trimmed := _trim(text, start, end)) is not None:
            out.append((*trimmed, part + 1))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _heading_spans(text: str) -> list[tuple[int, int]]:
    """A heading's sentences: split only after a question or exclamation mark (a heading's dots
    are abbreviations, numbers and names more often than sentence ends)."""
    spans = split_spans(text)
    merged = spans[:1]
    for s, e in spans[1:]:
        if text[merged[-1][1] - 1] not in "?!":
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged or [(0, len(text))]


def split_block(block: Block, block_index: int, first_index: int) -> list[Sentence]:
    """Sentences of one block. A heading is one sentence unless it runs questions or exclamations
    together ("Hangover? Fatigue? Our drip has you covered")."""
    text = block.text
    spans = _heading_spans(text) if block.kind == "heading" else split_spans(text)
    spans = [t for s, e in spans if (t := _trim(text, s, e))]
    return [
        Sentence(block_index, s, e, text[s:e], first_index + i, part)
        for i, (s, e, part) in enumerate(bounded(text, spans))
    ]


PART_NOTE = f" (in a sentence over {MAX_SENTENCE:,} characters without a sentence end, checked in parts)"


def mark_parts(doc: Document, findings: list[Finding]) -> int:
    """Say in each finding that falls in an over-long sentence that it was checked in parts;
    the number of such sentences (parts joined) is returned for the run's note."""
    spans = sorted(doc.sentence_span(s) for s in doc.sentences if s.part)
    if not spans:
        return 0
    starts = [start for start, _ in spans]
    for f in findings:
        i = bisect.bisect_right(starts, f.location.start_offset) - 1
        if i >= 0 and f.location.start_offset < spans[i][1] and not f.message.endswith(PART_NOTE):
            f.message += PART_NOTE
    return sum(1 for s in doc.sentences if s.part == 1)
