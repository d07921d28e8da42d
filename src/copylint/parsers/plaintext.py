"""Plain-text parser: every line is linted; blank lines, list markers and short unpunctuated
lines (headings) delimit blocks; hard-wrapped lines join their paragraph."""

from __future__ import annotations


from copylint.core.models import Block, Comment, LineIndex
from copylint.text.blocks import BlockBuilder
from copylint.core.regexcache import rx

_LIST_MARKER = rx(r"^[ \t]*(?:[-*+\u2022\u2013]|\d{1,3}[.)])[ \t]+")
_DIRECTIVE = rx(r"^[ \t]*(?:<!--\s*(copylint-[^\n]*?)\s*-->|#?\s*(copylint-(?:disable|enable)[^\n]*))[ \t]*$")
_TERMINAL = ".!?:;,\u2026\"'\u201d)"


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    return (
        0 < len(stripped) <= 90
        and stripped[-1] not in _TERMINAL
        and not stripped[0].islower()
        and len(stripped.split()) <= 14
    )


def _continues(prev: str, line: str) -> bool:
    """A hard-wrapped line continues the previous one when that did not end a sentence and
    this one starts in lower case."""
    prev = prev.rstrip()
    return bool(prev) and prev[-1] not in ".!?:\u2026" and line.lstrip()[:1].islower()


def parse_blocks(text: str, lines: LineIndex) -> tuple[list[Block], dict, list[Comment]]:
    blocks: list[Block] = []
    comments: list[Comment] = []
    builder: BlockBuilder | None = None
    kind = "paragraph"
    prev_line = ""

    def flush() -> None:
        nonlocal builder
        if builder is not None:
            block = builder.build(kind)
            if block is not None:
                blocks.append(block)
        builder = None

    for n in range(1, lines.line_count + 1):
        start = lines.line_start(n)
        end = lines.line_end(n, text)
        line = text[start:end]
        if not line.strip():
            flush()
            prev_line = ""
            continue
        directive = _DIRECTIVE.match(line)
        if directive:
            flush()
            body = directive.group(1) or directive.group(2)
            comments.append(Comment(body, start, end))
            prev_line = ""
            continue
        marker = _LIST_MARKER.match(line)
        if builder is not None and kind != "list_item" and not marker and _continues(prev_line, line):
            kind = "paragraph"
            builder.space(start - 1, start)
            builder.add(line, start)
            prev_line = line
            continue
        flush()
        builder = BlockBuilder()
        if marker:
            kind = "list_item"
            builder.add(line[marker.end():], start + marker.end())
        else:
            kind = "heading" if _is_heading(line) else "paragraph"
            builder.add(line, start)
        prev_line = line
    flush()
    return blocks, {}, comments
