"""Output stage: one module per format, each a `render(report) -> str` function."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from copylint.kinds.base import RuleSpec
from copylint.models import Finding, InputError


@dataclass
class Report:
    """Everything a reporter may print: the findings, the input errors, the run's counts and the
    specs of the rules that were run (for SARIF rule metadata)."""

    findings: list[Finding]
    errors: list[InputError] = field(default_factory=list)
    files: int = 0
    rules: dict[str, RuleSpec] = field(default_factory=dict)
    color: bool = False
    show_source: bool = True
    root: str = "."


def _text(report: Report) -> str:
    from copylint.reporters import text
    return text.render(report)


def _json(report: Report) -> str:
    from copylint.reporters import json_format
    return json_format.render(report)


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": _text,
    "json": _json,
}


def render(fmt: str, report: Report) -> str:
    return FORMATS[fmt](report)
