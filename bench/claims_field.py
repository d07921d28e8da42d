"""Measure the claim checks across the field: recall on what regulators cited, false alarms on
honest patient-information sentences, each split by source URL into a tuning and a held-out half.

Usage:  PYTHONPATH=src python bench/claims_field.py [--datasets DIR] [--split all|tune|heldout]
        [--misses N] [--show-hits] [--rules DIR] [--research] [--pages]

DIR holds regulatory/ (default: ../shared/datasets beside the repository). Each `context` (the
sentence or bullet around a cited claim) and each honest sentence is linted on its own, as one
plain-text paragraph, with the whole default pack. Document-level kinds (required disclaimers,
readability, duplication) are left out: a single sentence has no page around it.

A regulator claim counts as flagged when a finding overlaps the quoted claim inside its context
(or, when the claim is paraphrased and cannot be located, when any finding is in the context).
An honest sentence with any finding is a false alarm. With --pages, the rows of each URL are
also linted together as one document of paragraphs (each context once), and each row gets the
findings inside its own text: a second figure, closer to linting whole pages. Rows are split by URL (a stable hash of the
URL decides the half), so sentences of one enforcement document or one patient page stay together.
Copyrighted text is printed to the terminal only; never commit the output.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import regex

from copylint.pipeline.engine import lint_document
from copylint.kinds.base import Settings
from copylint.parsers import parse_text
from copylint.ruleset.loader import compile_rules, load_pack

DEFAULT_DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
PAGE_KINDS = {"required", "readability", "duplicate"}
SPACES = regex.compile(r"\s+")


@dataclass
class Row:
    text: str
    url: str
    claim: str = ""
    regulator: str = ""
    product: str = ""


def half(url: str) -> str:
    """'tune' or 'heldout', stable for a URL."""
    return "tune" if hashlib.sha1(url.encode()).digest()[0] % 2 == 0 else "heldout"


def read_rows(path: Path) -> list[Row]:
    with path.open(newline="", encoding="utf-8") as fh:
        recs = list(csv.DictReader(fh, delimiter="\t"))
    if recs and "context" in recs[0]:
        return [Row(r["context"], r["url"], r["claim"], r["regulator"], r["product"]) for r in recs]
    return [Row(r["sentence"], r["url"]) for r in recs]


def normalise(text: str) -> str:
    return SPACES.sub(" ", text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")).lower()


def claim_span(row: Row) -> tuple[int, int] | None:
    """Where the quoted claim sits in its context (character offsets), if it can be found."""
    context, claim = normalise(row.text), normalise(row.claim).strip(" .\u2026\"")
    for probe in (claim, claim[:60], claim[-60:]):
        if len(probe) >= 12:
            i = context.find(probe)
            if i >= 0:
                start = i if probe is not claim[-60:] else i + len(probe) - len(claim)
                return max(0, start), max(0, start) + len(claim)
    return None


class Linter:
    def __init__(self, rules_dirs: list[Path] | None) -> None:
        pack = load_pack(rules_dirs) if rules_dirs else load_pack()
        self.rules = [r for r in compile_rules(pack, Settings()) if r.spec.kind not in PAGE_KINDS]

    def findings(self, text: str):
        doc = parse_text(text, "text", "row.txt")
        result = lint_document(doc, self.rules)
        if result.errors:  # a failing rule would count as a miss: stop instead
            raise SystemExit(f"claims_field: {result.errors[0].message} (on: {text[:60]!r})")
        return doc, result.findings


def flagged(linter: Linter, row: Row) -> tuple[bool, list]:
    doc, found = linter.findings(row.text)
    return covers(row, [(f.location.start_offset, f.location.end_offset) for f in found]), found


def covers(row: Row, spans: list[tuple[int, int]]) -> bool:
    """A finding span (offsets into the row's context) overlaps the cited claim."""
    if not spans:
        return False
    span = claim_span(row)
    if span is None:
        return True
    norm_map = _norm_index(row.text)
    for s, e in spans:
        s, e = norm_map[min(s, len(norm_map) - 1)], norm_map[min(e, len(norm_map) - 1)]
        if s < span[1] and span[0] < max(e, s + 1):
            return True
    return False


def as_pages(linter: Linter, rows: list[Row]) -> list[list[tuple[int, int, str]]]:
    """Lint the rows of each URL together, as one page of paragraphs (its contexts or sentences in
    order, each once), so what a page says around a sentence counts: its selling signals, a
    claim earlier in the paragraph's document, its title. Each row gets the findings inside its
    own text, as (start, end, rule) offsets into that text."""
    by_url: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_url[row.url].append(i)
    out: list[list[tuple[int, int, str]]] = [[] for _ in rows]
    for indexes in by_url.values():
        texts: list[str] = []
        placed: dict[str, int] = {}
        pos = 0
        for i in indexes:
            text = rows[i].text.replace("\r", " ").replace("\n", " ")
            if text not in placed:
                placed[text] = pos
                texts.append(text)
                pos += len(text) + 2
        _, found = linter.findings("\n\n".join(texts))
        for i in indexes:
            text = rows[i].text.replace("\r", " ").replace("\n", " ")
            base = placed[text]
            out[i] = [(f.location.start_offset - base, f.location.end_offset - base, f.rule) for f in found
                      if base <= f.location.start_offset < base + len(text)]
    return out


def _norm_index(text: str) -> list[int]:
    """Original offset -> offset in normalise(text)."""
    out, j, prev_space = [], 0, False
    for ch in text:
        out.append(j)
        space = ch.isspace()
        if not (space and prev_space):
            j += 1
        prev_space = space
    out.append(j)
    return out


def by(rows: list[Row], hits: list[bool], key: str) -> str:
    total, got = Counter(), Counter()
    for row, hit in zip(rows, hits):
        total[getattr(row, key)] += 1
        got[getattr(row, key)] += hit
    return ", ".join(f"{k} {got[k]}/{total[k]}" for k, _ in total.most_common())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    ap.add_argument("--split", choices=("all", "tune", "heldout"), default="all")
    ap.add_argument("--misses", type=int, default=10, help="how many misses and false alarms to print")
    ap.add_argument("--show-heldout", action="store_true", help="also print the held-out texts (reading them is tuning on them)")
    ap.add_argument("--rules", type=Path, action="append", help="rule folder (default: the shipped pack)")
    ap.add_argument("--pages", action="store_true",
                    help="also lint the rows of each source URL together, as one page (a second figure: what "
                         "a page says around a sentence counts)")
    ap.add_argument("--research", action="store_true",
                    help="also count claim findings on research text (the Yu et al. PubMed conclusions and "
                         "press releases in claim-strength/): reports of studies, not marketing")
    args = ap.parse_args(argv)
    folder = args.datasets / "regulatory"
    if not folder.is_dir():
        print(f"claims_field: no datasets at {folder}", file=sys.stderr)
        return 2
    claims = read_rows(folder / "regulator_claims.tsv")
    honest = read_rows(folder / "honest_sentences.tsv")
    t0 = time.perf_counter()
    linter = Linter(args.rules)
    claim_hits = [flagged(linter, r) for r in claims]
    honest_found = [linter.findings(r.text)[1] for r in honest]
    elapsed = time.perf_counter() - t0

    halves = ("tune", "heldout") if args.split == "all" else (args.split,)
    print(f"claims_field: {len(claims)} regulator claims, {len(honest)} honest sentences, {elapsed:.1f} s")
    for part in ("all",) + halves:
        keep = [i for i, r in enumerate(claims) if part == "all" or half(r.url) == part]
        hits = [claim_hits[i][0] for i in keep]
        hkeep = [i for i, r in enumerate(honest) if part == "all" or half(r.url) == part]
        alarms = sum(1 for i in hkeep if honest_found[i])
        print(f"[{part}] recall {sum(hits)}/{len(keep)} = {sum(hits) / max(len(keep), 1):.3f}; "
              f"false alarms {alarms}/{len(hkeep)} = {1000 * alarms / max(len(hkeep), 1):.1f} per 1,000")
        rows = [claims[i] for i in keep]
        print("  by regulator: " + by(rows, hits, "regulator"))
        print("  by product:   " + by(rows, hits, "product"))
    keep = [i for i, r in enumerate(claims) if args.split == "all" or half(r.url) == args.split]
    misses = [claims[i] for i in keep if not claim_hits[i][0]]
    # The held-out half is measured, not read: its texts are printed only on request, so tuning
    # cannot drift towards its sentences.
    shown = args.misses if args.split == "tune" or args.show_heldout else 0
    print(f"\nmisses ({len(misses)}), first {shown}" + ("" if shown else " (texts of the held-out half: --show-heldout)") + ":")
    for r in misses[:shown]:
        print(f"  - [{r.product}] {r.claim[:140]}")
    rules = Counter()
    alarms_list = []
    for i, r in enumerate(honest):
        if (args.split == "all" or half(r.url) == args.split) and honest_found[i]:
            alarms_list.append((r, honest_found[i]))
            rules.update({f.rule for f in honest_found[i]})
    print(f"\nfalse alarms ({len(alarms_list)}) by rule: " + ", ".join(f"{k} {v}" for k, v in rules.most_common()))
    for r, found in alarms_list[:shown]:
        print(f"  - {','.join(sorted({f.rule for f in found}))}: {r.text[:140]}")
    fired = Counter(f.rule for hit, found in claim_hits if hit for f in found)
    print("\nrules firing on regulator claims: " + ", ".join(f"{k} {v}" for k, v in fired.most_common()))
    if args.pages:
        page_figures(linter, claims, honest, halves)
    if args.research:
        research_voice(linter, args.datasets / "claim-strength")
    return 0


CLAIM_CATEGORIES = {"efficacy", "safety", "testimonial", "hype", "regulatory"}


def page_figures(linter: Linter, claims: list[Row], honest: list[Row], halves: tuple[str, ...]) -> None:
    """Recall and false alarms with each URL's rows linted together as one page."""
    t0 = time.perf_counter()
    claim_found = as_pages(linter, claims)
    honest_found = as_pages(linter, honest)
    hits = [covers(r, [(s, e) for s, e, _ in found]) for r, found in zip(claims, claim_found)]
    print(f"\npages (each URL's rows linted together as one page), {time.perf_counter() - t0:.1f} s:")
    for part in ("all",) + halves:
        keep = [i for i, r in enumerate(claims) if part == "all" or half(r.url) == part]
        hkeep = [i for i, r in enumerate(honest) if part == "all" or half(r.url) == part]
        alarms = sum(1 for i in hkeep if honest_found[i])
        got = sum(hits[i] for i in keep)
        print(f"[pages {part}] recall {got}/{len(keep)} = {got / max(len(keep), 1):.3f}; "
              f"false alarms {alarms}/{len(hkeep)} = {1000 * alarms / max(len(hkeep), 1):.1f} per 1,000")
    rules = Counter(rule for i in range(len(honest)) for rule in {r for _, _, r in honest_found[i]})
    print("  false alarms by rule: " + ", ".join(f"{k} {v}" for k, v in rules.most_common()))


def research_voice(linter: Linter, folder: Path) -> None:
    """Claim findings per 1,000 sentences of research text, split by a hash of the sentence. A
    study's conclusion or a press release about one reports research; a claim finding there is a
    false alarm of the research voice (sellers quote such sentences, so it is a floor, not zero)."""
    print("\nresearch voice (claim findings per 1,000 sentences of research text):")
    for name in ("yu2019_pubmed_conclusions.csv", "yu2020_eurekalert_press_releases.csv"):
        path = folder / name
        if not path.is_file():
            print(f"  {name}: missing")
            continue
        with path.open(newline="", encoding="utf-8") as fh:
            sentences = [r["sentence"] for r in csv.DictReader(fh)]
        counts = {"tune": [0, 0], "heldout": [0, 0]}
        rules = Counter()
        for text in sentences:
            found = [f for f in linter.findings(text)[1] if f.category in CLAIM_CATEGORIES]
            part = counts[half(text)]
            part[0] += 1
            part[1] += bool(found)
            rules.update({f.rule for f in found})
        figures = "; ".join(f"{k} {n}/{total} = {1000 * n / max(total, 1):.1f}" for k, (total, n) in counts.items())
        print(f"  {name}: {figures}; by rule: " + ", ".join(f"{k} {v}" for k, v in rules.most_common(5)))


if __name__ == "__main__":
    sys.exit(main())
