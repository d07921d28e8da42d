"""Lint files in a process pool: each worker gets the compiled rules and plain-data options once
(pool initializer; all of it pickles, so spawn works as well as fork) and sends back only
per-document results (findings, fingerprints), in input order, as they finish.
Workers never outlive the run: an interrupted parent terminates them, and on Linux the kernel
kills them if the parent dies."""

from __future__ import annotations

import math
import multiprocessing
import os
import signal
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterator, Sequence


CHUNK = 16  # files per task: amortises inter-process traffic without starving a worker
POLL = 0.25  # seconds between checks for a signal while the parent waits for a worker

_state: dict[str, Any] = {}


def cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int | None) -> int:
    """`--jobs` value: 0 or None means one worker per available core."""
    return cpu_count() if not jobs or jobs < 0 else jobs


def worker_count(jobs: int | None, files: int) -> tuple[int, str | None]:
    """Workers for `files` files: the `--jobs` value capped at the CPU count and at the number of
    tasks (more would only cost memory and start-up), with a note when an explicit value is cut."""
    wanted, cpus, tasks = resolve_jobs(jobs), cpu_count(), math.ceil(files / CHUNK)
    count = max(1, min(wanted, cpus, tasks))
    if not jobs or count >= wanted:
        return count, None
    reason = f"{cpus} CPU{'s' if cpus != 1 else ''}" if count == cpus else f"{files} files"
    return count, f"--jobs {wanted} capped at {count} worker{'s' if count != 1 else ''} ({reason})"


def _die_with_parent() -> None:
    """Linux: have the kernel send this worker SIGKILL when the parent exits, however it exits."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _init(lint_one: Callable, rules: Sequence | bytes, options: Any, setup: Callable[[], None] | None = None) -> None:
    """A worker's start: `rules` arrive pickled (bytes) when a `setup` must run before they are
    unpickled (unpickling imports the rule kinds, whose patterns the setup's caches hold)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent handles it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler: terminate() just ends us
    _die_with_parent()
    if setup is not None:
        setup()
    if isinstance(rules, bytes):
        import pickle

        rules = pickle.loads(rules)
    _state.update(lint_one=lint_one, rules=rules, options=options)


def _work(candidates: list) -> list:
    lint_one = _state["lint_one"]
    return [lint_one(c, _state["rules"], _state["options"]) for c in candidates]


START_METHODS = ("fork", "spawn", "forkserver")


def _context():
    """fork on Linux (workers inherit the compiled rules for free), spawn elsewhere (the default
    of macOS and Windows); COPYLINT_START_METHOD=fork|spawn|forkserver chooses."""
    chosen = os.environ.get("COPYLINT_START_METHOD", "")
    if chosen in START_METHODS and chosen in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context(chosen)
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def lint_parallel(candidates: list, lint_one: Callable, rules: Sequence, options: Any, jobs: int,
                  setup: Callable[[], None] | None = None) -> Iterator:
    """Results of `lint_one(candidate, rules, options)` for every candidate, in order (the rules
    carry the settings they were compiled with). A worker that does not inherit this process
    (spawn, forkserver) first calls `setup`, then unpickles the rules.
    If the pool breaks (a worker killed), the files not yet done are linted in-process."""
    chunks = [candidates[i:i + CHUNK] for i in range(0, len(candidates), CHUNK)]
    done = 0
    context = _context()
    initargs: tuple = (lint_one, rules, options)
    if setup is not None and context.get_start_method() != "fork":
        import pickle

        initargs = (lint_one, pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL), options, setup)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init, initargs=initargs)
    try:
        for future in [pool.submit(_work, chunk) for chunk in chunks]:
            batch = _result(future)
            done += 1
            yield from batch
    except BrokenProcessPool:
        pool.shutdown(wait=True)
        for chunk in chunks[done:]:
            for candidate in chunk:
                yield lint_one(candidate, rules, options)
    except BaseException:  # interrupted (SIGINT, SIGTERM) or closed early: end the workers now
        _terminate(pool)
        raise
    else:
        pool.shutdown(wait=True)


def _result(future: Future) -> list:
    """The future's result, waited for in short steps. The OS may hand a Ctrl-C or SIGTERM to one
    of the pool's helper threads; the main thread runs the handler only when it wakes, so a wait
    without a timeout would delay the exit until the next chunk is done."""
    while True:
        try:
            return future.result(timeout=POLL)
        except FutureTimeout:
            continue


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop every worker at once and wait until they are gone (no orphans, no half-done writes)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    for process in processes:
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)
    if manager is not None:
        manager.join(timeout=5)
        # Its wake-up pipe, no longer read, would block the interpreter's exit hook when full
        # (CPython gh-105829); the thread is done, so the hook has nothing to wake.
        from concurrent.futures import process as futures_process

        getattr(futures_process, "_threads_wakeups", {}).pop(manager, None)
