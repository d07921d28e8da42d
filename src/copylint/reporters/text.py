"""Human-readable output: `path:line:col: severity rule-id message`, the matched text, a summary."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from copylint.core.models import Finding
from copylint.reporters import Report

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "bold": "\033[1m", "dim": "\033[2m", "reset": "\033[0m"}


def _paint(text: str, style: str, on: bool) -> str:
    return f"{COLORS[style]}{text}{COLORS['reset']}" if on else text


def render(report: Report) -> str:
    return "".join(chunks(report))


def chunks(report: Report) -> Iterator[str]:
    """The report a finding at a time, so a large run is written without building one string."""
    on = report.color
    for f in report.findings:
        lines = [head(f, on)]
        if report.show_source and f.excerpt:
            excerpt = " ".join(f.excerpt.split())
            if len(excerpt) > 100:
                excerpt = excerpt[:97] + "..."
            lines.append(_paint(f"    | {excerpt}", "dim", on))
        if f.suggestion:
            lines.append(f"    = suggestion: {f.suggestion}")
        yield "\n".join(lines) + "\n"
    if not report.quiet:
        yield summary(report) + "\n"


def head(f: Finding, on: bool) -> str:
    """`path:line:col: severity rule message`, the first line of a finding."""
    loc = f.location
    where = _paint(f"{loc.path}:{loc.line}:{loc.column}:", "bold", on)
    return f"{where} {_paint(f.severity.value, f.severity.value, on)} {f.rule} {f.message}"


def summary(report: Report) -> str:
    n = len(report.findings)
    if n == 0:
        checked = f"{report.files} file{'s' if report.files != 1 else ''}"
        return f"No findings in {checked}."
    paths: set[str] = set()
    counts: Counter[str] = Counter()
    for f in report.findings:  # one pass: a large run's findings are read back from disk
        paths.add(f.path)
        counts[f.severity.value] += 1
    files = len(paths)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if counts[s]]
    return (
        f"Found {n} finding{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''} "
        f"({', '.join(parts)}); {report.files} file{'s' if report.files != 1 else ''} checked."
    )
