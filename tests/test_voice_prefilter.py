"""The voice pattern lists are skipped on a sentence without any of their anchors (facts/voice.py,
language/anchors.ascii_cover): on every sentence of fixtures/ a list that matches has an anchor
there, and texts with look-alikes of ASCII letters are always scanned."""

from __future__ import annotations

from pathlib import Path

import regex

from copylint.facts.voice import VoiceAnalyzer, freeze_patterns
from copylint.language.anchors import ascii_cover, may_match
from copylint.parsers import parse
from copylint.pipeline.sources.discover import format_for
from copylint.pipeline.sources.reading import read_source
from copylint.ruleset.loader import default_pack_dir, load_prepared

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _sentences() -> list[str]:
    texts = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix in (".md", ".html", ".txt"):
            texts.extend(s.text for s in parse(read_source(str(path), format_for(str(path)))).sentences)
    return texts


def test_every_sentence_a_list_matches_holds_one_of_its_anchors():
    pack = load_prepared([default_pack_dir()])
    voice = VoiceAnalyzer(freeze_patterns(pack.patterns), tuple(sorted(pack.patterns)))
    covers = {name: ascii_cover(p.pattern) for name, p in voice.compiled.items() if p is not None}
    assert covers["condition_shapes"] and covers["warning_voice"]
    sentences = _sentences()
    matched = skipped = 0
    for name, pattern in voice.compiled.items():
        if pattern is None:
            continue
        for text in sentences:
            if pattern.search(text):
                matched += 1
                assert may_match(covers[name], text), (name, text)
            elif not may_match(covers[name], text):
                skipped += 1
    assert matched > 200 and skipped > 1000


def test_covers_read_property_classes_and_look_alikes_are_scanned():
    cover = ascii_cover(r"\b\p{L}{3,}(?:itis|osis)\b")
    assert cover == ("itis", "osis")
    assert ascii_cover(r"[\p{L}\p{N}][\u2122\u00ae]") is None
    assert not may_match(cover, "A calm sentence.")
    assert may_match(cover, "TENDINITIS hurts.")
    for look_alike in ("TENDİNİTİS", "tendinıtıs", "fibroſis"):
        assert may_match(cover, look_alike)
        assert regex.search(r"\b\p{L}{3,}(?:itis|osis)\b", look_alike, regex.I) or look_alike == "tendinıtıs"
    assert may_match(None, "anything")
