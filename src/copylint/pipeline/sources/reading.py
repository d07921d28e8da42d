"""Read a file's bytes and decode them into a `Source`, or explain in one line why not."""

from __future__ import annotations

import os
import stat
import sys
from typing import BinaryIO

from copylint.core.models import InputError, Source
from copylint.pipeline.sources.discover import special_kind

BOM = "\ufeff"
# Control bytes that never occur in text (NUL and friends, except tab/newline/CR/FF/ESC).
_BINARY_BYTES = bytes(range(0, 9)) + bytes([11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31])


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many non-text control bytes in the first 8 KB, mean a binary file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(head.count(bytes([b])) for b in _BINARY_BYTES)
    return controls / len(head) > 0.05


def decode(path: str, data: bytes, fmt: str) -> Source | InputError:
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return InputError(path, f"cannot decode UTF-16 text: {exc.reason} at byte {exc.start}")
        return Source(path, text, fmt, had_bom=True)
    if looks_binary(data):
        return InputError(path, "binary file (not text); skipped")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return InputError(
            path,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line}); re-save the file as UTF-8",
        )
    had_bom = text.startswith(BOM)
    if had_bom:
        text = text[1:]
    return Source(path, text, fmt, had_bom=had_bom)


def max_file_bytes() -> int:
    """Files larger than this are skipped with an error (memory stays bounded); the default
    10 MB is far above any web page and can be changed with COPYLINT_MAX_FILE_MB."""
    try:
        return int(float(os.environ.get("COPYLINT_MAX_FILE_MB", 10)) * 1024 * 1024)
    except ValueError:
        return 10 * 1024 * 1024


def _too_large(shown: str, what: str, size: float | None, limit: int) -> InputError:
    amount = f"{size / 1048576:.1f} MB" if size is not None else f"over {limit / 1048576:g} MB"
    return InputError(shown, f"{what} too large ({amount}, limit {limit / 1048576:g} MB; set COPYLINT_MAX_FILE_MB to raise it); skipped")


def _read_stdin(stdin: BinaryIO | None, limit: int) -> bytes | InputError:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:  # `copylint check - <&-`: Python sets sys.stdin to None
        return InputError("-", "standard input is closed")
    data = stream.read(limit + 1)
    return _too_large("-", "standard input", None, limit) if len(data) > limit else data


def _open_regular(path: str) -> int | str:
    """A file descriptor of `path` opened for reading, or why not: the type is checked on the
    open descriptor (O_NONBLOCK: a FIFO swapped in after discovery cannot block the open)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    mode = os.fstat(fd).st_mode
    if stat.S_ISREG(mode):
        return fd
    os.close(fd)
    return "is a directory" if stat.S_ISDIR(mode) else f"{special_kind(mode) or 'a special file'}, not a regular file; skipped"


def read_source(path: str, fmt: str, stdin: BinaryIO | None = None, display_path: str | None = None) -> Source | InputError:
    """Read `path` ("-" for standard input) without ever writing to it."""
    shown = display_path or path
    limit = max_file_bytes()
    try:
        if path == "-":
            data = _read_stdin(stdin, limit)
            if isinstance(data, InputError):
                return InputError(shown, data.message)
        else:
            fd = _open_regular(path)
            if isinstance(fd, str):
                return InputError(shown, fd)
            with os.fdopen(fd, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > limit:
                    return _too_large(shown, "file", size, limit)
                data = handle.read(limit + 1)
                if len(data) > limit:  # grew while we read it
                    return _too_large(shown, "file", None, limit)
    except FileNotFoundError:
        return InputError(shown, "no such file or directory")
    except IsADirectoryError:
        return InputError(shown, "is a directory")
    except PermissionError:
        return InputError(shown, "permission denied (file is not readable)")
    except OSError as exc:
        return InputError(shown, f"cannot read file: {exc.strerror or exc}")
    if fmt == "docx":
        from copylint.pipeline.sources.docx import decode_docx

        return decode_docx(shown, data)
    return decode(shown, data, fmt)
