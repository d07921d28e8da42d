"""Parse stage: turn a decoded `Source` into a `Document` (blocks, sentences, metadata), one
module per input format, all normalised into the same block stream."""

from __future__ import annotations

import importlib

from copylint.core.models import Document, HtmlOptions, LineIndex, Source
from copylint.parsers import metadata
from copylint.text.sentences import split_block

# The module of each format, imported when a file of that format is parsed (a Markdown draft
# never imports the HTML parser); any other format is read as plain text.
PARSERS = {"markdown": "markdown", "html": "html", "text": "plaintext", "docx": "docx"}


def _parser(fmt: str):
    return importlib.import_module(f"copylint.parsers.{PARSERS.get(fmt, 'plaintext')}")


def parse(source: Source, html_options: HtmlOptions | None = None) -> Document:
    """Parse `source` into a Document; sentences, sections and metadata are filled in here so
    every format gets them the same way. `html_options` say how HTML page regions are read."""
    lines = LineIndex(source.text)
    parser = _parser(source.format)
    if source.format == "html":
        blocks, meta, comments = parser.parse_blocks(source.text, lines, html_options)
    elif source.format == "docx":
        blocks, meta, comments = parser.parse_blocks(source.text, lines, source.layout)
    else:
        blocks, meta, comments = parser.parse_blocks(source.text, lines)
    section = -1
    sentences = []
    for i, block in enumerate(blocks):
        block.index = i
        if block.kind == "heading":
            section = i
            block.section = i
        else:
            block.section = section
        sentences.extend(split_block(block, i, len(sentences)))
    problems = meta.pop(metadata.PROBLEMS, [])
    doc = Document(source=source, blocks=blocks, sentences=sentences, metadata=meta, lines=lines, comments=comments,
                   problems=problems)
    return doc


def parse_text(text: str, fmt: str = "text", path: str = "<text>") -> Document:
    """Convenience for tests and rule examples: parse a string as if read from `path`."""
    return parse(Source(path, text, fmt))
