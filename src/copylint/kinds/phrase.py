"""The `phrase` kind: literal terms or regexes, matched per sentence, heading, block or document,
with negation, hedge, question and exception-phrase guards."""

from __future__ import annotations

from typing import Iterable, Iterator

import regex

from copylint.analysis import cues
from copylint.analysis.context import Analysis
from copylint.kinds.base import RuleKind, RuleSpec, Settings
from copylint.analysis.sentence_index import sentence_index
from copylint.models import Document, Finding, Sentence
from copylint.ruleset import validators as v

UNLESS = v.mapping({
    "negated": v.boolean,   # a negation before the match in the same clause
    "hedged": v.boolean,    # a hedge (may, might, could, potential ...) in the same sentence
    "question": v.boolean,  # the sentence is a question
    "phrases": v.regex_list,  # any of these in the same sentence
    "preceded_by": v.regex_list,  # any of these right before the match (same clause)
})
DEFAULT_UNLESS = {"negated": True, "hedged": False, "question": True, "phrases": [], "preceded_by": []}


def build_pattern(terms: Iterable[str], patterns: Iterable[str], *, case_sensitive: bool, word_boundary: bool) -> regex.Pattern:
    """One alternation of all literal terms (longest first) and regexes."""
    parts = [regex.escape(t).replace(r"\ ", r"\s+") for t in sorted(set(terms), key=len, reverse=True)]
    parts += [f"(?:{p})" for p in patterns]
    body = "|".join(parts)
    if word_boundary:
        body = rf"(?<![\p{{L}}\p{{N}}_])(?:{body})(?![\p{{L}}\p{{N}}_])"
    return v.compile_pattern(body, 0 if case_sensitive else regex.I)


class PhraseKind(RuleKind):
    name = "phrase"
    options = {
        "terms": v.string_list,
        "patterns": v.regex_list,
        "case_sensitive": v.boolean,
        "word_boundary": v.boolean,
        "scope": v.one_of("sentence", "heading", "block", "document"),
        "unless": UNLESS,
    }

    def __init__(self, spec: RuleSpec, settings: Settings) -> None:
        super().__init__(spec, settings)
        opts = spec.options
        if not opts.get("terms") and not opts.get("patterns"):
            raise ValueError("a phrase rule needs 'terms' or 'patterns'")
        self.pattern = build_pattern(
            opts.get("terms", []), opts.get("patterns", []),
            case_sensitive=opts.get("case_sensitive", False),
            word_boundary=opts.get("word_boundary", True),
        )
        self.scope = opts.get("scope", "sentence")
        self.unless = {**DEFAULT_UNLESS, **opts.get("unless", {})}
        exceptions = self.unless["phrases"]
        self.exceptions = v.compile_pattern("|".join(f"(?:{p})" for p in exceptions), regex.I) if exceptions else None
        before = self.unless["preceded_by"]
        self.preceded_by = v.compile_pattern(r"(?:" + "|".join(before) + r")\W*$", regex.I) if before else None

    def check(self, doc: Document, ctx: Analysis) -> Iterator[Finding]:
        index = ctx.get(sentence_index)
        for block in doc.blocks:
            if self.scope == "heading" and block.kind != "heading":
                continue
            for m in self.pattern.finditer(block.text):
                if m.end() == m.start():
                    continue
                sentence = index.at(block.index, m.start())
                if self.scope in ("sentence", "document") and (sentence is None or m.end() > sentence.end):
                    continue  # a sentence-scoped match never spans two sentences
                if self._excused(block.text, sentence, m.start()):
                    continue
                src_start, src_end = block.source_span(m.start(), m.end())
                yield self.finding(doc, src_start, src_end)
                if self.scope == "document":
                    return

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
        if self.exceptions is not None and self.exceptions.search(text):
            return True
        if self.preceded_by is not None:
            clause = text[cues.clause_start(text, rel):rel]
            if self.preceded_by.search(clause):
                return True
        return False
