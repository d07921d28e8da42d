"""YAML read within bounds: nesting depth and alias expansion are checked on the event stream
before anything is built, and a value its tag cannot hold (`2024-13-45`, `!!int abc`) or a key
that is not a plain scalar becomes a named error at its line instead of an exception."""

from __future__ import annotations

import functools
from typing import Any

import yaml

MAX_DEPTH = 100  # nested sequences and mappings
MAX_NODES = 100_000  # values after expanding every alias (a billion-laughs block stops here)

_BAD_VALUE = {  # what to say of a scalar its tag cannot hold
    "tag:yaml.org,2002:timestamp": "date {} is not a date",
    "tag:yaml.org,2002:int": "{} is not a whole number",
    "tag:yaml.org,2002:float": "{} is not a number",
    "tag:yaml.org,2002:bool": "{} is not true or false",
}


class LimitError(yaml.MarkedYAMLError):
    """A document too deep or too large after alias expansion, or an unreadable value; carries
    `problem` and `problem_mark` like PyYAML's own errors."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem=problem, problem_mark=mark)


def base_loader() -> type:
    """PyYAML's safe loader, the libyaml one when available (~10x faster)."""
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def check_bounds(text: str, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES) -> None:
    """Raise LimitError when `text` nests deeper than `max_depth` or expands (aliases counted at
    the size of what they name) to more than `max_nodes` values. Reads events only: linear."""
    depth = 0
    nodes = 0
    sizes: dict[str, int] = {}  # anchor -> values in the anchored node
    open_anchors: list[tuple[str | None, int]] = []
    for event in _events(text, max_depth):
        if isinstance(event, yaml.AliasEvent):
            nodes += sizes.get(event.anchor, 1)
        elif isinstance(event, yaml.ScalarEvent):
            nodes += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            nodes += 1
            if depth > max_depth:
                raise LimitError(f"nesting too deep (more than {max_depth} levels)", event.start_mark)
            open_anchors.append((event.anchor, nodes))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            anchor, started = open_anchors.pop()
            if anchor:
                sizes[anchor] = nodes - started + 1
        if nodes > max_nodes:
            raise LimitError(f"anchors and aliases expand to more than {max_nodes:,} values", event.start_mark)


def _events(text: str, max_depth: int):
    """The parse events of `text`; libyaml's own nesting limit is reported like ours."""
    events = yaml.parse(text, Loader=base_loader())
    while True:
        try:
            event = next(events)
        except StopIteration:
            return
        except yaml.MarkedYAMLError as exc:
            if "nesting depth" in str(exc.problem):
                raise LimitError(f"nesting too deep (more than {max_depth} levels)", exc.problem_mark) from None
            raise
        yield event


class BoundedConstructor:
    """Mixin for a SafeLoader: scalars their tag cannot hold and non-scalar keys raise a
    ConstructorError at the node's line (PyYAML raises ValueError or TypeError there)."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)  # type: ignore[misc]
        except (ValueError, TypeError, KeyError, OverflowError) as exc:
            if isinstance(node, yaml.ScalarNode):
                template = _BAD_VALUE.get(node.tag, "{} cannot be read as " + node.tag.rsplit(":", 1)[-1])
                raise LimitError(template.format(node.value), node.start_mark) from None
            raise LimitError(f"unreadable value ({exc})", node.start_mark) from None

    def check_key(self, key_node: yaml.Node) -> None:
        if not isinstance(key_node, yaml.ScalarNode):
            kind = "list" if isinstance(key_node, yaml.SequenceNode) else "mapping"
            raise LimitError(f"a key must be a plain name, not a {kind}", key_node.start_mark)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        for key_node, _ in node.value:
            self.check_key(key_node)
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


@functools.lru_cache(maxsize=1)
def bounded_loader() -> type:
    """A safe loader with the BoundedConstructor checks (front matter uses it as is)."""
    return type("BoundedLoader", (BoundedConstructor, base_loader()), {})


def compose_bounded(text: str) -> tuple[yaml.Node | None, Any]:
    """(node tree, data) of one YAML document, checked for bounds first; raises yaml.YAMLError."""
    check_bounds(text)
    loader = bounded_loader()(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()
