"""`copylint init`: write a commented starter `.copylint.yaml` in the current folder."""

from __future__ import annotations

from pathlib import Path

import click

from copylint.cli.common import fail
from copylint.config import CONFIG_NAME
from copylint.config.keys import starter

STARTER = starter()  # generated from the declarations of every key (copylint.config.keys)


@click.command("init")
@click.option("--force", is_flag=True, help="Overwrite an existing .copylint.yaml.")
def init_command(force: bool) -> None:
    """Write a commented starter .copylint.yaml in the current folder."""
    path = Path(CONFIG_NAME)
    if path.exists() and not force:
        fail(f"{CONFIG_NAME} already exists (use --force to overwrite it)")
    path.write_text(STARTER, encoding="utf-8")
    click.echo(f"Wrote {path}. Edit it, then run: copylint check .")
