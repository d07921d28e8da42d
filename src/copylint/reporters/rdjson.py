"""reviewdog Diagnostic Format (rdjson, `reviewdog -f=rdjson`): one DiagnosticResult with a
diagnostic per finding; an exact fix becomes a `suggestion` over the finding's range. reviewdog
counts columns in UTF-8 bytes, so character columns are converted with the file's own lines."""

from __future__ import annotations

import functools
import json

from copylint.core.models import Finding, Location
from copylint.reporters import Report

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "copylint", "url": "https://github.com/copylint/copylint"}


@functools.lru_cache(maxsize=64)
def _lines(path: str) -> tuple[str, ...] | None:
    """The decoded lines of `path` (line endings kept out), or None when it cannot be read."""
    from copylint.core.models import LineIndex, Source
    from copylint.pipeline.sources.reading import read_source

    source = read_source(path, "text") if path != "-" else None
    if not isinstance(source, Source):
        return None
    text = source.text
    index = LineIndex(text)
    return tuple(text[index.line_start(n):index.line_end(n, text)] for n in range(1, index.line_count + 1))


def byte_column(path: str, line: int, column: int) -> int:
    """1-based UTF-8 byte column of 1-based character `column` on `line` (unchanged if unknown)."""
    lines = _lines(path)
    if lines is None or not 1 <= line <= len(lines):
        return column
    return len(lines[line - 1][: column - 1].encode("utf-8")) + 1


def position(path: str, line: int, column: int) -> dict:
    return {"line": line, "column": byte_column(path, line, column)}


def span(loc: Location) -> dict:
    return {"start": position(loc.path, loc.line, loc.column), "end": position(loc.path, loc.end_line, loc.end_column)}


def diagnostic(f: Finding, path: str, url: str | None = None) -> dict:
    loc = f.location
    entry = {
        "message": f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else ""),
        "location": {"path": path, "range": span(loc)},
        "severity": SEVERITIES[f.severity.value],
        "source": SOURCE,
        "code": {"value": f.rule, **({"url": url} if url else {})},
        "original_output": f"{path}:{loc.line}:{loc.column}: {f.severity.value} {f.rule} {f.message}",
    }
    if f.fix is not None:
        entry["suggestions"] = [{"range": span(loc), "text": f.fix}]
    return entry


def render(report: Report) -> str:
    from copylint.ruleset.docs import help_uri

    _lines.cache_clear()  # files may have changed since an earlier report in this process
    urls = {rid: help_uri(spec) for rid, spec in report.rules.items()}
    result = {
        "source": SOURCE,
        "diagnostics": [diagnostic(f, report.relpath(f.path), urls.get(f.rule)) for f in report.findings],
    }
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"
