"""One finding per claim: findings of different claim rules on overlapping words of one document are
the same claim ("Our tea cures acne" is a cure claim and a disease claim). The most severe is
kept (then the rule of higher `precedence`, the more specific one, then the one covering more of
the claim), and names the rules it stands for. A block
repeated on the page reports its findings once, at the first copy, listing the others. Both run
after selection and suppressions, so a rule switched off for a file never hides another."""

from __future__ import annotations

import bisect
import zlib

from copylint.core.models import Document, Finding


# Categories whose findings are not claims: a repeated section, a stale date or a misspelt name
# on the words of a claim is a second problem, not the same claim.
NOT_CLAIMS = frozenset({"date", "duplication", "consistency", "readability"})


def _folds(f: Finding) -> bool:
    """Claims fold; document-level findings, exact fixes (a misspelt name) and findings of other
    categories never do."""
    return (not f.document_level and f.fix is None and f.category not in NOT_CLAIMS
            and f.location.end_offset > f.location.start_offset)


def _precedence(f: Finding) -> tuple:
    loc = f.location
    return (-f.severity.rank, -f.precedence, -(loc.end_offset - loc.start_offset), loc.start_offset, f.rule)


def fold_same_claim(findings: list[Finding]) -> list[Finding]:
    """Findings in source order, with overlapping findings of different rules folded into one."""
    kept: list[Finding] = [f for f in findings if not _folds(f)]
    spans = sorted((f for f in findings if _folds(f)), key=lambda f: (f.path, f.location.start_offset, f.location.end_offset))
    group: list[Finding] = []
    group_end = -1
    for f in spans + [None]:
        if f is not None and group and f.path == group[0].path and f.location.start_offset < group_end:
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


def fold_repeats(findings: list[Finding]) -> list[Finding]:
    """A block pasted several times (a call-to-action twelve times) carries the same findings in
    each copy: report each once, at its first copy, naming the other lines. Runs after
    suppressions, so a copy that is suppressed on its own line stays suppressed."""
    first: dict[tuple, Finding] = {}
    kept: list[Finding] = []
    for f in sorted(findings, key=Finding.sort_key):
        if f.repeat_key is None or f.document_level:
            kept.append(f)
            continue
        key = (f.path, f.rule, f.message, f.excerpt, f.repeat_key)
        earlier = first.get(key)
        if earlier is None:
            first[key] = f
            kept.append(f)
        else:
            earlier.related.append(f.location)
    for f in first.values():
        lines = sorted({loc.line for loc in f.related if loc.path == f.path})
        if lines:
            f.message = f"{f.message} (Repeated in the same words on line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}.)"
    return kept


def mark_blocks(doc: Document, findings: list[Finding]) -> None:
    """Give each finding the identity of its block's text, for `fold_repeats`."""
    if len(findings) < 2:
        return
    starts = [b.source_offset(0) for b in doc.blocks]
    keys: dict[int, int] = {}
    for f in findings:
        i = bisect.bisect_right(starts, f.location.start_offset) - 1
        if 0 <= i < len(doc.blocks):
            if i not in keys:
                keys[i] = zlib.crc32(" ".join(doc.blocks[i].text.split()).encode("utf-8"))
            # The same place in a copy of the block: two claims of one block stay two.
            f.repeat_key = hash((keys[i], f.location.start_offset - starts[i]))
