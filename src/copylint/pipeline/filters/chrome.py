"""Site chrome reported once per run: a finding in chrome text (header, navigation, sidebar,
footer) that recurs on several pages is kept in the first page by path, noting how many pages
carry it, with the other pages as related locations."""

from __future__ import annotations

import zlib
from typing import Iterable

from copylint.core.models import Document, Finding, Location


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


class OncePerRun:
    """The pages that carry each chrome finding (rule, chrome block text, excerpt), noted as each
    page's findings arrive; a repeated one is then kept only in the first page by path, noting
    how many pages carry it, the first place on each other page as related locations."""

    def __init__(self) -> None:
        self.pages: dict[tuple, dict[str, Location]] = {}  # finding -> page -> its first place there

    @staticmethod
    def _group(f: Finding) -> tuple:
        return f.rule, f.chrome_key, f.excerpt

    def note(self, findings: Iterable[Finding]) -> None:
        """One page's findings, in source order."""
        for f in findings:
            if f.chrome_key is not None:
                self.pages.setdefault(self._group(f), {}).setdefault(f.path, f.location)

    def keeps(self, f: Finding) -> bool:
        """Whether `f` is reported (the kept copy of a repeated one gets its note on the way)."""
        pages = self.pages.get(self._group(f), {}) if f.chrome_key is not None else {}
        if len(pages) < 2:
            return True
        first, *others = sorted(pages)
        if f.path != first:
            return False
        f.message += f" (Site chrome: the same text is on {len(pages)} pages of this run; reported once, here.)"
        f.related = [*f.related, *(pages[p] for p in others)]
        return True
