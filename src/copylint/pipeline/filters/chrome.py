"""Site chrome reported once per run: a finding in chrome text (header, navigation, sidebar,
footer) that recurs on several pages is kept in the first page by path, noting how many pages
carry it, with the other pages as related locations."""

from __future__ import annotations

import zlib
from typing import Iterable

from copylint.core.models import Document, Finding


def chrome_key(text: str) -> int:
    """Identity of a chrome block's text, whitespace-insensitive."""
    return zlib.crc32(" ".join(text.split()).encode("utf-8"))


def tag_chrome(doc: Document, findings: Iterable[Finding]) -> None:
    """Mark the findings that fall inside a chrome block of `doc`."""
    if not any(b.region == "chrome" for b in doc.blocks):
        return
    for finding in findings:
        block = doc.block_at(finding.location.start_offset)
        if block is not None and block.region == "chrome":
            finding.chrome_key = chrome_key(block.text)


def once_per_run(findings: list[Finding]) -> list[Finding]:
    """Findings with each repeated chrome finding kept only in the first page that has it."""
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        if f.chrome_key is not None:
            groups.setdefault((f.rule, f.chrome_key, f.excerpt), []).append(f)
    dropped: set[int] = set()
    for group in groups.values():
        pages = sorted({f.path for f in group})
        if len(pages) < 2:
            continue
        group.sort(key=Finding.sort_key)
        others = [next(f for f in group if f.path == p) for p in pages[1:]]
        for f in group:
            if f.path != pages[0]:
                dropped.add(id(f))
                continue
            f.message += f" (Site chrome: the same text is on {len(pages)} pages of this run; reported once, here.)"
            f.related = [*f.related, *(o.location for o in others)]
    return [f for f in findings if id(f) not in dropped]
