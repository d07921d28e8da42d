"""`rx(pattern, flags)`: compile a regular expression with the `regex` module once per process.
Only the public API is used (nothing read at import, no private module patched), so a new `regex`
release cannot break a run; the module's own cache holds fewer patterns than copylint compiles,
hence this one. A caller may hand over patterns compiled by an earlier process (`preload`; the
command line does, from its user cache: copylint.cli.cache), each loaded only when first asked for,
and ask which were compiled here since (`compiled_here`)."""

from __future__ import annotations

import functools
from typing import Callable, Mapping

import regex

_preloaded: dict[tuple[str, int], Callable[[], regex.Pattern]] = {}
_new: dict[tuple[str, int], regex.Pattern] = {}


@functools.lru_cache(maxsize=None)
def rx(pattern: str, flags: int = 0) -> regex.Pattern:
    """`regex.compile(pattern, flags)`, the same object for the same arguments."""
    load = _preloaded.get((pattern, flags))
    found = None
    if load is not None:
        try:
            found = load()
        except Exception:  # an entry that cannot be loaded is compiled again
            found = None
    if not isinstance(found, regex.Pattern) or found.pattern != pattern:
        found = _new[(pattern, flags)] = regex.compile(pattern, flags)
    return found


def preload(patterns: Mapping[tuple[str, int], Callable[[], regex.Pattern]]) -> None:
    """For each (pattern, flags), a function giving it compiled (called on first use instead of
    compiling)."""
    _preloaded.update(patterns)


def compiled_here() -> dict[tuple[str, int], regex.Pattern]:
    """The patterns this process compiled that no preload has brought."""
    return {key: pattern for key, pattern in _new.items() if key not in _preloaded}
