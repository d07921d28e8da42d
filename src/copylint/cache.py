"""A small on-disk pickle cache under the user cache directory (COPYLINT_CACHE_DIR overrides it,
COPYLINT_NO_CACHE=1 turns it off); every failure is silent and falls back to recomputing."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

T = TypeVar("T")


def cache_dir() -> Path | None:
    if os.environ.get("COPYLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("COPYLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "copylint"


def file_stamps(paths: Iterable[Path]) -> tuple:
    """(path, mtime_ns, size) of each file: part of a cache key, so any edit invalidates it."""
    stamps = []
    for p in paths:
        st = os.stat(p)
        stamps.append((str(Path(p).resolve()), st.st_mtime_ns, st.st_size))
    return tuple(stamps)


def cached(name: str, slot: str, key: Any, compute: Callable[[], T]) -> T:
    """`compute()`, or its pickled result from an earlier run with the same `key`. One file per
    (name, slot): a new key overwrites the old entry instead of piling up files."""
    directory = cache_dir()
    if directory is None:
        return compute()
    from copylint import __version__

    full_key = repr((__version__, sys.version_info[:2], key))
    path = directory / f"{name}-{hashlib.sha1(slot.encode()).hexdigest()[:16]}.pickle"
    try:
        with open(path, "rb") as handle:
            stored_key, value = pickle.load(handle)
        if stored_key == full_key:
            return value
    except Exception:
        pass
    value = compute()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{name}-")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((full_key, value), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:
        try:
            os.unlink(tmp)  # type: ignore[possibly-undefined]
        except Exception:
            pass
    return value
