"""`copylint rules` lists the rules; `copylint rule ID` explains one (what, why, source, examples)."""

from __future__ import annotations

import json
import textwrap

import click

from copylint.cli.common import fail, load_rules


@click.command("rules")
@click.option("--format", "fmt", default="text", type=click.Choice(["text", "json"]), show_default=True)
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(), help="Extra rule directory or file.")
def rules_command(fmt, rule_dirs):
    """List every rule: id, category, severity and message."""
    pack, _, _ = load_rules(rule_dirs)
    specs = sorted(pack.specs, key=lambda s: s.id)
    if fmt == "json":
        click.echo(json.dumps([
            {"id": s.id, "kind": s.kind, "category": s.category, "severity": s.severity.value, "message": s.message}
            for s in specs
        ], indent=2))
        return
    width = max((len(s.id) for s in specs), default=10)
    for s in specs:
        click.echo(f"{s.id:<{width}}  {s.category:<12} {s.severity.value:<8} {_first_line(s.message)}")
    click.echo(f"\n{len(specs)} rules.")


@click.command("rule")
@click.argument("rule_id")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(), help="Extra rule directory or file.")
def rule_command(rule_id, rule_dirs):
    """Explain one rule: what it reports, why, its source, and examples."""
    pack, _, _ = load_rules(rule_dirs)
    spec = next((s for s in pack.specs if s.id == rule_id), None)
    if spec is None:
        close = [s.id for s in pack.specs if s.id.startswith(rule_id.split(".")[0])]
        hint = f" (did you mean: {', '.join(sorted(close)[:5])}?)" if close else ""
        fail(f"unknown rule {rule_id!r}{hint}")
    wrap = lambda text: textwrap.fill(text, 88, initial_indent="  ", subsequent_indent="  ")  # noqa: E731
    click.echo(f"{spec.id}  ({spec.category}, {spec.severity.value}, kind {spec.kind})\n")
    click.echo("What it reports:\n" + wrap(spec.message) + "\n")
    click.echo("Why it matters:\n" + wrap(spec.why) + "\n")
    click.echo("Source:\n" + wrap(spec.source) + "\n")
    if spec.suggest:
        click.echo("Suggested fix:\n" + wrap(spec.suggest) + "\n")
    click.echo("Examples that are reported:")
    for example in spec.examples.bad:
        click.echo(_example("-", example))
    click.echo("\nExamples that are not reported:")
    for example in spec.examples.good:
        click.echo(_example("+", example))
    click.echo("\nBuilt into copylint (see docs/configuration.md)" if spec.file == "<built-in>" else f"\nDefined in {spec.file}:{spec.line}")


def _example(marker: str, text: str) -> str:
    """A bullet; a multi-line example (a whole small document) keeps its lines, indented."""
    lines = text.rstrip("\n").splitlines() or [""]
    return "\n".join([f"  {marker} {lines[0]}"] + [f"    {line}" for line in lines[1:]])


def _first_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 70 else line[:67] + "..."
