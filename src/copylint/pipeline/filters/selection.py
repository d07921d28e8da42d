"""Config selection: select / extend-select / ignore by rule id or dotted prefix (the most
specific pattern wins, ignore on a tie, like ruff), per-file-ignores (always win) and severity
overrides."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Sequence

from copylint.core.models import Finding, Severity
from copylint.pipeline.sources.discover import is_excluded


def specificity(pattern: str, rule_id: str) -> int:
    """How specifically `pattern` names `rule_id`: its number of dotted segments, -1 if no match
    (the empty pattern matches every rule with specificity 0)."""
    if pattern == "":
        return 0
    if rule_id == pattern or rule_id.startswith(pattern + "."):
        return pattern.count(".") + 1
    return -1


def best(patterns: Iterable[str], rule_id: str) -> int:
    return max((specificity(p, rule_id) for p in patterns), default=-1)


def relative_to(path: str, root: Path) -> str:
    """`path` relative to `root` in POSIX form when it lies under root, else as given."""
    if path == "-" or not path:
        return path
    rel = os.path.relpath(os.path.abspath(path), root)
    return Path(rel if not rel.startswith("..") else path).as_posix()


@dataclass
class Selection:
    """Which rules run where, and at which severity."""

    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    root: Path = field(default_factory=Path.cwd)

    def enabled(self, rule_id: str) -> bool:
        """Whether the rule runs at all (before per-file ignores)."""
        chosen = best([*(self.select if self.select is not None else [""]), *self.extend_select], rule_id)
        return chosen >= 0 and chosen > best(self.ignore, rule_id) and self.level(rule_id) != "off"

    def enabled_for(self, rule_id: str, path: str) -> bool:
        """Enabled, and not named by a per-file ignore matching `path` (those always win)."""
        return self.enabled(rule_id) and best(self.file_ignores(path), rule_id) < 0

    def file_ignores(self, path: str) -> list[str]:
        rel = relative_to(path, self.root)
        return [rid for glob, ids in self.per_file_ignores.items() if is_excluded(rel, [glob]) for rid in ids]

    def level(self, rule_id: str) -> str | None:
        """The overridden severity (or "off") of the most specific matching pattern, if any."""
        scored = [(specificity(p, rule_id), level) for p, level in self.severity.items()]
        scored = [s for s in scored if s[0] >= 0]
        return max(scored, key=lambda s: s[0])[1] if scored else None

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        """Drop findings of rules not enabled for their file; apply severity overrides."""
        kept = []
        enabled: dict[tuple[str, str], bool] = {}  # (rule, path) -> enabled_for: asked once per pair
        levels: dict[str, str | None] = {}
        for f in findings:
            key = (f.rule, f.path)
            if key not in enabled:
                enabled[key] = self.enabled_for(f.rule, f.path)
            if not enabled[key]:
                continue
            if f.rule not in levels:
                levels[f.rule] = self.level(f.rule)
            level = levels[f.rule]
            kept.append(replace(f, severity=Severity(level)) if level and level != f.severity.value else f)
        return kept
