"""The `duplicate` kind: repeated sections within a file (Markdown, HTML, text) and across the
files of a run, reported once per section and independent of the order files are given in."""

from __future__ import annotations

import itertools
import pickle

from copylint.pipeline.engine import compare_across, lint_source
from copylint.kinds.base import Settings
from copylint.kinds.duplicate import DuplicateKind
from copylint.reporters.shapes import finding_json
from copylint.ruleset.loader import compile_rules, load_pack
from copylint.pipeline.sources.discover import format_for
from copylint.pipeline.sources.reading import read_source

from conftest import FIXTURES

DUP = FIXTURES / "duplicates"
RULE = "duplication.repeated-section"


def rules(settings: Settings | None = None):
    return [r for r in compile_rules(load_pack(), settings or Settings()) if isinstance(r, DuplicateKind)]


def lint(path, settings: Settings | None = None):
    source = read_source(str(path), format_for(str(path)))
    return lint_source(source, rules(settings))


def across(paths, settings: Settings | None = None):
    compiled = rules(settings)
    results = [lint_source(read_source(str(p), format_for(str(p))), compiled) for p in paths]
    return compare_across(results, compiled)


def test_repeated_section_in_markdown_is_one_finding_naming_the_others():
    (f,) = lint(DUP / "within.md").findings
    assert f.rule == RULE and f.location.line == 15 and f.location.end_line == 19
    assert "3-block section" in f.message and "lines 5, 21" in f.message
    assert [r.line for r in f.related] == [5, 21]


def test_repeated_paragraph_in_html_ignores_whitespace_and_short_blocks():
    (f,) = lint(DUP / "within.html").findings
    assert f.location.line == 7 and "at line 4" in f.message
    assert "Thanks for your interest" not in f.excerpt


def test_near_copy_in_text_reported_and_threshold_configurable():
    (f,) = lint(DUP / "within.txt").findings
    assert f.location.line == 7 and [r.line for r in f.related] == [3]
    assert not lint(DUP / "within.txt", Settings(duplicate_threshold=1.0)).findings


def test_short_block_alone_is_not_a_duplicate():
    from copylint.pipeline.engine import lint_document
    from copylint.parsers import parse_text

    doc = parse_text("Thanks for your interest!\n\nOur clinic is open from nine to five on weekdays only.\n\nThanks for your interest!")
    assert not lint_document(doc, rules()).findings


def test_seed_001_information_packet_block_is_one_finding():
    findings = lint(DUP / "seeds" / "001.txt").findings
    (f,) = findings  # the copy of seed 000's article is not a within-file duplicate
    assert f.location.line == 50 and "3-block section" in f.message
    assert [r.line for r in f.related] == [47] + list(range(53, 81, 3))


def test_seed_000_and_001_share_the_article_once():
    paths = [DUP / "seeds" / "000.txt", DUP / "seeds" / "001.txt"]
    (f,) = across(paths)
    assert f.path.endswith("001.txt") and f.location.line == 27 and f.location.end_line == 34
    assert "8-block section" in f.message and "000.txt at lines 5-21" in f.message
    assert f.related[0].path.endswith("000.txt") and f.related[0].line == 5


def test_cross_file_findings_do_not_depend_on_file_order():
    paths = [DUP / "cross" / "a.md", DUP / "cross" / "b.txt", DUP / "cross" / "c.html"]
    outputs = {
        tuple(sorted(str(finding_json(f)) for f in across(order)))
        for order in itertools.permutations(paths)
    }
    assert len(outputs) == 1
    findings = across(paths)
    assert sorted((f.path.rsplit("/", 1)[1], f.location.line) for f in findings) == [("b.txt", 5), ("c.html", 5)]
    assert all(f.related[0].path.endswith("a.md") and f.related[0].line == 5 for f in findings)


def test_seed_order_independence():
    paths = [DUP / "seeds" / "001.txt", DUP / "seeds" / "000.txt"]
    assert [finding_json(f) for f in across(paths)] == [finding_json(f) for f in across(paths[::-1])]


def test_fingerprint_is_small_and_picklable():
    result = lint(DUP / "seeds" / "001.txt")
    (fp,) = result.fingerprints.values()
    data = pickle.dumps(fp)
    assert pickle.loads(data) == fp
    assert len(data) < result.size


PARAGRAPH = ("Our physiotherapists assess your knee and ask about your work and your sport. "
             "Then they write a plan that you can follow at home with simple exercises.")
REWORDED = ("Our physiotherapists examine your knee and ask about your job and your sport. "
            "Then they write a plan that you can follow at home with easy exercises.")
MIDDLE = "The clinic is open from nine to five on weekdays, with free parking behind the building."


def test_near_copy_of_a_two_sentence_paragraph_with_three_words_changed_is_found():
    from copylint.pipeline.engine import lint_document
    from copylint.parsers import parse_text

    changed = [a for a, b in zip(PARAGRAPH.split(), REWORDED.split()) if a != b]
    assert len(changed) == 3
    doc = parse_text(f"{PARAGRAPH}\n\n{MIDDLE}\n\n{REWORDED}\n")
    (f,) = lint_document(doc, rules()).findings
    assert f.location.line == 5 and [r.line for r in f.related] == [1]


def test_near_copy_across_pages(tmp_path):
    (tmp_path / "a.md").write_text(f"# Knee care\n\n{PARAGRAPH}\n")
    (tmp_path / "b.html").write_text(f"<h1>Our team</h1>\n<p>{REWORDED}</p>\n")
    (f,) = across([tmp_path / "a.md", tmp_path / "b.html"])
    assert f.path.endswith("b.html") and f.location.line == 2 and "a.md at line 3" in f.message


def test_paragraphs_that_share_a_topic_are_not_near_copies():
    from copylint.pipeline.engine import lint_document
    from copylint.parsers import parse_text

    other = ("Our physiotherapists treat shoulder pain after falls and sports injuries. "
             "Most patients need four to six visits and a short daily routine at home.")
    assert not lint_document(parse_text(f"{PARAGRAPH}\n\n{MIDDLE}\n\n{other}\n"), rules()).findings


def test_breadcrumb_repeating_the_title_is_not_a_duplicate():
    from copylint.pipeline.engine import lint_document
    from copylint.parsers import parse_text

    text = ("Home \u00bb Blog \u00bb Stem cells for ALS: what the small trials have found so far\n\n"
            "# Stem cells for ALS: what the small trials have found so far\n\n" + PARAGRAPH + "\n")
    assert not lint_document(parse_text(text, "markdown"), rules()).findings
