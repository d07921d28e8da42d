"""JSON Lines output: one finding object per line (the json format's fields), nothing else."""

from __future__ import annotations

import json

from copylint.reporters import Report
from copylint.reporters.shapes import finding_json


def render(report: Report) -> str:
    return "".join(json.dumps(finding_json(f), ensure_ascii=False) + "\n" for f in report.findings)
