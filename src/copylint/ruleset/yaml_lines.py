"""Load YAML keeping the line of every mapping and key, so schema errors can cite them."""

from __future__ import annotations

import functools
from typing import Any


class LinedDict(dict):
    """A dict that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LinedList(list):
    line: int = 0
    item_lines: list[int]


@functools.lru_cache(maxsize=1)
def _loader() -> type:
    """The line-keeping loader class; PyYAML is imported on first use only."""
    import yaml

    from copylint.core.yamlsafe import BoundedConstructor, base_loader

    class _Loader(BoundedConstructor, base_loader()):
        pass

    def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LinedDict:
        loader.flatten_mapping(node)
        result = LinedDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            loader.check_key(key_node)
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            result[key] = loader.construct_object(value_node, deep=True)
            result.key_lines[str(key)] = key_node.start_mark.line + 1
        return result

    def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LinedList:
        result = LinedList(loader.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result

    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    return _Loader


def load(text: str) -> Any:
    """Parse YAML text; raises yaml.YAMLError (with problem_mark) on syntax errors, nesting or
    alias expansion beyond bounds, and values their tag cannot hold."""
    import yaml

    from copylint.core.yamlsafe import check_bounds

    check_bounds(text)
    return yaml.load(text, Loader=_loader())


def line_of(container: Any, key: str | int | None = None) -> int:
    if isinstance(container, LinedDict):
        if key is not None and str(key) in container.key_lines:
            return container.key_lines[str(key)]
        return container.line
    if isinstance(container, LinedList):
        if isinstance(key, int) and 0 <= key < len(container.item_lines):
            return container.item_lines[key]
        return container.line
    return 0
