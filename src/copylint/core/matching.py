"""The one place rule patterns are run on document text: every search of a rule's regular
expressions (phrase terms and exceptions, claim vocabularies and exceptions, required triggers,
accepted and weak wordings, contradictions, date and spelling vocabularies) goes through these
functions, which apply the run's time limit. A pattern that runs over it raises TimeoutError,
which the engine reports as one error naming the rule and the file."""

from __future__ import annotations

import functools
import os
from typing import Iterator, Sequence

import regex

DEFAULT_TIMEOUT = 5.0  # seconds one pattern may run on one text
LOOKAHEAD = 256  # characters after a sentence that a scan of it may read (lookaheads, crossing matches)


def regex_timeout() -> float | None:
    """The run's limit: COPYLINT_REGEX_TIMEOUT seconds (0 or less: none), else DEFAULT_TIMEOUT.
    Kinds read it once into Settings.regex_timeout; shared analyses without settings call this."""
    return _parse_timeout(os.environ.get("COPYLINT_REGEX_TIMEOUT"))


@functools.lru_cache(maxsize=8)
def _parse_timeout(raw: str | None) -> float | None:
    try:
        value = float(raw) if raw is not None else DEFAULT_TIMEOUT
    except ValueError:
        value = DEFAULT_TIMEOUT
    return value if value > 0 else None


def finditer(pattern: regex.Pattern, text: str, timeout: float | None, pos: int = 0,
             endpos: int | None = None) -> Iterator[regex.Match]:
    """`pattern.finditer` stopped after `timeout` seconds (None: no limit). The matches are
    collected at once: regex counts the time from the first match, so a caller's own work
    between lazily drawn matches (a shared analysis computed on first use) would count too."""
    return iter(list(pattern.finditer(text, pos, endpos, timeout=timeout)))


def search(pattern: regex.Pattern, text: str, timeout: float | None, pos: int = 0,
           endpos: int | None = None) -> regex.Match | None:
    """`pattern.search` stopped after `timeout` seconds."""
    return pattern.search(text, pos, endpos, timeout=timeout)


def top_level_alternatives(source: str) -> list[str]:
    """The branches of a pattern's outermost alternation (`a|b(c|d)|e` -> `a`, `b(c|d)`, `e`):
    searched one by one they find what the whole alternation finds (see `search_first`), and each
    keeps the regex engine's fast scans that one large alternation loses."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if source.startswith("[]", i) or source.startswith("[^]", i):
                i += 2 if source[i + 1] == "]" else 3  # a "]" first in a class is a literal
                continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def search_first(patterns: Sequence[regex.Pattern], text: str, timeout: float | None) -> regex.Match | None:
    """What the alternation of `patterns` (in order) would find: the leftmost match, and at that
    position the first pattern's (each pattern's own leftmost match is its only one that can tie)."""
    best = None
    for pattern in patterns:
        found = pattern.search(text, timeout=timeout)
        if found is not None and (best is None or found.start() < best.start()):
            best = found
    return best


def match(pattern: regex.Pattern, text: str, timeout: float | None, pos: int = 0,
          endpos: int | None = None) -> regex.Match | None:
    """`pattern.match` stopped after `timeout` seconds."""
    return pattern.match(text, pos, endpos, timeout=timeout)


def in_sentences(pattern: regex.Pattern, text: str, sentences, timeout: float | None) -> Iterator[regex.Match]:
    """The matches of `pattern` in `text` (a block) that start inside one of `sentences` (in
    reading order): what `finditer` over the whole block gives there, scanning only from a
    sentence's start until a match starts past its end, at most LOOKAHEAD characters past it (so
    the work is linear in the sentences' length). Sentences that follow within LOOKAHEAD of each
    other are scanned in one pass; a match that starts between two of them is dropped and the scan
    starts again at the next, so that it hides nothing there (unless a match that crosses into a
    sentence from an earlier one would have hidden part of it: such matches are dropped by
    sentence-scoped rules anyway)."""
    resume, i, n = 0, 0, len(sentences)
    while i < n:
        if sentences[i].end <= resume:
            i += 1
            continue
        last = i  # the run of sentences scanned together
        while last + 1 < n and sentences[last + 1].start <= sentences[last].end + LOOKAHEAD:
            last += 1
        endpos = min(len(text), sentences[last].end + LOOKAHEAD)
        k, restart = i, last + 1
        # Drawn at once, as in `finditer`: the caller's work between matches must not count.
        for m in list(pattern.finditer(text, max(sentences[i].start, resume), endpos, timeout=timeout)):
            start = m.start()
            while k <= last and sentences[k].end <= start:
                k += 1
            if k > last or start < sentences[k].start:
                restart = k  # past the run, or between two sentences: scan again from the next
                break
            yield m
            resume = m.end()
        i = restart


def any_in_sentences(pattern: regex.Pattern, text: str, sentences, timeout: float | None) -> bool:
    """Whether `pattern` matches in one of the stretches `in_sentences` scans before it yields
    a match: from the start of each run of sentences (that follow within LOOKAHEAD of each other)
    to LOOKAHEAD characters past its last. Each scan of `in_sentences` until its first match
    starts in one of these stretches and ends where it ends (a match dropped between two
    sentences restarts the scan inside the same run), so when a wider pattern (a rule part's
    guard) matches in none of them, the pattern it covers yields nothing there."""
    i, n = 0, len(sentences)
    while i < n:
        if sentences[i].end <= 0:
            i += 1
            continue
        last = i
        while last + 1 < n and sentences[last + 1].start <= sentences[last].end + LOOKAHEAD:
            last += 1
        endpos = min(len(text), sentences[last].end + LOOKAHEAD)
        if pattern.search(text, sentences[i].start, endpos, timeout=timeout) is not None:
            return True
        i = last + 1
    return False


def alternation(parts, text: str, timeout: float | None) -> list[regex.Match] | None:
    """The matches `finditer` of the alternation `(?:p0)|(?:p1)|...` of `parts` gives on `text`,
    from searches of each part on its own (a part that opens with a literal keeps its fast scan,
    which a long alternation loses): leftmost first, the first part where several match at the
    same place, each search resumed where the last match ended. A part whose match starts before
    that place is searched again from it; since a match attempt at one position does not depend
    on where the search began, this is exactly the alternation's result. None when a match is
    empty (the alternation would then resume differently; the caller runs the alternation)."""
    pos = 0
    ahead = [p.search(text, 0, timeout=timeout) for p in parts]
    out: list[regex.Match] = []
    while True:
        best = None
        for i, m in enumerate(ahead):
            if m is not None and m.start() < pos:
                m = ahead[i] = parts[i].search(text, pos, timeout=timeout)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return out
        if best.end() == best.start():
            return None
        out.append(best)
        pos = best.end()


def findall(pattern: regex.Pattern, text: str, timeout: float | None) -> list:
    """`pattern.findall` stopped after `timeout` seconds."""
    return pattern.findall(text, timeout=timeout)
