"""Baseline: record today's findings, later report only new ones. A fingerprint is rule + file +
normalised excerpt + occurrence index (never line numbers), so it survives lines moving."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Sequence

from copylint.pipeline.filters.selection import relative_to
from copylint.core.models import Finding
from copylint.pipeline.outputs import write_atomic

VERSION = 1
MAX_BYTES = 64 * 1024 * 1024  # a baseline file read at most (about 400,000 findings)
MAX_ENTRIES = 400_000


class BaselineError(Exception):
    """An unreadable or malformed baseline file."""


def normalise(excerpt: str) -> str:
    return " ".join(excerpt.split()).casefold()


def fingerprints(findings: Sequence[Finding], root: Path) -> list[str]:
    """One fingerprint per finding (same order). Equal (rule, file, excerpt) triples are told
    apart by their order of occurrence in the file."""
    seen: Counter[tuple[str, str, str]] = Counter()
    order = sorted(range(len(findings)), key=lambda i: findings[i].sort_key())
    prints: dict[int, str] = {}
    for i in order:
        f = findings[i]
        key = (f.rule, relative_to(f.path, root), normalise(f.excerpt or f.message))
        index = seen[key]
        seen[key] += 1
        raw = "\0".join((*key, str(index)))
        prints[i] = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]
    return [prints[i] for i in range(len(findings))]


@dataclass
class Baseline:
    prints: Counter[str]

    def filter(self, findings: Sequence[Finding], root: Path, former_ids: dict[str, list[str]] | None = None,
               on_former: Callable[[str], None] = lambda rule_id: None) -> list[Finding]:
        """The findings that are not in the baseline. A baseline written when a rule had a former
        id (`former_ids`: current id -> former ids) still matches its findings; each former id
        matched is passed to `on_former`."""
        return self.matcher(root).new(findings, former_ids, on_former)

    def matcher(self, root: Path) -> Matcher:
        """A matcher that takes findings a file at a time (every file's findings at once, or in
        parts that never split a file), each baseline entry matching one finding."""
        return Matcher(Counter(self.prints), root)


@dataclass
class Matcher:
    remaining: Counter[str]  # baseline entries not matched yet
    root: Path

    def new(self, findings: Sequence[Finding], former_ids: dict[str, list[str]] | None = None,
            on_former: Callable[[str], None] = lambda rule_id: None) -> list[Finding]:
        """The findings not in the baseline (see Baseline.filter); the entries they match are used up."""
        remaining, root = self.remaining, self.root
        former = former_ids or {}
        as_former = {  # former id -> the fingerprints the findings had under it
            old: fingerprints([replace(f, rule=old) if old in former.get(f.rule, ()) else f for f in findings], root)
            for old in sorted({o for f in findings for o in former.get(f.rule, ())})
        }
        kept = []
        for i, (f, fp) in enumerate(zip(findings, fingerprints(findings, root))):
            old = next((o for o in former.get(f.rule, ()) if remaining[as_former[o][i]] > 0), None)
            if remaining[fp] > 0:
                remaining[fp] -= 1
            elif old is not None:
                remaining[as_former[old][i]] -= 1
                on_former(old)
            else:
                kept.append(f)
        return kept


def write(path: Path, findings: Sequence[Finding]) -> None:
    """Write the baseline (atomically); paths inside are relative to the baseline file's folder.
    More findings than a baseline may hold is a BaselineError: such a file could not be read."""
    if len(findings) > MAX_ENTRIES:
        raise BaselineError(f"{len(findings):,} findings are more than a baseline holds ({MAX_ENTRIES:,})")
    root = path.resolve().parent
    entries = [
        {"fingerprint": fp, "rule": f.rule, "path": relative_to(f.path, root), "excerpt": " ".join(f.excerpt.split())[:120]}
        for f, fp in zip(findings, fingerprints(findings, root))
    ]
    data = {"version": VERSION, "tool": "copylint", "findings": sorted(entries, key=lambda e: (e["path"], e["rule"], e["fingerprint"]))}
    write_atomic(path, [json.dumps(data, indent=2, ensure_ascii=False), "\n"])


def _fingerprint_only(pairs: list[tuple[str, object]]) -> object:
    """JSON object hook: an entry shrinks to its fingerprint as soon as it is read, so memory
    stays proportional to the fingerprints, not to the entries' other fields."""
    entry = dict(pairs)
    return Entry(str(entry["fingerprint"])) if "fingerprint" in entry else entry


class Entry(str):
    """A baseline entry reduced to its fingerprint."""


def read(path: Path) -> Baseline:
    """Read a baseline, bounded: at most MAX_BYTES and MAX_ENTRIES, nesting as JSON allows."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise BaselineError(f"{path}: baseline too large ({size / 1048576:.0f} MB, limit {MAX_BYTES // 1048576} MB)")
        data = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_fingerprint_only)
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except RecursionError:
        raise BaselineError(f"{path}: cannot read baseline: JSON nested too deep") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a copylint baseline (version {VERSION})")
    entries = data["findings"]
    if len(entries) > MAX_ENTRIES:
        raise BaselineError(f"{path}: baseline has {len(entries):,} entries, more than the {MAX_ENTRIES:,} it may hold")
    if not all(isinstance(e, Entry) for e in entries):
        raise BaselineError(f"{path}: every baseline entry needs a 'fingerprint'")
    return Baseline(Counter(entries))


def root_of(path: Path) -> Path:
    return path.resolve().parent

