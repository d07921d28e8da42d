"""`--jobs 2` works under every start method: with fork (Linux's default) and spawn (macOS's and
Windows') the workers get only picklable data, callbacks (the progress bar) stay in the parent,
and the report is the one a single process gives."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from copylint.pipeline import parallel

FILES = 20  # two tasks of 16: two workers
SHARED = ("Stem cell therapy is offered at our clinic after a consultation with a specialist who "
          "reviews your records, explains the procedure, and answers every question you have.")

needs_two_cpus = pytest.mark.skipif(parallel.cpu_count() < 2, reason="one CPU: --jobs 2 runs one worker")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    for i in range(FILES):
        claim = "Our stem cells cure arthritis." if i % 3 == 0 else "A calm page about sleep."
        (root / f"page{i:02}.md").write_text(f"# Page {i}\n\n{claim}\n\n{SHARED if i in (4, 11) else ''}\n", encoding="utf-8")
    (root / "broken.html").write_bytes(b"\xff\xfe\x00\x00<p>not text</p>\x00\x81")
    return root


def run(site: Path, jobs: int, method: str | None) -> tuple[dict, str]:
    env = {**os.environ, "COPYLINT_START_METHOD": method or ""}
    env.pop("COPYLINT_CACHE_DIR", None)
    proc = subprocess.run([sys.executable, "-m", "copylint", "check", "--no-config", "--jobs", str(jobs), "--format", "json", "."],
                          cwd=site, env=env, capture_output=True, text=True, timeout=300)
    return {"code": proc.returncode, **json.loads(proc.stdout)}, proc.stderr


@pytest.fixture(scope="module")
def single(site):
    return run(site, 1, None)[0]


@needs_two_cpus
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_two_workers_give_the_single_process_report(site, single, method):
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} on this platform")
    report, stderr = run(site, 2, method)
    assert "Traceback" not in stderr and "capped" not in stderr, stderr
    assert report == single
    rules = {f["rule"] for f in report["findings"]}
    assert {"efficacy.cure", "duplication.repeated-section"} <= rules  # per-file and cross-file kinds
    assert report["code"] == 2 and [e["path"] for e in report["errors"]] == ["broken.html"]


def test_worker_options_are_plain_data():
    import io
    import pickle

    from copylint.pipeline.run import RunOptions, for_workers

    options = RunOptions(paths=["a"], stdin=io.BytesIO(b""), on_result=print, on_start=print, stdin_filename="x.md")
    sent = for_workers(options)
    assert pickle.loads(pickle.dumps(sent)).stdin_filename == "x.md"
    assert sent.on_result is None and sent.on_start is None and sent.stdin is None


SETUP_RAN: list[int] = []  # in a worker: whether `_setup` ran there


def _setup() -> None:
    SETUP_RAN.append(os.getpid())


class _NeedsSetup:
    """A stand-in for the rules: notes, as it is unpickled in a worker, whether the setup ran."""

    def __init__(self) -> None:
        self.setup_first = False

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, setup_first=bool(SETUP_RAN))


def _lint_one(candidate, rules, options):
    return candidate, rules[0].setup_first, os.getpid()


@needs_two_cpus
def test_a_spawned_worker_runs_its_setup_before_the_rules_arrive(monkeypatch):
    """The CLI's setup (installing its caches) must come before the rules are unpickled, since
    unpickling imports the rule kinds, whose patterns the caches hold."""
    monkeypatch.setenv("COPYLINT_START_METHOD", "spawn")
    results = list(parallel.lint_parallel(list(range(40)), _lint_one, [_NeedsSetup()], None, 2, setup=_setup))
    assert [r[0] for r in results] == list(range(40))
    assert all(first for _, first, _ in results)
    assert os.getpid() not in {pid for _, _, pid in results} and not SETUP_RAN  # ran in the workers only
