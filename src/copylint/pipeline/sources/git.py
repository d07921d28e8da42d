"""The little git this tool needs: the repository root, and what changed since a ref: the words
added or removed on each line (`git diff -U0 --word-diff=porcelain` against the merge base), plus
untracked files, which are new in full. No merge base (a shallow clone) is an error, never a
silent diff against the ref's tip."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


class GitError(Exception):
    """git is missing, this is not a repository, the ref is unknown or has no merge base."""


@dataclass
class FileChanges:
    """What changed in one file, on the new side: `spans` are (line, start column, end column,
    strict) with 1-based character columns, end exclusive; a zero-width span marks where text
    was deleted (`strict`: a whole line was deleted there, so only a sentence that runs across
    the point changed). `lines` are the lines that hold a change."""

    spans: list[tuple[int, int, int, bool]] = field(default_factory=list)

    @property
    def lines(self) -> set[int]:
        return {line for line, *_ in self.spans}


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


def changed_lines(ref: str, cwd: Path | None = None) -> dict[Path, FileChanges | None]:
    """Absolute path -> what changed since the merge base of `ref` and HEAD (None: the whole
    file is new)."""
    root = repo_root(cwd)
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root)
    except GitError:
        raise GitError(f"unknown git ref {ref!r}") from None
    base = merge_base(ref, root)
    diff = _git(["diff", "-U0", "--word-diff=porcelain", "--no-color", "--no-ext-diff", "-M", "--diff-filter=d",
                 "--src-prefix=a/", "--dst-prefix=b/", base, "--"], root)
    changed: dict[Path, FileChanges | None] = {root / name: spans for name, spans in parse_word_diff(diff).items()}
    for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], root).split("\0"):
        if name:
            changed[root / name] = None
    return changed


def merge_base(ref: str, root: Path) -> str:
    """The commit --diff compares with; without one (a shallow clone, unrelated histories) an
    error that says to fetch more history."""
    try:
        return _git(["merge-base", ref, "HEAD"], root).strip()
    except GitError:
        pass
    try:
        shallow = _git(["rev-parse", "--is-shallow-repository"], root).strip() == "true"
    except GitError:
        shallow = False
    why = "this clone is shallow" if shallow else "the two histories share no commit here"
    raise GitError(
        f"--diff {ref}: no merge base between {ref} and HEAD ({why}), so the changed lines are unknown. "
        f"Fetch more history (git fetch --unshallow, or actions/checkout with fetch-depth: 0) and run again."
    )


_WORD_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def parse_word_diff(text: str) -> dict[str, FileChanges]:
    """Repository-relative path -> changed spans of a `-U0 --word-diff=porcelain` diff. Lines of
    a hunk: ' ' unchanged text, '+' added, '-' removed, '~' end of a line."""
    out: dict[str, FileChanges] = {}
    current: FileChanges | None = None
    skipping = False  # inside a hunk that only deletes whole lines
    line = column = last = 0
    for raw in text.split("\n"):
        if raw.startswith("+++ "):
            name = _unquote(raw[4:].rstrip("\t"))
            current = out.setdefault(name[2:], FileChanges()) if name.startswith("b/") else None
        elif raw.startswith("@@ ") and current is not None:
            m = _WORD_HUNK.match(raw)
            start, count = int(m.group(1)), int(m.group(2)) if m.group(2) is not None else 1
            skipping = count == 0
            if skipping:  # whole lines deleted after line `start`
                current.spans.append((start + 1, 1, 1, True))
            line, column, last = start, 1, start + count - 1
        elif current is None or skipping or not raw:
            continue
        elif raw[0] == " ":
            column += len(raw) - 1
        elif raw[0] == "+":
            current.spans.append((line, column, column + len(raw) - 1, False))
            column += len(raw) - 1
        elif raw[0] == "-":
            current.spans.append((line, column, column, False))
        elif raw[0] == "~":
            line, column = min(line + 1, last), 1
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
