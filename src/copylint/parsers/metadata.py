"""Document metadata: YAML front matter (its copy keys become metadata blocks). A page's own date
lines ("Last updated: ...") are found by the date model (facts/date_model.py), the one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex
import yaml

from copylint.core.lines import LineIndex
from copylint.core.models import Block
from copylint.text.blocks import BlockBuilder
from copylint.core.regexcache import rx
from copylint.core.yamlsafe import LimitError, compose_bounded

_FRONT_MATTER = rx(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n|\A)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S)
# The key under which a parser hands the document's front-matter problems to `parsers.parse`
# (an object, so no YAML key can collide with it); parse() moves them to Document.problems.
PROBLEMS = object()
LINTED_KEYS = ("title", "description", "summary", "excerpt", "subtitle")


def split_front_matter(text: str) -> tuple[int, int, str] | None:
    """(start of YAML body, end of the whole front matter, YAML body) or None."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return None
    return m.start(1), m.end(), m.group(1)


@dataclass
class FrontMatter:
    """What the front matter gave: metadata, the blocks of linted values (title, description
    ...), where the body starts, and the problem that made it unreadable (None when fine)."""

    meta: dict[str, Any] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    body_start: int = 0
    problem: str | None = None


def parse_front_matter(text: str) -> FrontMatter:
    """Front matter that is not YAML at all yields no metadata (it may be a thematic break);
    hostile YAML (too deep, aliases that expand too far, a bad date, a list as a key) is a
    named problem. Either way the body is still linted."""
    found = split_front_matter(text)
    if not found:
        return FrontMatter()
    body_start, end, body = found
    try:
        node, data = compose_bounded(body)
    except LimitError as exc:
        line = LineIndex(text).position(body_start + exc.problem_mark.index)[0]  # lone CRs end lines too
        return FrontMatter(body_start=end, problem=f"front matter: {exc.problem} (line {line})")
    except (yaml.YAMLError, RecursionError):
        return FrontMatter(body_start=end)
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return FrontMatter(body_start=end)
    blocks = []
    for key_node, value_node in node.value:
        if str(key_node.value).lower() in LINTED_KEYS and isinstance(value_node, yaml.ScalarNode):
            block = _value_block(text, body_start, value_node)
            if block is not None:
                blocks.append(block)
    meta = {str(k).lower(): v for k, v in data.items()}
    return FrontMatter(meta, blocks, end)


def _value_block(text: str, base: int, node: yaml.ScalarNode) -> Block | None:
    start = base + node.start_mark.index
    end = base + node.end_mark.index
    if node.style in ("'", '"'):
        start, end = start + 1, end - 1
    elif node.style in ("|", ">"):
        nl = text.find("\n", start)
        start = nl + 1 if 0 <= nl < end else start
    builder = BlockBuilder()
    builder.add(text[start:end], start)
    block = builder.build("heading" if node.start_mark.line == node.end_mark.line else "metadata")
    if block is not None:
        block.kind, block.region = "metadata", "metadata"
    return block
