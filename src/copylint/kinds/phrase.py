"""The `phrase` kind: literal terms or regexes, matched per sentence, heading, block or document,
with negation, hedge, question and exception-phrase guards."""

from __future__ import annotations

from typing import Iterable, Iterator

import regex

from copylint.language import cues
from copylint.core import matching
from copylint.language.anchors import folded_text, rule_anchors
from copylint.facts.context import Analysis
from copylint.facts.speaker import Speaker
from copylint.kinds.base import Option, RuleKind, RuleSpec, Settings
from copylint.text.sentence_index import sentence_index
from copylint.core.models import Document, Finding, Sentence
from copylint.core import validators as v

UNLESS = v.mapping({
    "negated": Option(v.boolean, "a negation before the match in the same clause (default: true)"),
    "hedged": Option(v.boolean, "a hedge (may, might, could, potential ...) in the same sentence (default: false)"),
    "question": Option(v.boolean, "the sentence is a question (default: true)"),
    "phrases": Option(v.regex_list, "any of these in the same sentence"),
    "preceded_by": Option(v.regex_list, "any of these right before the match, in the same clause"),
})
VOICE = v.one_of("any", "unwarned", "absolute", "promoted")  # who must be speaking (also the claim kind's `voice`)
DEFAULT_UNLESS = {"negated": True, "hedged": False, "question": True, "phrases": [], "preceded_by": []}


_BEFORE, _AFTER = r"(?<![\p{L}\p{N}_])", r"(?![\p{L}\p{N}_])"  # a match stands as whole words


def pattern_source(terms: Iterable[str], patterns: Iterable[str], *, word_boundary: bool) -> str:
    """One alternation of all literal terms (longest first) and regexes."""
    parts = [regex.escape(t).replace(r"\ ", r"\s+") for t in sorted(set(terms), key=lambda t: (-len(t), t))]
    parts += [f"(?:{p})" for p in patterns]
    body = "|".join(parts)
    if word_boundary:
        body = f"{_BEFORE}(?:{body}){_AFTER}"
    return body


# A rule whose joined pattern is longer than this runs each of its patterns on its own: one long
# alternation loses the literal prefix scan every part would have (a pattern that names a
# vocabulary, `{vocab:NAME}`, holds thousands of terms), and its matches are merged as the
# alternation's would be (leftmost, then the first part).
SPLIT_ABOVE = 2000


def pattern_parts(joined: str, terms: Iterable[str], patterns: Iterable[str], *, word_boundary: bool) -> list[str]:
    """The sources a rule runs: its joined alternation (`pattern_source` of the same terms and
    patterns), or, when that is long, one source for the terms and one per pattern (in the
    alternation's order)."""
    if len(joined) <= SPLIT_ABOVE:
        return [joined]
    terms = list(terms)
    parts = [pattern_source(terms, [], word_boundary=word_boundary)] if terms else []
    return parts + [_part_source(p, word_boundary) for p in patterns]


def _part_source(pattern: str, word_boundary: bool) -> str:
    """One pattern run on its own, bounded as in the joined alternation. A pattern that opens
    with ^ or \\b is bounded there already: no lookbehind before it, which would cost a long
    pattern its start-of-match scan (measured: 60x slower per sentence)."""
    if not word_boundary:
        return f"(?:{pattern})"
    before = "" if pattern.startswith(("^", r"\b")) else _BEFORE
    return f"{before}(?:{pattern}){_AFTER}"


def merged_matches(found: list[list[regex.Match]]) -> list[regex.Match]:
    """The matches of one alternation of the parts, from each part's own matches: leftmost first,
    the earlier part where two start together, none overlapping one already taken."""
    ordered = sorted(((m.start(), i, m) for i, ms in enumerate(found) for m in ms), key=lambda t: (t[0], t[1]))
    out: list[regex.Match] = []
    end = -1
    for start, _, m in ordered:
        if start >= end or (start == end and m.end() == m.start()):
            out.append(m)
            end = max(m.end(), start)
    return out


def build_pattern(terms: Iterable[str], patterns: Iterable[str], *, case_sensitive: bool, word_boundary: bool) -> regex.Pattern:
    body = pattern_source(terms, patterns, word_boundary=word_boundary)
    return v.compile_pattern(body, 0 if case_sensitive else regex.I)


class PhraseKind(RuleKind):
    name = "phrase"
    options = {
        "terms": Option(v.string_list, "literal phrases to find (a space matches any run of spaces)"),
        "patterns": Option(v.regex_list, "regular expressions to find"),
        "case_sensitive": Option(v.boolean, "match letter case exactly (default: false)"),
        "word_boundary": Option(v.boolean, "match whole words only (default: true)"),
        "scope": Option(v.one_of("sentence", "heading", "block", "document"),
                        "where a match may lie: within one sentence (default), in a heading, anywhere in a "
                        "block, or the first in the document only"),
        "unless": Option(UNLESS, "when a match is not reported"),
        "voice": Option(VOICE, "promoted: only where the sentence speaks for what the page promotes; unwarned: "
                               "anywhere but in a warning about claims or a sentence about approved care or "
                               "research; absolute: anywhere but in a warning or an open question (a claim no one may "
                               "make of any product or care, such as 'completely safe'); any (default): wherever the "
                               "phrase occurs"),
    }

    def __init__(self, spec: RuleSpec, settings: Settings) -> None:
        super().__init__(spec, settings)
        opts = spec.options
        if not opts.get("terms") and not opts.get("patterns"):
            raise ValueError("a phrase rule needs 'terms' or 'patterns'")
        terms, patterns = opts.get("terms", []), opts.get("patterns", [])
        self.source = pattern_source(terms, patterns, word_boundary=opts.get("word_boundary", True))
        self.parts = pattern_parts(self.source, terms, patterns, word_boundary=opts.get("word_boundary", True))
        self.flags = 0 if opts.get("case_sensitive", False) else regex.I
        derived = spec.derived if "anchors" in spec.derived else self.prepare(spec)
        self.anchors = derived["anchors"]
        # Each part's own anchors (a rule run in parts): a part runs only where its anchors are.
        parts = derived.get("part_anchors") if len(self.parts) > 1 and self.anchors is not None else None
        self.part_anchors = parts if parts and all(parts) else None
        # Each part's guard (language.guards), where it has one: a part runs only where its guard matches.
        guards = (derived["part_guards"] if "part_guards" in derived else self.prepare(spec)["part_guards"]) \
            if len(self.parts) > 1 else []
        self.part_guards = guards if len(guards) == len(self.parts) else [None] * len(self.parts)
        self.scope = opts.get("scope", "sentence")
        self.unless = {**DEFAULT_UNLESS, **opts.get("unless", {})}
        exceptions = self.unless["phrases"]
        self._exceptions = "|".join(f"(?:{p})" for p in exceptions) if exceptions else None
        before = self.unless["preceded_by"]
        self._preceded_by = r"(?:" + "|".join(before) + r")\W*$" if before else None
        self._compiled: tuple | None = None
        self._compiled_parts: list[regex.Pattern | None] = [None] * len(self.parts) if len(self.parts) > 1 else []
        self._compiled_guards: list[regex.Pattern | None] = [None] * len(self._compiled_parts)
        self.voice = opts.get("voice", "any")
        self.speaker = Speaker.for_settings(settings, strict=False) if self.voice != "any" else None

    @classmethod
    def prepare(cls, spec: RuleSpec) -> dict:
        terms, patterns = spec.options.get("terms", []), spec.options.get("patterns", [])
        word_boundary = spec.options.get("word_boundary", True)
        guards = spec.guards.get("patterns") or [None] * len(patterns)
        return {"anchors": rule_anchors(terms, patterns),
                "part_anchors": [rule_anchors(terms, [])] * bool(terms) + [rule_anchors([], [p]) for p in patterns],
                "part_guards": [None] * bool(terms) + [None if g is None else _part_source(g, word_boundary)
                                                       for g in guards]}

    def _patterns(self) -> tuple:
        """(pattern, exceptions, preceded_by), compiled on first use (most rules never need it);
        a rule run in parts has None for its pattern, and compiles each part when it runs (`_part`)."""
        if self._compiled is None:
            self._compiled = (
                v.compile_pattern(self.source, self.flags) if len(self.parts) == 1 else None,
                v.compile_pattern(self._exceptions, regex.I) if self._exceptions else None,
                v.compile_pattern(self._preceded_by, regex.I) if self._preceded_by else None,
            )
        return self._compiled

    def _part(self, i: int) -> regex.Pattern:
        """Part `i` of a rule run in parts, compiled the first time a block holds its anchors: a
        part's pattern can be tens of kilobytes of compiled code (a `{vocab:NAME}` alternation),
        and most parts of a rule never run on a given draft."""
        compiled = self._compiled_parts[i]
        if compiled is None:
            compiled = self._compiled_parts[i] = v.compile_pattern(self.parts[i], self.flags)
        return compiled

    def _guard(self, i: int) -> regex.Pattern | None:
        """The guard of part `i` (None: it has none), compiled on first use: a short pattern,
        where the part holds a vocabulary's trie."""
        if self.part_guards[i] is None:
            return None
        compiled = self._compiled_guards[i]
        if compiled is None:
            compiled = self._compiled_guards[i] = v.compile_pattern(self.part_guards[i], self.flags)
        return compiled

    def _guarded_out(self, i: int, text: str, windows) -> bool:
        """Whether part `i` cannot match in `text` where it would be scanned (`windows`, None:
        the whole text) because its guard matches nowhere there: then the part is neither
        compiled nor run."""
        guard = self._guard(i)
        if guard is None:
            return False
        timeout = self.settings.regex_timeout
        if windows is None:
            return matching.search(guard, text, timeout) is None
        return not matching.any_in_sentences(guard, text, windows, timeout)

    @property
    def pattern(self) -> regex.Pattern:
        """The rule's whole alternation (compiled when asked for, even where the rule runs its parts)."""
        return self._patterns()[0] or v.compile_pattern(self.source, self.flags)

    def _matches(self, text: str, windows, part_windows=None) -> list[regex.Match]:
        """The rule's matches in one block (`windows`: only those starting in these sentences;
        `part_windows`, when the rule runs in parts, (part, its windows) for the parts whose
        anchors are in the block, in the parts' order)."""
        timeout = self.settings.regex_timeout

        def run(part: int, windows) -> list[regex.Match]:
            if windows is False or (windows is not None and not windows):
                return []  # (no sentence to scan: not even compiled)
            if len(self.parts) > 1 and self._guarded_out(part, text, windows):
                return []
            pattern = self._patterns()[0] if len(self.parts) == 1 else self._part(part)
            return list(matching.finditer(pattern, text, timeout) if windows is None
                        else matching.in_sentences(pattern, text, windows, timeout))

        if len(self.parts) == 1:
            return run(0, windows)
        if part_windows is None:
            part_windows = [(i, windows) for i in range(len(self.parts))]
        # (a part whose anchors are not in the block finds nothing: left out, the others keep
        # their order, which is what decides between matches that start together)
        return merged_matches([run(i, w) for i, w in part_windows])

    @property
    def exceptions(self) -> regex.Pattern | None:
        return self._patterns()[1]

    @property
    def preceded_by(self) -> regex.Pattern | None:
        return self._patterns()[2]

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_compiled": None, "_compiled_parts": [None] * len(self._compiled_parts),
                "_compiled_guards": [None] * len(self._compiled_parts)}

    anchor_index = None  # set by compile_rules: the run's automaton of every rule's anchors
    anchor_slot = -1  # (a rule in parts has `part_slots` instead)
    part_slots: tuple[int, ...] = ()  # the slots of `part_anchors`, in the parts' order

    def check(self, doc: Document, ctx: Analysis) -> Iterator[Finding]:
        blocks = doc.blocks
        windows = None  # block index -> the sentences to scan (None: whole blocks)
        hits = None
        if self.anchors is not None and self.anchor_index is not None:
            hits = ctx.get(self.anchor_index)
            found = set().union(*(hits.blocks.get(slot, ()) for slot in self.part_slots or (self.anchor_slot,)))
            if not found:
                return
            blocks = [doc.blocks[i] for i in sorted(found)]
            if self.scope != "block" and not self.part_slots:  # (a rule in parts has windows per part)
                windows = hits.sentences_of(self.anchor_slot)
        elif self.anchors is not None:
            folded = ctx.get(folded_text)
            if not folded.has_any(self.anchors):
                return
            blocks = [doc.blocks[i] for i in folded.blocks_with(self.anchors)]
        index = ctx.get(sentence_index)
        parts_in = self._parts_in(hits) if hits is not None and self.part_slots else None
        for block in blocks:
            if self.scope == "heading" and block.kind != "heading":
                continue
            part_windows = self._part_windows(hits, block.index, parts_in[block.index]) if parts_in is not None else None
            for m in self._matches(block.text, None if windows is None else windows.get(block.index, ()), part_windows):
                if m.end() == m.start():
                    continue
                sentence = index.at(block.index, m.start())
                if self.scope in ("sentence", "document") and (sentence is None or m.end() > sentence.end):
                    continue  # a sentence-scoped match never spans two sentences
                if self._excused(block.text, sentence, m.start()):
                    continue
                if self.speaker is not None and sentence is not None and not self._speaks(ctx, sentence, m.start(), m.end()):
                    continue
                src_start, src_end = block.source_span(m.start(), m.end())
                yield self.finding(doc, src_start, src_end)
                if self.scope == "document":
                    return

    def _parts_in(self, hits) -> dict[int, list[int]]:
        """Block -> the parts whose anchors it holds, in the parts' order."""
        out: dict[int, list[int]] = {}
        for i, slot in enumerate(self.part_slots):
            for block in hits.blocks.get(slot, ()):
                out.setdefault(block, []).append(i)
        return out

    def _part_windows(self, hits, block: int, parts: list[int]) -> list[tuple[int, object]]:
        """(part, the sentences of `block` it scans, or None for the whole block) for each of
        `parts`, the parts whose anchors `block` holds."""
        out = []
        for i in parts:
            windows = None if self.scope == "block" else hits.sentences_of(self.part_slots[i])
            out.append((i, None if windows is None else windows.get(block, ())))
        return out

    def _speaks(self, ctx: Analysis, sentence: Sentence, start: int, end: int) -> bool:
        claims, page = self.speaker.analyses(ctx)
        sc, voice = claims.sentences[sentence.index], page.sentences[sentence.index]
        return self.speaker.allows(self.voice, sc, voice, page, start - sentence.start, end - sentence.start)

    def _excused(self, block_text: str, sentence: Sentence | None, start: int) -> bool:
        text = sentence.text if sentence else block_text
        rel = start - (sentence.start if sentence else 0)
        u = self.unless
        if u["negated"] and cues.negated_before(text, rel):
            return True
        if u["question"] and cues.is_question(text):
            return True
        if u["hedged"] and cues.hedged(text):
            return True
        if self.exceptions is not None and matching.search(self.exceptions, text, self.settings.regex_timeout):
            return True
        if self.preceded_by is not None:
            clause = text[cues.clause_start(text, rel):rel]
            if matching.search(self.preceded_by, clause, self.settings.regex_timeout):
                return True
        return False
