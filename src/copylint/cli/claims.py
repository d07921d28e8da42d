"""`copylint claims PATH...`: every sentence with its claim strength (none, correlational, hedged,
direct) and whether it is negated, as a table or JSON. Works on Markdown, HTML and text."""

from __future__ import annotations

from typing import TYPE_CHECKING

import json
import sys

import click

from copylint.cli.common import EXIT_ERROR, EXIT_OK

if TYPE_CHECKING:
    from copylint.core.models import InputError

WIDTH = 70


def sentence_rows(paths: list[str], stdin_filename: str | None = None) -> tuple[list[dict], list[InputError]]:
    """One row per sentence of every file under `paths`: path, line, column, sentence, strength, negated."""
    from copylint.language.claim_strength import classify
    from copylint.core.models import InputError
    from copylint.parsers import parse
    from copylint.pipeline.run import RunOptions, read_candidate
    from copylint.pipeline.sources.discover import discover
    from copylint.pipeline.sources.ignore import IgnoreRules

    rows: list[dict] = []
    errors: list[InputError] = []
    options = RunOptions(paths=paths, stdin_filename=stdin_filename, stdin=sys.stdin.buffer)
    for candidate in discover(paths, ignore=IgnoreRules()):
        source = read_candidate(candidate, options)
        if isinstance(source, InputError):
            errors.append(source)
            continue
        doc = parse(source)
        for s in doc.sentences:
            start, _ = doc.sentence_span(s)
            line, column = doc.lines.position(start)
            result = classify(s.text)
            rows.append({
                "path": doc.path, "line": line, "column": column, "sentence": " ".join(s.text.split()),
                "strength": result.strength.value, "negated": result.negated,
            })
    return rows, errors


def _truncate(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


@click.command("claims")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default="text", type=click.Choice(["text", "json"]), show_default=True)
@click.option("--stdin-filename", default=None, help="Name (and so format) for input read from '-'.")
@click.option("--width", default=WIDTH, show_default=True, help="Truncate sentences to this many characters.")
def claims(paths, fmt, stdin_filename, width):
    """Show each sentence with the strength of the claim it makes.

    \b
    Examples:
      copylint claims page.md
      copylint claims drafts/ --format json
    """
    rows, errors = sentence_rows(list(paths), stdin_filename)
    for error in errors:
        click.echo(str(error), err=True)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        where = [f"{r['path']}:{r['line']}:{r['column']}" for r in rows]
        w = max((len(x) for x in where), default=8)
        click.echo(f"{'location':<{w}}  {'strength':<13} {'negated':<7}  sentence")
        for loc, r in zip(where, rows):
            neg = "yes" if r["negated"] else ""
            click.echo(f"{loc:<{w}}  {r['strength']:<13} {neg:<7}  {_truncate(r['sentence'], width)}")
    sys.exit(EXIT_ERROR if errors and not rows else EXIT_OK)
