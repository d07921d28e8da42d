"""A time limit on linting one file, so that no input can hold a run forever: after
COPYLINT_FILE_TIMEOUT seconds of CPU time (default 600; 0: none) the file is given up with a
named error and the run goes on. CPU time, not wall time, so a busy machine does not cut a slow
but finite file short. Uses SIGVTALRM: Unix, main thread (workers included)."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from typing import Iterator

DEFAULT_SECONDS = 600.0


class FileTimeout(BaseException):
    """The file's time is up (a BaseException, so a rule's `except Exception` cannot swallow it)."""


def file_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("COPYLINT_FILE_TIMEOUT", DEFAULT_SECONDS)))
    except ValueError:
        return DEFAULT_SECONDS


def _expire(signum: int, frame: object) -> None:
    raise FileTimeout()


@contextlib.contextmanager
def limited(seconds: float) -> Iterator[None]:
    """Raise FileTimeout in the body after `seconds` of CPU time (no limit when 0, off Unix or
    off the main thread)."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, _expire)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
