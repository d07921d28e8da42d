"""`copylint check PATH...`: lint files and directories and report findings like a code linter."""

from __future__ import annotations

import datetime as dt
import sys

import click

from copylint.cli.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail, load_rules

SEVERITY_CHOICES = ("error", "warning", "info", "never")


def parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default="text", show_default=True, help="Output format.",
              type=click.Choice(["text", "json"]))
@click.option("--fail-on", default="warning", show_default=True, type=click.Choice(SEVERITY_CHOICES),
              help="Exit 1 when a finding of this severity or worse is reported.")
@click.option("--stdin-filename", default=None, help="File name (and so format) to use for '-'.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(), help="Extra rule directory or file (repeatable).")
@click.option("--as-of", type=str, callback=parse_date, default=None, help="Reference date YYYY-MM-DD for date checks (default: today).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes (0: one per core; 1: lint in this process).")
def check(paths, fmt, fail_on, stdin_filename, rule_dirs, as_of, jobs):
    """Lint PATHS (files, directories, or - for standard input)."""
    from copylint.kinds.base import Settings
    from copylint.models import Severity
    from copylint.reporters import Report, render
    from copylint.run import RunOptions, run

    settings = Settings(as_of=as_of)
    pack, rules, settings = load_rules(rule_dirs, settings)
    result = run(rules, settings, RunOptions(paths=paths, stdin_filename=stdin_filename, jobs=jobs))
    for error in result.errors:
        click.echo(str(error), err=True)
    report = Report(
        findings=result.findings, errors=result.errors, files=result.files,
        rules={s.id: s for s in pack.specs}, color=_use_color(),
    )
    sys.stdout.write(render(fmt, report))
    if result.errors:
        sys.exit(EXIT_ERROR)
    threshold = None if fail_on == "never" else Severity(fail_on).rank
    failing = threshold is not None and any(f.severity.rank >= threshold for f in result.findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


def _use_color() -> bool:
    import os

    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()
