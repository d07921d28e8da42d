"""The `readability` kind: patient-facing copy above a target reading grade, reported once per
document with the grade, the reading ease and the sentences that weigh most."""

from __future__ import annotations

from typing import ClassVar, Iterable

from copylint.facts.context import Analysis
from copylint.facts.readability import analyse_readability
from copylint.kinds.base import Option, RuleKind, RuleSpec, Settings
from copylint.core.models import Document, Finding, locate
from copylint.core import validators as v

PROFESSIONAL = ("hcp", "professional", "professionals", "clinician", "clinicians", "physician", "physicians")


class ReadabilityKind(RuleKind):
    """Flesch-Kincaid grade of the body text against `max_grade`."""

    name: ClassVar[str] = "readability"
    options: ClassVar[dict[str, Option]] = {
        "max_grade": Option(v.number(0, 30), "the highest grade allowed (NIH: below 8th grade; AMA: 6th grade)"),
        "min_words": Option(v.number(0, 100_000), "shorter documents are too small to grade"),
        "top": Option(v.number(1, 20), "how many of the hardest sentences to name"),
        "skip_audiences": Option(v.string_list, "front-matter `audience` values that are not patients"),
    }
    fields: ClassVar[frozenset[str]] = frozenset({"match", "grade", "ease", "max_grade", "lines", "words"})

    def __init__(self, spec: RuleSpec, settings: Settings) -> None:
        super().__init__(spec, settings)
        opts = spec.options
        self.max_grade = float(opts.get("max_grade", 8))
        self.min_words = int(opts.get("min_words", 50))
        self.top = int(opts.get("top", 3))
        self.skip = {a.lower() for a in opts.get("skip_audiences", PROFESSIONAL)}

    def check(self, doc: Document, ctx: Analysis) -> Iterable[Finding]:
        if str(doc.metadata.get("audience", "")).lower() in self.skip:
            return
        level = ctx.get(analyse_readability)
        if level.words < self.min_words or level.grade <= self.max_grade:
            return
        hardest = level.hardest(self.top)
        spans = [doc.sentence_span(doc.sentences[s.sentence]) for s in hardest]
        worst = max(range(len(hardest)), key=lambda i: hardest[i].grade)
        lines = sorted({locate(doc, *span).line for span in spans})
        finding = self.finding(
            doc, *spans[worst], document_level=True,
            grade=f"{level.grade:.1f}", ease=f"{level.ease:.0f}", max_grade=f"{self.max_grade:g}",
            lines=("line " if len(lines) == 1 else "lines ") + ", ".join(map(str, lines)), words=level.words,
        )
        finding.related = [locate(doc, *span) for i, span in enumerate(spans) if i != worst]
        yield finding
