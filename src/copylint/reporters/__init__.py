"""Output stage: one module per format, each a `render(report) -> str` function."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:
    from copylint.kinds.base import RuleSpec
    from copylint.core.models import Document, Finding, InputError


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
    root: str = "."  # repository root: github and sarif paths are relative to it
    paths: list[str] = field(default_factory=list)  # every file linted (junit lists clean ones)
    quiet: bool = False  # findings only: no summary line
    load_document: Callable[[str], Document | InputError] | None = None  # html: each linted file's text

    def relpath(self, path: str) -> str:
        """`path` relative to `root`, POSIX style (as given when outside root, or stdin)."""
        import os
        from pathlib import Path

        if path == "-" or not path:
            return path
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root))
        return Path(path if rel.startswith("..") else rel).as_posix()


def _load(module: str) -> Callable[[Report], str]:
    def render(report: Report) -> str:
        import importlib

        return importlib.import_module(f"copylint.reporters.{module}").render(report)

    return render


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": _load("text"),
    "json": _load("json_format"),
    "json-lines": _load("json_lines"),
    "github": _load("github"),
    "sarif": _load("sarif"),
    "junit": _load("junit"),
    "html": _load("html"),
    "concise": _load("concise"),
    "gitlab": _load("gitlab"),
    "rdjson": _load("rdjson"),
}


def render(fmt: str, report: Report) -> str:
    return FORMATS[fmt](report)


def render_chunks(fmt: str, report: Report) -> Iterable[str]:
    """The report as pieces to write one after another: formats that can stream (text and concise
    a finding at a time, html a file at a time); the others come as one piece."""
    if fmt in ("text", "concise", "html"):
        import importlib

        return importlib.import_module(f"copylint.reporters.{fmt}").chunks(report)
    return [render(fmt, report)]
