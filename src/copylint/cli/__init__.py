"""The `copylint` command: a click group whose subcommands each live in their own module."""

from __future__ import annotations

import functools

import click

from copylint import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# Each subcommand's module and object, imported only when that command runs or help lists it:
# `copylint check` never imports the others.
SUBCOMMANDS = {
    "check": ("copylint.cli.check", "check"),
    "claims": ("copylint.cli.claims", "claims"),
    "init": ("copylint.cli.init", "init_command"),
    "rule": ("copylint.cli.rules", "rule_command"),
    "rules": ("copylint.cli.rules", "rules_command"),
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use (SUBCOMMANDS)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*SUBCOMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in SUBCOMMANDS:
            import importlib

            module, attribute = SUBCOMMANDS[name]
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return self.commands.get(name)


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="copylint")
def main() -> None:
    """copylint: a compliance linter for medical marketing copy.

    \b
    Examples:
      copylint check drafts/            lint every .md, .html and .txt file
      copylint check - --stdin-filename page.html < page.html
      copylint rules                    list the rules
      copylint rule efficacy.cure         explain one rule
    """
    collect_garbage_less()


# A command allocates a few hundred thousand objects that live until it exits (the modules, the
# rule pack, the compiled patterns, the parsed documents) and makes little cyclic garbage. At
# Python's default first threshold (700 allocations) the cyclic collector runs over a hundred times
# in one draft's check, each time rescanning the young survivors (about 10 ms of a 250 ms run,
# measured). At 10,000 it still ran 21 times (about 8 ms); at 100,000 a draft's check takes 7 ms
# less CPU (median of 42 interleaved runs) and 100 articles the same. The collector still runs,
# and so bounds memory the same way, for long runs. At exit, the interpreter's shutdown collections would traverse every one of those
# objects again (about 25 ms): frozen once the exit handlers have run (the caches are stored
# then), they are skipped, and the process exit frees them all the same.
GC_THRESHOLD = 100_000


@functools.lru_cache(maxsize=1)
def collect_garbage_less() -> None:
    """Raise the collector's first threshold (never lower it, if an embedding program raised it)
    and freeze every object at exit (once per process)."""
    import atexit
    import gc

    first, *rest = gc.get_threshold()
    if 0 < first < GC_THRESHOLD:
        gc.set_threshold(GC_THRESHOLD, *rest)
    atexit.register(gc.freeze)  # (exit handlers run last-registered first: the cache stores run before it)
