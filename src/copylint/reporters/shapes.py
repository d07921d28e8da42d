"""The JSON shapes of copylint's own formats (json, json-lines): one finding and one input error
as plain data. They live with the reporters, not with the models they describe."""

from __future__ import annotations

from typing import Any

from copylint.core.models import Finding, InputError


def finding_json(f: Finding) -> dict[str, Any]:
    """A finding as the json and json-lines formats write it."""
    loc = f.location
    data: dict[str, Any] = {
        "path": loc.path,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity.value,
        "message": f.message,
        "excerpt": f.excerpt,
    }
    if f.suggestion is not None:
        data["suggestion"] = f.suggestion
    if f.fix is not None:
        data["fix"] = {
            "start": {"line": loc.line, "column": loc.column},
            "end": {"line": loc.end_line, "column": loc.end_column},
            "replacement": f.fix,
        }
    if f.also:
        data["also"] = list(f.also)
    if f.related:
        data["related"] = [{"path": r.path, "line": r.line, "column": r.column} for r in f.related]
    return data


def error_json(e: InputError) -> dict[str, str]:
    """A file that could not be linted, as the json format writes it."""
    return {"path": e.path, "message": e.message}
