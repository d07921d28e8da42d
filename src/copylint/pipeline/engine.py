"""Run rules over documents. `lint_source` is the pure per-document pass (safe to run in worker
processes); cross-file kinds then compare the fingerprints it collected."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

from copylint.facts.context import Analysis
from copylint.pipeline.filters.chrome import tag_chrome
from copylint.pipeline.filters.same_claim import mark_blocks
from copylint.kinds.base import RuleKind
from copylint.core.models import Document, Finding, InputError, Source
from copylint.parsers import parse
from copylint.text.sentences import MAX_SENTENCE, mark_parts


@dataclass
class DocumentResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    fingerprints: dict[str, Any] = field(default_factory=dict)  # rule id -> kind-specific data
    errors: list[InputError] = field(default_factory=list)
    size: int = 0
    directives: list = field(default_factory=list)  # the document's copylint directives (filters.suppressions)
    digest: str = ""  # of the decoded text that was linted: --fix never writes a file that changed since
    notes: list[str] = field(default_factory=list)  # said on stderr without failing the run


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    files: int = 0
    bytes: int = 0


def lint_document(doc: Document, rules: Sequence[RuleKind]) -> DocumentResult:
    """Every rule over one parsed document (the rules carry the settings they were compiled with)."""
    ctx = Analysis(doc)
    result = DocumentResult(doc.path, size=len(doc.source.text))
    result.errors.extend(InputError(doc.path, problem) for problem in doc.problems)
    for rule in rules:
        try:
            result.findings.extend(rule.check(doc, ctx))
            if rule.cross_file:
                fp = rule.fingerprint(doc, ctx)
                if fp is not None:
                    result.fingerprints[rule.id] = fp
        except TimeoutError:  # a pathological regex: report it, keep every other rule's findings
            limit = getattr(rule.settings, "regex_timeout", None) or 0
            result.errors.append(InputError(doc.path, f"rule {rule.id} timed out (its regular expression ran over "
                                                      f"{limit:g} s on one block); its findings for this file are incomplete"))
        except Exception as exc:  # a broken rule must not lose the other findings
            result.errors.append(InputError(doc.path, f"rule {rule.id} failed: {type(exc).__name__}: {exc}"))
    long_sentences = mark_parts(doc, result.findings)
    if long_sentences:
        result.notes.append(f"{doc.path}: note: {long_sentences} sentence(s) over {MAX_SENTENCE:,} characters "
                            "without a sentence end were checked in parts")
    tag_chrome(doc, result.findings)
    if doc.source.format == "docx":
        from copylint.parsers.docx import name_headings

        name_headings(doc, result.findings)
    mark_blocks(doc, result.findings)
    result.findings.sort(key=Finding.sort_key)
    return result


def lint_source(source: Source, rules: Sequence[RuleKind]) -> DocumentResult:
    """Parse and lint one decoded source."""
    return lint_document(parse(source), rules)


def compare_across(results: Iterable, rules: Sequence[RuleKind]) -> list[Finding]:
    """Findings of cross-file kinds, from the fingerprints every document contributed (each of
    `results` has a `path` and `fingerprints`: DocumentResult, run.Prints)."""
    return list(iter_across(results, rules))


def iter_across(results: Iterable, rules: Sequence[RuleKind]) -> Iterator[Finding]:
    """compare_across one finding at a time."""
    cross = [r for r in rules if r.cross_file]
    if not cross:
        return
    collected: dict[str, list[tuple[str, Any]]] = {r.id: [] for r in cross}
    for result in results:
        for rule_id, fp in result.fingerprints.items():
            if rule_id in collected:
                collected[rule_id].append((result.path, fp))
    for rule in cross:
        yield from rule.iter_compare(sorted(collected[rule.id], key=lambda item: item[0]))
