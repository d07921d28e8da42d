"""Benchmark copylint against proselint on a generated corpus: single-draft latency, throughput
(MB/s, files/s) with one worker and all cores, peak memory, 10k/1k time ratio, speed vs proselint.

    python bench/run.py                      # 1,000 and 10,000 articles
    python bench/run.py --sizes 200,1000     # a quicker run
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Timing:
    seconds: float
    rss_mb: float  # peak RSS of the largest single process (ru_maxrss)
    tree_mb: float  # peak summed RSS of the process and its workers (sampled)
    returncode: int


def _tree_rss(pid: int) -> int:
    """Summed RSS (KB) of `pid` and its children, from /proc (0 where /proc is missing)."""
    total = 0
    try:
        pids = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def timed(cmd: list[str], env: dict | None = None) -> Timing:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.05):
            peak[0] = max(peak[0], _tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stop.set()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Timing(seconds, usage.ru_maxrss / 1024, peak[0] / 1024, proc.returncode)


def copylint_cmd(args: argparse.Namespace) -> list[str]:
    return [args.python, "-m", "copylint", "check", "--quiet"]  # default text report, to /dev/null


def env_for(args: argparse.Namespace) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def size_of(files: list[Path]) -> int:
    return sum(f.stat().st_size for f in files)


def find_proselint(explicit: str | None) -> str | None:
    candidates = [explicit] if explicit else [
        str(ROOT.parent / "bench-venv" / "bin" / "proselint"), shutil.which("proselint")]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


def latency(args: argparse.Namespace, env: dict) -> None:
    draft_dir = args.workdir / "draft"
    draft_dir.mkdir(parents=True, exist_ok=True)
    article = next(a for a in corpus.generate(50, seed=args.seed, size=4700) if a.path.endswith(".md"))
    draft = draft_dir / "draft.md"
    draft.write_text(article.text, encoding="utf-8")
    cmd = copylint_cmd(args) + [str(draft)]
    first = timed(cmd, env).seconds  # also warms the on-disk caches
    runs = [timed(cmd, env).seconds for _ in range(args.repeat)]
    print(f"single draft ({draft.stat().st_size / 1024:.1f} KB Markdown), whole process: "
          f"median {statistics.median(runs) * 1000:.0f} ms over {args.repeat} runs "
          f"(min {min(runs) * 1000:.0f}, max {max(runs) * 1000:.0f}; first run, cold cache: {first * 1000:.0f} ms)")


def throughput(args: argparse.Namespace, env: dict) -> dict[tuple[int, int], float]:
    times: dict[tuple[int, int], float] = {}
    cores = os.cpu_count() or 1
    for n in args.sizes:
        folder = corpus.write(n, args.workdir / f"corpus-{n}", args.seed)
        files = sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".html", ".txt"))
        mb = size_of(files) / 1e6
        for jobs in sorted({1, cores}):
            t = timed(copylint_cmd(args) + ["--jobs", str(jobs), str(folder)], env)
            times[(n, jobs)] = t.seconds
            print(f"{n:>6} articles ({mb:.1f} MB), --jobs {jobs}: {t.seconds:7.2f} s  "
                  f"{mb / t.seconds:6.2f} MB/s  {n / t.seconds:7.1f} files/s  "
                  f"peak RSS {t.rss_mb:.0f} MB (largest process), {t.tree_mb:.0f} MB (all processes)  exit {t.returncode}")
    return times


def versus_proselint(args: argparse.Namespace, env: dict, per_mb_one_worker: float | None) -> None:
    exe = find_proselint(args.proselint)
    if exe is None:
        print("proselint: not found (pass --proselint PATH); ratio not measured")
        return
    folder = corpus.write(max(args.sizes[0], args.proselint_files), args.workdir / f"corpus-{max(args.sizes[0], args.proselint_files)}", args.seed)
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".html", ".txt"))[: args.proselint_files]
    mb = size_of(files) / 1e6
    version = subprocess.run([exe, "version"], capture_output=True, text=True).stdout.strip()
    pl = timed([exe, "check", *map(str, files)])
    cl = timed(copylint_cmd(args) + ["--jobs", "1", *map(str, files)], env)
    print(f"proselint {version or '?'} on {len(files)} files ({mb:.2f} MB): {pl.seconds:.2f} s = {mb / pl.seconds:.2f} MB/s; "
          f"copylint --jobs 1 on the same files: {cl.seconds:.2f} s = {mb / cl.seconds:.2f} MB/s")
    print(f"copylint speed / proselint speed (same {len(files)} files, whole process each): {pl.seconds / cl.seconds:.1f}x")
    if per_mb_one_worker:
        print(f"copylint --jobs 1 on the largest corpus ({per_mb_one_worker:.2f} MB/s) / proselint per-MB rate: "
              f"{per_mb_one_worker / (mb / pl.seconds):.1f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated (default 1000,10000)")
    ap.add_argument("--proselint", default=None, help="proselint executable (default: ../bench-venv/bin/proselint or PATH)")
    ap.add_argument("--proselint-files", type=int, default=200, help="files proselint is timed on")
    ap.add_argument("--repeat", type=int, default=7, help="single-draft runs (median reported)")
    ap.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "copylint-bench")
    ap.add_argument("--python", default=sys.executable, help="interpreter that runs copylint")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    env = env_for(args)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.processor() or platform.platform()}; "
          f"Python {platform.python_version()}; corpus seed {args.seed}")
    latency(args, env)
    times = throughput(args, env)
    cores = os.cpu_count() or 1
    for n in args.sizes:
        if (n, 1) in times and (n, cores) in times and cores > 1:
            print(f"{n:>6} articles: speed-up with {cores} workers {times[(n, 1)] / times[(n, cores)]:.2f}x")
    if len(args.sizes) >= 2:
        small, large = args.sizes[0], args.sizes[-1]
        for jobs in sorted({1, cores}):
            ratio = times[(large, jobs)] / times[(small, jobs)]
            print(f"time ratio {large}/{small} articles, --jobs {jobs}: {ratio:.2f} (linear = {large / small:g})")
    largest = args.sizes[-1]
    folder = args.workdir / f"corpus-{largest}"
    mb = size_of([p for p in folder.rglob("*") if p.suffix in (".md", ".html", ".txt")]) / 1e6
    versus_proselint(args, env, mb / times[(largest, 1)] if (largest, 1) in times else None)


if __name__ == "__main__":
    main()
