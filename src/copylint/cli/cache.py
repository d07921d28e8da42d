"""On-disk pickle caches the command line may use (COPYLINT_CACHE_DIR overrides the folder,
COPYLINT_NO_CACHE=1 turns them off): the compiled rule pack and the parsed syllable
dictionaries. Every entry is keyed on copylint's version plus a hash of every source file of the
package (and of its inputs), so no edit can leave a stale entry; nothing is unpickled from a
folder or file another user could write. The library never uses them unless `install()` is
called (the CLI does); every failure is silent and falls back to recomputing."""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import stat
import sys
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parents[1]  # the copylint package (this module lives in cli/)


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


def file_digests(paths: Iterable[Path]) -> tuple:
    """(path, sha256 of the content) of each file: part of a cache key, so any edit invalidates it
    (a content hash, not a time stamp: a copy or checkout that keeps times cannot fool it)."""
    return tuple((str(Path(p).resolve()), hashlib.sha256(Path(p).read_bytes()).hexdigest()) for p in paths)


@functools.lru_cache(maxsize=4)
def code_fingerprint(package: Path = PACKAGE) -> str:
    """A hash of every Python source file of the package (its relative path and content)."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def private(path: Path) -> bool:
    """Whether `path` is ours alone: owned by this user and not writable by group or others
    (off POSIX, where there is no such owner check, always true)."""
    if not hasattr(os, "getuid"):
        return True
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return not stat.S_ISLNK(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _safe_directory(directory: Path) -> bool:
    """Create the cache folder (mode 0700) if needed; usable only when it is private to this
    user, so nobody else can plant or swap an entry."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return False
    return private(directory)


def cached(name: str, slot: str, key: Any, compute: Callable[[], T], package: Path = PACKAGE,
           refresh: bool = False) -> T:
    """`compute()`, or its pickled result from an earlier run with the same `key`, the same
    copylint version and the same source files (`refresh`: compute and store it anyway). One
    file per (name, slot, package folder): a new key overwrites the old entry instead of piling
    up files, and two installs or checkouts of different code (a pre-commit environment and a
    development one) keep an entry each instead of overwriting each other's on every run."""
    directory = cache_dir()
    if directory is None or not _safe_directory(directory):
        return compute()
    from copylint import __version__

    full_key = repr((__version__, sys.version_info[:2], code_fingerprint(package), key))
    path = entry_path(directory, name, slot, package)
    try:
        if not refresh and private(path):
            with open(path, "rb") as handle:
                stored_key, value = pickle.load(handle)
            if stored_key == full_key:
                return value
    except Exception:
        pass
    value = compute()
    _store(directory, name, path, (full_key, value))
    return value


def entry_path(directory: Path, name: str, slot: str, package: Path = PACKAGE) -> Path:
    """The file of the entry (name, slot) of the package in `package`."""
    place = repr((str(Path(package).resolve()), slot))
    return directory / f"{name}-{hashlib.sha1(place.encode()).hexdigest()[:16]}.pickle"


def _store(directory: Path, name: str, path: Path, entry: Any) -> None:
    import tempfile  # only a run that stores an entry needs it

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{name}-")  # mode 0600
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(entry, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def load_pack_cached(directories: Iterable[Path]):
    """The prepared rule pack (`loader.load_prepared`), from the cache while no rule file and no
    source file of copylint changed."""
    from copylint.ruleset.loader import load_prepared, rule_files

    dirs = list(directories)
    slot = repr([str(Path(d).resolve()) for d in dirs])
    return cached("pack", slot, file_digests(rule_files(dirs)), lambda: load_prepared(dirs))


def install() -> None:
    """Let the syllable counter keep its parsed dictionaries here, and the regular expressions
    compiled by earlier runs serve this one (the CLI calls this)."""
    from copylint.language import syllables

    syllables.use_store(cached)
    _install_patterns()
    _install_derived()


PATTERNS_LIMIT = 20_000  # compiled patterns kept (the default pack and its documents use ~2,000)


def _patterns_key() -> tuple:
    """What a compiled pattern depends on: the `regex` release (its compiled form is its own),
    and Python's."""
    import regex

    return ("regex", getattr(regex, "__version__", "?"))


@functools.lru_cache(maxsize=1)
def _install_patterns() -> None:
    """Preload the patterns of earlier runs (copylint.core.regexcache) and, when this process
    compiled new ones, store the union at exit. The entry is keyed like every other (copylint's
    version, Python's, the source files) and on the `regex` release. Each pattern is kept as its
    own pickle (`regex`'s own pickle support), unpickled only when a run asks for it; one that
    fails to load is compiled again."""
    import atexit

    from copylint.core import regexcache

    known = cached("regex", "patterns", _patterns_key(), dict)
    if not isinstance(known, dict):
        known = {}
    regexcache.preload({key: functools.partial(pickle.loads, blob) for key, blob in known.items()})

    def store() -> None:
        new = regexcache.compiled_here()
        if new and len(known) + len(new) <= PATTERNS_LIMIT:
            blobs = {key: pickle.dumps(pattern, protocol=pickle.HIGHEST_PROTOCOL) for key, pattern in new.items()}
            cached("regex", "patterns", _patterns_key(), lambda: {**known, **blobs}, refresh=True)

    atexit.register(store)




@functools.lru_cache(maxsize=1)
def _install_derived() -> None:
    """Preload the values earlier runs derived from the code (copylint.core.derived: a pattern's
    required literals, a pattern source built from the lexicon, a vocabulary scanner's stems)
    and, when this process derived new ones, store them with the preloaded ones it used: the
    entry holds the last run's working set, so packs with other vocabularies do not pile up in
    it. The entry is keyed like every other, on copylint's version and every source file, so no
    value outlives the code that computed it."""
    import atexit

    from copylint.core import derived

    known = cached("derived", "values", (), dict)
    if not isinstance(known, dict):
        known = {}
    derived.preload(known)

    def store() -> None:
        new = derived.computed_here()
        if new:
            cached("derived", "values", (), lambda: {**derived.used_here(), **new}, refresh=True)

    atexit.register(store)
