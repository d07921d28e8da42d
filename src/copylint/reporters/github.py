"""GitHub Actions workflow commands (`::error file=...,line=...::message`), which GitHub shows
as annotations on the pull request. Escaping follows GitHub's toolkit (`escapeData`/`escapeProperty`)."""

from __future__ import annotations

from copylint.models import Finding
from copylint.reporters import Report

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding, path: str) -> str:
    loc = finding.location
    props = [("file", path), ("line", str(loc.line))]
    if loc.end_line == loc.line:
        props += [("col", str(loc.column)), ("endLine", str(loc.end_line)), ("endColumn", str(loc.end_column))]
    else:
        props.append(("endLine", str(loc.end_line)))
    props.append(("title", f"{finding.rule} ({finding.severity.value})"))
    message = finding.message + (f"\nSuggestion: {finding.suggestion}" if finding.suggestion else "")
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{LEVELS[finding.severity.value]} {head}::{escape_data(message)}"


def render(report: Report) -> str:
    lines = [command(f, report.relpath(f.path)) for f in report.findings]
    lines += [f"::error file={escape_property(report.relpath(e.path))},title=copylint::{escape_data(e.message)}" for e in report.errors]
    return "".join(line + "\n" for line in lines)
