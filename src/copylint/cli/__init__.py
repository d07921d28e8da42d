"""The `copylint` command: a click group whose subcommands each live in their own module."""

from __future__ import annotations

import click

from copylint import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
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


def _register() -> None:
    from copylint.cli import check, claims, init, rules

    main.add_command(check.check)
    main.add_command(init.init_command)
    main.add_command(rules.rules_command)
    main.add_command(rules.rule_command)
    main.add_command(claims.claims)


_register()
