"""Helpers shared by the subcommands: exit codes, loading the rule pack, error printing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

import click

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> "NoReturn":  # noqa: F821
    click.echo(f"copylint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def load_rules(extra_dirs: Sequence[str] = (), settings=None, *, default_pack: bool = True):
    """Load and compile the pack (plus extra directories), or exit 2 citing the bad file:line.
    The returned pack also lists copylint's built-in suppression rules (which compile to nothing)."""
    from copylint.filters.builtin_rules import BUILTIN_SPECS
    from copylint.kinds.base import Settings
    from copylint.ruleset.loader import compile_rules, default_pack_dir, load_pack_cached
    from copylint.ruleset.schema import RuleError

    dirs = ([default_pack_dir()] if default_pack else []) + [Path(d) for d in extra_dirs]
    settings = settings or Settings()
    try:
        pack = load_pack_cached(dirs)
        compiled = compile_rules(pack, settings)
    except RuleError as exc:
        fail(f"bad rule file: {exc}")
    clash = [s for s in pack.specs if s.id in {b.id for b in BUILTIN_SPECS}]
    if clash:
        fail(f"bad rule file: {clash[0].file}:{clash[0].line}: rule id {clash[0].id!r} is reserved for copylint itself")
    pack.specs.extend(BUILTIN_SPECS)
    return pack, compiled, settings
