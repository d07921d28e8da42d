"""Benchmark the HTML report on a generated corpus: page size, time against the text report,
peak memory, and that every finding is marked once.

    python bench/html_report.py            # 1,000 articles
    python bench/html_report.py --n 200    # a quicker run
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402


def timed(args: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB of the child) of one copylint run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "copylint", *args], check=False, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    return seconds, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--keep", type=Path, default=None, help="write the page here instead of a temp dir")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = corpus.write(args.n, Path(tmp) / "corpus")
        page = args.keep or Path(tmp) / "report.html"
        common = ["check", "--no-config", "--quiet", str(root)]
        text_s, text_mb = timed([*common, "-o", str(Path(tmp) / "report.txt")])
        html_s, html_mb = timed([*common, "--format", "html", "-o", str(page)])
        raw = page.read_text(encoding="utf-8")
        findings = int(re.search(r'<b data-count="findings">(\d+)</b>', raw).group(1))
        heads = raw.count('tabindex="0"')
        files = raw.count('<section class="file"')
        print(f"articles: {args.n}, files in page: {files}, findings: {findings}, marked: {heads}")
        print(f"page size: {len(raw.encode()) / 1e6:.1f} MB ({len(raw.encode()) / max(files, 1) / 1e3:.1f} KB per file)")
        print(f"text report: {text_s:.1f} s, peak RSS {text_mb:.0f} MB")
        print(f"html report: {html_s:.1f} s, peak RSS {html_mb:.0f} MB")


if __name__ == "__main__":
    main()
