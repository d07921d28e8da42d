"""Build a block's visible text piece by piece while recording where each piece came from."""

from __future__ import annotations


from copylint.core.models import Block, Segment
from copylint.core.regexcache import rx

_SPACE = " \t\r\n\f\v\u00a0"
# Whitespace that is not a lone space: replaced by one space mapped to its whole source run.
_COLLAPSE = rx(r"[ \t\r\n\f\v\u00a0]{2,}|[\t\r\n\f\v\u00a0]")


class BlockBuilder:
    """Accumulates visible text; runs of whitespace collapse to one space mapped to their
    source range, so sentences and excerpts always point into the original file."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0
        self._pending_space: tuple[int, int] | None = None  # (src_start, src_end)
        self.links: list[str] = []  # URLs of links dropped from the visible text

    def add(self, text: str, src_start: int, src_len: int | None = None) -> None:
        """Add source text verbatim (whitespace other than single spaces is collapsed), or,
        with `src_len`, an atomic replacement such as a decoded entity."""
        if not text:
            return
        if src_len is not None and src_len != len(text):
            self._flush_space()
            self._append(text, src_start, src_len)
            return
        pos = 0
        for m in _COLLAPSE.finditer(text):
            self._verbatim(text, pos, m.start(), src_start)
            self.space(src_start + m.start(), src_start + m.end())
            pos = m.end()
        self._verbatim(text, pos, len(text), src_start)

    def _verbatim(self, text: str, start: int, end: int, src_start: int) -> None:
        if start >= end:
            return
        if self.length == 0 and self._pending_space is None:
            while start < end and text[start] == " ":  # no leading space in a block
                start += 1
            if start >= end:
                return
        elif text[start] == " " and (self._pending_space is not None or (self.parts and self.parts[-1].endswith(" "))):
            start += 1  # a single space next to another break: one space is enough
            if start >= end:
                return
        self._flush_space()
        self._append(text[start:end], src_start + start, end - start)

    def space(self, src_start: int, src_end: int) -> None:
        """A word break (whitespace, a line break, a removed tag)."""
        if self._pending_space is None:
            self._pending_space = (src_start, src_end)
        else:
            self._pending_space = (self._pending_space[0], max(src_end, self._pending_space[1]))

    def _flush_space(self) -> None:
        if self._pending_space is not None:
            start, end = self._pending_space
            self._pending_space = None
            if self.length and not self.parts[-1].endswith(" "):
                self._append(" ", start, max(1, end - start))

    def _append(self, text: str, src_start: int, src_len: int) -> None:
        last = self.segments[-1] if self.segments else None
        if (
            last is not None
            and last.text_len == last.src_len
            and src_len == len(text)
            and last.src_start + last.src_len == src_start
            and last.text_start + last.text_len == self.length
        ):
            self.segments[-1] = Segment(last.text_start, last.src_start, last.text_len + len(text), last.src_len + src_len)
        else:
            self.segments.append(Segment(self.length, src_start, len(text), src_len))
        self.parts.append(text)
        self.length += len(text)

    def _truncate(self, length: int) -> None:
        kept = []
        for seg in self.segments:
            if seg.text_start >= length:
                break
            if seg.text_start + seg.text_len > length and seg.text_len == seg.src_len:
                cut = length - seg.text_start
                seg = Segment(seg.text_start, seg.src_start, cut, cut)
            kept.append(seg)
        self.segments = kept

    def build(self, kind: str, level: int = 0) -> Block | None:
        text = "".join(self.parts)
        if not text.strip():
            return None
        stripped = text.rstrip(" ")
        if len(stripped) < len(text):
            text = stripped
            self._truncate(len(text))
        return Block(kind=kind, text=text, segments=list(self.segments), level=level, links=list(self.links))
