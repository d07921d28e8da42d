"""JSON Lines output: one finding object per line (the json format's fields), nothing else."""

from __future__ import annotations

import json

from copylint.reporters import Report


def render(report: Report) -> str:
    return "".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in report.findings)
