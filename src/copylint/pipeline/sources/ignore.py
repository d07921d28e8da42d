"""What a directory walk leaves out, as git and ripgrep do: `.gitignore` and `.ignore` files
(each relative to its own folder, deeper files overriding shallower ones, `!` re-including),
`.git/info/exclude`, and hidden folders. Pattern matching is pathspec's gitignore dialect."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

IGNORE_FILES = (".gitignore", ".ignore")


@dataclass
class IgnoreRules:
    """Ignore specs by absolute folder, read lazily; `enabled=False` (--no-ignore) keeps all."""

    enabled: bool = True
    _specs: dict[str, list] = field(default_factory=dict)

    def _spec_of(self, folder: str) -> list:
        if folder not in self._specs:
            self._specs[folder] = _read_specs(folder)
        return self._specs[folder]

    _bounds: dict[str, str] = field(default_factory=dict)

    def ignored(self, path: str, is_dir: bool, top: str) -> bool:
        """True when the nearest ignore file with a matching pattern excludes `path`, found while
        walking `top`. Folders above `top` count up to the repository root (the folder holding
        .git); outside a repository, only `top` and the folders under it."""
        if not self.enabled:
            return False
        full = os.path.abspath(path)
        top = os.path.abspath(top)
        if top not in self._bounds:
            self._bounds[top] = repo_root_of(top) or top
        for folder in _folders_between(os.path.dirname(full), self._bounds[top]):
            rel = Path(os.path.relpath(full, folder)).as_posix() + ("/" if is_dir else "")
            for spec in reversed(self._spec_of(folder)):
                verdict = spec.check_file(rel).include
                if verdict is not None:
                    return verdict
        return False

    def hidden(self, name: str) -> bool:
        """A hidden folder (`.drafts`) is skipped unless --no-ignore (or it is named)."""
        return self.enabled and name.startswith(".") and name not in (".", "..")


def _read_specs(folder: str) -> list:
    import pathspec

    specs = []
    names = list(IGNORE_FILES)
    if os.path.isdir(os.path.join(folder, ".git")):
        names.insert(0, os.path.join(".git", "info", "exclude"))
    for name in names:  # later files win: .ignore over .gitignore over info/exclude
        try:
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as handle:
                specs.append(pathspec.GitIgnoreSpec.from_lines(handle.read().splitlines()))
        except OSError:
            continue
    return specs


def repo_root_of(start: str) -> str | None:
    """The nearest folder at or above `start` that holds .git, else None."""
    folder = os.path.abspath(start)
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _folders_between(start: str, stop: str) -> list[str]:
    """`start` and its parents, nearest first, up to and including `stop`."""
    out = [start]
    while start != stop:
        parent = os.path.dirname(start)
        if parent == start:
            break
        start = parent
        out.append(start)
    return out
