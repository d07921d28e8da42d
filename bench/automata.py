"""Compare the automata that could run the pack's anchors over the case-folded text of a
corpus in one pass: ahocorasick-rs, pyahocorasick and one `regex` alternation (copylint's
fallback). CPU seconds for building and for scanning, with the default anchors and with ten
times as many synthetic ones.

    pip install pyahocorasick ahocorasick-rs; PYTHONPATH=src python bench/automata.py [N articles]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import vocab10x  # noqa: E402

from copylint.kinds.base import Settings  # noqa: E402
from copylint.ruleset.loader import compile_rules, load_pack  # noqa: E402


def anchors() -> list[str]:
    found: set[str] = set()
    for rule in compile_rules(load_pack(), Settings()):
        found |= set(getattr(rule, "anchors", None) or ())
    return sorted(found, key=lambda a: (-len(a), a))


def clock(fn):
    start = time.process_time()
    value = fn()
    return time.process_time() - start, value


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    texts = [a.text.casefold() for a in corpus.generate(n)]
    base = anchors()
    rng = vocab10x.random.Random(5)
    grown = base + [vocab10x.pseudo_word(rng) for _ in range(9 * len(base))]
    print(f"{n} articles ({sum(map(len, texts)) / 1e6:.1f} MB), {len(base)} anchors / {len(grown)} anchors")
    for words in (base, grown):
        results = []
        try:
            import ahocorasick_rs
            build, ac = clock(lambda: ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard))
            scan, hits = clock(lambda: sum(len(ac.find_matches_as_indexes(t, overlapping=True)) for t in texts))
            results.append(("ahocorasick-rs", build, scan, hits))
        except ImportError:
            pass
        try:
            import ahocorasick

            def make():
                auto = ahocorasick.Automaton()
                for i, w in enumerate(words):
                    auto.add_word(w, i)
                auto.make_automaton()
                return auto
            build, auto = clock(make)
            scan, hits = clock(lambda: sum(sum(1 for _ in auto.iter(t)) for t in texts))
            results.append(("pyahocorasick", build, scan, hits))
        except ImportError:
            pass
        build, pattern = clock(lambda: regex.compile("(?=(" + "|".join(map(regex.escape, words)) + "))"))
        scan, hits = clock(lambda: sum(1 for t in texts for _ in pattern.finditer(t)))
        results.append(("regex alternation (longest per position)", build, scan, hits))
        for name, build, scan, hits in results:
            print(f"  {len(words):>6} anchors  {name:<42} build {build * 1000:7.1f} ms  scan {scan:6.2f} s  {hits} hits")


if __name__ == "__main__":
    main()
