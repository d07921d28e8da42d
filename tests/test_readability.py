"""Reading level (readability.grade): grade and ease, hardest sentences, options, and no network."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from conftest import ROOT, parse_fixture, run_rule

from copylint.analysis import readability
from copylint.analysis.readability import analyse_readability, fk_grade, flesch_ease, word_syllables


def test_seed_002_is_reported_once_with_grade_and_hardest_lines():
    (f,) = run_rule("readability.grade", parse_fixture("readability/seed_002_ms_als.txt"))
    assert f.severity.value == "info" and f.category == "readability" and f.document_level
    assert "Reading grade 14.0" in f.message and "reading ease 36" in f.message
    assert "lines 4, 9, 14" in f.message
    assert sorted([f.location.line] + [r.line for r in f.related]) == [4, 9, 14]


def test_html_patient_page_is_reported():
    (f,) = run_rule("readability.grade", parse_fixture("readability/hard.html"))
    assert "above the grade 8 target" in f.message


def test_plain_page_is_not_reported():
    doc = parse_fixture("readability/plain.md")
    assert analyse_readability(doc).grade < 6
    assert run_rule("readability.grade", doc) == []


def test_professional_audience_is_skipped():
    assert run_rule("readability.grade", parse_fixture("readability/professional.md")) == []


def test_options():
    doc = parse_fixture("readability/seed_002_ms_als.txt")
    assert run_rule("readability.grade", doc, max_grade=16) == []
    assert run_rule("readability.grade", doc, min_words=5000) == []
    (f,) = run_rule("readability.grade", doc, top=1)
    assert "sentences are on line 14:" in f.message
    assert f.related == []


def test_formulas_and_syllables():
    assert fk_grade(100, 5, 150) == pytest.approx(9.91)
    assert flesch_ease(100, 5, 150) == pytest.approx(206.835 - 20.3 - 126.9)
    assert [word_syllables(w) for w in ("the", "medication", "2023", "flare-ups")] == [1, 4, 1, 2]


def test_readability_never_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("readability tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    readability._hyphenator.cache_clear()
    word_syllables.cache_clear()
    (f,) = run_rule("readability.grade", parse_fixture("readability/seed_002_ms_als.txt"))
    assert "Reading grade" in f.message


def test_imports_stay_lazy_and_offline():
    code = (
        "import sys, copylint.kinds\n"
        "assert 'pyphen' not in sys.modules and 'textstat' not in sys.modules\n"
        "from copylint.parsers import parse_text\n"
        "from copylint.analysis.readability import analyse_readability\n"
        "analyse_readability(parse_text('Patients with chronic conditions need clear information.'))\n"
        "assert 'pyphen' in sys.modules\n"
        "assert 'nltk' not in sys.modules and 'textstat' not in sys.modules\n"
    )
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)


def test_formulas_agree_with_textstat_offline_path(monkeypatch):
    """copylint's grade and ease are textstat's formulas: with textstat's cmudict lookup (the
    part that downloads) switched off, textstat falls back to pyphen, as copylint always does."""
    textstat = pytest.importorskip("textstat")
    from textstat.backend.counts import _count_syllables

    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: None)
    text = (
        "Stem cell therapy has shown significant promise in the treatment of neurodegenerative "
        "diseases. Patients received injections directly into their spinal cords. The results "
        "were remarkable according to the researchers."
    )
    words = len(text.split())
    syllables = textstat.syllable_count(text)
    assert syllables == sum(word_syllables(w) for w in text.replace(".", "").split())
    assert fk_grade(words, 3, syllables) == pytest.approx(textstat.flesch_kincaid_grade(text), abs=0.05)
    assert flesch_ease(words, 3, syllables) == pytest.approx(textstat.flesch_reading_ease(text), abs=0.05)
