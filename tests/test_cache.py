"""Caches that cannot lie: an entry is keyed on copylint's version and a hash of every source
file of the package (and its inputs' content), so editing any of them invalidates it; nothing
is unpickled from a folder or file another user can write; the library leaves the disk alone."""

from __future__ import annotations

import os
import pickle
import shutil
import sys
from pathlib import Path

import pytest

from copylint import lint_text
from copylint.cli import cache

from workflow_helpers import invoke, phrase_rule, write

PACKAGE = cache.PACKAGE


@pytest.fixture()
def package_copy(tmp_path) -> Path:
    copy = tmp_path / "copylint"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("COPYLINT_NO_CACHE", raising=False)
    return folder


def fingerprint(package: Path) -> str:
    cache.code_fingerprint.cache_clear()
    return cache.code_fingerprint(package)


def test_editing_any_source_file_changes_the_fingerprint(package_copy):
    sources = sorted(package_copy.rglob("*.py"))
    assert len(sources) > 50 and package_copy / "language" / "anchors.py" in sources
    base = fingerprint(package_copy)
    for path in sources:
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert fingerprint(package_copy) != base, path
        path.write_bytes(original)
    assert fingerprint(package_copy) == base
    (package_copy / "language" / "new_module.py").write_text("X = 1\n")
    assert fingerprint(package_copy) != base


def test_a_cached_value_is_recomputed_after_a_source_edit(package_copy, cache_dir):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    def lookup():
        cache.code_fingerprint.cache_clear()
        return cache.cached("test", "slot", ("key",), compute, package=package_copy)

    assert (lookup(), lookup()) == (1, 1)  # the second is served from disk
    anchors = package_copy / "language" / "anchors.py"
    anchors.write_text(anchors.read_text() + "# an edit\n")
    assert lookup() == 2 and lookup() == 2
    assert lookup() == 2 and len(calls) == 2


def test_two_checkouts_of_different_code_keep_their_own_entries(package_copy, tmp_path, cache_dir):
    """Two copies of the package whose code differs (a development checkout and an install) use
    the same cache folder: each keeps its entry, so neither recomputes after the other ran."""
    other = tmp_path / "other" / "copylint"
    shutil.copytree(package_copy, other)
    (other / "language" / "anchors.py").write_text((other / "language" / "anchors.py").read_text() + "# an edit\n")
    calls: list[str] = []

    def lookup(package: Path) -> str:
        cache.code_fingerprint.cache_clear()
        return cache.cached("test", "slot", ("key",), lambda: calls.append(package.parent.name) or package.parent.name,
                            package=package)

    assert [lookup(package_copy), lookup(other), lookup(package_copy), lookup(other)] == [
        package_copy.parent.name, "other", package_copy.parent.name, "other"]
    assert calls == [package_copy.parent.name, "other"]
    assert len(list(cache_dir.glob("test-*.pickle"))) == 2


def test_a_rule_file_edit_invalidates_the_pack_even_with_the_same_size_and_time(tmp_path, cache_dir):
    rules = write(tmp_path, "rules/hype.yaml", phrase_rule())
    before = os.stat(rules)
    assert cache.load_pack_cached([rules.parent]).specs[0].message == "'{match}' is banned."
    rules.write_text(phrase_rule(message="'{match}' is barred."))  # same length
    os.utime(rules, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(rules).st_size == before.st_size
    assert cache.load_pack_cached([rules.parent]).specs[0].message == "'{match}' is barred."




def _plant(cache_dir: Path, value: str) -> None:
    """An entry that matches the key `cached` will compute, holding `value`."""
    from copylint import __version__

    cache_dir.mkdir(mode=0o700, exist_ok=True)
    key = repr((__version__, sys.version_info[:2], cache.code_fingerprint(), ("k",)))
    path = cache.entry_path(cache_dir, "plant", "slot")
    path.write_bytes(pickle.dumps((key, value)))
    path.chmod(0o600)


needs_posix = pytest.mark.skipif(not hasattr(os, "getuid"), reason="owner and mode checks are POSIX")


@needs_posix
def test_a_private_entry_is_read(cache_dir):
    _plant(cache_dir, "from disk")
    assert cache.cached("plant", "slot", ("k",), lambda: "computed") == "from disk"


@needs_posix
@pytest.mark.parametrize("loosen", ["folder writable by others", "file writable by the group", "someone else's folder"])
def test_nothing_is_unpickled_from_a_place_others_can_write(cache_dir, monkeypatch, loosen):
    _plant(cache_dir, "planted")
    if loosen == "folder writable by others":
        cache_dir.chmod(0o777)
    elif loosen == "file writable by the group":
        next(cache_dir.glob("plant-*")).chmod(0o620)
    else:
        uid = os.getuid()
        monkeypatch.setattr(os, "getuid", lambda: uid + 1)
    assert cache.cached("plant", "slot", ("k",), lambda: "computed") == "computed"


def test_the_library_leaves_the_disk_alone_and_the_cli_uses_it(tmp_path, cache_dir, monkeypatch):
    assert lint_text("Our stem cells cure arthritis.")
    assert not cache_dir.exists()
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.md", "Our stem cells cure arthritis.\n")
    assert invoke("check", "--no-config", "a.md").exit_code == 1
    assert list(cache_dir.glob("pack-*.pickle"))
    assert (cache_dir.stat().st_mode & 0o777) == 0o700


def test_no_regex_internals_are_touched():
    source = (PACKAGE / "core" / "regexcache.py").read_text()
    assert "_regex" not in source.replace("regexcache", "") and "_main" not in source


COUNT_COMPILED = """
import atexit, sys
from copylint.core import regexcache
from copylint.cli import main
atexit.register(lambda: print("compiled", len(regexcache.compiled_here()), file=sys.stderr))
main(["check", "--no-config", "--jobs", "1", sys.argv[1]])
"""


def test_regexes_compiled_by_one_run_serve_the_next(tmp_path, cache_dir):
    """The CLI keeps the compiled patterns (`regex`'s own pickling) beside the pack: the second
    run on the same file compiles nothing that the first did, and finds the same."""
    import subprocess

    draft = write(tmp_path, "a.md", "Our stem cells cure arthritis and reverse ageing, guaranteed.\n")
    runs = [subprocess.run([sys.executable, "-c", COUNT_COMPILED, str(draft)], capture_output=True, text=True,
                           env={**os.environ, "COPYLINT_CACHE_DIR": str(cache_dir)}) for _ in range(2)]
    compiled = [int(r.stderr.split("compiled")[-1]) for r in runs]
    assert compiled[0] > 50 and compiled[1] == 0, compiled
    assert runs[0].stdout == runs[1].stdout and "efficacy" in runs[0].stdout
    assert list(cache_dir.glob("regex-*.pickle"))


COUNT_DERIVED = """
import atexit, sys
from copylint.core import derived
from copylint.cli import main
atexit.register(lambda: print("derived", sorted({name for name, _ in derived.computed_here()}), file=sys.stderr))
main(["check", "--no-config", "--jobs", "1", sys.argv[1]])
"""


def test_values_derived_by_one_run_serve_the_next(tmp_path, cache_dir):
    """What a run derives from the code alone (the claim lexicon's pattern sources, the voice
    lists' required literals) is kept beside the pack: the second run derives none of it again,
    and finds the same."""
    import subprocess

    draft = write(tmp_path, "a.md", "Our stem cells cure arthritis and reverse ageing, guaranteed. Buy now.\n")
    runs = [subprocess.run([sys.executable, "-c", COUNT_DERIVED, str(draft)], capture_output=True, text=True,
                           env={**os.environ, "COPYLINT_CACHE_DIR": str(cache_dir)}) for _ in range(2)]
    derived = [r.stderr.strip().splitlines()[-1] for r in runs]
    assert "claim_strength.cue" in derived[0] and "anchors.pattern_cover" in derived[0], derived
    assert derived[1] == "derived []", derived
    assert runs[0].stdout == runs[1].stdout and "efficacy" in runs[0].stdout
    assert list(cache_dir.glob("derived-*.pickle"))


def test_the_derived_entry_keeps_the_last_runs_working_set():
    """A preloaded value the run never asked for is not stored again (packs with other
    vocabularies do not pile up); one it asked for is, and a value is computed only once."""
    from copylint.core import derived

    derived.preload({("test.used", 1): "kept", ("test.unused", 1): "dropped"})
    calls: list[int] = []
    assert derived.derived("test.used", 1, lambda: calls.append(1)) == "kept"
    assert derived.derived("test.new", 1, lambda: calls.append(2) or "new") == "new"
    assert derived.derived("test.new", 1, lambda: calls.append(3) or "again") == "new"
    assert calls == [2]
    assert derived.used_here().get(("test.used", 1)) == "kept" and ("test.unused", 1) not in derived.used_here()
    assert derived.computed_here().get(("test.new", 1)) == "new"
