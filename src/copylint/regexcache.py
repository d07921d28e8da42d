"""Compiled regular expressions kept across runs: `rx(pattern, flags)` replays the arguments the
`regex` module passed to its C constructor last time, skipping its slow Python-level compiler."""

from __future__ import annotations

import atexit
import os
import pickle
import sys
import tempfile
from typing import Any

import regex
from regex import _regex

_saved: dict[tuple[str, int], tuple] | None = None
_dirty = False
_owner = 0  # pid that loaded the cache: only it writes the file back
MAX_ENTRIES = 5000  # beyond this (many one-off user patterns) the cache starts over


def _path():
    from copylint.cache import cache_dir

    directory = cache_dir()
    if directory is None:
        return None
    tag = f"{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
    return directory / f"regex-{tag}.pickle"


def _load() -> dict[tuple[str, int], tuple]:
    global _saved, _owner
    if _saved is None:
        _saved, _owner = {}, os.getpid()
        path = _path()
        if path is not None:
            try:
                with open(path, "rb") as handle:
                    data = pickle.load(handle)
                if isinstance(data, dict):
                    _saved = data
            except Exception:
                pass
        atexit.register(save)
    return _saved


class _Spy:
    """Stands in for the `_regex` C module while one pattern compiles, to capture its arguments."""

    def __init__(self) -> None:
        self.args: tuple | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(_regex, name)

    def compile(self, *args: Any) -> Any:
        self.args = args
        return _regex.compile(*args)


def rx(pattern: str, flags: int = 0) -> regex.Pattern:
    """`regex.compile(pattern, flags)`, served from the on-disk cache when possible."""
    global _dirty
    saved = _load()
    key = (pattern, flags)
    args = saved.get(key)
    if args is not None:
        try:
            return _regex.compile(*args)
        except Exception:
            saved.pop(key, None)
    main = regex._main
    spy = _Spy()
    main._regex = spy
    try:
        compiled = regex.compile(pattern, flags)
    finally:
        main._regex = _regex
    if spy.args is not None:
        if len(saved) >= MAX_ENTRIES:
            saved.clear()
        saved[key] = spy.args
        _dirty = True
    return compiled


def save() -> None:
    """Write newly compiled patterns back (called at exit; silent on any failure)."""
    global _dirty
    if not _dirty or _saved is None or os.getpid() != _owner:
        return
    path = _path()
    if path is None:
        return
    _dirty = False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex-")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(_saved, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:
        pass
