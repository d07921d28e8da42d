"""`--statistics`: how many findings each rule produced, most frequent first (like ruff)."""

from __future__ import annotations

import json
from collections import Counter

from copylint.reporters import Report


def counts(report: Report) -> list[tuple[str, int, str]]:
    """(rule, count, severity) rows, by count then rule id."""
    tally = Counter(f.rule for f in report.findings)
    severity = {f.rule: f.severity.value for f in report.findings}
    return sorted(((rule, n, severity[rule]) for rule, n in tally.items()), key=lambda r: (-r[1], r[0]))


def render(report: Report, fmt: str = "text") -> str:
    rows = counts(report)
    if fmt in ("json", "json-lines"):
        return json.dumps([{"rule": r, "count": n, "severity": s} for r, n, s in rows], indent=2) + "\n"
    if not rows:
        return "" if report.quiet else f"No findings in {report.files} file{'s' if report.files != 1 else ''}.\n"
    width = max(len(str(n)) for _, n, _ in rows)
    rid = max(len(r) for r, _, _ in rows)
    lines = [f"{n:>{width}}  {r:<{rid}}  {s}" for r, n, s in rows]
    if not report.quiet:
        lines.append(f"Found {sum(n for _, n, _ in rows)} findings of {len(rows)} rule{'s' if len(rows) != 1 else ''}.")
    return "\n".join(lines) + "\n"
