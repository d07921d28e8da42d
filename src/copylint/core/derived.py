"""Values derived from copylint's own code and a pattern or name alone (a regex's required
literals, a pattern source built from the claim lexicon): `derived(name, key, compute)` is
`compute()`, computed once per process, or the value an earlier process computed for the same
(name, key) when a caller preloaded it (`preload`; the command line does, from its user cache,
copylint.cli.cache, whose entry is keyed on every source file of the package, so a value never
outlives the code that computed it). `computed_here` lists what this process computed."""

from __future__ import annotations

from typing import Any, Callable, Hashable, Mapping, TypeVar

T = TypeVar("T")

_preloaded: dict[tuple[str, Hashable], Any] = {}
_new: dict[tuple[str, Hashable], Any] = {}
_used: set[tuple[str, Hashable]] = set()  # preloaded values this process asked for


def derived(name: str, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()` for (name, key): from a preload, from this process, or computed now. `name`
    says which function computes it; `key` is everything else the value depends on."""
    slot = (name, key)
    if slot in _preloaded:
        _used.add(slot)
        return _preloaded[slot]
    if slot not in _new:
        _new[slot] = compute()
    return _new[slot]


def preload(values: Mapping[tuple[str, Hashable], Any]) -> None:
    """Values computed by an earlier process of the same code, by (name, key)."""
    _preloaded.update(values)


def computed_here() -> dict[tuple[str, Hashable], Any]:
    """The values this process computed that no preload brought."""
    return {slot: value for slot, value in _new.items() if slot not in _preloaded}


def used_here() -> dict[tuple[str, Hashable], Any]:
    """The preloaded values this process asked for (what a store that keeps only the last run's
    working set keeps of them)."""
    return {slot: _preloaded[slot] for slot in _used}
