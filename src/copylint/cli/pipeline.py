"""What `copylint check` does, step by step: resolve the configuration, load and select rules,
run, filter (selection, suppressions, baseline, changed lines), then report and pick the exit code."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from copylint.cli.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail, load_rules
from copylint.config import Config, ConfigError, check_selectors, find_config, load_config, split_ids, with_flags
from copylint.filters import baseline as baseline_filter
from copylint.filters import suppressions
from copylint.filters.builtin_rules import BUILTIN_IDS
from copylint.filters.changed_lines import keep_changed
from copylint.filters.selection import Selection, specificity
from copylint.kinds.base import Settings
from copylint.models import Finding, Severity
from copylint.sources.discover import FORMAT_BY_SUFFIX


@dataclass
class CheckFlags:
    """The options of `copylint check`, as parsed by click."""

    paths: Sequence[str] = ()
    fmt: str | None = None
    fail_on: str | None = None
    stdin_filename: str | None = None
    rule_dirs: Sequence[str] = ()
    as_of: object = None
    config: str | None = None
    no_config: bool = False
    select: Sequence[str] = ()
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    exclude: Sequence[str] = ()
    force_exclude: bool = True
    diff: str | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    output_file: str | None = None
    statistics: bool = False
    quiet: bool = False
    exit_zero: bool = False
    jobs: int = 0  # worker processes; 0 = one per core


@dataclass
class Outcome:
    findings: list[Finding]
    errors: list = field(default_factory=list)
    files: int = 0
    paths: list[str] = field(default_factory=list)
    load_document: Callable | None = None  # path -> Document | InputError, for the html report


def resolve_config(flags: CheckFlags) -> Config:
    """The config file (named, found by walking up, or none) with the flags over it."""
    try:
        if flags.config:
            path = Path(flags.config)
            if not path.is_file():
                raise ConfigError(flags.config, 0, "configuration file not found")
            config = load_config(path)
        elif flags.no_config:
            config = Config()
        else:
            found = find_config(Path.cwd())
            config = load_config(found) if found else Config()
    except ConfigError as exc:
        fail(f"bad configuration: {exc}")
    return with_flags(
        config, select=split_ids(flags.select), extend_select=split_ids(flags.extend_select),
        ignore=split_ids(flags.ignore), exclude=flags.exclude, rules=flags.rule_dirs,
        fail_on=flags.fail_on, as_of=flags.as_of, format=flags.fmt,
    )


def settings_for(config: Config) -> Settings:
    settings = Settings(as_of=config.as_of, disclaimer_wordings=dict(config.disclaimers))
    if config.duplicate_threshold is not None:
        settings.duplicate_threshold = config.duplicate_threshold
    if config.duplicate_min_words is not None:
        settings.duplicate_min_words = config.duplicate_min_words
    return settings


def load(config: Config, flags: CheckFlags):
    """Rule pack, the rules to run, and the selection; unknown rule ids are errors (exit 2)."""
    pack, rules, settings = load_rules([str(p) for p in config.rules], settings_for(config))
    known = [s.id for s in pack.specs]
    try:
        check_selectors(config, known, {
            "--select": split_ids(flags.select), "--extend-select": split_ids(flags.extend_select),
            "--ignore": split_ids(flags.ignore),
        })
    except ConfigError as exc:
        fail(f"bad configuration: {exc}")
    selection = Selection(config.select, config.extend_select, config.ignore, config.per_file_ignores,
                          config.severity, config.root)
    return pack, [r for r in rules if selection.enabled(r.id)], settings, selection


def changed_files(flags: CheckFlags) -> dict | None:
    if flags.diff is None:
        return None
    from copylint.sources.git import GitError, changed_lines

    try:
        return changed_lines(flags.diff)
    except GitError as exc:
        fail(str(exc))


def paths_to_lint(flags: CheckFlags, changed: dict | None) -> list[str]:
    if flags.paths:
        return list(flags.paths)
    if changed is None:
        fail("no paths given (try 'copylint check .' or --diff REF)")
    cwd = Path.cwd()
    found = []
    for path in sorted(changed):
        if path.suffix.lower() in FORMAT_BY_SUFFIX and path.is_file():
            rel = os.path.relpath(path, cwd)
            found.append(rel if not rel.startswith("..") else str(path))
    return found


def lint(flags: CheckFlags, config: Config, rules, settings, selection: Selection, pack, progress=None) -> Outcome:
    """Run the rules and every filter; returns the findings to report."""
    from copylint.run import RunOptions, document_loader, run

    changed = changed_files(flags)
    paths = paths_to_lint(flags, changed)
    options = RunOptions(paths=paths, exclude=config.exclude, stdin_filename=flags.stdin_filename,
                         force_exclude=flags.force_exclude, exclude_root=str(config.root), jobs=flags.jobs, html=config.html)
    if progress is not None:
        options.on_start, options.on_result = progress.start, progress.update
    result = run(rules, settings, options) if paths else None
    if progress is not None:
        progress.finish()
    if result is None:
        return Outcome([])
    findings = filter_findings(result.findings, result.directives, rules, selection, [s.id for s in pack.specs])
    if flags.write_baseline:
        baseline_filter.write(Path(flags.write_baseline), findings)
    if flags.baseline:
        try:
            known = baseline_filter.read(Path(flags.baseline))
        except baseline_filter.BaselineError as exc:
            fail(str(exc))
        findings = known.filter(findings, baseline_filter.root_of(Path(flags.baseline)))
    if changed is not None:
        findings = keep_changed(findings, changed)
    return Outcome(findings, result.errors, result.files, result.paths, document_loader(options))


def filter_findings(findings, directives, rules, selection: Selection, all_ids: Sequence[str]) -> list[Finding]:
    """Selection and severity overrides, then inline suppressions (whose own findings go
    through the selection too, so they can be ignored or switched off)."""
    ran = [r.id for r in rules if r.id not in BUILTIN_IDS]

    def active(pattern: str, path: str) -> bool:
        return any(specificity(pattern, rid) >= 0 and selection.enabled_for(rid, path) for rid in ran)

    def known(pattern: str) -> bool:
        return any(specificity(pattern, rid) >= 0 for rid in all_ids)

    outcome = suppressions.apply(selection.apply(findings), directives, active=active, known=known)
    return sorted(outcome.kept + selection.apply(outcome.meta), key=Finding.sort_key)


def report_root(fmt: str) -> str:
    """Paths in github and sarif output are relative to the repository root (else the cwd)."""
    if fmt not in ("github", "sarif"):
        return "."
    from copylint.sources.git import GitError, repo_root

    try:
        return str(repo_root())
    except GitError:
        return "."


def emit(text: str | Iterable[str], output_file: str | None) -> None:
    """Write the report (a string, or pieces written as they are made) to a file or stdout."""
    pieces = [text] if isinstance(text, str) else text
    if output_file:
        try:
            with open(output_file, "w", encoding="utf-8") as handle:
                handle.writelines(pieces)
        except OSError as exc:
            fail(f"cannot write {output_file}: {exc.strerror or exc}")
    else:
        sys.stdout.writelines(pieces)


def exit_code(outcome: Outcome, fail_on: str, exit_zero: bool) -> int:
    if outcome.errors:
        return EXIT_ERROR
    if exit_zero or fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in outcome.findings) else EXIT_OK
