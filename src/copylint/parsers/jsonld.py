"""Copy in JSON-LD structured data: the string values of keys such as `description` and `headline`,
found by a lenient scan (broken JSON still yields its strings) with exact source offsets."""

from __future__ import annotations

from typing import Iterator

from copylint.core.models import Block
from copylint.core.regexcache import rx
from copylint.text.blocks import BlockBuilder

LINTED_KEYS = frozenset({"name", "description", "headline", "alternativeheadline", "reviewbody", "abstract", "text"})
_TOKEN = rx(r'"(?P<s>(?:[^"\\\r\n]|\\.)*)"|(?P<colon>:)|(?P<other>[{}\[\],])')
_ESCAPE = rx(r"\\(?:u(?P<hex>[0-9a-fA-F]{4})|(?P<char>.))", 0)
_SIMPLE = {"n": " ", "r": " ", "t": " ", "b": "", "f": " ", "/": "/", "\\": "\\", '"': '"'}


def string_values(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Source ranges (inside the quotes) of string values whose key is linted."""
    pending_key: str | None = None  # a string followed by ':'
    last_string: tuple[str, int, int] | None = None
    for m in _TOKEN.finditer(text, start, end):
        if m.group("s") is not None:
            if pending_key is not None and pending_key.lower() in LINTED_KEYS:
                yield m.start("s"), m.end("s")
            last_string, pending_key = (m.group("s"), m.start("s"), m.end("s")), None
        elif m.group("colon"):
            pending_key = last_string[0] if last_string is not None else None
            last_string = None
        elif m.group("other") in ("[", ","):
            # a list keeps the key: "description": ["a", "b"]
            last_string = None
        else:
            pending_key = last_string = None


def add_json_string(builder: BlockBuilder, text: str, start: int, end: int) -> None:
    """Add the raw JSON string text[start:end] to `builder`, decoding escapes as atomic pieces."""
    pos = start
    for m in _ESCAPE.finditer(text, start, end):
        builder.add(text[pos:m.start()], pos)
        if m.group("hex"):
            decoded = chr(int(m.group("hex"), 16))
            if 0xD800 <= ord(decoded) <= 0xDFFF:
                decoded = "\ufffd"
        else:
            decoded = _SIMPLE.get(m.group("char"), m.group("char"))
        if decoded:
            builder.add(decoded, m.start(), m.end() - m.start())
        else:
            builder.space(m.start(), m.end())
        pos = m.end()
    builder.add(text[pos:end], pos)


def jsonld_blocks(text: str, start: int, end: int) -> list[Block]:
    """Metadata blocks for the linted strings of the JSON-LD in text[start:end]."""
    blocks = []
    for s, e in string_values(text, start, end):
        builder = BlockBuilder()
        add_json_string(builder, text, s, e)
        block = builder.build("metadata")
        if block is not None and any(ch.isalpha() for ch in block.text):
            block.region = "metadata"
            blocks.append(block)
    return blocks
