"""Orchestrate one lint run: discover -> read -> parse and lint each document -> compare across
files -> findings in a stable order. I/O happens here, not in the analysis."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, BinaryIO, Callable, Iterable, NamedTuple, Sequence

from copylint.pipeline.deadline import FileTimeout, file_timeout, limited
from copylint.pipeline.engine import DocumentResult, RunResult, iter_across, lint_document
from copylint.pipeline.filters.chrome import OncePerRun
from copylint.pipeline.filters.suppressions import Directive, parse_directives
from copylint.kinds.base import RuleKind
from copylint.core.models import Document, Finding, HtmlOptions, InputError, Source
from copylint.parsers import parse
from copylint.pipeline.sources.discover import Candidate, discover, format_for
from copylint.pipeline.sources.reading import read_source
from copylint.pipeline.spill import FindingStore


@dataclass
class RunOptions:
    paths: Sequence[str]
    exclude: Sequence[str] = ()
    stdin_filename: str | None = None
    stdin: BinaryIO | None = None
    jobs: int = 1
    on_result: Callable[[DocumentResult], None] | None = None  # progress, per-document filters
    force_exclude: bool = True
    exclude_root: str | None = None  # exclude globs are relative to this folder (the config's)
    on_start: Callable[[int], None] | None = None  # called with the number of files to lint
    stdin_source: Source | None = None  # standard input as read, kept for reporters that show the text
    html: HtmlOptions | None = None  # how HTML page regions are read (the configuration's `html:`)
    candidates: Sequence[Candidate] | None = None  # already discovered: `paths` are not walked again
    worker_setup: Callable[[], None] | None = None  # first call in a spawned worker (LintOptions.worker_setup)


@dataclass
class RunOutcome(RunResult):
    """A run's findings plus what the filters need: each file's suppression directives and the
    list of files linted."""

    directives: dict[str, list[Directive]] = field(default_factory=dict)
    paths: list[str] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)  # path -> text_digest of what was linted
    notes: list[str] = field(default_factory=list)  # said on stderr, not errors (files skipped on purpose)


def text_digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def read_candidate(candidate: Candidate, options: RunOptions) -> Source | InputError:
    if candidate.missing:
        return InputError(candidate.path, "no such file or directory")
    if candidate.refused:
        return InputError(candidate.path, candidate.refused)
    if candidate.path == "-":
        name = options.stdin_filename or "-"
        source = read_source("-", format_for(name), stdin=options.stdin, display_path=name)
        if isinstance(source, Source):
            options.stdin_source = source
        return source
    return read_source(candidate.path, candidate.format)


def load_document(candidate: Candidate, options: RunOptions) -> Document | InputError:
    """Read and parse one file: the Document every rule (and the html reporter) works from."""
    source = read_candidate(candidate, options)
    return source if isinstance(source, InputError) else parse(source, options.html)


def document_loader(options: RunOptions) -> Callable[[str], Document | InputError]:
    """Re-read a linted file by its reported path (standard input from the copy kept when it
    was read), for reporters that render the documents themselves."""

    def load(path: str) -> Document | InputError:
        kept = options.stdin_source
        if kept is not None and path == kept.path:
            return parse(kept, options.html)
        return load_document(Candidate(path, format_for(path)), options)

    return load


def lint_candidate(candidate: Candidate, rules: Sequence[RuleKind], options: RunOptions) -> DocumentResult:
    """Read and lint one file; read errors (and any internal failure) come back inside the
    result, never raised, so one bad file never stops the run. A file that takes longer than
    the per-file limit is given up with a named error."""
    limit = file_timeout()
    try:
        with limited(limit):
            return _lint_one(candidate, rules, options)
    except FileTimeout:
        return DocumentResult(candidate.path, errors=[InputError(
            candidate.path, f"took over {limit:g} CPU seconds to lint (COPYLINT_FILE_TIMEOUT); skipped")])
    except Exception as exc:  # noqa: BLE001 - reported as an input error, the run goes on
        return DocumentResult(candidate.path, errors=[InputError(candidate.path, f"internal error: {type(exc).__name__}: {exc}")])


def _lint_one(candidate: Candidate, rules: Sequence[RuleKind], options: RunOptions) -> DocumentResult:
    doc = load_document(candidate, options)
    if isinstance(doc, InputError) and candidate.refused and not candidate.named:
        return DocumentResult(doc.path, notes=[f"{doc.path}: note: {doc.message}"])
    if isinstance(doc, InputError):
        return DocumentResult(doc.path, errors=[doc])
    result = lint_document(doc, rules)
    result.directives = parse_directives(doc.comments, doc.source.text, result.path, doc.lines)  # usually none
    result.digest = text_digest(doc.source.text)
    return result


class Prints(NamedTuple):
    """What the cross-file pass keeps of a file: its fingerprints."""

    path: str
    fingerprints: dict[str, Any]


@dataclass
class Collected:
    """One run's per-document results as they arrived, kept compact: the findings in a store
    that moves to disk when large, and only what must wait for every file (the cross-file
    fingerprints, each file's suppression directives, the pages carrying each site-chrome
    finding). `findings_of(path)` then gives a file's findings as `run` reports them."""

    store: FindingStore
    outcome: RunOutcome
    options: RunOptions
    cross: FindingStore = field(default_factory=FindingStore)  # cross-file findings, by path
    chrome: OncePerRun = field(default_factory=OncePerRun)

    def ordered_paths(self) -> list[str]:
        """Every path with findings or suppression directives (their own findings), in report order."""
        return sorted({*self.store.paths(), *self.cross.paths(), *self.outcome.directives})

    def findings_of(self, path: str) -> list[Finding]:
        """The file's findings and the cross-file ones about it, a repeated chrome finding kept
        only in the first page that has it (filters.chrome.OncePerRun), in source order."""
        found = [*self.store.take(path), *exact_excerpts(path, self.cross.take(path), self.outcome.digests, self.options)]
        found = [f for f in found if self.chrome.keeps(f)]
        found.sort(key=Finding.sort_key)
        return found


def collect(rules: Sequence[RuleKind], options: RunOptions, store: FindingStore | None = None) -> Collected:
    """Lint every candidate of `options` with the compiled `rules` (which carry their settings),
    keeping each file's findings in `store` as its result arrives, then compare across files."""
    candidates = list(options.candidates) if options.candidates is not None else list(
        discover(options.paths, options.exclude, options.force_exclude, options.exclude_root))
    if options.on_start is not None:
        options.on_start(len(candidates))
    outcome = RunOutcome()
    collected = Collected(store if store is not None else FindingStore(), outcome, options)
    prints: list[Prints] = []  # the cross-file state
    for result in _lint_all(candidates, rules, options, outcome.notes):
        if options.on_result is not None:
            options.on_result(result)
        outcome.errors.extend(result.errors)
        outcome.notes.extend(result.notes)
        if (result.errors or result.notes) and not result.findings and not result.size:
            continue
        outcome.files += 1
        outcome.bytes += result.size
        outcome.paths.append(result.path)
        outcome.digests[result.path] = result.digest
        if result.directives:
            outcome.directives[result.path] = result.directives
        collected.chrome.note(result.findings)
        collected.store.add(result.path, result.findings)
        if result.fingerprints:
            prints.append(Prints(result.path, result.fingerprints))
    batch: dict[str, list[Finding]] = {}
    for n, f in enumerate(iter_across(prints, rules), 1):  # kept a batch at a time: there may be many
        batch.setdefault(f.path, []).append(f)
        if n % CROSS_BATCH == 0:
            _keep(collected.cross, batch)
    _keep(collected.cross, batch)
    return collected


CROSS_BATCH = 2_000  # cross-file findings gathered before they go to their store


def _keep(store: FindingStore, batch: dict[str, list[Finding]]) -> None:
    for path, found in batch.items():
        store.add(path, found)
    batch.clear()


def run(rules: Sequence[RuleKind], options: RunOptions) -> RunOutcome:
    """Lint every candidate of `options` with the compiled `rules` (which carry their settings):
    every finding in memory, in a stable order."""
    collected = collect(rules, options, FindingStore(limit=float("inf")))
    outcome = collected.outcome
    outcome.findings = [f for path in collected.ordered_paths() for f in collected.findings_of(path)]
    return outcome


def exact_excerpts(path: str, findings: list[Finding], digests: dict[str, str], options: RunOptions) -> list[Finding]:
    """Cross-file findings of `path` carry a summary excerpt (the comparison keeps only
    fingerprints): cut the exact source text instead, re-reading the file, if it is still the
    text that was linted (same digest)."""
    if not findings or path == "-" or path == options.stdin_filename:
        return findings
    source = read_source(path, format_for(path))
    if isinstance(source, InputError) or text_digest(source.text) != digests.get(path):
        return findings
    for f in findings:
        f.excerpt = source.text[f.location.start_offset:f.location.end_offset]
    return findings


def for_workers(options: RunOptions) -> RunOptions:
    """What a worker process needs to read and lint a file: plain data only (no callbacks,
    streams or discovered candidates), so that it pickles under every start method. Callbacks
    run in the parent as results come back; standard input is never linted in a worker."""
    return RunOptions(paths=(), stdin_filename=options.stdin_filename, html=options.html)


def _lint_all(candidates: list[Candidate], rules, options, notes: list[str]) -> Iterable[DocumentResult]:
    if options.jobs != 1 and len(candidates) >= 8 and not any(c.path == "-" for c in candidates):
        from copylint.pipeline import parallel  # multiprocessing is only imported when it pays off

        jobs, note = parallel.worker_count(options.jobs, len(candidates))
        if note:
            notes.append(f"copylint: note: {note}")
        if jobs > 1:
            yield from parallel.lint_parallel(candidates, lint_candidate, rules, for_workers(options), jobs,
                                              setup=options.worker_setup)
            return
    for candidate in candidates:
        yield lint_candidate(candidate, rules, options)
