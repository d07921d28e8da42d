"""Shared helpers for the date, consistency and readability tests: parse text into a Document."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from copylint.models import Block, Document, LineIndex, Segment, Sentence, Source

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

try:  # the real parsers, once they exist
    from copylint.parsers import parse as _parse
except ImportError:  # pragma: no cover - fallback for early development
    _parse = None

_SENT = re.compile(r"[^.!?]+(?:[.!?]+|$)")


def _plain(source: Source) -> Document:
    blocks, sentences = [], []
    for m in re.finditer(r"[^\r\n]+", source.text):
        text = m.group(0)
        b = Block("paragraph", text, [Segment(0, m.start(), len(text), len(text))], index=len(blocks))
        for s in _SENT.finditer(text):
            st, en = s.start(), s.end()
            while st < en and text[st].isspace():
                st += 1
            if en > st:
                sentences.append(Sentence(len(blocks), st, en, text[st:en], len(sentences)))
        blocks.append(b)
    return Document(source, blocks, sentences, {}, LineIndex(source.text))


def parse_text(text: str, path: str = "<test>.txt", fmt: str = "text") -> Document:
    source = Source(path, text, fmt)
    return _parse(source) if _parse is not None else _plain(source)


def parse_fixture(rel: str) -> Document:
    path = FIXTURES / rel
    fmt = {".md": "markdown", ".html": "html", ".htm": "html"}.get(path.suffix, "text")
    return parse_text(path.read_text(encoding="utf-8"), str(path), fmt)


@pytest.fixture
def doc_from():
    return parse_text
