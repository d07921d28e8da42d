"""Snapshot tests of every output format: the whole report for one input (see
tests/report_snapshots.py), so that any change to what a format prints shows in review.
Retake with `python tests/report_snapshots.py` (or COPYLINT_UPDATE_SNAPSHOTS=1) after an
intended change."""

from __future__ import annotations

import os

import pytest

import report_snapshots as snaps

UPDATE = bool(os.environ.get("COPYLINT_UPDATE_SNAPSHOTS"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    for name in snaps.FILES:
        (folder / name).write_bytes((snaps.INPUT / name).read_bytes())
    return folder


def test_every_format_has_a_snapshot():
    assert sorted(p.stem for p in snaps.HERE.glob("*.snap")) == sorted(snaps.VARIANTS)


@pytest.mark.parametrize("variant", snaps.VARIANTS)
def test_report_matches_its_snapshot(folder, variant):
    text, code = snaps.render(variant, folder)
    assert code == 2  # findings at or above warning, and one file that cannot be read
    path = snaps.snapshot_path(variant)
    if UPDATE:
        path.write_text(text, encoding="utf-8", newline="")
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{variant} report changed; retake with: python tests/report_snapshots.py"


def test_the_snapshot_shows_every_severity_a_fix_and_the_error(folder):
    """The input is worth snapshotting: it gives each severity, a fix, a related line, an error."""
    text, _ = snaps.render("json", folder)
    import json

    data = json.loads(text)
    assert {f["severity"] for f in data["findings"]} == {"error", "warning", "info"}
    assert any(f.get("fix") for f in data["findings"]) and any(f.get("related") for f in data["findings"])
    assert [e["path"] for e in data["errors"]] == ["broken.txt"]
