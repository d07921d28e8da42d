"""Work grows linearly with the input, without timing anything: on pathological one-line inputs
(no sentence ends, one huge paragraph) the number of regex scans and the characters they cover
double, not quadruple, when the text doubles; over-long sentences are cut into bounded parts and
the findings in them say so; the incremental clause finder equals the plain definition."""

from __future__ import annotations

import random

import pytest

from copylint.core import matching
from copylint.language import cues
from copylint.pipeline.engine import lint_document
from copylint.parsers import parse_text
from copylint.text.sentences import MAX_SENTENCE, PART_NOTE

PROSE = ("our stem cell therapy is a safe and effective treatment for arthritis and it has no side effects "
         "many patients report that it reversed their knee pain within weeks and the results are guaranteed "
         "book your free consultation today as this limited time offer ends soon ")


def _one_line(size: int) -> str:
    return (PROSE * (size // len(PROSE) + 1))[:size]


class _Meter:
    """Counts the characters every scanning regex call of the matching layer may read (from its
    start position to its end position), and each anchored `match` as one."""

    def __init__(self, monkeypatch) -> None:
        self.chars = 0
        originals = {name: getattr(matching, name) for name in ("finditer", "search", "match")}

        def metered(name):
            def run(pattern, text, timeout, pos=0, endpos=None):
                self.chars += 1 if name == "match" else (len(text) if endpos is None else endpos) - pos
                return originals[name](pattern, text, timeout, pos, endpos)
            return run

        for name in originals:
            monkeypatch.setattr(matching, name, metered(name))


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_regex_work_on_one_huge_line_grows_linearly(compiled, monkeypatch, fmt):
    meter = _Meter(monkeypatch)
    counts = []
    for size in (40_000, 80_000):
        meter.chars = 0
        lint_document(parse_text(_one_line(size), fmt), compiled)
        counts.append(meter.chars)
    assert counts[0] > 0
    assert counts[1] / counts[0] < 2.6, counts  # quadratic work would give about 4


def test_over_long_sentences_are_cut_into_bounded_parts_and_findings_say_so(compiled):
    doc = parse_text(_one_line(30_000), "text")
    assert max(len(s.text) for s in doc.sentences) <= MAX_SENTENCE
    assert sum(1 for s in doc.sentences if s.part == 1) == 1 and all(s.part for s in doc.sentences)
    result = lint_document(doc, compiled)
    assert result.findings and all(f.message.endswith(PART_NOTE) for f in result.findings)
    assert any("checked in parts" in note for note in result.notes)


def test_sentences_of_ordinary_length_are_not_cut(compiled):
    doc = parse_text("Our therapy cures arthritis. " + "It is safe, " * 60 + "and it works.", "text")
    assert all(s.part == 0 for s in doc.sentences)
    assert not any(f.message.endswith(PART_NOTE) for f in lint_document(doc, compiled).findings)


def _clause_start_by_definition(text: str, pos: int, commas: bool) -> int:
    start = 0
    for m in cues.CLAUSE_BREAK.finditer(text, 0, pos):
        start = m.end()
    if commas:
        for m in cues.COMMA.finditer(text, start, pos):
            start = m.end()
    return start


def test_clause_start_equals_its_definition():
    rng = random.Random(13)
    pieces = ["but", "butter", "however", "although", "though", " ", " - ", ". ", ",", ";", "x", "whilst",
              "word", "\u2014", "(", "While", "EXCEPT", "unlikely", "no"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 80)))
        pos = rng.randint(0, len(text))
        for commas in (True, False):
            assert cues.clause_start(text, pos, commas=commas) == _clause_start_by_definition(text, pos, commas), (text, pos)
