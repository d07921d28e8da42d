"""One finding per claim: findings of different rules on overlapping words of one document are
the same claim ("Our tea cures acne" is a cure claim and a disease claim). The most severe is
kept (then the one covering more of the claim), and names the rules it stands for."""

from __future__ import annotations

from copylint.models import Finding


def _folds(f: Finding) -> bool:
    """Document-level findings and exact fixes (a misspelt name) are never folded."""
    return not f.document_level and f.fix is None and f.location.end_offset > f.location.start_offset


def _precedence(f: Finding) -> tuple:
    loc = f.location
    return (-f.severity.rank, -(loc.end_offset - loc.start_offset), loc.start_offset, f.rule)


def fold_same_claim(findings: list[Finding]) -> list[Finding]:
    """Findings in source order, with overlapping findings of different rules folded into one."""
    kept: list[Finding] = [f for f in findings if not _folds(f)]
    spans = sorted((f for f in findings if _folds(f)), key=lambda f: (f.location.start_offset, f.location.end_offset))
    group: list[Finding] = []
    group_end = -1
    for f in spans + [None]:
        if f is not None and group and f.location.start_offset < group_end:
            group.append(f)
            group_end = max(group_end, f.location.end_offset)
            continue
        if group:
            kept.extend(_merge(group))
        if f is not None:
            group, group_end = [f], f.location.end_offset
    kept.sort(key=Finding.sort_key)
    return kept


def _merge(group: list[Finding]) -> list[Finding]:
    """The group's best finding per claim; several findings of one rule stay apart (they are
    distinct claims the rule itself separated)."""
    rules = {f.rule for f in group}
    if len(rules) == 1:
        return group
    best = min(group, key=_precedence)
    others = sorted(rules - {best.rule})
    best.also = tuple(others)
    best.message = f"{best.message} (Also reported as: {', '.join(others)}.)"
    return [best] + [f for f in group if f.rule == best.rule and f is not best]
