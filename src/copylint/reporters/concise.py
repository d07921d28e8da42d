"""Concise output (ruff's `concise`): one line per finding, `path:line:col: severity rule message`,
no excerpt or suggestion lines, then the summary."""

from __future__ import annotations

from typing import Iterator

from copylint.reporters import Report
from copylint.reporters.text import head, summary


def render(report: Report) -> str:
    return "".join(chunks(report))


def chunks(report: Report) -> Iterator[str]:
    for f in report.findings:
        yield head(f, report.color) + "\n"
    if not report.quiet:
        yield summary(report) + "\n"
