"""SIGINT and SIGTERM end a run the conventional way: one line on stderr, exit 128 + the signal
number (130, 143), no traceback. The signal becomes an exception, so every `finally` on the way
out runs (pool workers are terminated, a half-written temporary output file is removed)."""

from __future__ import annotations

import contextlib
import signal
import sys
from typing import Iterator

import click


class Terminated(BaseException):
    """SIGTERM arrived (a BaseException, like KeyboardInterrupt, so `except Exception` passes it)."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """Run the body with SIGTERM raising Terminated; either signal exits 130 or 143."""
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    except KeyboardInterrupt:
        _leave("interrupted (SIGINT)", signal.SIGINT)
    except Terminated:
        _leave("terminated (SIGTERM)", signal.SIGTERM)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _leave(what: str, signum: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the exit
    try:
        click.echo(f"copylint: {what}", err=True)
    except OSError:
        pass
    sys.exit(128 + signum)
