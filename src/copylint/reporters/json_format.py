"""JSON output: {"version": 1, "findings": [...], "errors": [...]}.

Written item by item (the same bytes as `json.dumps(data, indent=2)`): the indenting encoder is
pure Python and would hold millions of string pieces for a run over 10,000 files."""

from __future__ import annotations

import json
from typing import Any, Iterable

from copylint.reporters import Report
from copylint.reporters.shapes import error_json, finding_json


def _array(out: list[str], items: Iterable[Any], prefix: str = "    ") -> None:
    start = len(out)
    for item in items:
        out.append(",\n" if len(out) > start else "[\n")
        out.append("\n".join(prefix + line for line in json.dumps(item, indent=2, ensure_ascii=False).split("\n")))
    out.append("\n  ]" if len(out) > start else "[]")


def render(report: Report) -> str:
    out = ['{\n  "version": 1,\n  "findings": ']
    _array(out, map(finding_json, report.findings))
    out.append(',\n  "errors": ')
    _array(out, map(error_json, report.errors))
    out.append(',\n  "files": ' + json.dumps(report.files) + "\n}\n")
    return "".join(out)
