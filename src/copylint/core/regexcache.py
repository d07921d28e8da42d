"""`rx(pattern, flags)`: compile a regular expression with the `regex` module once per process.
Only the public API is used (no on-disk cache of compiled patterns, nothing read at import), so
a new `regex` release cannot break a run; the module's own cache holds fewer patterns than
copylint compiles, hence this one."""

from __future__ import annotations

import functools

import regex


@functools.lru_cache(maxsize=None)
def rx(pattern: str, flags: int = 0) -> regex.Pattern:
    """`regex.compile(pattern, flags)`, the same object for the same arguments."""
    return regex.compile(pattern, flags)
