"""Only what changed: keep findings on added or modified lines of changed files, plus the
document-level findings (e.g. a missing disclaimer) of those files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from copylint.models import Finding

Changed = dict[Path, "set[int] | None"]


def _key(path: str | Path) -> Path:
    return Path(os.path.realpath(path))


def normalise(changed: Changed) -> dict[Path, set[int] | None]:
    return {_key(p): lines for p, lines in changed.items()}


def on_changed_line(finding: Finding, changed: dict[Path, set[int] | None]) -> bool:
    key = _key(finding.path)
    if key not in changed:
        return False
    lines = changed[key]
    if lines is None or finding.document_level:
        return True
    loc = finding.location
    return any(n in lines for n in range(loc.line, max(loc.line, loc.end_line) + 1))


def keep_changed(findings: Iterable[Finding], changed: Changed) -> list[Finding]:
    table = normalise(changed)
    return [f for f in findings if on_changed_line(f, table)]
