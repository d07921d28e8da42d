"""GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array of issues with
description, check_name, fingerprint, severity and location.path / location.lines.begin."""

from __future__ import annotations

import json
from pathlib import Path

from copylint.pipeline.filters.baseline import fingerprints
from copylint.reporters import Report

# GitLab's severities are info, minor, major, critical and blocker.
SEVERITIES = {"error": "critical", "warning": "major", "info": "info"}


def render(report: Report) -> str:
    prints = fingerprints(report.findings, Path(report.root).resolve())
    issues = [
        {
            "type": "issue",
            "description": f.message,
            "check_name": f.rule,
            "categories": ["Clarity"],
            "fingerprint": fp,
            "severity": SEVERITIES[f.severity.value],
            "location": {
                "path": report.relpath(f.path),
                "lines": {"begin": f.location.line, "end": max(f.location.line, f.location.end_line)},
            },
        }
        for f, fp in zip(report.findings, prints)
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
