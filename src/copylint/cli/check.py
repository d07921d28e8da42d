"""`copylint check PATH...`: lint files and directories and report findings like a code linter.
Option parsing and wiring only; the steps live in cli/pipeline.py."""

from __future__ import annotations

import datetime as dt
import os
import sys

import click

from copylint.reporters import FORMATS

SEVERITY_CHOICES = ("error", "warning", "info", "never")


def parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@click.command("check")
@click.argument("paths", nargs=-1)
@click.option("--format", "--output-format", "fmt", default=None, type=click.Choice(list(FORMATS)),
              help="Output format [default: text, or the config's]; --output-format is ruff's name for it.")
@click.option("--fail-on", default=None, type=click.Choice(SEVERITY_CHOICES),
              help="Exit 1 when a finding of this severity or worse is reported [default: warning].")
@click.option("--stdin-filename", default=None, help="File name (and so format) to use for '-'.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(), help="Extra rule directory or file (repeatable).")
@click.option("--as-of", type=str, callback=parse_date, default=None, help="Reference date YYYY-MM-DD for date checks (default: today).")
@click.option("--config", "config_args", multiple=True, metavar="PATH|KEY=VALUE",
              help="Configuration file (default: the nearest .copylint.yaml or pyproject.toml [tool.copylint] "
                   "of each file), or a KEY=VALUE override such as fail-on=error (repeatable).")
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.option("--select", multiple=True, help="Only these rule ids or prefixes (comma-separated; replaces the config's).")
@click.option("--extend-select", multiple=True, help="Also these rule ids or prefixes.")
@click.option("--ignore", multiple=True, help="Skip these rule ids or prefixes (added to the config's).")
@click.option("--exclude", multiple=True, help="Glob of files or folders to skip (repeatable; added to the config's).")
@click.option("--force-exclude/--no-force-exclude", default=True, show_default=True, help="Apply exclude globs to files named on the command line too (as pre-commit does).")
@click.option("--diff", "diff_ref", metavar="REF", default=None, help="Only findings of sentences changed since the merge base with git REF (document-level ones when a change touches their cause).")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None, help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None, help="Record the current findings in this baseline file and exit 0.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), default=None, help="Write the report to this file instead of standard output.")
@click.option("--no-ignore", is_flag=True, help="Also lint files that .gitignore or .ignore exclude, and hidden folders.")
@click.option("--show-files", is_flag=True, help="List the files that would be linted, then exit.")
@click.option("--fix", is_flag=True, help="Apply exact fixes (spellings, dates) to the files; never rewrites a claim.")
@click.option("--dry-run", is_flag=True, help="With --fix: print the fixes as a diff and change nothing.")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text output (auto: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it).")
@click.option("--statistics", is_flag=True, help="Show the number of findings per rule instead of the findings.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only: no summary, no progress bar.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported (input errors still exit 2).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes (0: one per core; 1: lint in this process).")
def check(paths, fmt, fail_on, stdin_filename, rule_dirs, as_of, config_args, no_config, select, extend_select,
          ignore, exclude, force_exclude, diff_ref, baseline, write_baseline, output_file, no_ignore, show_files, fix,
          dry_run, color, statistics, quiet, exit_zero, jobs):
    """Lint PATHS (files, directories, or - for standard input).

    \b
    Examples:
      copylint check drafts/
      copylint check --diff origin/main --format github
      copylint check . --format sarif -o copylint.sarif
      copylint check drafts/ --format html -o report.html
      copylint check . --write-baseline .copylint-baseline.json
      copylint check --fix --dry-run drafts/
    """
    from copylint.cli import interrupts

    with interrupts.handled():
        _check(paths, fmt, fail_on, stdin_filename, rule_dirs, as_of, config_args, no_config, select, extend_select,
               ignore, exclude, force_exclude, diff_ref, baseline, write_baseline, output_file, no_ignore, show_files,
               fix, dry_run, color, statistics, quiet, exit_zero, jobs)


def _check(paths, fmt, fail_on, stdin_filename, rule_dirs, as_of, config_args, no_config, select, extend_select,
           ignore, exclude, force_exclude, diff_ref, baseline, write_baseline, output_file, no_ignore, show_files, fix,
           dry_run, color, statistics, quiet, exit_zero, jobs) -> None:
    """The run itself (check() wraps it so SIGINT and SIGTERM end it cleanly)."""
    from copylint.cli import pipeline
    from copylint.cli.progress import Progress
    from copylint.reporters import Report, render_chunks

    flags = pipeline.CheckFlags(
        paths=paths, fmt=fmt, fail_on=fail_on, stdin_filename=stdin_filename, rule_dirs=rule_dirs, as_of=as_of,
        config=config_args, no_config=no_config, select=select, extend_select=extend_select, ignore=ignore,
        exclude=exclude, force_exclude=force_exclude, diff=diff_ref, baseline=baseline, no_ignore=no_ignore,
        write_baseline=write_baseline, output_file=output_file, statistics=statistics, quiet=quiet, exit_zero=exit_zero, jobs=jobs,
    )
    if dry_run and not fix:
        pipeline.fail("--dry-run only goes with --fix")
    resolver = pipeline.Resolver(flags)
    changed = pipeline.changed_files(flags)
    paths_given = pipeline.paths_to_lint(flags, changed)
    groups = pipeline.plan(flags, resolver, paths_given)
    pipeline.refuse_clobbering(flags, paths_given, [c for g in groups for c in g.candidates])
    if show_files:
        candidates = [c for g in groups for c in g.candidates]
        click.echo("".join(f"{name}\n" for name in sorted({c.path for c in candidates if not c.missing})), nl=False)
        for c in candidates:
            if c.missing:
                click.echo(f"{c.path}: error: no such file or directory", err=True)
        sys.exit(2 if any(c.missing for c in candidates) else 0)
    progress = None if quiet else Progress(sys.stderr)
    outcome = pipeline.lint(flags, groups, changed, progress)
    for line in [*outcome.notes, *map(str, outcome.errors)]:
        click.echo(line, err=True)
    if write_baseline:
        click.echo(f"Wrote {len(outcome.findings)} finding(s) to baseline {write_baseline}.", err=True)
        sys.exit(2 if outcome.errors else 0)
    fix_failed = False
    if fix:
        fix_failed, outcome = _apply_fixes(flags, resolver, changed, outcome, dry_run)
    fmt = pipeline.output_format(flags, resolver, groups)
    report = Report(
        findings=outcome.findings, errors=outcome.errors, files=outcome.files, paths=outcome.paths,
        rules=outcome.specs, color=use_color(color, output_file), quiet=quiet, root=pipeline.report_root(fmt),
        load_document=outcome.load_document,
    )
    if statistics:
        from copylint.reporters import statistics as stats

        pipeline.emit(stats.render(report, fmt), output_file)
    else:
        pipeline.emit(render_chunks(fmt, report), output_file)
    if fmt == "github":
        from copylint.reporters import github_summary

        problem = github_summary.append(report)
        if problem:
            click.echo(f"copylint: warning: {problem}", err=True)
    sys.exit(2 if fix_failed else outcome.exit_code(exit_zero))


def _apply_fixes(flags, resolver, changed, outcome, dry_run: bool):
    """Apply (or with --dry-run print as a diff) the exact fixes; after a real fix, lint again
    so that the report shows what remains, at its new position. Returns (a fix failed, outcome)."""
    from copylint.pipeline import fixing
    from copylint.cli import pipeline

    results = fixing.fix_files(outcome.findings, outcome.digests, dry_run=dry_run)
    for r in results:
        if r.error:
            click.echo(f"{r.path}: error: {r.error}", err=True)
    failed = any(r.error for r in results)
    if dry_run:
        pipeline.emit([r.diff() for r in results if r.error is None], flags.output_file)
        click.echo(fixing.summary(results, dry_run=True), err=True)
        changes = bool(fixing.changed_paths(results))
        sys.exit(2 if failed or outcome.errors else (1 if changes else 0))
    click.echo(fixing.summary(results, dry_run=False), err=True)
    if fixing.changed_paths(results):
        outcome = pipeline.lint(flags, pipeline.plan(flags, resolver, pipeline.paths_to_lint(flags, changed)), changed)
    return failed, outcome


def use_color(choice: str = "auto", output_file: str | None = None) -> bool:
    """--color always/never decide; under auto, NO_COLOR (non-empty) turns colour off, then
    FORCE_COLOR (non-empty) turns it on, else colour only when writing to a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return not output_file and sys.stdout.isatty()
