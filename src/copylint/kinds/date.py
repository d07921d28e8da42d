"""The `date` rule kind: one kind whose `check` option picks one of the date checks (stale
conclusion, stale "recent", passed future event, conflicting dates, outdated review, future as past)."""

from __future__ import annotations

from typing import Callable, ClassVar, Iterable

import regex

from copylint.kinds import date_checks as checks
from copylint.facts.context import Analysis
from copylint.facts.date_model import DateModel, analyse_dates, as_of_date
from copylint.kinds.base import Option, RuleKind, RuleSpec, Settings
from copylint.core.models import Document, Finding, LineIndex, locate
from copylint.core import validators as v
from copylint.core.regexcache import rx

CHECKS = ("stale-conclusion", "stale-recent", "passed-future", "conflicting", "outdated-review", "future-as-past")


class DateKind(RuleKind):
    """Date consistency and staleness checks over the per-document date model."""

    name: ClassVar[str] = "date"
    options: ClassVar[dict[str, Option]] = {
        "check": Option(v.one_of(*CHECKS), "which date check the rule runs"),
        "max_years": Option(v.count, 'stale-recent: how many years old a "recent" source may be (default: 2)'),
        "max_months": Option(v.count, 'outdated-review: how many months old a "last updated" date may be (default: 24)'),
        "health_terms": Option(v.pattern, "outdated-review: what makes a page a health page (two different "
                                          "matches needed)"),
    }
    required: ClassVar[frozenset[str]] = frozenset({"check"})
    # The union over the checks (each fills the ones it knows; see kinds/date_checks.py).
    fields: ClassVar[frozenset[str]] = frozenset({"match", "detail", "date", "evidence", "cue", "age", "other", "event", "key"})

    def __init__(self, spec: RuleSpec, settings: Settings) -> None:
        super().__init__(spec, settings)
        opts = spec.options
        self.check_name: str = opts["check"]
        self.max_years: int = opts.get("max_years", 2)
        self.max_months: int = opts.get("max_months", 24)
        self.health_re = rx(opts.get("health_terms", checks.DEFAULT_HEALTH_RE), regex.I)
        self.as_of = as_of_date(settings)

    def _issues(self, doc: Document, model: DateModel) -> list[checks.DateIssue]:
        run: dict[str, Callable[[], list[checks.DateIssue]]] = {
            "stale-conclusion": lambda: checks.stale_conclusion(doc, model),
            "stale-recent": lambda: checks.stale_recent(doc, model, self.as_of, self.max_years),
            "passed-future": lambda: checks.passed_future(doc, model, self.as_of),
            "conflicting": lambda: checks.conflicting(doc, model),
            "outdated-review": lambda: checks.outdated_review(doc, model, self.as_of, self.max_months, self.health_re,
                                                      self.settings.regex_timeout),
            "future-as-past": lambda: checks.future_as_past(doc, model, self.as_of),
        }
        return run[self.check_name]()

    def check(self, doc: Document, ctx: Analysis) -> Iterable[Finding]:
        model = ctx.get(analyse_dates)
        for issue in self._issues(doc, model):
            if issue.block < 0:
                start, end = _front_matter_span(doc, issue.fields.get("key", ""))
            else:
                start, end = doc.blocks[issue.block].source_span(issue.start, issue.end)
            finding = self.finding(doc, start, end, document_level=issue.document_level, fix=issue.fix, **issue.fields)
            finding.related = [locate(doc, *_line_span(doc, line)) for line in issue.related_lines]
            yield finding


def _front_matter_span(doc: Document, key: str) -> tuple[int, int]:
    """Where front-matter key `key` is written, else the start of the document."""
    m = regex.search(rf"(?m)^[ \t]*{regex.escape(key)}[ \t]*:.*$", doc.source.text) if key else None
    return (m.start(), m.end()) if m else (0, 0)


def _line_span(doc: Document, line: int) -> tuple[int, int]:
    lines = doc.lines or LineIndex(doc.source.text)
    start = lines.line_start(line)
    return start, lines.line_end(line, doc.source.text)
