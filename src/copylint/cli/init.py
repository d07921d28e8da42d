"""`copylint init`: write a commented starter `.copylint.yaml` in the current folder."""

from __future__ import annotations

from pathlib import Path

import click

from copylint.cli.common import fail
from copylint.config import CONFIG_NAME

STARTER = """\
# copylint configuration (see docs/configuration.md). Paths and globs are relative to this file.
# Every key is optional; delete what you do not need. Flags on the command line win.

# Rules to run: ids or dotted prefixes ("efficacy" selects efficacy.cure, efficacy.reverse, ...).
# Leave `select` out to run every rule.
# select: [efficacy, safety, regulatory]
# extend-select: []
ignore: []

# Files or folders never linted, even when named on the command line (as pre-commit does).
exclude:
  - "archive/**"

# Rules switched off for some files only (glob -> rule ids or prefixes).
per-file-ignores:
  "legal/*.md": [pressure]

# Change a rule's severity: error, warning, info, or off.
severity:
  hype: info

# Exit with status 1 when a finding of this severity or worse is reported (or never).
fail-on: warning

# Your team's own rules, in the same YAML format as the built-in pack.
# rules: [copylint-rules]

# Fixed reference date for date checks (default: today).
# as-of: 2026-01-01

# Near-duplicate paragraphs across files.
# duplicates:
#   threshold: 0.8
#   min-words: 8

# Accepted wordings of required disclaimers, by rule id.
# disclaimers:
#   disclaimer.results-vary: ["Individual results may vary."]
"""


@click.command("init")
@click.option("--force", is_flag=True, help="Overwrite an existing .copylint.yaml.")
def init_command(force: bool) -> None:
    """Write a commented starter .copylint.yaml in the current folder."""
    path = Path(CONFIG_NAME)
    if path.exists() and not force:
        fail(f"{CONFIG_NAME} already exists (use --force to overwrite it)")
    path.write_text(STARTER, encoding="utf-8")
    click.echo(f"Wrote {path}. Edit it, then run: copylint check .")
