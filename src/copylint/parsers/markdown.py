"""Markdown parser: markdown-it-py finds the blocks (with their source lines); an inline scanner
keeps the visible text and drops code, comments, link URLs and markup without shifting positions."""

from __future__ import annotations

import bisect
from functools import lru_cache

import regex

from copylint.core.models import Block, Comment, LineIndex
from copylint.parsers.metadata import PROBLEMS, parse_front_matter
from copylint.text.blocks import BlockBuilder
from copylint.core.regexcache import rx

_CONTAINER_PREFIX = rx(r"[ \t]*(?:>[ \t]?)*")
_LIST_MARKER = rx(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?[ \t]+")
_ATX = rx(r"[ \t]*#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = rx(r"[ \t]+#+[ \t]*$")
_SETEXT = rx(r"^[ \t]*(?:=+|-+)[ \t]*$")
_INLINE = rx(
    r"(?P<code>(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<comment><!--(?P<ctext>.*?)-->)"
    r"|(?P<autolink><(?:https?|ftp|mailto):[^>\s]*>)"
    r"|(?P<image>!\[(?P<alt>[^\]]*)\]\([^)]*\))"
    r"|(?P<linkurl>\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\))"
    r"|(?P<refurl>\]\[[^\]]*\])"
    r"|(?P<bracket>\[(?!\^)(?=[^\]\n]*\][(\[]))"
    r"|(?P<footnote>\[\^[^\]]+\])"
    r"|(?P<bare>\bhttps?://[^\s<>()\]]+)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<entity>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<emph>\*+|~~|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}]))",
    regex.S,
)


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


class _Lines:
    """The content of a block's source lines with container prefixes removed, mapped back."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.content_starts: list[int] = []
        self.src_starts: list[int] = []
        self.length = 0

    def add(self, piece: str, src_start: int) -> None:
        if self.parts:
            self.parts.append("\n")
            self.content_starts.append(self.length)
            self.src_starts.append(-1)  # the line break itself
            self.length += 1
        self.parts.append(piece)
        self.content_starts.append(self.length)
        self.src_starts.append(src_start)
        self.length += len(piece)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def to_source(self, pos: int) -> int:
        i = bisect.bisect_right(self.content_starts, pos) - 1
        src = self.src_starts[i]
        if src < 0:  # a joining newline: map to the end of the previous line
            prev = i - 1
            return self.src_starts[prev] + (self.content_starts[i] - self.content_starts[prev])
        return src + pos - self.content_starts[i]


def _emit_text(builder: BlockBuilder, lines: _Lines, content: str, start: int, end: int) -> None:
    """Copy content[start:end] into the block, splitting at joined line breaks."""
    pos = start
    while pos < end:
        nl = content.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if stop > pos:
            builder.add(content[pos:stop], lines.to_source(pos))
        if nl < 0:
            break
        src = lines.to_source(nl)
        builder.space(src, src + 1)
        pos = nl + 1


def scan_inline(lines: _Lines, builder: BlockBuilder, comments: list[Comment]) -> None:
    content = lines.text
    pos = 0
    for m in _INLINE.finditer(content):
        _emit_text(builder, lines, content, pos, m.start())
        pos = m.end()
        kind = m.lastgroup
        if kind == "ticks":
            kind = "code"
        if kind == "image" or (kind == "alt"):
            alt_start, alt_end = m.span("alt")
            _emit_text(builder, lines, content, alt_start, alt_end)
        elif kind == "comment" or kind == "ctext":
            comments.append(Comment(m.group("ctext").strip(), lines.to_source(m.start()), lines.to_source(m.end() - 1) + 1))
        elif kind == "entity":
            from copylint.parsers import html as html_parser  # imported only by a page that has markup

            builder.add(html_parser.decode_entity(m.group()), lines.to_source(m.start()), m.end() - m.start())
        elif kind == "escape":
            builder.add(m.group()[1], lines.to_source(m.start()), 2)
        elif kind == "footnote":
            _emit_text(builder, lines, content, m.start(), m.end())
        elif kind in ("linkurl", "refurl", "autolink", "bare"):
            builder.links.append(m.group().strip("]()[<>"))
            src = lines.to_source(m.start())
            builder.space(src, src) if kind in ("autolink", "bare") else None
        elif kind == "code":
            src = lines.to_source(m.start())
            builder.space(src, src)
        elif kind == "tag" and regex.match(r"</?(?:br|p|div|li|hr)\b", m.group(), regex.I):
            src = lines.to_source(m.start())
            builder.space(src, src)
    _emit_text(builder, lines, content, pos, len(content))


def _block_lines(text: str, index: LineIndex, first: int, last: int, *, strip_marker: bool, heading: str = "") -> _Lines:
    """Content of 0-based source lines [first, last) with container prefixes removed."""
    lines = _Lines()
    for n in range(first, last):
        start = index.line_start(n + 1)
        end = index.line_end(n + 1, text)
        line = text[start:end]
        if heading == "setext" and n == last - 1 and _SETEXT.match(line) and n > first:
            continue
        cut = _CONTAINER_PREFIX.match(line).end()
        if strip_marker and n == first:
            marker = _LIST_MARKER.match(line, cut)
            if marker:
                cut = marker.end()
        if heading == "atx" and n == first:
            atx = _ATX.match(line, cut)
            if atx:
                cut = atx.end()
            close = _ATX_CLOSE.search(line)
            if close and close.start() >= cut:
                end = start + close.start()
                line = text[start:end]
        lines.add(line[cut:], start + cut)
    return lines


def _table_cells(text: str, index: LineIndex, line_no: int) -> list[tuple[int, int]]:
    """Source ranges of the cells of one table row (0-based line number)."""
    start = index.line_start(line_no + 1)
    end = index.line_end(line_no + 1, text)
    row = text[start:end]
    cells, cell_start, in_code, i = [], 0, False, 0
    while i < len(row):
        ch = row[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            in_code = not in_code
        elif ch == "|" and not in_code:
            cells.append((cell_start, i))
            cell_start = i + 1
        i += 1
    cells.append((cell_start, len(row)))
    return [(start + s, start + e) for s, e in cells if row[s:e].strip()]


def parse_blocks(text: str, index: LineIndex) -> tuple[list[Block], dict, list[Comment]]:
    front = parse_front_matter(text)
    meta, blocks, body_start = front.meta, front.blocks, front.body_start
    if front.problem:
        meta[PROBLEMS] = [front.problem]
    comments: list[Comment] = []
    # Blank the front matter (same line count) so markdown-it's line maps stay aligned.
    head = text[:body_start]
    body = regex.sub(r"[^\r\n]", " ", head) + text[body_start:]
    tokens = _markdown().parse(body)
    context: list[str] = []
    first_in_item = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open", "blockquote_open", "list_item_open"):
            context.append(t)
            first_in_item = t == "list_item_open"
        elif t in ("bullet_list_close", "ordered_list_close", "blockquote_close", "list_item_close"):
            context.pop()
        elif t == "heading_open" and tok.map:
            style = "atx" if tok.markup.startswith("#") else "setext"
            lines = _block_lines(text, index, tok.map[0], tok.map[1], strip_marker=first_in_item, heading=style)
            _add_block(blocks, comments, lines, "heading", int(tok.tag[1]))
            first_in_item = False
        elif t == "paragraph_open" and tok.map:
            kind = "list_item" if "list_item_open" in context else "quote" if "blockquote_open" in context else "paragraph"
            lines = _block_lines(text, index, tok.map[0], tok.map[1], strip_marker=first_in_item)
            _add_block(blocks, comments, lines, kind)
            first_in_item = False
        elif t == "tr_open" and tok.map:
            for s, e in _table_cells(text, index, tok.map[0]):
                lines = _Lines()
                lines.add(text[s:e], s)
                _add_block(blocks, comments, lines, "table_cell")
        elif t == "html_block" and tok.map:
            start = index.line_start(tok.map[0] + 1)
            end = index.line_end(tok.map[1], text)
            from copylint.parsers import html as html_parser

            sub_blocks, _, sub_comments = html_parser.parse_fragment(text, start, end)
            blocks.extend(sub_blocks)
            comments.extend(sub_comments)
        elif t in ("fence", "code_block"):
            first_in_item = False
        i += 1
    return blocks, meta, comments


def _add_block(blocks: list[Block], comments: list[Comment], lines: _Lines, kind: str, level: int = 0) -> None:
    builder = BlockBuilder()
    scan_inline(lines, builder, comments)
    block = builder.build(kind, level)
    if block is not None:
        blocks.append(block)
