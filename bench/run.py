"""Benchmark copylint against proselint in the same run, on the same generated files: whole-process
latency for one ~5 KB draft, one-worker and all-worker throughput, peak RSS at two corpus sizes,
the large/small time ratio, the cost of a pack whose vocabularies are ten times larger, and the
time of pathological one-line inputs (a 1 MB line of prose, the same without sentence ends, 1 MB
of dots).

    pip install -e ".[bench]"                # proselint, for the side-by-side figures only
    python bench/run.py                      # 1,000 and 10,000 articles, 1 MB inputs (~15 minutes on 2 cores)
    python bench/run.py --quick              # 50 and 150 articles, 100 KB inputs (under a minute)
    python bench/run.py --sizes 200,1000     # other corpus sizes
"""

from __future__ import annotations

import argparse
import compileall
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
import vocab10x  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = (".md", ".html", ".txt")


@dataclass
class Timing:
    seconds: float
    rss_mb: float  # peak RSS of the largest single process (ru_maxrss)
    tree_mb: float  # peak summed RSS of the processes and their workers (sampled)
    returncode: int
    cpu: float = 0.0  # user + system seconds of the processes and their workers: steadier than
    # wall time on a machine shared with other work


def _tree_rss(pids: list[int]) -> int:
    """Summed RSS (KB) of `pids` and their children, from /proc (0 where /proc is missing)."""
    total = 0
    for pid in pids:
        try:
            family = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            continue
        for p in family:
            try:
                for line in Path(f"/proc/{p}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                pass
    return total


def timed(*cmds: list[str], env: dict | None = None, timeout: float | None = None) -> Timing:
    """Run `cmds` at once and wait for all: wall time, peak memory, the worst exit code (-9 when
    killed at `timeout`)."""
    start = time.perf_counter()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env) for c in cmds]
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.05):
            peak[0] = max(peak[0], _tree_rss([p.pid for p in procs]))

    def kill_late() -> None:
        if timeout is not None and not stop.wait(timeout):
            for p in procs:
                p.kill()

    threading.Thread(target=sample, daemon=True).start()
    threading.Thread(target=kill_late, daemon=True).start()
    rss, cpu, codes = 0, 0.0, []
    for proc in procs:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        rss = max(rss, usage.ru_maxrss)
        cpu += usage.ru_utime + usage.ru_stime
        codes.append(proc.returncode)
    seconds = time.perf_counter() - start
    stop.set()
    return Timing(seconds, rss / 1024, peak[0] / 1024, min(codes) if min(codes) < 0 else max(codes), cpu)


@dataclass
class Tools:
    """How each linter is started."""

    python: str
    proselint: str | None
    env: dict

    def copylint(self, jobs: int, *paths: Path | str) -> list[str]:
        # default text report, to /dev/null; configuration files ignored so every run is the same
        return [self.python, "-m", "copylint", "check", "--quiet", "--no-config", "--jobs", str(jobs), *map(str, paths)]

    def proselint_cmds(self, files: list[Path], workers: int) -> list[list[str]]:
        """proselint has no worker option: `workers` processes, each on an equal share of files."""
        shares = [files[i::workers] for i in range(workers)]
        return [[self.proselint, "check", *map(str, share)] for share in shares if share]


def byte_compile(src: Path) -> None:
    """Write the .pyc files of copylint's sources, as installing a package does (proselint is
    installed, so its are there): without them, and with PYTHONDONTWRITEBYTECODE set, every run
    would compile copylint's Python source again."""
    compileall.compile_dir(str(src), quiet=1)


def find_proselint(explicit: str | None) -> str | None:
    beside = Path(sys.executable).parent / "proselint"
    candidates = [explicit] if explicit else [str(beside), str(ROOT.parent / "bench-venv" / "bin" / "proselint"),
                                              shutil.which("proselint")]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES)


def size_mb(files: list[Path]) -> float:
    return sum(f.stat().st_size for f in files) / 1e6


def row(label: str, copylint: str, proselint: str = "", ratio: str = "") -> None:
    print(f"{label:<44} {copylint:<40} {proselint:<30} {ratio}")


def rate(t: Timing, mb: float, files: int) -> str:
    return f"{t.seconds:.2f} s (cpu {t.cpu:.2f} s), {mb / t.seconds:.2f} MB/s, {files / t.seconds:.0f} files/s"


def speed_ratio(ours: Timing, theirs: Timing) -> str:
    """proselint's time over copylint's: wall clock, and CPU time (what one core does)."""
    return f"{theirs.seconds / ours.seconds:.2f}x proselint's speed (cpu {theirs.cpu / max(ours.cpu, 1e-9):.2f}x)"


def memory(t: Timing) -> str:
    return f"{t.rss_mb:.0f} MB largest, {t.tree_mb:.0f} MB all"


def exit_note(t: Timing) -> str:
    return "" if t.returncode in (0, 1) else f" [exit {t.returncode}]"


def draft_file(args: argparse.Namespace) -> Path:
    """One ~5 KB Markdown article of the corpus, the writer's common case."""
    draft = args.workdir / "draft" / "draft.md"
    draft.parent.mkdir(parents=True, exist_ok=True)
    article = next(a for a in corpus.generate(50, seed=args.seed, size=4700) if a.path.endswith(".md"))
    draft.write_text(article.text, encoding="utf-8")
    return draft


def latency(args: argparse.Namespace, tools: Tools) -> None:
    draft = draft_file(args)
    cold = timed(tools.copylint(1, draft), env=tools.env).seconds  # also fills the on-disk pack cache
    ours = [timed(tools.copylint(1, draft), env=tools.env) for _ in range(args.repeat)]
    label = f"one draft ({draft.stat().st_size / 1024:.1f} KB Markdown), whole process"
    mine = f"{_median_ms(ours)} (min {min(t.seconds for t in ours) * 1000:.0f}, cold {cold * 1000:.0f})"
    if not tools.proselint:
        row(label, mine)
        return
    timed([tools.proselint, "check", str(draft)])
    theirs = [timed([tools.proselint, "check", str(draft)]) for _ in range(args.repeat)]
    wall = statistics.median(t.seconds for t in ours) / statistics.median(t.seconds for t in theirs)
    cpu = statistics.median(t.cpu for t in ours) / statistics.median(t.cpu for t in theirs)
    row(label, mine, f"{_median_ms(theirs)} (min {min(t.seconds for t in theirs) * 1000:.0f})",
        f"{wall:.2f}x proselint's time (cpu {cpu:.2f}x)")


def _median_ms(runs: list[Timing]) -> str:
    return (f"{statistics.median(t.seconds for t in runs) * 1000:.0f} ms "
            f"(cpu {statistics.median(t.cpu for t in runs) * 1000:.0f})")


def throughput(args: argparse.Namespace, tools: Tools, cores: int) -> dict[tuple[int, int], float]:
    """Both linters on each corpus size, with one worker and with one per core."""
    times: dict[tuple[int, int], Timing] = {}
    for n in args.sizes:
        folder = corpus.write(n, args.workdir / f"corpus-{n}", args.seed)
        files = corpus_files(folder)
        mb = size_mb(files)
        for jobs in sorted({1, cores}):
            ours = timed(tools.copylint(jobs, folder), env=tools.env)
            times[(n, jobs)] = ours
            label = f"{n:,} articles ({mb:.1f} MB), {jobs} worker{'s' if jobs > 1 else ''}"
            theirs = None
            if tools.proselint and n <= args.proselint_max:
                theirs = timed(*tools.proselint_cmds(files, jobs))
            row(label, rate(ours, mb, n) + exit_note(ours), rate(theirs, mb, n) if theirs else "",
                speed_ratio(ours, theirs) if theirs else "")
            row("  peak RSS", memory(ours), memory(theirs) if theirs else "")
    return times


def ratios(args: argparse.Namespace, times: dict[tuple[int, int], Timing], cores: int) -> None:
    for n in args.sizes:
        if cores > 1 and (n, 1) in times and (n, cores) in times:
            row(f"{n:,} articles: speed-up with {cores} workers", f"{times[(n, 1)].seconds / times[(n, cores)].seconds:.2f}x")
    if len(args.sizes) >= 2:
        small, large = args.sizes[0], args.sizes[-1]
        for jobs in sorted({1, cores}):
            big, little = times[(large, jobs)], times[(small, jobs)]
            row(f"time {large:,} / {small:,} articles, {jobs} worker{'s' if jobs > 1 else ''}",
                f"{big.seconds / little.seconds:.2f} (cpu {big.cpu / little.cpu:.2f}; linear = {large / small:g})")


WARM_FILES = 50


def vocabulary_cost(args: argparse.Namespace, tools: Tools) -> None:
    """The default pack against one whose vocabularies and terms are ten times longer, one worker
    on the first corpus. Each pack's caches are warmed first by one run over the corpus' first
    WARM_FILES files (one draft reaches too few patterns: the rest would be compiled, once, inside
    the timed run, which is a first run's cost, not the cost of carrying the entries)."""
    n = args.sizes[0]
    folder = corpus.write(n, args.workdir / f"corpus-{n}", args.seed)
    grown = vocab10x.build(ROOT, args.workdir / "vocab10x", factor=10)
    byte_compile(grown.src)
    env10 = {**tools.env, "PYTHONPATH": str(grown.src) + os.pathsep + tools.env.get("PYTHONPATH", "")}
    sample = corpus_files(folder)[:WARM_FILES]
    timed(tools.copylint(1, *sample), env=tools.env)
    timed(tools.copylint(1, *sample), env=env10)
    base = timed(tools.copylint(1, folder), env=tools.env)
    big = timed(tools.copylint(1, folder), env=env10)
    row(f"10x vocabulary ({grown.entries:,} entries vs {grown.original:,}), {n:,} articles, 1 worker",
        f"{big.seconds:.2f} s vs {base.seconds:.2f} s = {big.seconds / base.seconds:.2f}x (cpu {big.cpu / base.cpu:.2f}x){exit_note(big)}")


PATHOLOGICAL = {
    "one line of prose": "prose",
    "one line, no sentence ends": "nopunct",
    "dots": "dots",
}


def pathological_text(kind: str, size: int, seed: int) -> str:
    """`size` characters on one line: corpus prose, the same without . ! ?, or dots."""
    if kind == "dots":
        return "." * size
    words: list[str] = []
    total = 0
    for article in corpus.generate(max(10, size // 3000), seed=seed):
        for word in corpus.plain_words(article.text):
            words.append(word)
            total += len(word) + 1
            if total >= size:
                break
        if total >= size:
            break
    text = " ".join(words)
    if kind == "nopunct":
        text = text.translate({ord(c): None for c in ".!?"})
    return (text * (size // max(1, len(text)) + 1))[:size]


def pathological(args: argparse.Namespace, tools: Tools) -> None:
    folder = args.workdir / "pathological"
    folder.mkdir(parents=True, exist_ok=True)
    size = args.pathological_kb * 1000
    for label, kind in PATHOLOGICAL.items():
        path = folder / f"{kind}-{args.pathological_kb}k.txt"
        if not path.exists():
            path.write_text(pathological_text(kind, size, args.seed), encoding="utf-8")
        ours = timed(tools.copylint(1, path), env=tools.env, timeout=args.pathological_timeout)
        theirs = timed([tools.proselint, "check", str(path)], timeout=args.pathological_timeout) if tools.proselint else None
        killed = lambda t: " (killed)" if t.returncode < 0 else ""  # noqa: E731
        row(f"{args.pathological_kb:,} KB, {label}", f"{ours.seconds:.2f} s (cpu {ours.cpu:.2f}){killed(ours)}"
            f"{exit_note(ours) if ours.returncode >= 0 else ''}", f"{theirs.seconds:.2f} s (cpu {theirs.cpu:.2f}){killed(theirs)}" if theirs else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="50 and 150 articles, 100 KB inputs, 3 draft runs")
    ap.add_argument("--sizes", default=None, help="corpus sizes, comma-separated (default 1000,10000)")
    ap.add_argument("--proselint", default=None, help="proselint executable (default: beside this Python, ../bench-venv, or PATH)")
    ap.add_argument("--proselint-max", type=int, default=1000, help="largest corpus proselint is also timed on (default 1000)")
    ap.add_argument("--repeat", type=int, default=None, help="single-draft runs (median reported; default 7, quick 3)")
    ap.add_argument("--pathological-kb", type=int, default=None, help="size of the one-line inputs (default 1000, quick 100)")
    ap.add_argument("--pathological-timeout", type=float, default=120.0, help="seconds before a one-line run is killed")
    ap.add_argument("--skip", default="", help="sections to leave out: latency,throughput,vocabulary,pathological")
    ap.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "copylint-bench")
    ap.add_argument("--python", default=sys.executable, help="interpreter that runs copylint")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    args.sizes = [int(s) for s in (args.sizes or ("50,150" if args.quick else "1000,10000")).split(",") if s.strip()]
    args.repeat = args.repeat or (3 if args.quick else 7)
    args.pathological_kb = args.pathological_kb or (100 if args.quick else 1000)
    skip = set(args.skip.split(","))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    tools = Tools(args.python, find_proselint(args.proselint), env)
    byte_compile(ROOT / "src")
    cores = os.cpu_count() or 1
    version = subprocess.run([tools.proselint, "version"], capture_output=True, text=True).stdout.strip() if tools.proselint else ""
    print(f"machine: {platform.machine()}, {cores} cores, {platform.platform()}; Python {platform.python_version()}; "
          f"corpus seed {args.seed}; proselint {version or 'not found (pass --proselint PATH)'}")
    row("figure", "copylint", "proselint" if tools.proselint else "", "ratio")
    if "latency" not in skip:
        latency(args, tools)
    if "throughput" not in skip:
        ratios(args, throughput(args, tools, cores), cores)
    if "vocabulary" not in skip:
        vocabulary_cost(args, tools)
    if "pathological" not in skip:
        pathological(args, tools)


if __name__ == "__main__":
    main()
