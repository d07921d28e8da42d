"""The `consistency` kind: misspelt drug and condition names from a shipped lexicon (`check:
spelling`), and one term spelt two ways in the same document (`check: variant`)."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar, Iterable

import regex

from copylint.language.anchors import folded_text, term_anchor
from copylint.core import matching
from copylint.facts.context import Analysis
from copylint.language.spelling import WORD_RE, Word, document_words, spelling_key
from copylint.kinds.base import Option, RuleKind, RuleSpec, Settings
from copylint.core.models import Document, Finding, LineIndex
from copylint.core import validators as v
from copylint.core.regexcache import rx

TERM = v.mapping({
    "term": Option(v.string, "the right spelling"),
    "misspellings": Option(v.string_list, "its wrong spellings"),
}, required=("term", "misspellings"))


def match_case(found: str, correct: str) -> str:
    """`correct` in the case pattern of `found` (EDAVARONE -> EDARAVONE, Edavarone -> Edaravone)."""
    if found.isupper() and len(found) > 1:
        return correct.upper()
    if found[:1].isupper() and correct[:1].islower():
        return correct[:1].upper() + correct[1:]
    return correct


def _line(doc: Document, word: Word) -> int:
    lines = doc.lines or LineIndex(doc.source.text)
    return lines.position(doc.blocks[word.block].source_offset(word.start))[0]


class ConsistencyKind(RuleKind):
    """Spelling of lexicon terms and consistent spelling of every term within a document."""

    name: ClassVar[str] = "consistency"
    options: ClassVar[dict[str, Option]] = {
        "check": Option(v.one_of("spelling", "variant"), "spelling: misspellings from `terms`; variant: one word "
                                                         "spelt two ways in a document"),
        "terms": Option(v.list_of(TERM, "{term, misspellings} mappings"),
                        "spelling: [{term: edaravone, misspellings: [edavarone, ...]}]"),
        "ignore": Option(v.string_list, "variant: words never reported"),
        "min_length": Option(v.number(1, 100), "variant: the shortest word considered (default: 4)"),
    }
    required: ClassVar[frozenset[str]] = frozenset({"check"})
    fields: ClassVar[frozenset[str]] = frozenset({"match", "term", "other", "count", "other_count", "other_line"})

    def __init__(self, spec: RuleSpec, settings: Settings) -> None:
        super().__init__(spec, settings)
        opts = spec.options
        self.check_name = opts["check"]
        self.correct: dict[str, str] = {}
        for entry in opts.get("terms", []):
            for wrong in entry["misspellings"]:
                self.correct[self._norm(wrong)] = entry["term"]
        if self.check_name == "spelling" and not self.correct:
            raise ValueError("a spelling rule needs 'terms' with misspellings")
        alternation = "|".join(
            regex.escape(w).replace(r"\ ", r"\s+").replace("'", "['\u2019]")
            for w in sorted(self.correct, key=len, reverse=True)
        )
        self.source = rf"(?<![\p{{L}}\p{{N}}_])(?:{alternation})(?![\p{{L}}\p{{N}}_])" if alternation else None
        self.anchors = tuple(sorted({term_anchor(w, avoid=t) for w, t in self.correct.items()})) or None
        self._pattern: regex.Pattern | None = None
        self.ignore = {spelling_key(w) for w in opts.get("ignore", [])}
        self.min_length = int(opts.get("min_length", 4))

    @property
    def pattern(self) -> regex.Pattern | None:
        """The misspellings' alternation, compiled on first use."""
        if self._pattern is None and self.source is not None:
            self._pattern = rx(self.source, regex.I)
        return self._pattern

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_pattern": None}

    @staticmethod
    def _norm(text: str) -> str:
        return " ".join(text.lower().replace("\u2019", "'").split())

    def check(self, doc: Document, ctx: Analysis) -> Iterable[Finding]:
        if self.check_name == "spelling":
            yield from self._spelling(doc, ctx)
        elif self._has_variants(doc):
            yield from self._variants(doc, ctx.get(document_words))

    def _spelling(self, doc: Document, ctx: Analysis) -> Iterable[Finding]:
        if self.source is None:
            return
        folded = ctx.get(folded_text)
        if self.anchors is not None and not folded.has_any(self.anchors):
            return
        blocks = [doc.blocks[i] for i in folded.blocks_with(self.anchors)] if self.anchors else doc.blocks
        for block in blocks:
            for m in matching.finditer(self.pattern, block.text, self.settings.regex_timeout):
                correct = self.correct[self._norm(m.group(0))]
                start, end = block.source_span(m.start(), m.end())
                fixed = match_case(m.group(0), correct)
                yield self.finding(doc, start, end, term=correct, suggestion=fixed, fix=fixed)

    def _has_variants(self, doc: Document) -> bool:
        """Cheap pre-pass over distinct word forms: does any spelling key have two forms?"""
        forms = {w.lower() for b in doc.blocks for w in WORD_RE.findall(b.text) if len(w) >= self.min_length}
        keys: set[str] = set()
        for form in forms:
            key = spelling_key(form)
            if key in keys and key not in self.ignore:
                return True
            keys.add(key)
        return False

    def _variants(self, doc: Document, words: list[Word]) -> Iterable[Finding]:
        groups: dict[str, list[Word]] = {}
        for w in words:
            if len(w.text) >= self.min_length:
                groups.setdefault(spelling_key(w.text), []).append(w)
        for key, group in groups.items():
            forms = Counter(w.text.lower() for w in group)
            if len(forms) < 2 or key in self.ignore:
                continue
            first = {}
            for w in group:
                first.setdefault(w.text.lower(), w)
            preferred = max(forms, key=lambda f: (forms[f], -group.index(first[f])))
            pw = first[preferred]
            for form, w in first.items():
                if form == preferred:
                    continue
                start, end = doc.blocks[w.block].source_span(w.start, w.end)
                yield self.finding(
                    doc, start, end, other=pw.text, count=forms[form], other_count=forms[preferred],
                    other_line=_line(doc, pw), suggestion=match_case(w.text, pw.text.lower()),
                )
