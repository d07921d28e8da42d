"""Atomic file replacement: write a temporary file beside the target, then rename it over the
target, so a reader never sees half a file and a failed write leaves the original intact."""

from __future__ import annotations

import os
import tempfile


class ChangedOnDisk(Exception):
    """The target changed after it was read; nothing was written."""


def stamp(path: str) -> tuple[int, int, int]:
    """(inode, size, mtime_ns) of `path`: equal stamps mean the file was not rewritten."""
    st = os.stat(path)
    return st.st_ino, st.st_size, st.st_mtime_ns


def replace_atomically(path: str, data: bytes, expected: tuple[int, int, int] | None = None) -> None:
    """Write `data` to `path` atomically, keeping its permission bits. With `expected` (a
    `stamp` taken when the file was read), refuse with ChangedOnDisk if the file changed since."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        except FileNotFoundError:
            pass
        if expected is not None and stamp(path) != expected:
            raise ChangedOnDisk(path)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
