"""`copylint rules` lists the rules; `copylint rule ID` explains one (what, why, source, examples)."""

from __future__ import annotations

import difflib
import json
import textwrap

import click

from copylint.cli.common import fail, load_rules


@click.command("rules")
@click.option("--format", "fmt", default="text", type=click.Choice(["text", "json"]), show_default=True)
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(), help="Extra rule directory or file.")
def rules_command(fmt, rule_dirs):
    """List every rule: id, category, severity and what it reports."""
    from copylint.ruleset.describe import describe as plain

    pack, _, _ = load_rules(rule_dirs)
    specs = sorted(pack.specs, key=lambda s: s.id)
    if fmt == "json":
        click.echo(json.dumps([
            {"id": s.id, "kind": s.kind, "category": s.category, "severity": s.severity.value,
             "summary": plain(s).title, "message": s.message}
            for s in specs
        ], indent=2))
        return
    width = max((len(s.id) for s in specs), default=10)
    for s in specs:
        click.echo(f"{s.id:<{width}}  {s.category:<12} {s.severity.value:<8} {_first_line(plain(s).title)}")
    click.echo(f"\n{len(specs)} rules.")


@click.command("rule")
@click.argument("rule_id", required=False)
@click.option("--all", "show_all", is_flag=True, help="Explain every rule.")
@click.option("--format", "fmt", default="text", type=click.Choice(["text", "json"]), show_default=True)
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(), help="Extra rule directory or file.")
@click.option("--docs", "docs_dir", default=None, type=click.Path(file_okay=False),
              help="Write a Markdown page per rule and an index into this folder (docs/rules).")
def rule_command(rule_id, show_all, fmt, rule_dirs, docs_dir):
    """Explain one rule (the id in any case): what it reports, why, its source, and examples.

    \b
    Examples:
      copylint rule efficacy.cure
      copylint rule efficacy.cure --format json
      copylint rule --all
      copylint rule --docs docs/rules
    """
    if docs_dir is not None:
        _write_docs(docs_dir, rule_dirs, rule_id or show_all)
        return
    if bool(rule_id) == show_all:
        fail("give one rule id, or --all (see 'copylint rules' for the ids)")
    pack, _, _ = load_rules(rule_dirs)
    specs = sorted(pack.specs, key=lambda s: s.id) if show_all else [find_rule(pack.specs, rule_id, pack.aliases)]
    if fmt == "json":
        data = [describe(s) for s in specs]
        click.echo(json.dumps(data if show_all else data[0], indent=2, ensure_ascii=False))
        return
    click.echo(("\n" + "-" * 88 + "\n\n").join(explain(s) for s in specs), nl=False)


def _write_docs(directory: str, rule_dirs, extra_arguments) -> None:
    from pathlib import Path

    from copylint.ruleset.docs import write_docs

    if extra_arguments:
        fail("--docs writes every rule's page; give no rule id and no --all with it")
    pack, _, _ = load_rules(rule_dirs)
    written, removed = write_docs(pack.specs, Path(directory))
    click.echo(f"{directory}: {len(written)} page(s) written, {len(removed)} removed ({len(pack.specs)} rules).")


def find_rule(specs, rule_id: str, aliases: dict[str, str] | None = None):
    """The spec whose id is `rule_id` in any case (a former id names its rule today, with a
    deprecation note), or exit 2 with the ids it may mean: a bare word ("cure") names the rules
    with that word as a segment of their id."""
    from copylint.ruleset.aliases import Aliases

    wanted = rule_id.strip().lower()
    if aliases and wanted in aliases:
        renamed = Aliases(aliases)
        wanted = renamed.expand(wanted)[0]
        click.echo(renamed.notes[0], err=True)
    for spec in specs:
        if spec.id.lower() == wanted:
            return spec
    ids = sorted(s.id for s in specs)
    segments = {i: set(i.lower().replace("-", ".").split(".")) | set(i.lower().split(".")) for i in ids}
    close = [i for i in ids if wanted in segments[i]] or [i for i in ids if wanted in i.lower()]
    if not close:  # a typo: of a whole id, or of one of its words
        words = difflib.get_close_matches(wanted, sorted(set().union(*segments.values())), 2, 0.75)
        close = [i for i in ids if segments[i] & set(words)] or difflib.get_close_matches(wanted, ids, 3, 0.6)
    hint = f" (did you mean: {', '.join(close[:5])}?)" if close else " (see 'copylint rules' for the ids)"
    fail(f"unknown rule {rule_id!r}{hint}")


def describe(spec) -> dict:
    """A rule as JSON: what `copylint rule ID` prints, field by field, with its title and page."""
    from copylint.ruleset import describe as plain
    from copylint.ruleset.docs import help_uri

    return {
        "id": spec.id, "summary": plain.describe(spec).title, "docs": help_uri(spec),
        "kind": spec.kind, "category": spec.category, "severity": spec.severity.value,
        "message": spec.message, "why": spec.why, "source": spec.source, "suggest": spec.suggest,
        "examples": {"bad": list(spec.examples.bad), "good": list(spec.examples.good)},
        "defined_in": "<built-in>" if spec.file == "<built-in>" else f"{spec.file}:{spec.line}",
    }


def explain(spec) -> str:
    """The text of `copylint rule ID` for one rule."""
    from copylint.ruleset.describe import PER_FINDING, describe as plain, suggestion

    wrap = lambda text: textwrap.fill(text, 88, initial_indent="  ", subsequent_indent="  ")  # noqa: E731
    out = [f"{spec.id}  ({spec.category}, {spec.severity.value}, kind {spec.kind})\n",
           "What it reports:\n" + wrap(plain(spec).text) + "\n",
           "Why it matters:\n" + wrap(spec.why) + "\n",
           "Source:\n" + wrap(spec.source) + "\n"]
    if spec.suggest:
        fix = suggestion(spec) or PER_FINDING
        out.append("Suggested fix:\n" + wrap(fix) + "\n")
    out.append("Examples that are reported:")
    out += [_example("-", example) for example in spec.examples.bad]
    out.append("\nExamples that are not reported:")
    out += [_example("+", example) for example in spec.examples.good]
    out.append("\nBuilt into copylint (see docs/configuration.md)" if spec.file == "<built-in>" else f"\nDefined in {spec.file}:{spec.line}")
    return "\n".join(out) + "\n"


def _example(marker: str, text: str) -> str:
    """A bullet; a multi-line example (a whole small document) keeps its lines, indented."""
    lines = text.rstrip("\n").splitlines() or [""]
    return "\n".join([f"  {marker} {lines[0]}"] + [f"    {line}" for line in lines[1:]])


def _first_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 70 else line[:67] + "..."
