"""Word draft parser: each line of a decoded .docx is one paragraph and becomes one block of the
kind its style gave it; findings name the heading path they fall under."""

from __future__ import annotations

from typing import Iterable

from copylint.core.models import Block, Comment, Document, Finding, LineIndex
from copylint.text.blocks import BlockBuilder


def parse_blocks(text: str, index: LineIndex, layout: tuple[tuple[str, int], ...]) -> tuple[list[Block], dict, list[Comment]]:
    blocks = []
    for n, (kind, level) in enumerate(layout, 1):
        if n > index.line_count:
            break
        start = index.line_start(n)
        builder = BlockBuilder()
        builder.add(text[start:index.line_end(n, text)], start)
        block = builder.build(kind, level)
        if block is not None:
            blocks.append(block)
    return blocks, {}, []


def heading_path(doc: Document, block: Block) -> list[str]:
    """The headings `block` falls under, outermost first."""
    path: list[str] = []
    level = block.level if block.kind == "heading" else 10
    for earlier in reversed(doc.blocks[:block.index]):
        if earlier.kind == "heading" and earlier.level < level:
            path.append(earlier.text)
            level = earlier.level
    return path[::-1]


def name_headings(doc: Document, findings: Iterable[Finding]) -> None:
    """Add "(under: A > B)" to each finding's message: a paragraph number alone is hard to find."""
    for finding in findings:
        block = doc.block_at(finding.location.start_offset)
        path = heading_path(doc, block) if block is not None else []
        if path:
            finding.message += f" (under: {' > '.join(path)})"
