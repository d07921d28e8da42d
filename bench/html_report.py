"""Benchmark the HTML report on a generated corpus: page size, the time to write it against the
time to lint, peak memory before and after, and that every finding is marked once.

    python bench/html_report.py            # 1,000 articles
    python bench/html_report.py --n 200    # a quicker run
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

from copylint.pipeline import api  # noqa: E402
from copylint.cli import pipeline  # noqa: E402
from copylint.reporters import Report, html  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--keep", type=Path, default=None, help="write the page here instead of a temp dir")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = corpus.write(args.n, Path(tmp) / "corpus")
        start = time.perf_counter()
        outcome = api.lint_paths([str(root)], options=api.LintOptions(jobs=1))
        lint_s, lint_mb = time.perf_counter() - start, peak_mb()
        report = Report(findings=outcome.findings, errors=outcome.errors, files=outcome.files, paths=outcome.paths,
                        rules=outcome.specs, load_document=outcome.load_document)
        page = args.keep or Path(tmp) / "report.html"
        start = time.perf_counter()
        pipeline.emit(html.chunks(report), str(page))
        html_s, html_mb = time.perf_counter() - start, peak_mb()
        raw = page.read_text(encoding="utf-8")
        size = len(raw.encode("utf-8"))
        files = raw.count('<section class="file"')
        print(f"articles: {args.n} ({sum(p.stat().st_size for p in root.rglob('*.*')) / 1e6:.1f} MB), "
              f"findings: {len(report.findings)} ({len(report.findings) / max(files, 1):.1f} per file)")
        print(f"page: {size / 1e6:.1f} MB ({size / max(files, 1) / 1e3:.1f} KB per file), {files} files, "
              f"{len(re.findall(r'<mark id=', raw))} findings marked")
        print(f"lint (--jobs 1): {lint_s:.1f} s; writing the page: {html_s:.1f} s (re-reading and parsing included)")
        print(f"peak RSS: {lint_mb:.0f} MB after linting, {html_mb:.0f} MB after writing the page")


if __name__ == "__main__":
    main()
