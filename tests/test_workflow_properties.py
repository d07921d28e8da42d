"""Properties: GitHub escaping is reversible and leaves no raw separators; baseline fingerprints
do not change when the same findings move to other lines."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from copylint.pipeline.filters.baseline import fingerprints
from copylint.core.models import Finding, Location, Severity
from copylint.reporters.github import escape_data, escape_property


def unescape(text: str) -> str:
    for code, ch in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(code, ch)
    return text


@given(st.text())
def test_property_escaping_round_trips(text):
    escaped = escape_property(text)
    assert not set(escaped) & set(",:\r\n")
    assert unescape(escaped) == text
    assert "\n" not in escape_data(text) and "\r" not in escape_data(text)


excerpts = st.sampled_from(["cures", "Cures", "FDA-approved", "risk  free", "miracle"])


@given(st.lists(st.tuples(st.sampled_from(["a.y", "b.z"]), excerpts), min_size=1, max_size=8), st.integers(1, 50))
def test_property_fingerprints_ignore_line_shifts(items, shift):
    findings = [
        Finding(rule, "hype", Severity.WARNING, "m", Location("docs/p.md", i + 1, 1, i + 1, 5, i * 10, i * 10 + 5), excerpt)
        for i, (rule, excerpt) in enumerate(items)
    ]
    moved = [replace(f, location=replace(f.location, line=f.location.line + shift, end_line=f.location.end_line + shift,
                                         start_offset=f.location.start_offset + shift, end_offset=f.location.end_offset + shift))
             for f in findings]
    root = Path.cwd()
    before, after = fingerprints(findings, root), fingerprints(moved, root)
    assert before == after
    assert len(set(before)) == len(before)  # identical matches are told apart by occurrence
