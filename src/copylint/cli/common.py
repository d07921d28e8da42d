"""Helpers shared by the subcommands: exit codes, loading the rule pack, error printing."""

from __future__ import annotations

import sys
from typing import Sequence

import click

from copylint.core.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK  # noqa: F401 - the subcommands' exit codes


def fail(message: str) -> "NoReturn":  # noqa: F821
    click.echo(f"copylint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def load_rules(extra_dirs: Sequence[str] = (), settings=None, *, default_pack: bool = True):
    """The library's `load_rules`, or exit 2 citing the bad file:line."""
    from copylint.pipeline import api

    try:
        return api.load_rules(extra_dirs, settings, default_pack=default_pack, pack_loader=cached_pack_loader())
    except api.LintError as exc:
        fail(str(exc))


def cached_pack_loader():
    """The command line keeps the prepared rule pack and the syllable dictionaries in the user
    cache (copylint.cli.cache); the library does not unless asked."""
    from copylint.cli import cache

    cache.install()
    return cache.load_pack_cached
