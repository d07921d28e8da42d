"""Inline suppressions: `copylint-disable IDS -- reason` ... `copylint-enable IDS` and
`copylint-disable-next-line IDS -- reason` in markup comments (or directive lines in plain text).
Ids may be prefixes, comma-separated; none means every rule. Bare and unused ones are reported."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from copylint.core.ids import SELECTOR
from copylint.pipeline.filters import builtin_rules as builtin
from copylint.pipeline.filters.selection import specificity
from copylint.core.models import Comment, Finding, LineIndex, Location

ACTIONS = ("disable", "enable", "disable-next-line")
_HEAD = re.compile(r"^copylint-(?P<action>[A-Za-z-]*)(?P<rest>.*)$", re.S)
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")


@dataclass
class Directive:
    """One `copylint-...` comment, located; `problem` is set when it is malformed."""

    action: str
    ids: tuple[str, ...]
    reason: str | None
    location: Location
    excerpt: str
    target_line: int = 0  # disable-next-line: the line it covers
    problem: str | None = None


def parse_directive(body: str) -> tuple[str, tuple[str, ...], str | None, str | None]:
    """(action, ids, reason, problem) of a comment body that starts with `copylint-`."""
    m = _HEAD.match(body.strip())
    if not m or m.group("action") not in ACTIONS:
        action = m.group("action") if m else body
        return "", (), None, f"unknown directive 'copylint-{action}' (use {', '.join('copylint-' + a for a in ACTIONS)})"
    rest = m.group("rest")
    if rest and not rest[0].isspace():
        return "", (), None, f"unknown directive {body.split()[0]!r}"
    sep = _REASON.search(rest)
    id_part, reason = (rest[:sep.start()], rest[sep.end():]) if sep else (rest, "")
    ids = tuple(p for p in re.split(r"[,\s]+", id_part.strip()) if p)
    bad = [i for i in ids if not SELECTOR.match(i)]
    if bad:
        return m.group("action"), ids, None, f"{bad[0]!r} is not a rule id or prefix"
    reason = " ".join(reason.split()) or None
    return m.group("action"), ids, reason, None


def parse_directives(comments: Sequence[Comment], text: str, path: str, lines: LineIndex | None = None) -> list[Directive]:
    """Locate every `copylint-` comment of a document (pure; cheap when there are none).
    `lines` is the document's own line index, when the caller has it."""
    relevant = [c for c in comments if c.text.lstrip().startswith("copylint-")]
    if not relevant:
        return []
    lines = lines or LineIndex(text)
    own_lines = _directive_lines(relevant, text, lines)
    out = []
    for c in sorted(relevant, key=lambda c: c.start):
        action, ids, reason, problem = parse_directive(c.text)
        line, col = lines.position(c.start)
        end_line, end_col = lines.position(c.end)
        loc = Location(path, line, col, end_line, end_col, c.start, c.end)
        target = end_line + 1
        while target <= lines.line_count and (target in own_lines or not text[lines.line_start(target):lines.line_end(target, text)].strip()):
            target += 1
        out.append(Directive(action, ids, reason, loc, text[c.start:c.end], target, problem))
    return out


def _directive_lines(comments: Iterable[Comment], text: str, lines: LineIndex) -> set[int]:
    """Lines holding nothing but a directive (skipped when finding the 'next line')."""
    own: set[int] = set()
    for c in comments:
        first, last = lines.position(c.start)[0], lines.position(c.end)[0]
        before = text[lines.line_start(first):c.start]
        after = text[c.end:lines.line_end(last, text)]
        if not before.strip() and not after.strip():
            own.update(range(first, last + 1))
    return own


@dataclass
class _Span:
    directive: Directive
    pattern: str  # "" = every rule
    start: float
    end: float = math.inf
    used: bool = False

    def covers(self, f: Finding) -> bool:
        if specificity(self.pattern, f.rule) < 0:
            return False
        if self.directive.action == "disable-next-line":
            return f.location.line == self.directive.target_line
        return self.start <= f.location.start_offset < self.end


@dataclass
class Suppressed:
    """The findings left after suppression, and findings about the directives themselves."""

    kept: list[Finding] = field(default_factory=list)
    meta: list[Finding] = field(default_factory=list)


def spans(directives: Sequence[Directive]) -> list[_Span]:
    out: list[_Span] = []
    open_: list[_Span] = []
    for d in directives:
        if d.problem:
            continue
        if d.action == "disable-next-line":
            out.extend(_Span(d, p, 0) for p in (d.ids or ("",)))
        elif d.action == "disable":
            new = [_Span(d, p, d.location.end_offset) for p in (d.ids or ("",))]
            out.extend(new)
            open_.extend(new)
        else:  # enable: close every open span it names (all of them when it names none)
            closing = [s for s in open_ if not d.ids or any(specificity(i, s.pattern) >= 0 and s.pattern for i in d.ids)]
            for s in closing:
                s.end = d.location.start_offset
                open_.remove(s)
    return out


def apply(
    findings: Iterable[Finding],
    directives: dict[str, list[Directive]],
    *,
    active: Callable[[str, str], bool] = lambda pattern, path: True,
    known: Callable[[str], bool] = lambda pattern: True,
) -> Suppressed:
    """Drop suppressed findings; report malformed, bare (no reason) and unused directives.
    `active(pattern, path)` says whether a rule matching `pattern` ran on `path` (a suppression
    of a rule that is switched off there is not 'unused'); `known(pattern)` whether any rule
    matches it at all."""
    result = Suppressed()
    by_path = {path: spans(ds) for path, ds in directives.items() if ds}
    for f in findings:
        covering = [s for s in by_path.get(f.path, ()) if s.covers(f)] if f.rule not in builtin.BUILTIN_IDS else []
        if covering:
            for s in covering:
                s.used = True
        else:
            result.kept.append(f)
    for path, ds in directives.items():
        path_spans = by_path.get(path, [])
        for d in ds:
            result.meta.extend(_meta(d, [s for s in path_spans if s.directive is d], path, active, known))
    return result


def _meta(d: Directive, own: list[_Span], path: str, active, known) -> list[Finding]:
    if d.problem:
        return [_finding(builtin.INVALID, d, f"Malformed copylint directive: {d.problem}; it has no effect.")]
    if d.action == "enable":
        return []
    out = []
    if d.reason is None:
        out.append(_finding(builtin.WITHOUT_REASON, d, builtin.spec_of(builtin.WITHOUT_REASON).message))
    unknown = [s.pattern for s in own if s.pattern and not known(s.pattern)]
    unused = [s.pattern or "all rules" for s in own if not s.used and (not s.pattern or known(s.pattern)) and active(s.pattern, path)]
    if unknown:
        out.append(_finding(builtin.UNUSED, d, f"Suppression names {', '.join(map(repr, unknown))}, which matches no rule; fix the rule id or remove it."))
    if unused:
        where = "on the next line" if d.action == "disable-next-line" else "in its range"
        out.append(_finding(builtin.UNUSED, d, f"Unused suppression ({', '.join(unused)}): nothing was reported {where}; remove it."))
    return out


def _finding(rule: str, d: Directive, message: str) -> Finding:
    spec = builtin.spec_of(rule)
    return Finding(rule=rule, category=spec.category, severity=spec.severity, message=message,
                   location=d.location, excerpt=d.excerpt)
