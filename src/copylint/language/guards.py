"""Guards for rule patterns that name a vocabulary (`{vocab:NAME}`). Such a pattern holds the
vocabulary's whole trie (tens of kilobytes of compiled code, as costly to unpickle as to
compile), yet on most sentences its other words already fail. Its guard is the same pattern
with a short shape of the vocabulary in place of each name (`vocab.terms_shape_source`: it
matches every span the trie matches, and more). Wherever the pattern matches, its guard matches
too, so a text in which the guard finds nothing needs neither the pattern nor its compiling.

That holds while every name stands where a wider match can only add matches: not inside a
negative lookaround or an atomic group, in a pattern without possessive quantifiers, verbs,
conditionals, `\\G` or verbose and version flags (`positive_refs`); other patterns get no guard."""

from __future__ import annotations

import re
from typing import Callable, Mapping

VOCAB_REF = re.compile(r"\{vocab:([A-Za-z_][\w-]*)\}")  # in a rule's pattern: any term of that vocabulary

# Anywhere in a pattern, these make a wider sub-pattern able to lose a match.
_UNSAFE = re.compile(r"\(\*|\(\?\(|\\G|[*+?}]\+|\(\?[a-zA-Z-]*[xV]|\(\?>")
_NEGATIVE = ("(?!", "(?<!", "(?>")


def positive_refs(pattern: str) -> bool:
    """Whether every `{vocab:NAME}` in `pattern` stands outside character classes, negative
    lookarounds and atomic groups, in a pattern free of the constructs `_UNSAFE` names (a
    possessive quantifier is refused wherever it stands)."""
    if _UNSAFE.search(pattern):
        return False
    stack: list[bool] = []  # per open group: is it (or a group around it) negative?
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            end = _class_end(pattern, i)
            if end is None or "{vocab:" in pattern[i:end]:
                return False
            i = end
            continue
        if ch == "(":
            stack.append(bool(stack and stack[-1]) or pattern.startswith(_NEGATIVE, i))
        elif ch == ")":
            if not stack:
                return False
            stack.pop()
        elif ch == "{" and pattern.startswith("{vocab:", i) and stack and stack[-1]:
            return False
        i += 1
    return not stack


def _class_end(pattern: str, start: int) -> int | None:
    """The offset just past the character class opening at `start` (None: unclosed)."""
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1  # a leading ] is a member
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "]":
            return i + 1
        i += 1
    return None


def guard_pattern(pattern: str, shape: Callable[[str], str | None]) -> str | None:
    """`pattern` with each `{vocab:NAME}` replaced by `shape(NAME)` (a group matching at least
    what the vocabulary matches), or None when the pattern names no vocabulary, a name has no
    shape or the result could miss a match of the pattern (`positive_refs`)."""
    names = VOCAB_REF.findall(pattern)
    if not names or not positive_refs(pattern):
        return None
    shapes = {name: shape(name) for name in names}
    if any(s is None for s in shapes.values()):
        return None
    return VOCAB_REF.sub(lambda m: f"(?:{shapes[m.group(1)]})", pattern)


def guarded_options(options: Mapping[str, object], shape: Callable[[str], str | None]) -> dict[str, list]:
    """For each option that is a list of patterns naming a vocabulary, the guard of each of its
    patterns (None where a pattern has none), in order."""
    out: dict[str, list] = {}
    for key, value in options.items():
        if isinstance(value, list) and any(isinstance(p, str) and "{vocab:" in p for p in value):
            out[key] = [guard_pattern(p, shape) if isinstance(p, str) else None for p in value]
    return out
