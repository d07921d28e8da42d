"""`copylint init`: write a commented starter `.copylint.yaml` in the current folder."""

from __future__ import annotations

from pathlib import Path

import click

from copylint.cli.common import fail
from copylint.config import CONFIG_NAME

STARTER = """\
# copylint configuration (see docs/configuration.md). Paths and globs are relative to this file.
# Every key is commented out, so this file changes nothing: copylint behaves as with no file.
# Uncomment a key to change it. Values marked "default" are what copylint does without the key;
# the others are examples. Flags on the command line win over this file.

# Rules to run: ids or dotted prefixes ("efficacy" selects efficacy.cure, efficacy.reverse, ...).
# Default: every rule. Example:
# select: [efficacy, safety, regulatory]

# Rules added to the selection, and rules left out (default: none).
# extend-select: []
# ignore: []

# Files or folders never linted, even when named on the command line (default: none). Example:
# exclude: ["archive/**"]

# Rules switched off for some files only: glob -> rule ids or prefixes. Example:
# per-file-ignores:
#   "legal/*.md": [pressure]

# A rule's severity: error, warning, info, or off (default: each rule's own). Example:
# severity:
#   hype: info

# Exit with status 1 when a finding of this severity or worse is reported (error, warning,
# info, or never). Default:
# fail-on: warning

# Your team's own rules, in the same YAML format as the built-in pack. Example (a folder):
# rules: [team-rules]

# Fixed reference date for date checks (default: today). Example:
# as-of: 2026-01-01

# Near-duplicate paragraphs across files. Defaults:
# duplicates:
#   threshold: 0.8
#   min-words: 8

# More wordings that count as a required disclaimer, by rule id (default: the rule's own). Example:
# disclaimers:
#   disclaimer.medical-advice: ["This page is for information only. Ask your doctor before any treatment."]

# Output format (text, concise, json, json-lines, github, sarif, gitlab, rdjson, junit, html). Default:
# format: text

# HTML page regions (see the README). Example:
# html:
#   skip: [".newsletter-popup"]
#   chrome: ["#promo-strip"]
#   comments: skip
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
