"""Core data types shared by every stage: source text, blocks, sentences, documents and findings.
How a format writes them is the reporters' business (copylint.reporters.shapes for JSON).

Offsets are code-point offsets into the decoded source text (BOM removed); `LineIndex`
(copylint.core.lines) turns them into the 1-based line and column every reporter prints.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from copylint.core.lines import LineIndex  # noqa: F401 - documents carry one; re-exported for the parsers
from copylint.core.severity import CATEGORIES, Severity  # noqa: F401 - findings carry them; re-exported


# Where on a page a block sits. Hidden text never becomes a block; comments only when linted.
REGIONS = ("main", "chrome", "comments", "metadata")


@dataclass(frozen=True)
class HtmlOptions:
    """How the HTML parser treats page regions (the `html:` configuration): elements matching
    `skip` are not linted, elements matching `chrome` are site chrome, and user comments are
    skipped unless `comments` is "lint". Selectors are simple: tag, .class, #id, [attr], [attr=v]."""

    skip: tuple[str, ...] = ()
    chrome: tuple[str, ...] = ()
    comments: str = "skip"  # "skip" | "lint"


@dataclass(frozen=True)
class Source:
    """A decoded input file. `text` keeps the original line endings; a UTF-8 BOM is removed
    and remembered so that columns are never shifted by it."""

    path: str
    text: str
    format: str  # "markdown" | "html" | "text" | "docx"
    had_bom: bool = False
    # For formats read as structured data (docx): (kind, level) of each line, one block a line.
    layout: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Segment:
    """A run of block text copied from the source. When text_len != src_len the run is atomic
    (an entity such as `&amp;` or collapsed whitespace) and maps to its whole source range."""

    text_start: int
    src_start: int
    text_len: int
    src_len: int


@dataclass
class Block:
    """One unit of visible text (heading, paragraph, list item, table cell, quote, metadata
    value, alt text) with the map from its text back to source offsets."""

    kind: str
    text: str
    segments: list[Segment]
    section: int = -1  # index of the heading block this block falls under, -1 before any
    level: int = 0  # heading level (1-6) for headings
    index: int = 0  # position in Document.blocks
    links: list[str] = field(default_factory=list)  # link URLs in the block (not in its text)
    region: str = "main"  # one of REGIONS

    def source_offset(self, pos: int, end: bool = False) -> int:
        """Source offset of block-text position `pos`; `end=True` maps an exclusive end."""
        segs = self.segments
        if not segs:
            return 0
        starts = [s.text_start for s in segs] if len(segs) > 1 else None
        idx = 0 if starts is None else max(0, bisect.bisect_right(starts, pos - (1 if end else 0)) - 1)
        seg = segs[idx]
        rel = pos - seg.text_start
        if seg.text_len == seg.src_len:
            rel = max(0, min(rel, seg.src_len))
            return seg.src_start + rel
        if end:
            return seg.src_start + (seg.src_len if rel > 0 else 0)
        return seg.src_start + (0 if rel < seg.text_len else seg.src_len)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.source_offset(start), self.source_offset(end, end=True)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a block: `start`/`end` are offsets into the block text."""

    block: int
    start: int
    end: int
    text: str
    index: int = 0  # position in Document.sentences
    part: int = 0  # n > 0: the nth part of a sentence over text.sentences.MAX_SENTENCE characters, analysed alone


@dataclass
class Document:
    """A parsed input: blocks and sentences in reading order, plus metadata (front matter and
    in-text dates). Built once per file and shared by every rule."""

    source: Source
    blocks: list[Block]
    sentences: list[Sentence] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    lines: LineIndex | None = None
    comments: list["Comment"] = field(default_factory=list)  # markup comments (directives live here)
    problems: list[str] = field(default_factory=list)  # parts the parser could not read (front matter)

    @property
    def path(self) -> str:
        return self.source.path

    def sentence_span(self, sentence: Sentence) -> tuple[int, int]:
        block = self.blocks[sentence.block]
        return block.source_span(sentence.start, sentence.end)

    def block_at(self, offset: int) -> Block | None:
        """The block whose source span holds `offset` (None between blocks)."""
        spans = self.__dict__.get("_spans")
        if spans is None:
            spans = sorted((*b.source_span(0, len(b.text)), b.index) for b in self.blocks)
            self.__dict__["_spans"] = spans
        i = bisect.bisect_right(spans, (offset, float("inf"), 0)) - 1
        for start, end, index in reversed(spans[max(0, i - 3):i + 1]):  # spans rarely overlap
            if start <= offset < end:
                return self.blocks[index]
        return None


@dataclass(frozen=True)
class Comment:
    """A comment in the source (HTML/Markdown `<!-- -->`, or a plain-text directive line):
    `text` is the inside, start/end the source offsets of the whole comment."""

    text: str
    start: int
    end: int


@dataclass(slots=True)  # slots: a run over 10,000 files holds hundreds of thousands of these
class Location:
    """A span in a file, with 1-based line/column; end is exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start_offset: int = 0
    end_offset: int = 0


@dataclass(slots=True)
class Finding:
    rule: str
    category: str
    severity: Severity
    message: str
    location: Location
    excerpt: str
    suggestion: str | None = None
    related: list[Location] = field(default_factory=list)
    document_level: bool = False  # e.g. a missing disclaimer: reported even outside changed lines
    chrome_key: int | None = None  # set for findings in site chrome: a hash of that chrome block's text
    fix: str | None = None  # exact replacement of the finding's span (a spelling, a year), applied by --fix
    also: tuple[str, ...] = ()  # rules whose findings on the same words this one stands for
    repeat_key: int | None = None  # identity of its block's text: copies of a block fold into one
    precedence: int = 0  # its rule's precedence when findings on the same words fold into one

    @property
    def path(self) -> str:
        return self.location.path

    @property
    def line(self) -> int:
        return self.location.line

    @property
    def column(self) -> int:
        return self.location.column

    @property
    def end_line(self) -> int:
        return self.location.end_line

    @property
    def end_column(self) -> int:
        return self.location.end_column

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity.value} {self.rule} {self.message}"

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule, self.message)


def locate(doc: Document, start: int, end: int) -> Location:
    """Location of the source range [start, end) of `doc`."""
    lines = doc.lines or LineIndex(doc.source.text)
    line, col = lines.position(start)
    end_line, end_col = lines.position(end)
    return Location(doc.path, line, col, end_line, end_col, start, end)


@dataclass(frozen=True)
class InputError:
    """A file that could not be read or decoded: reported on stderr, never fatal to the run."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: error: {self.message}"
