"""The little git this tool needs: the repository root, and the lines added or modified since a
ref (from `git diff -U0` against the merge base, plus untracked files, which are new in full)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

_HUNK = re.compile(r"^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


class GitError(Exception):
    """git is missing, this is not a repository, or the ref is unknown."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", "-c", "core.quotepath=false", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError:
        raise GitError("git is not installed (needed for --diff)") from None
    if proc.returncode != 0:
        raise GitError(proc.stderr.strip() or f"git {' '.join(args)} failed")
    return proc.stdout


def repo_root(cwd: Path | None = None) -> Path:
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], cwd or Path.cwd()).strip())
    except GitError:
        raise GitError(f"{cwd or Path.cwd()} is not inside a git repository (--diff needs one)") from None


def changed_lines(ref: str, cwd: Path | None = None) -> dict[Path, set[int] | None]:
    """Absolute path -> added/modified line numbers (None: the whole file is new)."""
    root = repo_root(cwd)
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root)
    except GitError:
        raise GitError(f"unknown git ref {ref!r}") from None
    try:
        base = _git(["merge-base", ref, "HEAD"], root).strip()
    except GitError:
        base = ref
    diff = _git(["diff", "-U0", "--no-color", "--no-ext-diff", "-M", "--diff-filter=d",
                 "--src-prefix=a/", "--dst-prefix=b/", base, "--"], root)
    changed: dict[Path, set[int] | None] = {root / name: lines for name, lines in parse_diff(diff).items()}
    for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], root).split("\0"):
        if name:
            changed[root / name] = None
    return changed


def parse_diff(text: str) -> dict[str, set[int]]:
    """Repository-relative path -> new-side line numbers of every hunk of a `-U0` diff."""
    out: dict[str, set[int]] = {}
    current: set[int] | None = None
    skip = 0  # content lines of the current hunk still to pass over
    for line in text.split("\n"):
        if skip:
            skip -= 1
            continue
        if line.startswith("+++ "):
            name = _unquote(line[4:].rstrip("\t"))
            current = out.setdefault(name[2:], set()) if name.startswith("b/") else None
        elif line.startswith("@@ ") and current is not None:
            m = _HUNK.match(line)
            if m:
                old = int(m.group(1)) if m.group(1) is not None else 1
                start, count = int(m.group(2)), int(m.group(3)) if m.group(3) is not None else 1
                current.update(range(start, start + count))
                skip = old + count
    return out


def _unquote(name: str) -> str:
    """Undo git's C-style quoting of unusual path names ("a\\tb", octal UTF-8 bytes)."""
    if not (len(name) >= 2 and name.startswith('"') and name.endswith('"')):
        return name
    body, out, i = name[1:-1], bytearray(), 0
    simple = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt in "01234567" and i + 3 < len(body) + 1 and all(c in "01234567" for c in body[i + 1:i + 4]):
                out.append(int(body[i + 1:i + 4], 8) & 0xFF)
                i += 4
                continue
            out.append(simple.get(nxt, ord(nxt) if ord(nxt) < 128 else 63))
            i += 2
            continue
        out.extend(ch.encode("utf-8", "surrogateescape"))
        i += 1
    return out.decode("utf-8", "replace")
