"""JSON output: {"version": 1, "findings": [...], "errors": [...]}."""

from __future__ import annotations

import json

from copylint.reporters import Report


def render(report: Report) -> str:
    data = {
        "version": 1,
        "findings": [f.to_dict() for f in report.findings],
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
        "files": report.files,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
