"""A large run's findings wait on disk (pipeline/spill.py) and its cross-file fingerprints are
packed (kinds/fingerprints.PackedPrints): neither changes a report. Runs here spill from the
first finding (COPYLINT_SPILL_AFTER=0) and are compared with runs that keep everything in memory."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from copylint.core.models import Finding, Location, Severity
from copylint.kinds.fingerprints import FlatPrints, PackedPrints, block_prints
from copylint.parsers import parse_text
from copylint.pipeline import api
from copylint.pipeline.spill import FindingStore
from copylint.reporters import json_format

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _finding(path: str, line: int, rule: str = "hype.miracle") -> Finding:
    return Finding(rule, "hype", Severity.WARNING, f"message {line}", Location(path, line, 1, line, 5, line * 10, line * 10 + 4),
                   f"excerpt {line}")


@pytest.mark.parametrize("limit", [0, 3, 10**9])
def test_the_store_reads_back_what_was_added_in_order(limit):
    store = FindingStore(limit=limit)
    added = {"a.md": [_finding("a.md", 1), _finding("a.md", 2)], "b.md": [_finding("b.md", 1)], "c.md": []}
    for path, found in added.items():
        store.add(path, found)
    store.add("a.md", [_finding("a.md", 9)])
    everything = [*added["a.md"], *added["b.md"], _finding("a.md", 9)]
    assert store.spilled == (limit < 4)
    assert list(store) == everything and len(store) == 4 and store == everything
    assert store[0] == everything[0] and store[-1] == everything[-1] and store[1:3] == everything[1:3]
    assert store.paths() == ["a.md", "b.md"]
    assert store.take("a.md") == [*added["a.md"], _finding("a.md", 9)] and store.take("c.md") == []
    with pytest.raises(IndexError):
        store[4]
    assert isinstance(store.findings(), FindingStore if store.spilled else list)


def _tree(tmp_path: Path) -> Path:
    """A few fixture pages (with repeated blocks across files, a suppression) to lint."""
    folder = tmp_path / "site"
    for source in sorted((FIXTURES / "duplicates").rglob("*.txt"))[:4] + sorted((FIXTURES / "drafts").glob("*.[mht]*[dlt]"))[:4]:
        target = folder / source.relative_to(FIXTURES)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    page = folder / "drafts" / "suppressed.md"
    page.write_text("<!-- copylint-disable-next-line hype -- quoted -->\nA miracle cure for everything.\n"
                    "<!-- copylint-disable-next-line efficacy -- unused -->\nA calm line.\n", encoding="utf-8")
    return folder


def _json(folder: Path, monkeypatch, spill_after: str, **options) -> tuple[str, api.Report]:
    monkeypatch.setenv("COPYLINT_SPILL_AFTER", spill_after)
    report = api.lint_paths([str(folder)], options=api.LintOptions(jobs=1, **options))
    from copylint.reporters import Report

    return json_format.render(Report(findings=report.findings, errors=report.errors, files=report.files)), report


def test_a_spilled_run_reports_what_an_in_memory_run_does(tmp_path, monkeypatch):
    folder = _tree(tmp_path)
    in_memory, kept = _json(folder, monkeypatch, str(10**9))
    spilled, report = _json(folder, monkeypatch, "0")
    assert isinstance(report.findings, FindingStore) and isinstance(kept.findings, list)
    assert len(kept.findings) > 20 and any(f.rule.startswith("duplication") for f in kept.findings)
    assert any(f.rule == "copylint.unused-suppression" for f in kept.findings)
    assert spilled == in_memory and report.failing == kept.failing and report.exit_code() == kept.exit_code()


def test_a_spilled_run_writes_and_applies_the_same_baseline(tmp_path, monkeypatch):
    folder = _tree(tmp_path)
    for spill_after in ("0", str(10**9)):
        baseline = tmp_path / f"baseline-{spill_after}.json"
        _json(folder, monkeypatch, spill_after, write_baseline=str(baseline))
        assert _json(folder, monkeypatch, spill_after, baseline=str(baseline))[1].findings == []
    assert (tmp_path / "baseline-0.json").read_text() == (tmp_path / f"baseline-{10**9}.json").read_text()


def test_packed_fingerprints_give_back_the_block_prints():
    for path in sorted((FIXTURES / "duplicates").rglob("*.txt"))[:6]:
        prints = block_prints(parse_text(path.read_text(encoding="utf-8"), "text", str(path)))
        packed = PackedPrints(prints)
        assert list(packed) == list(prints) and len(packed) == len(prints)
        assert pickle.loads(pickle.dumps(packed)) == packed
        if prints:
            assert packed[-1] == prints[-1]
    first = block_prints(parse_text("One block of words here.\n\nAnother block of words.\n", "text", "a.txt"))
    second = block_prints(parse_text("A third block.\n", "text", "b.txt"))
    flat = FlatPrints([PackedPrints(first), PackedPrints(second)])
    assert list(flat) == [*first, *second] and flat[len(first)] == second[0] and len(flat) == len(first) + len(second)
