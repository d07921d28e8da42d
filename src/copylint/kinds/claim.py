"""The `claim` kind: a treatment (subject) said to have an effect, often on a condition, judged by
claim strength, negation, intent, citation, evidence context and quotation. Vocabularies come from
the pack's `vocabularies:`; the per-sentence analysis is shared by every claim rule."""

from __future__ import annotations

from typing import Iterator

import regex

from copylint.facts.claims import DocumentClaims, SentenceClaims, analyzer, clause_span, effect_status, vocabulary_shapes
from copylint.core import matching
from copylint.facts.context import Analysis
from copylint.facts.speaker import Speaker
from copylint.language.vocab import Mention, freeze
from copylint.kinds.base import Option, RuleKind, RuleSpec, Settings
from copylint.kinds.phrase import VOICE
from copylint.core.models import Document, Finding, Severity
from copylint.core import validators as v

SEVERITY = v.one_of("info", "warning", "error")
STRENGTHS = ("direct", "hedged", "correlational")


@v.typed({"type": "array", "items": {"enum": list(STRENGTHS)}}, "list of: " + ", ".join(STRENGTHS))
def _strengths(value) -> list[str]:
    items = v.string_list(value)
    for item in items:
        if item not in STRENGTHS:
            raise ValueError(f"must list strengths from: {', '.join(STRENGTHS)} (got {item!r})")
    return items


class ClaimKind(RuleKind):
    name = "claim"
    options = {
        "subjects": Option(v.string_list, "vocabularies naming treatments and products"),
        "effects": Option(v.string_list, "vocabularies of effect verbs/predicates"),
        "conditions": Option(v.string_list, "vocabularies of conditions (named in messages)"),
        "require_condition": Option(v.boolean, "report only claims that name a condition"),
        "serious": Option(v.string_list, "conditions that raise severity to serious_severity"),
        "serious_severity": Option(SEVERITY, "the severity of a claim about a serious condition (default: error)"),
        "exclude_subjects": Option(v.string_list, "e.g. approved standard care: not this rule's business"),
        "subject_scope": Option(v.one_of("sentence", "paragraph"), "where the subject may stand (default: sentence)"),
        "context": Option(v.string_list, 'the paragraph must mention one of these (e.g. "in mice")'),
        "context_in_sentence": Option(v.boolean, "false: a context named in the claim sentence excuses it"),
        "without_context": Option(v.string_list, "skip paragraphs that mention these (another rule covers them)"),
        "statistic": Option(v.boolean, 'the claim is an outcome statistic ("80% of patients ...")'),
        "strengths": Option(_strengths, "which strengths to report (default: direct)"),
        "hedged_severity": Option(SEVERITY, "the severity of a hedged claim (default: info)"),
        "excused_by_citation": Option(v.boolean, "a citation in the sentence excuses the claim (default: true)"),
        "unless_phrases": Option(v.regex_list, "not reported when the sentence matches one of these"),
        "voice": Option(VOICE, "as for phrase rules (see phrase)"),
    }
    required = frozenset({"effects"})
    fields = frozenset({"match", "subject", "effect", "condition", "claim", "context", "statistic", "strength"})

    def __init__(self, spec: RuleSpec, settings: Settings) -> None:
        super().__init__(spec, settings)
        o = spec.options
        vocabs = settings.vocabularies
        for key in ("subjects", "effects", "conditions", "serious", "exclude_subjects", "context", "without_context"):
            for name in o.get(key, []):
                if name not in vocabs:
                    known = ", ".join(sorted(vocabs)) or "none"
                    raise ValueError(f"{key}: unknown vocabulary {name!r} (known: {known})")
        if not o.get("subjects") and not o.get("statistic"):
            raise ValueError("a claim rule needs 'subjects' (or 'statistic: true')")
        self.subjects = set(o.get("subjects", []))
        self.effects = set(o["effects"])
        self.conditions = set(o.get("conditions", []))
        self.require_condition = o.get("require_condition", False)
        self.serious = set(o.get("serious", []))
        self.serious_severity = Severity(o.get("serious_severity", "error"))
        self.exclude = set(o.get("exclude_subjects", []))
        self.subject_scope = o.get("subject_scope", "sentence")
        self.context = frozenset(o.get("context", []))
        self.context_in_sentence = o.get("context_in_sentence", True)
        self.without_context = set(o.get("without_context", []))
        self.statistic = o.get("statistic", False)
        self.strengths = set(o.get("strengths", ["direct"]))
        self.hedged_severity = Severity(o.get("hedged_severity", "info"))
        self.excused_by_citation = o.get("excused_by_citation", True)
        phrases = o.get("unless_phrases", [])
        self.unless = v.compile_pattern("|".join(f"(?:{p})" for p in phrases), regex.I) if phrases else None
        self.analyzer = analyzer(freeze(vocabs), vocabulary_shapes(vocabs, settings.patterns))
        self.speaker = Speaker.for_settings(settings, strict=False) if o.get("voice", "any") != "any" else None

    def check(self, doc: Document, ctx: Analysis) -> Iterator[Finding]:
        claims: DocumentClaims = ctx.get(self.analyzer)
        page = self.speaker.analyses(ctx)[1] if self.speaker is not None else None
        for sc in claims.sentences:
            found = self._claim(doc, claims, sc)
            if found is not None and (page is None or not self._warned(doc, sc, page, found)):
                yield found

    def _warned(self, doc: Document, sc: SentenceClaims, page, found: Finding) -> bool:
        s = sc.sentence
        pos = max(0, found.location.start_offset - doc.blocks[s.block].source_offset(s.start))
        mode = self.spec.options.get("voice", "any")
        return not self.speaker.allows(mode, sc, page.sentences[s.index], page, pos, subjects=False)

    def _claim(self, doc: Document, claims: DocumentClaims, sc: SentenceClaims) -> Finding | None:
        text = sc.sentence.text
        if sc.question or (self.excused_by_citation and sc.cited):
            return None
        if self.unless is not None and matching.search(self.unless, text, self.settings.regex_timeout):
            return None
        paragraph = claims.block_vocabs(sc.sentence.block)
        if self.without_context & paragraph:
            return None
        context = self._context(claims, sc, paragraph)
        if context is False:
            return None
        if self.statistic and sc.statistic is None:
            return None
        effect, status = self._effect(sc)
        if effect is None:
            return None
        subject = self._subject(doc, claims, sc, effect)
        if subject is None:
            return None
        lo, hi = clause_span(sc.sentence.text, effect.start)
        conditions = [m for m in sc.of(self.conditions) if lo <= m.start and m.end <= hi]
        if self.require_condition and not conditions:
            return None
        condition = min(conditions, key=lambda m: abs(m.start - effect.start)) if conditions else None
        severity = self.spec.severity
        if status == "hedged":
            severity = self.hedged_severity
        elif sc.of(self.serious) and self.serious_severity.rank > severity.rank:
            severity = self.serious_severity
        return self._finding(doc, sc, subject, effect, condition, context, status, severity)

    def _context(self, claims: DocumentClaims, sc: SentenceClaims, paragraph: set[str]) -> Mention | None | bool:
        """The evidence-context mention that makes this rule apply; False when the rule needs one
        and there is none (or the claim sentence itself already states it)."""
        if not self.context:
            return None
        if not self.context & paragraph:
            return False
        own = sc.of(self.context)
        if own:
            return own[0] if self.context_in_sentence else False
        return claims.first_in_block(sc.sentence.block, self.context) or False

    def _effects(self, sc: SentenceClaims) -> list[tuple[Mention, str]]:
        """Effect mentions in reading order with their status, keeping only reported strengths."""
        effects = sorted(sc.of(self.effects), key=lambda m: m.start)
        if self.statistic:
            effects = [m for m in effects if m.start >= sc.statistic[0]]
        out = []
        for m in effects:
            if out and m.start < out[-1][0].end:
                continue  # overlapping terms ("slow" inside "slow down")
            status = effect_status(sc, m)
            if self.statistic and status == "negated":
                status = "direct"  # "80% showed no signs of progression" is the claim itself
            if status in self.strengths:
                out.append((m, status))
        return out

    def _effect(self, sc: SentenceClaims) -> tuple[Mention | None, str]:
        found = self._effects(sc)
        return found[0] if found else (None, "")

    def _subject(self, doc: Document, claims: DocumentClaims, sc: SentenceClaims, effect: Mention) -> Mention | None:
        if self.statistic and not self.subjects:
            return Mention("statistic", sc.sentence.text[sc.statistic[0]:sc.statistic[1]], *sc.statistic)
        subjects = sc.of(self.subjects)
        excluded = sc.of(self.exclude)
        if self.statistic and subjects:  # "80% of patients ... after the treatment"
            return min(subjects, key=lambda m: (m.start < sc.statistic[0], m.start))
        before = [m for m in subjects + excluded if m.end <= effect.start]
        if before:
            nearest = max(before, key=lambda m: (m.end, m.vocab in self.exclude))
            return None if nearest.vocab in self.exclude else nearest
        after = [m for m in subjects + excluded if m.start >= effect.end]
        if after:
            first = min(after, key=lambda m: (m.start, m.vocab not in self.exclude))
            return None if first.vocab in self.exclude else first
        block = doc.blocks[sc.sentence.block]
        pools: list[list[SentenceClaims]] = []
        if self.subject_scope == "paragraph":
            pools.append(claims.by_block.get(block.index, []))
        if block.kind == "list_item" and block.section >= 0:
            pools.append(claims.by_block.get(block.section, []))
        for pool in pools:
            for other in pool:
                found = [m for m in other.of(self.subjects)]
                if found and not other.of(self.exclude):
                    return Mention(found[0].vocab, found[0].text, -1, -1)
        return None

    def _finding(self, doc, sc, subject, effect, condition, context, status, severity) -> Finding:
        s = sc.sentence
        text = s.text
        others = [m for m in self._effects(sc) if m[1] == status and m[0].start > effect.start]
        parts = [m for m in (subject, effect, condition) if m is not None and m.start >= 0]
        parts += [m for m, _ in others if clause_span(text, m.start)[0] <= clause_span(text, effect.start)[1] + 2]
        start, end = min(m.start for m in parts), max(m.end for m in parts)
        if self.statistic and sc.statistic is not None:
            start = min(start, sc.statistic[0])
        quoted = sc.quote_at(effect.start) is not None
        src_start, src_end = doc.blocks[s.block].source_span(s.start + start, s.start + end)
        targets = [condition.text if condition is not None else effect.text]
        for m, _ in others:
            if m.end <= end and m.text not in targets and not any(m.text in t for t in targets):
                targets.append(m.text)
        fields = {
            "subject": subject.text, "effect": effect.text, "condition": targets[0],
            "claim": f"{subject.text} -> {', '.join(targets)}",
            "context": context.text if isinstance(context, Mention) else "",
            "statistic": text[sc.statistic[0]:effect.end] if self.statistic and sc.statistic else "",
            "strength": status,
        }
        finding = self.finding(doc, src_start, src_end, severity=severity, **fields)
        if quoted:
            finding.message = "Quoted claim: " + finding.message + " Quoting or attributing a claim still makes it."
        return finding
