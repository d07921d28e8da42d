"""Only what changed (--diff): keep the findings of the sentences an edit touched (a one-word
edit in a long paragraph reports that sentence's findings, not the paragraph's), and the
document-level findings (a missing disclaimer, the reading grade) whose cause an edit touched:
their own span or a related one lies in a changed sentence. New files are reported in full."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable, Sequence

from copylint.core.models import Finding, Location
from copylint.pipeline.sources.git import FileChanges

Pos = tuple[int, int]  # (line, column), 1-based
Span = tuple[Pos, Pos]  # end exclusive
Changed = dict[Path, "FileChanges | None"]
SentenceSpans = Callable[[str], Sequence[Span]]


def _key(path: str | Path) -> Path:
    return Path(os.path.realpath(path))


def normalise(changed: Changed) -> dict[Path, FileChanges | None]:
    return {_key(p): c for p, c in changed.items()}


def touched(sentence: Span, change: tuple[int, int, int, bool]) -> bool:
    """Does an added span (or a deletion point) fall in the sentence?"""
    line, start, end, strict = change
    (s_start, s_end), lo, hi = sentence, (line, start), (line, end)
    if start == end:  # a deletion point
        return s_start < lo < s_end if strict else s_start <= lo <= s_end
    return lo < s_end and s_start < hi


def _overlaps(loc: Location, region: Span) -> bool:
    start, end = (loc.line, loc.column), (loc.end_line, loc.end_column)
    if start == end:
        return region[0] <= start <= region[1]
    return start < region[1] and region[0] < end


def changed_regions(changes: FileChanges, sentences: Sequence[Span]) -> list[Span]:
    """The sentences a change touched, plus the changed spans themselves (text outside any
    sentence: front matter, a table's markup)."""
    spans = [((line, start), (line, max(end, start + 1))) for line, start, end, _ in changes.spans]
    return [s for s in sentences if any(touched(s, c) for c in changes.spans)] + spans


def keep_changed(findings: Iterable[Finding], changed: Changed, sentence_spans: SentenceSpans) -> list[Finding]:
    """The findings of the changed sentences (and the document-level ones an edit touched)."""
    return keep_changed_in(findings, normalise(changed), sentence_spans)


def keep_changed_in(findings: Iterable[Finding], table: dict[Path, FileChanges | None],
                    sentence_spans: SentenceSpans) -> list[Finding]:
    """keep_changed with the changes already normalised (a run filters a file at a time)."""
    regions: dict[Path, list[Span]] = {}
    kept = []
    for f in findings:
        key = _key(f.path)
        if key not in table:
            continue
        changes = table[key]
        if changes is None:
            kept.append(f)
            continue
        if key not in regions:
            regions[key] = changed_regions(changes, sentence_spans(f.path))
        places = [f.location, *f.related] if f.document_level else [f.location]
        if any(_overlaps(loc, region) for loc in places for region in regions[key]):
            kept.append(f)
    return kept


def document_sentence_spans(path: str) -> list[Span]:
    """(start, end) positions of every sentence of the file as copylint parses it."""
    from copylint.core.models import Source
    from copylint.parsers import parse
    from copylint.pipeline.sources.discover import format_for
    from copylint.pipeline.sources.reading import read_source

    source = read_source(path, format_for(path))
    if not isinstance(source, Source):
        return []
    doc = parse(source)
    spans = []
    for s in doc.sentences:
        start, end = doc.sentence_span(s)
        spans.append((doc.lines.position(start), doc.lines.position(end)))
    return spans
