"""What `copylint check` adds to the library (copylint.pipeline.api): flags, each file's nearest
configuration, the progress bar, writing the report, and exiting 2 when a run cannot start."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from copylint.pipeline import api
from copylint.cli.common import cached_pack_loader, fail
from copylint.config import Config, ConfigError, load_config, overlay, split_ids, with_flags


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


def options_for(flags: CheckFlags, progress=None) -> api.LintOptions:
    """The library's run options from the flags; the progress bar's callbacks stay here."""
    return api.LintOptions(
        jobs=flags.jobs, stdin_filename=flags.stdin_filename, exclude=flags.exclude,
        force_exclude=flags.force_exclude, ignore_files=not flags.no_ignore, baseline=flags.baseline,
        write_baseline=flags.write_baseline, diff=flags.diff,
        flag_selectors={"--select": split_ids(flags.select), "--extend-select": split_ids(flags.extend_select),
                        "--ignore": split_ids(flags.ignore)},
        on_start=progress.start if progress is not None else None,
        on_result=progress.update if progress is not None else None,
        on_finish=progress.finish if progress is not None else None,
        pack_loader=cached_pack_loader(), worker_setup=worker_setup,
    )


def worker_setup() -> None:
    """What a spawned worker does first: serve the rules' patterns and derived values from the
    user cache, as this process does (copylint.cli.cache)."""
    from copylint.cli import cache

    cache.install()


def changed_files(flags: CheckFlags) -> dict | None:
    try:
        return api.changed_lines(options_for(flags))
    except api.LintError as exc:
        fail(str(exc))


def paths_to_lint(flags: CheckFlags, changed: dict | None) -> list[str]:
    """The paths given; with none, `.` (ruff's default), or with --diff the changed files."""
    return api.paths_to_lint(flags.paths, changed)


def plan(flags: CheckFlags, resolver: Resolver, paths: Sequence[str]) -> list[api.Group]:
    """The files to lint, grouped by the configuration each one uses (the nearest file)."""
    return api.plan(paths, lambda path: resolver.config(resolver.path_for(path)), options_for(flags))


def lint(flags: CheckFlags, groups: Sequence[api.Group], changed: dict | None, progress=None) -> api.Report:
    """The library's run over the planned groups; a run that cannot start exits 2."""
    try:
        return api.lint_groups(groups, options_for(flags, progress), changed)
    except api.LintError as exc:
        fail(str(exc))


def refuse_clobbering(flags: CheckFlags, paths: Sequence[str], candidates) -> None:
    """Exit 2 before anything is linted or written when an output would overwrite an input."""
    options = options_for(flags)
    try:
        for flag, output in (("--output-file", flags.output_file), ("--write-baseline", flags.write_baseline)):
            api.refuse_clobbering(output, flag, paths, candidates, options)
    except api.LintError as exc:
        fail(str(exc))


def output_format(flags: CheckFlags, resolver: Resolver, groups: Sequence[api.Group]) -> str:
    """--format, else the format every group's configuration agrees on, else the current folder's."""
    if flags.fmt:
        return flags.fmt
    chosen = {g.config.format for g in groups}
    if len(chosen) == 1 and None not in chosen:
        return chosen.pop()
    return resolver.for_cwd().format or "text"


def report_root(fmt: str) -> str:
    """Paths in github, sarif and gitlab output are relative to the repository root (else the cwd)."""
    if fmt not in ("github", "sarif", "gitlab"):
        return "."
    from copylint.pipeline.sources.git import GitError, repo_root

    try:
        return str(repo_root())
    except GitError:
        return "."


def emit(text: str | Iterable[str], output_file: str | None) -> None:
    """Write the report (a string, or pieces written as they are made) to a file or stdout."""
    pieces = [text] if isinstance(text, str) else text
    if output_file:
        from copylint.pipeline.outputs import write_atomic

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
