"""One-way layers: the package's imports (every `import`, lazy ones inside functions too, read
with ast) form no cycle between modules or between top-level packages, and never reach up:
core types <- parsing <- language <- facts <- rule kinds <- rule pack <- config <- pipeline <- output <- cli."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "copylint"

# Each module's layer, by the longest matching name prefix; a module may import only its own
# layer or those below it.
LAYERS = {
    "copylint": 0,  # the package itself: __version__ (its lazy re-export of copylint.pipeline.api is left out)
    "copylint.core": 0,
    "copylint.text": 1, "copylint.parsers": 1,
    "copylint.language": 2,
    "copylint.facts": 3,
    "copylint.kinds": 4,
    "copylint.ruleset": 5,
    "copylint.config": 6,
    "copylint.pipeline": 7,
    "copylint.reporters": 8,
    "copylint.cli": 9, "copylint.__main__": 9,
}
NAMES = ["core types", "parsing", "language", "facts", "rule kinds", "rule pack", "config", "pipeline", "output", "cli"]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def _is_script_entry(node: ast.AST) -> bool:
    """`if __name__ == "__main__":` (what runs as `python -m`, not a dependency of the module)."""
    test = getattr(node, "test", None)
    return (isinstance(node, ast.If) and isinstance(test, ast.Compare) and isinstance(test.left, ast.Name)
            and test.left.id == "__name__" and any(isinstance(c, ast.Constant) and c.value == "__main__" for c in test.comparators))


def imports(name: str) -> set[str]:
    """The package's modules that `name` imports (`from a import b` counts as a.b when b is a
    module), its script entry point left out."""
    found: set[str] = set()
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    tree.body = [node for node in tree.body if not _is_script_entry(node)]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.update(f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES else node.module for a in node.names)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: imports(name) for name in MODULES}


def unit(name: str) -> str:
    """A module's top-level package or module (copylint.kinds.phrase -> copylint.kinds)."""
    return ".".join(name.split(".")[:2])


def layer(name: str) -> int:
    matches = [prefix for prefix in LAYERS if name == prefix or (prefix != "copylint" and name.startswith(prefix + "."))]
    assert matches, f"{name} has no layer: add it to LAYERS in {__file__}"
    return LAYERS[max(matches, key=len)]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_modules():
    assert cycles(GRAPH) == []


def test_no_import_cycle_between_packages():
    units: dict[str, set[str]] = {}
    for name, targets in GRAPH.items():
        if name == "copylint":  # the package's lazy re-export of the library API
            continue
        units.setdefault(unit(name), set()).update(unit(t) for t in targets if unit(t) != unit(name))
    assert cycles(units) == []


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n != "copylint"))
def test_imports_never_reach_a_higher_layer(name):
    upward = [f"{target} ({NAMES[layer(target)]})" for target in sorted(GRAPH[name]) if layer(target) > layer(name)]
    assert not upward, f"{name} ({NAMES[layer(name)]}) imports a higher layer: {', '.join(upward)}"


def test_data_types_live_in_the_core_layer():
    from copylint.core import spec
    from copylint.kinds import base

    assert base.RuleSpec is spec.RuleSpec and base.Settings is spec.Settings and base.Examples is spec.Examples
    assert spec.RuleSpec.__module__ == "copylint.core.spec"


def test_configuration_formats_are_the_reporters():
    from copylint.core.ids import OUTPUT_FORMATS
    from copylint.reporters import FORMATS

    assert tuple(FORMATS) == OUTPUT_FORMATS
