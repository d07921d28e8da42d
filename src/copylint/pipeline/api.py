"""The library: `lint_text` and `lint_paths` lint copy as `copylint check` does (rule pack,
selection, inline suppressions, baseline, changed lines, exit decision); the CLI is a thin layer
over this module."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Mapping, Sequence

from copylint.core.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from copylint.config import Config, ConfigError, check_selectors, load_config, parse_config
from copylint.pipeline.filters import suppressions
from copylint.pipeline.filters.builtin_rules import BUILTIN_IDS
from copylint.pipeline.filters.same_claim import fold_repeats, fold_same_claim
from copylint.pipeline.filters.selection import Selection, specificity
from copylint.core.spec import Settings
from copylint.core.models import Finding, InputError, Severity
from copylint.ruleset.aliases import Aliases


class LintError(Exception):
    """A run that cannot start or finish: a bad configuration, rule file, baseline or diff base.
    The message is what `copylint check` prints (after `copylint: error: `) before exiting 2."""


@dataclass
class LintOptions:
    """How a run reads its inputs and filters its findings, beside each file's configuration.
    Callbacks run in the calling process only (never in worker processes)."""

    jobs: int = 1  # worker processes; 0 = one per core
    stdin_filename: str | None = None  # the name (and format) of standard input, `-`
    stdin: BinaryIO | None = None
    exclude: Sequence[str] = ()
    force_exclude: bool = True  # --exclude and the configuration's exclude apply to named files too
    ignore_files: bool = True  # leave out what .gitignore / .ignore name
    baseline: str | None = None  # report only findings not in this baseline file
    write_baseline: str | None = None  # record the findings (before any baseline) in this file
    diff: str | None = None  # a git ref: report only findings on lines changed since it
    changed: dict | None = None  # or what changed itself: absolute path -> FileChanges (None: a new file)
    flag_selectors: dict[str, list[str]] = field(default_factory=dict)  # "--select" -> ids, for errors
    on_start: Callable[[int], None] | None = None  # called with the number of files to lint
    on_result: Callable[[Any], None] | None = None  # called after each file
    on_finish: Callable[[], None] | None = None
    pack_loader: Callable | None = None  # dirs -> prepared RulePack; None reads the YAML (the CLI caches it)
    # Called first in each worker that does not inherit this process (spawn, forkserver), before
    # the rules arrive: a picklable function (the CLI's installs its caches there too).
    worker_setup: Callable[[], None] | None = None


@dataclass
class Group:
    """Files that share one configuration, linted together."""

    config: Config
    candidates: list = field(default_factory=list)


@dataclass
class Report:
    """What a run found: findings (filtered, in source order), files that could not be linted,
    and what the reporters and the exit decision need."""

    findings: Sequence[Finding] = field(default_factory=list)  # a list, or a FindingStore when large
    errors: list[InputError] = field(default_factory=list)
    files: int = 0
    paths: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # said on stderr (files skipped on purpose, deprecated ids)
    load_document: Callable | None = None  # path -> Document | InputError, for the html report
    specs: dict = field(default_factory=dict)  # rule id -> RuleSpec of every pack that ran
    failing: bool = False  # a reported finding is at or above its own configuration's fail-on
    digests: dict = field(default_factory=dict)  # path -> digest of the text linted (for --fix)
    deprecated: dict[str, str] = field(default_factory=dict)  # former rule id used -> its note (once per id)
    renamed: dict[str, str] = field(default_factory=dict)  # former rule id -> current id, of every pack that ran


    def exit_code(self, exit_zero: bool = False) -> int:
        """2 on any input error; 1 when a reported finding is at or above its file's fail-on."""
        if self.errors:
            return EXIT_ERROR
        if exit_zero:
            return EXIT_OK
        return EXIT_FINDINGS if self.failing else EXIT_OK


# -- the public entry points --------------------------------------------------------------------

def lint_text(text: str, *, path: str = "draft.md", config: Any = None) -> list[Finding]:
    """The findings for `text` as if it were the file `path` (whose suffix picks the format:
    .md, .html, .txt ...), with `config` (see `configuration`). Raises LintError when the
    configuration or a rule file is bad, or the text cannot be linted."""
    options = LintOptions(stdin_filename=path, stdin=io.BytesIO(text.encode("utf-8", "surrogatepass")))
    report = lint_paths(["-"], config=config, options=options)
    if report.errors:
        raise LintError("; ".join(str(e) for e in report.errors))
    return list(report.findings)


def lint_paths(paths: Iterable[str | os.PathLike], *, config: Any = None, options: LintOptions | None = None) -> Report:
    """Lint files and folders (folders are walked as `copylint check` walks them; `-` is
    standard input) with one configuration for all. Files that cannot be read are errors in
    the report, never exceptions; LintError is raised only when the run cannot start."""
    options = options or LintOptions()
    chosen = configuration(config)
    names = [os.fspath(p) for p in paths]
    groups = plan(names, lambda _path: chosen, options)
    refuse_clobbering(options.write_baseline, "write_baseline", names, [c for g in groups for c in g.candidates], options)
    return lint_groups(groups, options)


def configuration(config: Any = None) -> Config:
    """A Config from what a caller has: None (every rule, defaults), a Config, a mapping with the
    keys of `.copylint.yaml`, or the path of a `.copylint.yaml` / `pyproject.toml`."""
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    try:
        if isinstance(config, Mapping):
            return parse_config(dict(config), "<config>", base=Path.cwd())
        return load_config(Path(config))
    except ConfigError as exc:
        raise LintError(f"bad configuration: {exc}") from None


# -- the run, step by step ----------------------------------------------------------------------

def settings_for(config: Config) -> Settings:
    settings = Settings(as_of=config.as_of, disclaimer_wordings=dict(config.disclaimers))
    if config.duplicate_threshold is not None:
        settings.duplicate_threshold = config.duplicate_threshold
    if config.duplicate_min_words is not None:
        settings.duplicate_min_words = config.duplicate_min_words
    return settings


def load_rules(extra_dirs: Sequence[str] = (), settings: Settings | None = None, *, default_pack: bool = True,
               pack_loader: Callable | None = None):
    """Load and compile the pack (plus extra directories) with `pack_loader(dirs)` (default:
    read the YAML; the CLI passes its disk cache); a bad rule file is a LintError citing its
    file:line. The returned pack also lists copylint's built-in suppression rules."""
    from copylint.pipeline.filters.builtin_rules import BUILTIN_SPECS
    from copylint.ruleset.loader import compile_rules, default_pack_dir, load_prepared, pack_settings
    from copylint.ruleset.schema import RuleError

    dirs = ([default_pack_dir()] if default_pack else []) + [Path(d) for d in extra_dirs]
    settings = settings or Settings()
    try:
        pack = (pack_loader or load_prepared)(dirs)
        settings = pack_settings(pack, settings)
        compiled = compile_rules(pack, settings)
    except RuleError as exc:
        raise LintError(f"bad rule file: {exc}") from None
    clash = [s for s in pack.specs if s.id in {b.id for b in BUILTIN_SPECS}]
    if clash:
        raise LintError(f"bad rule file: {clash[0].file}:{clash[0].line}: rule id {clash[0].id!r} is reserved for copylint itself")
    return replace(pack, specs=[*pack.specs, *BUILTIN_SPECS]), compiled, settings


@dataclass
class Loaded:
    """One configuration's rules, ready to run."""

    pack: Any
    rules: list  # compiled, each with the settings of its configuration
    selection: Selection
    aliases: Aliases


def load(config: Config, flag_selectors: Mapping[str, list[str]] | None = None,
         deprecated: dict[str, str] | None = None, pack_loader: Callable | None = None) -> Loaded:
    """Rule pack, the rules to run, the selection and the packs' former ids; a selector that
    names no rule is a LintError. A former id in the configuration selects its rule today,
    noted once in `deprecated`."""
    pack, rules, _ = load_rules([str(p) for p in config.rules], settings_for(config), pack_loader=pack_loader)
    known = [s.id for s in pack.specs]
    aliases = Aliases(dict(pack.aliases), frozenset(known), {} if deprecated is None else deprecated)
    try:
        check_selectors(config, known, dict(flag_selectors or {}), former=pack.aliases)
    except ConfigError as exc:
        raise LintError(f"bad configuration: {exc}") from None
    config = with_current_ids(config, aliases)
    selection = Selection(config.select, config.extend_select, config.ignore, config.per_file_ignores,
                          config.severity, config.root)
    return Loaded(pack, [r for r in rules if selection.enabled(r.id)], selection, aliases)


def with_current_ids(config: Config, aliases: Aliases) -> Config:
    """The configuration with every former rule id (or prefix of former ids) replaced by the
    current ids it stands for."""

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


def changed_lines(options: LintOptions) -> dict | None:
    """The lines changed since `options.diff` (or `options.changed` as given), None for all."""
    if options.changed is not None or options.diff is None:
        return options.changed
    from copylint.pipeline.sources.git import GitError, changed_lines as git_changed_lines

    try:
        return git_changed_lines(options.diff)
    except GitError as exc:
        raise LintError(str(exc)) from None


def paths_to_lint(paths: Sequence[str], changed: dict | None) -> list[str]:
    """The paths given; with none, `.` (ruff's default), or with a diff the changed files."""
    from copylint.pipeline.sources.discover import FORMAT_BY_SUFFIX

    if paths:
        return list(paths)
    if changed is None:
        return ["."]
    cwd = Path.cwd()
    found = []
    for path in sorted(changed):
        if path.suffix.lower() in FORMAT_BY_SUFFIX and path.is_file():
            rel = os.path.relpath(path, cwd)
            found.append(rel if not rel.startswith("..") else str(path))
    return found


def plan(paths: Sequence[str], config_for: Callable[[str], Config], options: LintOptions) -> list[Group]:
    """Discover the files (leaving out ignored files, hidden folders and excluded paths), group
    them by configuration (`config_for(path)`; the same object for one group), and drop those
    their configuration's `exclude` names."""
    from copylint.pipeline.sources.discover import discover, is_excluded
    from copylint.pipeline.sources.ignore import IgnoreRules

    ignore = IgnoreRules(enabled=options.ignore_files)
    groups: dict[int, Group] = {}
    for candidate in discover(paths, options.exclude, options.force_exclude, str(Path.cwd()), ignore):
        config = config_for(candidate.path)
        group = groups.setdefault(id(config), Group(config))
        excluded = (
            config.exclude and not candidate.missing and candidate.path != "-"
            and (options.force_exclude or not candidate.named)
            and is_excluded(candidate.path, config.exclude, str(config.root))
        )
        if not excluded:
            group.candidates.append(candidate)
    return [g for g in groups.values() if g.candidates]


def refuse_clobbering(output: str | None, flag: str, paths: Sequence[str], candidates, options: LintOptions) -> None:
    """LintError before anything is linted or written when `output` would overwrite an input."""
    from copylint.pipeline.outputs import clash

    problem = output and clash(output, candidates, paths, options.exclude, str(Path.cwd()))
    if problem:
        raise LintError(f"refusing to write {flag} {output}: {problem}; nothing was written")


def lint_groups(groups: Sequence[Group], options: LintOptions, changed: dict | None = None) -> Report:
    """Run each group's rules, then every file's filters (its group's selection, suppressions and
    folding, then the run-wide baseline and changed lines), a file at a time in report order.
    A large run's findings wait on disk between the two steps (pipeline.spill), so its memory
    does not grow with the number of findings."""
    from copylint.pipeline.spill import FindingStore

    report = Report()
    changed = changed if changed is not None else changed_lines(options)
    if options.on_start is not None:
        options.on_start(sum(len(g.candidates) for g in groups))
    runs = [_lint_group(group, options, report) for group in groups]
    if options.on_finish is not None:
        options.on_finish()
    final = FindingStore()
    steps = _RunWideFilters(options, changed, report)
    for path, group_run in sorted((path, r) for r in runs for path in r.collected.ordered_paths()):
        findings = steps.apply(group_run.filter(path))
        report.failing = report.failing or group_run.fails(findings)
        final.add(path, findings)
    steps.finish()
    report.findings = final.findings()
    report.notes = [*report.deprecated.values(), *report.notes]
    return report


class _RunWideFilters:
    """The filters after each group's own, a file at a time: the baseline written (from every
    finding before the baseline applies), the baseline applied, the lines changed."""

    def __init__(self, options: LintOptions, changed: dict | None, report: Report) -> None:
        # Each filter's module is imported only when the run uses it (a draft uses none).
        self.options = options
        self.to_record: list[Finding] | None = [] if options.write_baseline else None
        self.baseline = None
        if options.baseline:
            from copylint.pipeline.filters import baseline as baseline_filter

            try:
                self.baseline = baseline_filter.read(Path(options.baseline)).matcher(
                    baseline_filter.root_of(Path(options.baseline)))
            except baseline_filter.BaselineError as exc:
                raise LintError(str(exc)) from None
            aliases = Aliases(report.renamed, noted=report.deprecated)
            self.former = aliases.former_ids()
            self.on_former = lambda old: aliases.note_baseline(old, f"in baseline {options.baseline}")
        self.changed = None
        if changed is not None:
            from copylint.pipeline.filters.changed_lines import normalise

            self.changed = normalise(changed)

    def apply(self, findings: list[Finding]) -> list[Finding]:
        if self.to_record is not None:
            self.to_record.extend(findings)
        if self.baseline is not None:
            findings = self.baseline.new(findings, self.former, self.on_former)
        if self.changed is not None:
            from copylint.pipeline.filters.changed_lines import document_sentence_spans, keep_changed_in

            findings = keep_changed_in(findings, self.changed, document_sentence_spans)
        return findings

    def finish(self) -> None:
        if self.to_record is None:
            return
        from copylint.pipeline.filters import baseline as baseline_filter

        try:
            baseline_filter.write(Path(self.options.write_baseline), self.to_record)
        except (OSError, baseline_filter.BaselineError) as exc:
            raise LintError(f"cannot write baseline {self.options.write_baseline}: "
                            f"{getattr(exc, 'strerror', None) or exc}") from None


@dataclass
class _GroupRun:
    """One group's collected results and what its files' filters need."""

    collected: Any  # run.Collected
    loaded: Loaded
    rank: int  # the fail-on severity rank of the group's configuration

    def filter(self, path: str) -> list[Finding]:
        directives = self.collected.outcome.directives
        own = {path: directives[path]} if path in directives else {}
        return filter_findings(self.collected.findings_of(path), own, self.loaded.rules, self.loaded.selection,
                               [s.id for s in self.loaded.pack.specs], self.loaded.aliases)

    def fails(self, findings: Sequence[Finding]) -> bool:
        return any(f.severity.rank >= self.rank for f in findings)


def _lint_group(group: Group, options: LintOptions, report: Report) -> _GroupRun:
    from copylint.pipeline.run import RunOptions, collect, document_loader

    config = group.config
    loaded = load(config, options.flag_selectors, report.deprecated, options.pack_loader)
    run_options = RunOptions(paths=[c.path for c in group.candidates], candidates=group.candidates,
                             stdin_filename=options.stdin_filename, stdin=options.stdin, jobs=options.jobs,
                             html=config.html, on_result=options.on_result, worker_setup=options.worker_setup)
    collected = collect(loaded.rules, run_options)
    result = collected.outcome
    threshold = config.fail_on or "warning"
    rank = 99 if threshold == "never" else Severity(threshold).rank
    report.errors.extend(result.errors)
    report.notes.extend(result.notes)
    report.files += result.files
    report.paths.extend(result.paths)
    report.digests.update(result.digests)
    report.specs.update({s.id: s for s in loaded.pack.specs})
    report.renamed.update(loaded.aliases.table)
    if report.load_document is None or any(c.path == "-" for c in group.candidates):
        report.load_document = document_loader(run_options)  # reads any file; stdin from its group
    return _GroupRun(collected, loaded, rank)


def filter_findings(findings, directives, rules, selection: Selection, all_ids: Sequence[str],
                    aliases: Aliases | None = None) -> list[Finding]:
    """Selection and severity overrides, then inline suppressions (whose own findings go
    through the selection too, so they can be ignored or switched off), then one finding per
    claim and per repeated block. A suppression naming a former rule id suppresses the rule's
    findings under its current id."""
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
    if not directive.ids:
        return directive
    where = f"in a suppression at {directive.location.path}:{directive.location.line}"
    return replace(directive, ids=tuple(aliases.expand_all(directive.ids, where)))
