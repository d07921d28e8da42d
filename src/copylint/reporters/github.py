"""GitHub Actions workflow commands (`::error file=...,line=...::message`), which GitHub shows
as annotations on the pull request. Escaping follows GitHub's toolkit (`escapeData`/`escapeProperty`).
GitHub shows at most 10 annotations of each kind per step (50 per job); past that, a notice
first in the output says how many are not shown and where they all are."""

from __future__ import annotations

import os
from collections import Counter

from copylint.core.models import Finding
from copylint.reporters import Report

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
# GitHub's limits (actions/toolkit, docs/problem-matchers.md "Limitations"): 10 error, 10 warning
# and 10 notice annotations per step, 50 annotations per job.
PER_STEP = 10
PER_JOB = 50


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


def hidden_annotations(report: Report, notice: bool = True) -> int:
    """How many annotations GitHub will not show for this report in one step (counting the
    overflow notice itself among the notices when `notice`)."""
    kinds = Counter(LEVELS[f.severity.value] for f in report.findings)
    kinds["error"] += len(report.errors)
    kinds["notice"] += notice
    shown = {kind: min(n, PER_STEP) for kind, n in kinds.items()}
    return sum(kinds.values()) - min(sum(shown.values()), PER_JOB)


def overflow_notice(report: Report) -> str | None:
    """A notice saying how many findings GitHub will not show as annotations, or None."""
    if hidden_annotations(report, notice=False) <= 0:
        return None
    hidden = hidden_annotations(report)
    n = len(report.findings)
    where = "the job summary lists them all" if os.environ.get("GITHUB_STEP_SUMMARY") else "this step's log lists them all"
    text = (
        f"{n} findings: GitHub shows at most {PER_STEP} error, {PER_STEP} warning and {PER_STEP} notice annotations "
        f"per step ({PER_JOB} per job), so {hidden} are not shown as annotations; {where}, and the SARIF report "
        "(--format sarif, uploaded to code scanning) keeps every one."
    )
    return f"::notice title=copylint::{escape_data(text)}"


def render(report: Report) -> str:
    notice = overflow_notice(report)
    lines = [notice] if notice else []
    lines += [command(f, report.relpath(f.path)) for f in report.findings]
    lines += [f"::error file={escape_property(report.relpath(e.path))},title=copylint::{escape_data(e.message)}" for e in report.errors]
    return "".join(line + "\n" for line in lines)
