"""Parallel scaling: one worker against two (or --jobs N) on the same corpus, under each start
method (fork, spawn, forkserver), wall and CPU time and peak memory of the largest process.
On a machine shared with other work the wall-time speed-up says little; the CPU columns show
what the workers cost beside the one-worker run.

    python bench/parallel.py 300                 # 300 articles, fork and spawn, 2 workers
    python bench/parallel.py 1000 --jobs 2 --methods fork,spawn,forkserver
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
from run import ROOT, Tools, byte_compile, timed  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="articles in the corpus")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--methods", default="fork,spawn")
    ap.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "copylint-bench")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    tools = Tools(sys.executable, None, env)
    byte_compile(ROOT / "src")
    folder = corpus.write(args.n, args.workdir / f"corpus-{args.n}", args.seed)
    timed(tools.copylint(1, folder / "d0000"), env=env)  # warm the on-disk caches
    one = timed(tools.copylint(1, folder), env=env)
    print(f"{args.n:,} articles, 1 worker: {one.seconds:.2f} s wall, cpu {one.cpu:.2f} s, {one.rss_mb:.0f} MB")
    for method in args.methods.split(","):
        run = timed(tools.copylint(args.jobs, folder), env={**env, "COPYLINT_START_METHOD": method})
        print(f"{args.n:,} articles, {args.jobs} workers ({method}): {run.seconds:.2f} s wall, cpu {run.cpu:.2f} s, "
              f"{run.rss_mb:.0f} MB largest; speed-up {one.seconds / run.seconds:.2f}x wall, "
              f"cpu {run.cpu / one.cpu:.2f}x the one-worker run's [exit {run.returncode}]")


if __name__ == "__main__":
    main()
