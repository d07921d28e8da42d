"""Lint files in a process pool: each worker gets the compiled rules once (pool initializer) and
sends back only per-document results (findings, fingerprints), in input order, as they finish."""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterator, Sequence


CHUNK = 16  # files per task: amortises inter-process traffic without starving a worker

_state: dict[str, Any] = {}


def cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int | None) -> int:
    """`--jobs` value: 0 or None means one worker per available core."""
    return cpu_count() if not jobs or jobs < 0 else jobs


def _init(lint_one: Callable, rules: Sequence, settings: Any, options: Any) -> None:
    _state.update(lint_one=lint_one, rules=rules, settings=settings, options=options)


def _work(candidates: list) -> list:
    lint_one = _state["lint_one"]
    return [lint_one(c, _state["rules"], _state["settings"], _state["options"]) for c in candidates]


def _context():
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")  # workers inherit the compiled rules for free
    return multiprocessing.get_context("spawn")


def lint_parallel(candidates: list, lint_one: Callable, rules: Sequence, settings: Any, options: Any, jobs: int) -> Iterator:
    """Results of `lint_one(candidate, rules, settings, options)` for every candidate, in order.
    If the pool breaks (a worker killed), the files not yet done are linted in-process."""
    chunks = [candidates[i:i + CHUNK] for i in range(0, len(candidates), CHUNK)]
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_init,
                                 initargs=(lint_one, rules, settings, options)) as pool:
            for batch in pool.map(_work, chunks):
                done += 1
                yield from batch
    except BrokenProcessPool:
        for chunk in chunks[done:]:
            for candidate in chunk:
                yield lint_one(candidate, rules, settings, options)
