"""Write what copylint produces (reports, baselines) without ever harming an input: an output
that is one of the files being linted is refused, and every write is atomic (a temporary file in
the same folder, then a rename), so a failed or interrupted write never leaves half a file."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable, Sequence

from copylint.pipeline.sources.discover import FORMAT_BY_SUFFIX, Candidate, is_excluded


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def clash(output: str, candidates: Sequence[Candidate], paths: Iterable[str], exclude: Sequence[str] = (),
          root: str | None = None) -> str | None:
    """Why writing `output` would destroy or pollute an input, else None: it is a file being
    linted (same resolved path or same inode: links count), or it would be a lintable file
    inside a linted directory (the next run would lint the report)."""
    resolved = Path(output).resolve()
    identity = _identity(output)
    for candidate in candidates:
        if candidate.path == "-" or candidate.refused:
            continue
        if Path(candidate.path).resolve() == resolved or (identity and _identity(candidate.path) == identity):
            same = "" if os.path.normpath(candidate.path) == os.path.normpath(output) else f" (the same file as {candidate.path})"
            return f"{output} is one of the files being linted{same}"
    if resolved.suffix.lower() not in FORMAT_BY_SUFFIX or is_excluded(str(resolved), exclude, root):
        return None
    for path in paths:
        if path != "-" and os.path.isdir(path) and resolved.is_relative_to(Path(path).resolve()):
            return f"{output} is a lintable file inside the linted folder {path}"
    return None


def write_atomic(path: str | Path, pieces: Iterable[str]) -> None:
    """Write `pieces` to `path` through a temporary file renamed over it; raises OSError (the
    temporary file removed, any earlier `path` intact). A FIFO or device (`-o /dev/stderr`) is
    written directly: it cannot be replaced, and holds nothing to lose."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(path, "w", encoding="utf-8") as handle:
            handle.writelines(pieces)
        return
    import tempfile  # (3 ms of imports: shutil, random, lzma; only a run that writes a file needs it)

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.writelines(pieces)
        os.chmod(tmp, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:  # also KeyboardInterrupt: never leave the temporary file behind
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
