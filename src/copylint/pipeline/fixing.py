"""Exact fixes (`check --fix`): apply the replacements findings carry (a misspelt drug name, the
year of a "recent" study) to the files, never a claim rewrite. A file is written only when its
text is still the text that was linted and every fixed span still holds the reported excerpt;
writes are atomic (sources/atomic.py)."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from copylint.core.models import Finding, Source
from copylint.pipeline.sources import atomic
from copylint.pipeline.sources.discover import format_for
from copylint.pipeline.sources.reading import decode


@dataclass
class FileFix:
    """One file's fixes: the text before and after, or why it was left alone."""

    path: str
    fixes: list[Finding] = field(default_factory=list)
    before: str = ""
    after: str = ""
    error: str | None = None

    def diff(self) -> str:
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile=f"a/{self.path}", tofile=f"b/{self.path}",
        )
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def fixable(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings with an exact fix, by file, in order, without overlapping spans (the first wins)."""
    by_path: dict[str, list[Finding]] = {}
    for f in sorted((f for f in findings if f.fix is not None and f.path != "-"), key=Finding.sort_key):
        kept = by_path.setdefault(f.path, [])
        if kept and f.location.start_offset < kept[-1].location.end_offset:
            continue
        kept.append(f)
    return by_path


def apply_to_text(text: str, fixes: Sequence[Finding]) -> str:
    """`text` with each fix's span [start_offset, end_offset) replaced (non-overlapping)."""
    out, pos = [], 0
    for f in sorted(fixes, key=lambda f: f.location.start_offset):
        out += [text[pos:f.location.start_offset], f.fix or ""]
        pos = f.location.end_offset
    return "".join(out) + text[pos:]


def prepare(path: str, fixes: list[Finding], digest: str) -> tuple[FileFix, bytes | None, tuple | None]:
    """Read `path` again and build its fixed bytes, or a FileFix with the reason it is skipped."""
    from copylint.pipeline.run import text_digest

    result = FileFix(path, fixes)
    try:
        with open(path, "rb") as handle:
            expected = atomic.stamp(path)
            data = handle.read()
    except OSError as exc:
        result.error = f"cannot read file: {exc.strerror or exc}"
        return result, None, None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        result.error = "UTF-16 files are not fixed"
        return result, None, None
    source = decode(path, data, format_for(path))
    if not isinstance(source, Source) or text_digest(source.text) != digest:
        result.error = "changed since it was linted; not fixed (run copylint again)"
        return result, None, None
    stale = [f for f in fixes if source.text[f.location.start_offset:f.location.end_offset] != f.excerpt]
    if stale:
        result.error = f"line {stale[0].location.line} no longer holds {stale[0].excerpt!r}; not fixed"
        return result, None, None
    result.before, result.after = source.text, apply_to_text(source.text, fixes)
    encoded = result.after.encode("utf-8", "surrogateescape")
    return result, (b"\xef\xbb\xbf" if source.had_bom else b"") + encoded, expected


def fix_files(findings: Iterable[Finding], digests: dict[str, str], *, dry_run: bool) -> list[FileFix]:
    """Fix every file that has exact fixes (or, with `dry_run`, only compute the changes)."""
    results = []
    for path, fixes in fixable(findings).items():
        result, data, expected = prepare(path, fixes, digests.get(path, ""))
        if data is not None and not dry_run:
            try:
                atomic.replace_atomically(path, data, expected)
            except atomic.ChangedOnDisk:
                result.error = "changed while it was being fixed; not fixed"
            except OSError as exc:
                result.error = f"cannot write file: {exc.strerror or exc}"
        results.append(result)
    return results


def summary(results: Sequence[FileFix], dry_run: bool) -> str:
    done = [r for r in results if r.error is None]
    n = sum(len(r.fixes) for r in done)
    verb = "Would fix" if dry_run else "Fixed"
    return f"{verb} {n} finding{'s' if n != 1 else ''} in {len(done)} file{'s' if len(done) != 1 else ''}."


def changed_paths(results: Sequence[FileFix]) -> list[str]:
    return [os.fspath(r.path) for r in results if r.error is None and r.before != r.after]
