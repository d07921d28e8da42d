"""Turn command-line paths into the list of files to lint (recursing into directories)."""

from __future__ import annotations

import fnmatch
import os
import stat

import regex
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from copylint.pipeline.sources.ignore import IgnoreRules
from copylint.core.regexcache import rx

FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}
SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}
# Text files that are never copy: left out of folder walks (and of the pre-commit hook), still
# linted when named.
NOT_COPY = rx(
    r"(?i)(?:robots|humans|llms|security|ads|app-ads|requirements.*|constraints.*|licen[cs]e.*|copying.*|notice.*"
    r"|authors.*|cmakelists)\.txt"
)


@dataclass(frozen=True)
class Candidate:
    """A path to lint and the format to parse it as; `missing` marks a named path not found,
    `refused` says why a special file (FIFO, socket, device) is not opened."""

    path: str
    format: str
    missing: bool = False
    named: bool = False  # given on the command line (not found by walking a folder)
    refused: str | None = None


_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
)


def special_kind(mode: int) -> str | None:
    """What a file of this mode is when it is not a regular file or a directory, else None."""
    return next((name for test, name in _SPECIAL if test(mode)), None)


def refusal(path: str) -> str | None:
    """Why `path` must not be opened: a special file (opening a FIFO blocks, a device may never
    end). Judged by type from stat, before any open; None for regular files and the unknown."""
    try:
        kind = special_kind(os.stat(path).st_mode)
    except OSError:
        return None  # reading reports it (a dangling link, no permission)
    return f"{kind}, not a regular file" if kind else None


def format_for(path: str, default: str = "text") -> str:
    return FORMAT_BY_SUFFIX.get(Path(path).suffix.lower(), default)


def is_excluded(path: str, patterns: Iterable[str], root: str | None = None) -> bool:
    """True when `path` (or any of its parent folders) matches one of the glob patterns. With
    `root` (the configuration's folder), paths under it are matched relative to it."""
    if root is not None:
        rel = os.path.relpath(os.path.abspath(path), root)
        if not rel.startswith(".."):
            path = rel
    norm = Path(path).as_posix()
    while norm.startswith("./"):
        norm = norm[2:]
    parts = norm.split("/")
    for pattern in patterns:
        pat = pattern.rstrip("/")
        if fnmatch.fnmatch(norm, pat) or fnmatch.fnmatch(norm, pat + "/*"):
            return True
        if "/" not in pat and any(fnmatch.fnmatch(part, pat) for part in parts):
            return True
    return False


def discover(paths: Iterable[str], exclude: Iterable[str] = (), force_exclude: bool = True, root: str | None = None,
             ignore: IgnoreRules | None = None) -> Iterator[Candidate]:
    """Yield files to lint in a stable order. Directories are walked for known extensions
    (symlink loops are not followed twice), leaving out what `ignore` says (.gitignore, .ignore,
    hidden folders); files named explicitly are always linted unless excluded; a named path that
    does not exist is yielded with `missing=True`."""
    exclude = tuple(exclude)
    ignore = ignore or IgnoreRules(enabled=False)
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            yield Candidate("-", "text", named=True)
            continue
        if not os.path.lexists(raw):
            yield Candidate(raw, format_for(raw), missing=True, named=True)
            continue
        if os.path.isdir(raw):
            yield from _walk(raw, exclude, seen, root, ignore)
            continue
        if force_exclude and exclude and is_excluded(raw, exclude, root):
            continue
        if raw not in seen:
            seen.add(raw)
            refused = refusal(raw)
            yield Candidate(raw, format_for(raw), named=True,
                            refused=refused and f"{refused}; skipped (use - to read standard input)")


def walk_dirs(top: str) -> Iterator[tuple[str, list[str], list[str]]]:
    """`os.walk(top, followlinks=True)` without recursion (any depth; same top-down order, and
    the caller may prune `dirnames` in place); unreadable folders are skipped."""
    stack = [top]
    while stack:
        dirpath = stack.pop()
        dirnames: list[str] = []
        filenames: list[str] = []
        try:
            with os.scandir(dirpath) as entries:
                for entry in entries:
                    try:
                        is_dir = entry.is_dir()
                    except OSError:
                        is_dir = False
                    (dirnames if is_dir else filenames).append(entry.name)
        except OSError:
            continue
        yield dirpath, dirnames, filenames
        stack.extend(os.path.join(dirpath, d) for d in reversed(dirnames))


def _walk(top: str, exclude: tuple[str, ...], seen: set[str], root: str | None, ignore: IgnoreRules) -> Iterator[Candidate]:
    visited_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in walk_dirs(top):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in visited_dirs:
            dirnames[:] = []
            continue
        visited_dirs.add(key)
        dirnames[:] = sorted(
            d for d in dirnames
            if d not in SKIPPED_DIRS and not ignore.hidden(d) and not is_excluded(os.path.join(dirpath, d), exclude, root)
            and not ignore.ignored(os.path.join(dirpath, d), True, top)
        )
        for name in sorted(filenames):
            if Path(name).suffix.lower() not in FORMAT_BY_SUFFIX or name.startswith("~$") or NOT_COPY.fullmatch(name):
                continue  # ~$draft.docx: Word's lock file, not a document; robots.txt: not copy
            path = os.path.join(dirpath, name)
            if path.startswith("./"):  # `copylint check` (or `.`) reports `page.md`, not `./page.md`
                path = path[2:]
            if path in seen or is_excluded(path, exclude, root) or ignore.ignored(path, False, top):
                continue
            seen.add(path)
            refused = refusal(path)
            yield Candidate(path, format_for(path), refused=refused and f"skipped: {refused}")
