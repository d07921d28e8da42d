"""The `required` kind: a page that matches a trigger must carry a disclosure in one of the accepted
forms; reports it missing, weak, buried after boilerplate, or contradicted by the page."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from typing import Iterable, Iterator

import regex

from copylint.language import cues
from copylint.core import matching
from copylint.language.anchors import ascii_cover, may_match, rule_anchors
from copylint.facts.context import Analysis
from copylint.text.sentence_index import sentence_index
from copylint.kinds.base import Option, RuleKind, RuleSpec, Settings
from copylint.kinds.phrase import build_pattern
from copylint.core.models import Document, Finding, Location, Severity, locate
from copylint.core import validators as v

# Text that is part of the page furniture rather than its content: cookie notices, newsletter and
# contact forms, legal footers. A disclaimer that follows a long tail of it is buried.
BOILERPLATE = [
    r"cookies?", r"newsletter", r"subscri(?:be|bed|ption)", r"mailing\s+list", r"privacy\s+policy",
    r"terms\s+(?:of\s+(?:use|service)|and\s+conditions)", r"all\s+rights\s+reserved", r"copyright|\u00a9",
    r"information\s+packet", r"thanks?\s+(?:you\s+)?for\s+your\s+interest", r"sign\s+up", r"contact\s+us",
    r"request\s+(?:an?\s+|your\s+)?(?:information|appointment|consultation|call\s*back|brochure)",
    r"(?:fill\s+(?:out|in)|submit)\s+(?:the|this|our)\s+form", r"e-?mail\s+address", r"opt[- ]out",
    r"follow\s+us", r"share\s+(?:this|on)", r"read\s+more", r"skip\s+to\s+(?:main\s+)?content",
]

CONTRADICTION = v.mapping({
    "denial": Option(v.regex_list, "what the page's disclaimer says (e.g. not approved)"),
    "claims": Option(v.regex_list, "what contradicts it elsewhere on the page (e.g. approved)"),
}, required=("denial", "claims"))
MESSAGES = v.mapping({
    "weak": Option(v.template(("match", "trigger", "trigger_line")), "when only a weak form is present"),
    "buried": Option(v.template(("match", "gap", "trigger", "trigger_line")), "when the disclaimer is buried"),
    "contradicted": Option(v.template(("match", "denial", "denial_line")), "when the page contradicts its disclaimer"),
})
DEFAULT_MESSAGES = {
    "weak": "The only disclosure on this page, '{match}', is too weak for what the page says "
            "('{trigger}', line {trigger_line}).",
    "buried": "The disclaimer sits after {gap} blocks of unrelated boilerplate (cookie, newsletter or form "
              "text), far from the claims it qualifies ('{trigger}', line {trigger_line}); place it next to them.",
    "contradicted": "'{match}' contradicts the page's own disclaimer ('{denial}', line {denial_line}); "
                    "a disclaimer cannot cure a claim that contradicts it.",
}


def _alternation(patterns: list[str]) -> regex.Pattern | None:
    if not patterns:
        return None
    return v.compile_pattern("|".join(f"(?:{p})" for p in patterns), regex.I)


def _wording(text: str) -> str:
    """A house wording from config: a regex, or (when it does not compile) a literal phrase."""
    try:
        v.compile_pattern(text)
        return text
    except ValueError:
        return regex.escape(text).replace(r"\ ", r"\s+")


@dataclass(frozen=True)
class Hit:
    """A match in block text: block index, block-text offsets and the matched text."""

    block: int
    start: int
    end: int
    text: str


class RequiredKind(RuleKind):
    name = "required"
    options = {
        "triggers": Option(v.regex_list, "what makes the disclosure necessary (matched per sentence)"),
        "trigger_terms": Option(v.string_list, "literal trigger phrases"),
        "trigger_vocabularies": Option(v.string_list, "names of pack `vocabularies:` used as trigger terms"),
        "only_if": Option(v.regex_list, "the page must also mention one of these anywhere"),
        "accept": Option(v.regex_list, "accepted forms of the disclosure (config `disclaimers:` adds more)"),
        "weak": Option(v.regex_list, "forms that do not suffice on their own"),
        "contradictions": Option(v.list_of(CONTRADICTION, "{denial, claims} mappings"),
                                 "a disclaimer's denial and the claims elsewhere on the page that contradict it"),
        "buried_after": Option(v.number(1, 1000), "boilerplate blocks between the claims and the disclaimer that "
                                                  "make it buried (default: 3)"),
        "boilerplate": Option(v.regex_list, "more patterns of page furniture (cookie notices, forms, footers)"),
        "messages": Option(MESSAGES, "the messages of the weak, buried and contradicted findings"),
    }
    required = frozenset({"accept"})
    fields = frozenset({"match", "trigger", "trigger_line"})

    def __init__(self, spec: RuleSpec, settings: Settings) -> None:
        super().__init__(spec, settings)
        opts = spec.options
        terms = list(opts.get("trigger_terms", []))
        for name in opts.get("trigger_vocabularies", []):
            if name not in settings.vocabularies:
                raise ValueError(f"unknown vocabulary {name!r} in trigger_vocabularies")
            terms += settings.vocabularies[name]
        if not terms and not opts.get("triggers"):
            raise ValueError("a required rule needs 'triggers', 'trigger_terms' or 'trigger_vocabularies'")
        self.trigger = build_pattern(terms, opts.get("triggers", []), case_sensitive=False, word_boundary=True)
        self.anchors = rule_anchors(terms, opts.get("triggers", []))  # the trigger's, for the run's AnchorIndex
        wordings = [_wording(w) for w in settings.disclaimer_wordings.get(spec.id, [])]
        self.accept = _alternation(opts["accept"] + wordings)
        self.weak = _alternation(opts.get("weak", []))
        self.only_if = _alternation(opts.get("only_if", []))
        self.boilerplate = _alternation(BOILERPLATE + opts.get("boilerplate", []))
        self.buried_after = int(opts.get("buried_after", 3))
        self.contradictions = [
            (_alternation(c["denial"]), _alternation(c["claims"])) for c in opts.get("contradictions", [])
        ]
        self.messages = {**DEFAULT_MESSAGES, **opts.get("messages", {})}

    def check(self, doc: Document, ctx: Analysis) -> Iterator[Finding]:
        timeout = self.settings.regex_timeout
        if self.only_if is not None and not any(matching.search(self.only_if, b.text, timeout) for b in doc.blocks):
            return
        accepted = _hits(doc, self.accept, timeout)
        weak = _hits(doc, self.weak, timeout) if self.weak is not None else []
        disclosures = accepted + weak
        hits = self._sentence_hits(doc, ctx, self.trigger, skip=disclosures)
        first = next(hits, None)
        if first is None:
            return
        fields = {"trigger": first.text, "trigger_line": self._loc(doc, first).line}
        if not accepted:
            if weak:
                yield self._at(doc, weak[0], self.messages["weak"], fields, related=[self._loc(doc, first)])
            else:
                yield self._at(doc, first, None, fields, document_level=True)
            return
        triggers = [first, *hits]
        boilerplate: dict[int, bool] = {}
        yield from self._buried(doc, accepted, triggers, boilerplate)
        yield from self._contradicted(doc, ctx, accepted)

    def _buried(self, doc: Document, accepted: list[Hit], triggers: list[Hit], cache: dict[int, bool]) -> Iterator[Finding]:
        # The claims a disclaimer qualifies: trigger blocks that are neither page furniture nor
        # disclaimer blocks themselves (a disclaimer naming the product is not a claim).
        disclaimer_blocks = {h.block for h in accepted}
        claims = sorted({t.block for t in triggers
                         if t.block not in disclaimer_blocks and not self._is_boilerplate(doc, t.block, cache)})
        if not claims:
            return
        best: tuple[int, Hit, int] | None = None  # (boilerplate gap, disclaimer, nearest claim block)
        for hit in accepted:
            nearest = min(claims, key=lambda b: (abs(b - hit.block), b))
            lo, hi = sorted((nearest, hit.block))
            gap = sum(1 for b in range(lo + 1, hi) if self._is_boilerplate(doc, b, cache))
            if best is None or gap < best[0]:
                best = (gap, hit, nearest)
        gap, hit, nearest = best
        if gap < self.buried_after:
            return
        claim = next(t for t in triggers if t.block == nearest)
        fields = {"gap": gap, "trigger": claim.text, "trigger_line": self._loc(doc, claim).line}
        yield self._at(doc, hit, self.messages["buried"], fields, severity=Severity.WARNING,
                       related=[self._loc(doc, claim)])

    def _contradicted(self, doc: Document, ctx: Analysis, accepted: list[Hit]) -> Iterator[Finding]:
        for denial, claims in self.contradictions:
            denied = next((h for h in accepted
                           if matching.search(denial, doc.blocks[h.block].text, self.settings.regex_timeout)), None)
            if denied is None:
                continue
            for hit in self._sentence_hits(doc, ctx, claims, skip=accepted):
                if hit.block == denied.block:
                    continue
                fields = {"denial": denied.text, "denial_line": self._loc(doc, denied).line}
                yield self._at(doc, hit, self.messages["contradicted"], fields, related=[self._loc(doc, denied)])
                break

    def _sentence_hits(self, doc: Document, ctx: Analysis, pattern: regex.Pattern, skip: list[Hit]) -> Iterator[Hit]:
        """Matches within sentences, in reading order, skipping negated ones ("there is no
        cure"), questions and sentences that are themselves (part of) a disclosure in `skip`.
        Each block is scanned once; a match is then placed in its sentence."""
        index = ctx.get(sentence_index)
        windows = self._trigger_windows(ctx) if pattern is self.trigger else None
        by_block: dict[int, list[Hit]] = {}
        for hit in skip:
            by_block.setdefault(hit.block, []).append(hit)
        skipped = {block: Spans(hits) for block, hits in by_block.items()}  # a check per match: a bisection
        for block in doc.blocks:
            if windows is not None and block.index not in windows:
                continue
            matches = (matching.finditer(pattern, block.text, self.settings.regex_timeout) if windows is None else
                       matching.in_sentences(pattern, block.text, windows[block.index], self.settings.regex_timeout))
            for m in matches:
                if m.end() == m.start():
                    continue
                s = index.at(block.index, m.start())
                if s is None or m.end() > s.end or (s.block in skipped and skipped[s.block].overlaps(s.start, s.end)):
                    continue
                if cues.negated_before(s.text, m.start() - s.start) or cues.is_question(s.text):
                    continue
                yield Hit(s.block, m.start(), m.end(), m.group())

    anchor_index = None  # set by compile_rules: the run's automaton of every rule's anchors
    anchor_slot = -1

    def _trigger_windows(self, ctx: Analysis) -> dict | None:
        """Block -> the sentences holding an anchor of the trigger (None: scan every block)."""
        if self.anchors is None or self.anchor_index is None:
            return None
        return ctx.get(self.anchor_index).sentences_of(self.anchor_slot)

    def _is_boilerplate(self, doc: Document, block: int, cache: dict[int, bool]) -> bool:
        if block not in cache:
            cache[block] = matching.search(self.boilerplate, doc.blocks[block].text, self.settings.regex_timeout) is not None
        return cache[block]

    def _loc(self, doc: Document, hit: Hit) -> Location:
        start, end = doc.blocks[hit.block].source_span(hit.start, hit.end)
        return locate(doc, start, end)

    def _at(self, doc: Document, hit: Hit, message: str | None, fields: dict, *,
            severity: Severity | None = None, related: list[Location] | None = None,
            document_level: bool = False) -> Finding:
        start, end = doc.blocks[hit.block].source_span(hit.start, hit.end)
        finding = self.finding(doc, start, end, message, severity=severity, document_level=document_level, **fields)
        finding.related = related or []
        return finding


def _hits(doc: Document, pattern: regex.Pattern | None, timeout: float | None) -> list[Hit]:
    """The pattern's matches in every block (a block without any of its literals is not scanned)."""
    if pattern is None:
        return []
    cover = ascii_cover(pattern.pattern)
    return [Hit(b.index, m.start(), m.end(), m.group())
            for b in doc.blocks if may_match(cover, b.text)
            for m in matching.finditer(pattern, b.text, timeout) if m.end() > m.start()]


class Spans:
    """The spans of some hits of one block, asked whether any overlaps a range: sorted by start,
    with the furthest end reached so far, so one bisection answers."""

    def __init__(self, hits: Iterable[Hit]) -> None:
        spans = sorted((h.start, h.end) for h in hits)
        self.starts = [start for start, _ in spans]
        self.reach = list(itertools.accumulate((end for _, end in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span has span.start < end and start < span.end."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.reach[i] > start
