"""The `duplicate` kind: a block or run of blocks repeated within a page (reported once, at the
second copy, naming every other copy) or shared with another file of the run (reported once, in
the later file by path)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

from copylint.facts.context import Analysis
from copylint.kinds.fingerprints import (BlockPrint, ClusterStats, FlatPrints, PackedPrints, Run, block_prints, cluster,
                                         cross_repeats, self_repeats)
from copylint.kinds.base import Option, RuleKind, RuleSpec, Settings, render
from copylint.core.models import Document, Finding, Location
from copylint.core import validators as v


@dataclass(frozen=True)
class DocPrints:
    """The per-document fingerprint kept for the cross-file pass."""

    blocks: Sequence[BlockPrint]  # a PackedPrints once kept for the cross-file pass


def _size(length: int) -> str:
    return "block" if length == 1 else f"{length}-block section"


def _lines(prints: Sequence[BlockPrint], start: int, length: int) -> str:
    first, last = prints[start].line, prints[start + length - 1].end_line
    return f"line {first}" if first == last else f"lines {first}-{last}"


class DuplicateKind(RuleKind):
    name = "duplicate"
    cross_file = True
    fields = frozenset({"match", "size", "where", "copies"})
    options = {
        "threshold": Option(v.number(0.5, 1.0), "the shingle Jaccard of a near copy (default: the config's "
                                                "`duplicates.threshold`)"),
        "min_words": Option(v.number(1, 10_000), "shorter blocks count only inside a repeated run (default: the "
                                                 "config's `duplicates.min-words`)"),
        "within_file": Option(v.boolean, "report copies within one file (default: true)"),
        "across_files": Option(v.boolean, "report copies across files (default: true)"),
    }

    def __init__(self, spec: RuleSpec, settings: Settings) -> None:
        super().__init__(spec, settings)
        opts = spec.options
        self.threshold = float(opts.get("threshold", settings.duplicate_threshold))
        self.min_words = int(opts.get("min_words", settings.duplicate_min_words))
        self.within_file = opts.get("within_file", True)
        self.across_files = opts.get("across_files", True)
        self.stats = ClusterStats()

    def check(self, doc: Document, ctx: Analysis) -> Iterator[Finding]:
        if not self.within_file:
            return
        prints = ctx.get(block_prints)
        ids = cluster(prints, self.threshold, self.min_words)
        for run in self_repeats(ids, lambda i: prints[i].words >= self.min_words):
            copies = [run.first] + run.others
            _, start, length = run.others[0]
            where = [c for c in copies if c[1] != start]
            starts = [prints[s].line for _, s, _ in where]
            label = "line" if len(starts) == 1 else "lines"
            fields = {"size": _size(length), "where": f"at {label} {', '.join(map(str, starts))}",
                      "copies": len(copies)}
            related = [self._location(doc.path, prints, s, n) for _, s, n in where]
            finding = self._finding(doc.path, prints, start, length, fields, related)
            finding.excerpt = doc.source.text[finding.location.start_offset:finding.location.end_offset]
            yield finding

    def fingerprint(self, doc: Document, ctx: Analysis) -> DocPrints | None:
        if not self.across_files:
            return None
        return DocPrints(PackedPrints(ctx.get(block_prints)))

    def compare(self, collected: Sequence[tuple[str, DocPrints]]) -> list[Finding]:
        return list(self.iter_compare(collected))

    def iter_compare(self, collected: Sequence[tuple[str, DocPrints]]) -> Iterator[Finding]:
        self.stats = ClusterStats()
        docs = sorted(collected, key=lambda item: item[0])
        if len(docs) < 2:
            return
        flat = FlatPrints([fp.blocks for _, fp in docs])
        ids = cluster(flat, self.threshold, self.min_words, self.stats)
        seqs, offset = [], 0
        for _, fp in docs:
            seqs.append(ids[offset:offset + len(fp.blocks)])
            offset += len(fp.blocks)
        del ids
        for run in cross_repeats(seqs, lambda d, i: docs[d][1].blocks[i].words >= self.min_words):
            yield self._cross_finding(docs, run)

    def _cross_finding(self, docs: Sequence[tuple[str, DocPrints]], run: Run) -> Finding:
        c, p, length = run.first
        d, j, _ = run.others[0]
        other_path, other = docs[c][0], docs[c][1].blocks
        fields = {"size": _size(length), "where": f"in {other_path} at {_lines(other, p, length)}", "copies": 2}
        related = [self._location(other_path, other, p, length)]
        return self._finding(docs[d][0], docs[d][1].blocks, j, length, fields, related)

    def _location(self, path: str, prints: Sequence[BlockPrint], start: int, length: int) -> Location:
        a, b = prints[start], prints[start + length - 1]
        return Location(path, a.line, a.column, b.end_line, b.end_column, a.start, b.end)

    def _finding(self, path: str, prints: Sequence[BlockPrint], start: int, length: int,
                 fields: dict, related: list[Location]) -> Finding:
        excerpt = prints[start].excerpt
        return Finding(
            rule=self.spec.id, category=self.spec.category, severity=self.spec.severity,
            message=render(self.spec.message, match=excerpt, **fields),
            location=self._location(path, prints, start, length), excerpt=excerpt,
            suggestion=render(self.spec.suggest, match=excerpt, **fields) if self.spec.suggest else None,
            related=related,
        )
