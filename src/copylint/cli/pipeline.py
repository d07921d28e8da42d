"""What `copylint check` does, step by step: resolve the configuration, load and select rules,
run, filter (selection, suppressions, baseline, changed lines), then report and pick the exit code."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from copylint.cli.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail, load_rules
from copylint.config import Config, ConfigError, check_selectors, load_config, overlay, split_ids, with_flags
from copylint.filters import baseline as baseline_filter
from copylint.filters import suppressions
from copylint.filters.same_claim import fold_repeats, fold_same_claim
from copylint.filters.builtin_rules import BUILTIN_IDS
from copylint.filters.changed_lines import document_sentence_spans, keep_changed
from copylint.filters.selection import Selection, specificity
from copylint.kinds.base import Settings
from copylint.models import Finding, Severity
from copylint.ruleset.aliases import Aliases
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
    config: Sequence[str] | str | None = ()  # a file and/or KEY=VALUE overrides
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
    no_ignore: bool = False

    @property
    def config_args(self) -> list[str]:
        if not self.config:
            return []
        return [self.config] if isinstance(self.config, str) else list(self.config)


@dataclass
class Outcome:
    findings: list[Finding]
    errors: list = field(default_factory=list)
    files: int = 0
    paths: list[str] = field(default_factory=list)
    load_document: Callable | None = None  # path -> Document | InputError, for the html report
    specs: dict = field(default_factory=dict)  # rule id -> RuleSpec of every pack that ran
    thresholds: dict = field(default_factory=dict)  # id(finding) -> fail-on rank of its configuration
    digests: dict = field(default_factory=dict)  # path -> digest of the text linted (for --fix)
    notes: list[str] = field(default_factory=list)  # said on stderr (files skipped on purpose, workers capped)
    deprecated: dict[str, str] = field(default_factory=dict)  # former rule id used -> its note (once per id)
    renamed: dict[str, str] = field(default_factory=dict)  # former rule id -> current id, of every pack that ran

    @property
    def failing(self) -> bool:
        """A reported finding at or above its own configuration's fail-on."""
        return any(f.severity.rank >= self.thresholds.get(id(f), 99) for f in self.findings)


@dataclass
class Group:
    """Files that share one configuration (the nearest file above them), linted together."""

    config: Config
    candidates: list = field(default_factory=list)


class Resolver:
    """Each file's configuration: `--config FILE` (or `--no-config`) for all of them, else the
    nearest file above it (the one above the current folder for stdin and files with none),
    then `--config KEY=VALUE` overrides, then the flags."""

    def __init__(self, flags: CheckFlags) -> None:
        from copylint.config import ConfigFinder, is_override, parse_overrides

        self.flags = flags
        args = flags.config_args
        files = [a for a in args if not is_override(a)]
        if len(files) > 1:
            fail(f"--config names {len(files)} files ({', '.join(files)}); give one file and any KEY=VALUE overrides")
        self.finder = ConfigFinder()
        self._loaded: dict[Path | None, Config] = {}
        try:
            self.override_data, self.override = parse_overrides([a for a in args if is_override(a)], Path.cwd())
            self.fixed: Path | None = self._named(files[0]) if files else None
        except ConfigError as exc:
            fail(f"bad configuration: {exc}")

    @staticmethod
    def _named(name: str) -> Path:
        path = Path(name)
        if not path.is_file():
            raise ConfigError(name, 0, "configuration file not found")
        return path

    def path_for(self, candidate_path: str) -> Path | None:
        """The configuration file that applies to a file (None: defaults)."""
        if self.fixed is not None:
            return self.fixed
        if self.flags.no_config:
            return None
        if candidate_path == "-" or not os.path.exists(candidate_path):
            return self.finder.nearest(Path.cwd())
        return self.finder.nearest(Path(candidate_path).parent) or self.finder.nearest(Path.cwd())

    def config(self, path: Path | None) -> Config:
        if path not in self._loaded:
            try:
                base = load_config(path) if path is not None else Config()
            except ConfigError as exc:
                fail(f"bad configuration: {exc}")
            flags = self.flags
            self._loaded[path] = with_flags(
                overlay(base, self.override_data, self.override), select=split_ids(flags.select),
                extend_select=split_ids(flags.extend_select), ignore=split_ids(flags.ignore), rules=flags.rule_dirs,
                fail_on=flags.fail_on, as_of=flags.as_of, format=flags.fmt,
            )
        return self._loaded[path]

    def for_cwd(self) -> Config:
        return self.config(self.path_for("-"))


def resolve_config(flags: CheckFlags) -> Config:
    """The configuration that applies in the current folder, with the overrides and flags over it."""
    return Resolver(flags).for_cwd()


def settings_for(config: Config) -> Settings:
    settings = Settings(as_of=config.as_of, disclaimer_wordings=dict(config.disclaimers))
    if config.duplicate_threshold is not None:
        settings.duplicate_threshold = config.duplicate_threshold
    if config.duplicate_min_words is not None:
        settings.duplicate_min_words = config.duplicate_min_words
    return settings


def load(config: Config, flags: CheckFlags, deprecated: dict[str, str] | None = None):
    """Rule pack, the rules to run, the selection and the packs' former ids; unknown rule ids
    are errors (exit 2). A former id in the configuration selects its rule today, noted once
    in `deprecated`."""
    pack, rules, settings = load_rules([str(p) for p in config.rules], settings_for(config))
    known = [s.id for s in pack.specs]
    aliases = Aliases(dict(pack.aliases), frozenset(known), {} if deprecated is None else deprecated)
    try:
        check_selectors(config, known, {
            "--select": split_ids(flags.select), "--extend-select": split_ids(flags.extend_select),
            "--ignore": split_ids(flags.ignore),
        }, former=pack.aliases)
    except ConfigError as exc:
        fail(f"bad configuration: {exc}")
    config = with_current_ids(config, aliases)
    selection = Selection(config.select, config.extend_select, config.ignore, config.per_file_ignores,
                          config.severity, config.root)
    return pack, [r for r in rules if selection.enabled(r.id)], settings, selection, aliases


def with_current_ids(config: Config, aliases: Aliases) -> Config:
    """The configuration with every former rule id (or prefix of former ids) replaced by the
    current ids it stands for."""
    from dataclasses import replace

    def where(pattern: str) -> str:
        origin = config.origins.get(pattern)
        return f"{origin[0]}:{origin[1]}" if origin else "given as a flag"

    def expand(patterns):
        return [p for pattern in patterns for p in aliases.expand(pattern, where(pattern))]

    severity: dict[str, str] = {}
    for pattern, level in config.severity.items():
        for current in aliases.expand(pattern, where(pattern)):
            severity[current] = level
    return replace(
        config, select=None if config.select is None else expand(config.select),
        extend_select=expand(config.extend_select), ignore=expand(config.ignore), severity=severity,
        per_file_ignores={glob: expand(ids) for glob, ids in config.per_file_ignores.items()},
    )


def changed_files(flags: CheckFlags) -> dict | None:
    if flags.diff is None:
        return None
    from copylint.sources.git import GitError, changed_lines

    try:
        return changed_lines(flags.diff)
    except GitError as exc:
        fail(str(exc))


def paths_to_lint(flags: CheckFlags, changed: dict | None) -> list[str]:
    """The paths given; with none, `.` (ruff's default), or with --diff the changed files."""
    if flags.paths:
        return list(flags.paths)
    if changed is None:
        return ["."]
    cwd = Path.cwd()
    found = []
    for path in sorted(changed):
        if path.suffix.lower() in FORMAT_BY_SUFFIX and path.is_file():
            rel = os.path.relpath(path, cwd)
            found.append(rel if not rel.startswith("..") else str(path))
    return found


def plan(flags: CheckFlags, resolver: Resolver, paths: Sequence[str]) -> list[Group]:
    """Discover the files (leaving out .gitignore'd files, hidden folders and --exclude), group
    them by configuration, and drop those their configuration's `exclude` names."""
    from copylint.sources.discover import discover, is_excluded
    from copylint.sources.ignore import IgnoreRules

    ignore = IgnoreRules(enabled=not flags.no_ignore)
    groups: dict[Path | None, Group] = {}
    for candidate in discover(paths, flags.exclude, flags.force_exclude, str(Path.cwd()), ignore):
        where = resolver.path_for(candidate.path)
        group = groups.get(where) or groups.setdefault(where, Group(resolver.config(where)))
        config = group.config
        excluded = (
            config.exclude and not candidate.missing and candidate.path != "-"
            and (flags.force_exclude or not candidate.named)
            and is_excluded(candidate.path, config.exclude, str(config.root))
        )
        if not excluded:
            group.candidates.append(candidate)
    return [g for g in groups.values() if g.candidates]


def lint(flags: CheckFlags, groups: Sequence[Group], changed: dict | None, progress=None) -> Outcome:
    """Run each group's rules and filters, then the run-wide ones (baseline, changed lines)."""
    outcome = Outcome([])
    if progress is not None:
        progress.start(sum(len(g.candidates) for g in groups))
    for group in groups:
        _lint_group(flags, group, outcome, progress)
    if progress is not None:
        progress.finish()
    outcome.findings.sort(key=Finding.sort_key)
    if flags.write_baseline:
        try:
            baseline_filter.write(Path(flags.write_baseline), outcome.findings)
        except (OSError, baseline_filter.BaselineError) as exc:
            fail(f"cannot write baseline {flags.write_baseline}: {getattr(exc, 'strerror', None) or exc}")
    if flags.baseline:
        try:
            known = baseline_filter.read(Path(flags.baseline))
        except baseline_filter.BaselineError as exc:
            fail(str(exc))
        aliases = Aliases(outcome.renamed, noted=outcome.deprecated)
        outcome.findings = known.filter(outcome.findings, baseline_filter.root_of(Path(flags.baseline)), aliases.former_ids(),
                                        lambda old: aliases.note_baseline(old, f"in baseline {flags.baseline}"))
    if changed is not None:
        outcome.findings = keep_changed(outcome.findings, changed, document_sentence_spans)
    outcome.notes = [*outcome.deprecated.values(), *outcome.notes]
    return outcome


def refuse_clobbering(flags: CheckFlags, paths: Sequence[str], candidates) -> None:
    """Exit 2 before anything is linted or written when an output would overwrite an input."""
    from copylint.outputs import clash

    for flag, output in (("--output-file", flags.output_file), ("--write-baseline", flags.write_baseline)):
        problem = output and clash(output, candidates, paths, flags.exclude, str(Path.cwd()))
        if problem:
            fail(f"refusing to write {flag} {output}: {problem}; nothing was written")


def _lint_group(flags: CheckFlags, group: Group, outcome: Outcome, progress) -> None:
    from copylint.run import RunOptions, document_loader, run

    config = group.config
    pack, rules, settings, selection, aliases = load(config, flags, outcome.deprecated)
    options = RunOptions(paths=[c.path for c in group.candidates], candidates=group.candidates,
                         stdin_filename=flags.stdin_filename, jobs=flags.jobs, html=group.config.html)
    if progress is not None:
        options.on_result = progress.update
    result = run(rules, settings, options)
    findings = filter_findings(result.findings, result.directives, rules, selection, [s.id for s in pack.specs], aliases)
    threshold = config.fail_on or "warning"
    rank = 99 if threshold == "never" else Severity(threshold).rank
    outcome.thresholds.update({id(f): rank for f in findings})
    outcome.findings.extend(findings)
    outcome.errors.extend(result.errors)
    outcome.notes.extend(result.notes)
    outcome.files += result.files
    outcome.paths.extend(result.paths)
    outcome.digests.update(result.digests)
    outcome.specs.update({s.id: s for s in pack.specs})
    outcome.renamed.update(aliases.table)
    if outcome.load_document is None or any(c.path == "-" for c in group.candidates):
        outcome.load_document = document_loader(options)  # reads any file; stdin from its group


def output_format(flags: CheckFlags, resolver: Resolver, groups: Sequence[Group]) -> str:
    """--format, else the format every group's configuration agrees on, else the current folder's."""
    if flags.fmt:
        return flags.fmt
    chosen = {g.config.format for g in groups}
    if len(chosen) == 1 and None not in chosen:
        return chosen.pop()
    return resolver.for_cwd().format or "text"


def filter_findings(findings, directives, rules, selection: Selection, all_ids: Sequence[str],
                    aliases: Aliases | None = None) -> list[Finding]:
    """Selection and severity overrides, then inline suppressions (whose own findings go
    through the selection too, so they can be ignored or switched off). A suppression naming a
    former rule id suppresses the rule's findings under its current id."""
    ran = [r.id for r in rules if r.id not in BUILTIN_IDS]
    if aliases is not None and aliases.table:
        directives = {path: [_with_current_ids(d, aliases) for d in ds] for path, ds in directives.items()}

    def active(pattern: str, path: str) -> bool:
        return any(specificity(pattern, rid) >= 0 and selection.enabled_for(rid, path) for rid in ran)

    def known(pattern: str) -> bool:
        return any(specificity(pattern, rid) >= 0 for rid in all_ids)

    outcome = suppressions.apply(selection.apply(findings), directives, active=active, known=known)
    return sorted(fold_repeats(fold_same_claim(outcome.kept)) + selection.apply(outcome.meta), key=Finding.sort_key)


def _with_current_ids(directive, aliases: Aliases):
    from dataclasses import replace

    if not directive.ids:
        return directive
    where = f"in a suppression at {directive.location.path}:{directive.location.line}"
    return replace(directive, ids=tuple(aliases.expand_all(directive.ids, where)))


def report_root(fmt: str) -> str:
    """Paths in github, sarif and gitlab output are relative to the repository root (else the cwd)."""
    if fmt not in ("github", "sarif", "gitlab"):
        return "."
    from copylint.sources.git import GitError, repo_root

    try:
        return str(repo_root())
    except GitError:
        return "."


def emit(text: str | Iterable[str], output_file: str | None) -> None:
    """Write the report (a string, or pieces written as they are made) to a file or stdout."""
    from copylint.outputs import write_atomic

    pieces = [text] if isinstance(text, str) else text
    if output_file:
        try:
            write_atomic(output_file, pieces)
        except OSError as exc:
            fail(f"cannot write {output_file}: {exc.strerror or exc}")
        return
    try:
        sys.stdout.writelines(pieces)
        sys.stdout.flush()
    except OSError as exc:  # a full disk, a closed pipe: say so once, and drop what is buffered
        _silence_stdout()
        fail(f"cannot write standard output: {exc.strerror or exc}")


def _silence_stdout() -> None:
    """Point file descriptor 1 at the null device so the interpreter's final flush of what is
    still buffered cannot fail a second time (with a traceback) on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real descriptor (tests capture stdout)
        pass


def exit_code(outcome: Outcome, exit_zero: bool) -> int:
    """2 on any input error; 1 when a reported finding is at or above its file's fail-on."""
    if outcome.errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if outcome.failing else EXIT_OK
