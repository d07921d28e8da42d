"""`--statistics`: how many findings each rule produced, most frequent first (like ruff). A rule
whose findings have different severities (a per-file severity override, a kind that grades its
findings) shows each severity's count."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from copylint.core.models import Severity
from copylint.reporters import Report


@dataclass(frozen=True)
class RuleCount:
    rule: str
    count: int
    severities: dict[str, int]  # severity -> count, worst first
    fixable: int = 0

    @property
    def severity(self) -> str:
        """The worst severity among the rule's findings."""
        return next(iter(self.severities))

    def label(self) -> str:
        if len(self.severities) == 1:
            return self.severity
        return ", ".join(f"{n} {s}" for s, n in self.severities.items())


def counts(report: Report) -> list[RuleCount]:
    """One row per rule, by count then rule id."""
    tally: dict[str, Counter[str]] = {}
    fixable: Counter[str] = Counter()
    for f in report.findings:
        tally.setdefault(f.rule, Counter())[f.severity.value] += 1
        fixable[f.rule] += f.fix is not None
    rows = [
        RuleCount(rule, sum(by.values()), {s: by[s] for s in sorted(by, key=lambda s: -Severity(s).rank)}, fixable[rule])
        for rule, by in tally.items()
    ]
    return sorted(rows, key=lambda r: (-r.count, r.rule))


def render(report: Report, fmt: str = "text") -> str:
    rows = counts(report)
    if fmt in ("json", "json-lines"):
        return json.dumps([
            {"rule": r.rule, "count": r.count, "severity": r.severity, "severities": r.severities, "fixable": r.fixable}
            for r in rows
        ], indent=2) + "\n"
    if not rows:
        return "" if report.quiet else f"No findings in {report.files} file{'s' if report.files != 1 else ''}.\n"
    width = max(len(str(r.count)) for r in rows)
    rid = max(len(r.rule) for r in rows)
    lines = [f"{r.count:>{width}}  {r.rule:<{rid}}  {'[*] ' if r.fixable else ''}{r.label()}" for r in rows]
    if not report.quiet:
        total = sum(r.count for r in rows)
        fixable = sum(r.fixable for r in rows)
        tail = f" ({fixable} fixable with --fix)" if fixable else ""
        lines.append(f"Found {total} findings of {len(rows)} rule{'s' if len(rows) != 1 else ''}{tail}.")
    return "\n".join(lines) + "\n"
