"""Document metadata: YAML front matter (its copy keys become metadata blocks). A page's own date
lines ("Last updated: ...") are found by the date model (facts/date_model.py), the one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import datetime
import regex

from copylint.core.lines import LineIndex
from copylint.core.models import Block
from copylint.text.blocks import BlockBuilder
from copylint.core.regexcache import rx

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
    simple = _simple_mapping(body)
    if simple is not None:
        return _simple_front_matter(text, body_start, end, simple)
    return _yaml_front_matter(text, body_start, end, body)


# Front matter of `key: value` lines whose values YAML reads as plain one-line strings, dates or
# whole numbers (a draft's usual title, description, date) is read without PyYAML, whose import
# costs a single draft more than the rest of the parse: each line is what the YAML path gives for
# it (tests/test_front_matter.py compares the two on generated front matter). Anything else, a
# comment, a quote, a list, a tab, a second line of a value, goes to PyYAML.
_SIMPLE_LINE = rx(r"([A-Za-z][A-Za-z0-9_-]*):[ ]+([A-Za-z][A-Za-z0-9 ,.()/&+'-]*?|[0-9]+(?:-[0-9]+-[0-9]+)?)[ ]*")
# Plain words YAML 1.1 reads as something other than a string (SafeLoader's resolvers, and more).
_NOT_STRINGS = frozenset("yes no true false on off null y n".split())
_DATE = rx(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_WHOLE = rx(r"0|[1-9][0-9]*")


def _simple_mapping(body: str) -> list[tuple[str, Any, int, int]] | None:
    """(key, value, value start, value end) of each line of `body`, offsets into it, or None when
    some line needs the YAML parser."""
    if "\r" in body or "\t" in body:
        return None
    pairs, pos = [], 0
    for line in body.split("\n"):
        m = _SIMPLE_LINE.fullmatch(line)
        if m is None or m.group(1).lower() in _NOT_STRINGS:
            return None
        value = _plain_value(m.group(2))
        if value is None:
            return None
        pairs.append((m.group(1), value, pos + m.start(2), pos + m.end(2)))
        pos += len(line) + 1
    return pairs or None


def _plain_value(raw: str) -> Any:
    """What SafeLoader makes of the plain scalar `raw` of _SIMPLE_LINE, or None when this reader
    does not decide it (left to PyYAML)."""
    if raw[0].isdigit():
        date = _DATE.fullmatch(raw)
        if date:
            try:
                return datetime.date(*map(int, date.groups()))
            except ValueError:
                return None  # PyYAML names the bad date
        return int(raw) if _WHOLE.fullmatch(raw) else None
    if raw.lower() in _NOT_STRINGS or raw.endswith((" ", ":")) or " -" in raw:
        return None
    return raw


def _simple_front_matter(text: str, base: int, end: int, pairs: list[tuple[str, Any, int, int]]) -> FrontMatter:
    """The FrontMatter of `_simple_mapping`'s pairs (offsets from `base`, where the body starts)."""
    blocks = []
    for key, _, start, stop in pairs:
        if key.lower() in LINTED_KEYS:
            block = _span_block(text, base + start, base + stop, style="", one_line=True)
            if block is not None:
                blocks.append(block)
    as_read = {key: value for key, value, _, _ in pairs}  # as PyYAML keeps them: a repeated key's last value
    return FrontMatter({key.lower(): value for key, value in as_read.items()}, blocks, end)


def _yaml_front_matter(text: str, body_start: int, end: int, body: str) -> FrontMatter:
    """The front matter read with PyYAML, within bounds (core.yamlsafe)."""
    import yaml

    from copylint.core.yamlsafe import LimitError, compose_bounded

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


def _value_block(text: str, base: int, node: Any) -> Block | None:
    """The block of a scalar value (a yaml.ScalarNode) of the front matter at `base`."""
    return _span_block(text, base + node.start_mark.index, base + node.end_mark.index, node.style or "",
                       node.start_mark.line == node.end_mark.line)


def _span_block(text: str, start: int, end: int, style: str, one_line: bool) -> Block | None:
    if style in ("'", '"'):
        start, end = start + 1, end - 1
    elif style in ("|", ">"):
        nl = text.find("\n", start)
        start = nl + 1 if 0 <= nl < end else start
    builder = BlockBuilder()
    builder.add(text[start:end], start)
    block = builder.build("heading" if one_line else "metadata")
    if block is not None:
        block.kind, block.region = "metadata", "metadata"
    return block
