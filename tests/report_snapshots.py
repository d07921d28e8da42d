"""The whole rendered report of every output format for one small input (tests/data/report/input:
a page with findings of each severity, exact fixes and related lines, a clean page and a file
that cannot be read), as ruff snapshots its formats. tests/test_report_snapshots.py compares each
with tests/data/report/<format>.snap; only copylint's version, today's date and the folder the
run happened in are normalised.

    python tests/report_snapshots.py     # retake every snapshot (after an intended change)
    COPYLINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_report_snapshots.py   # the same
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

import copylint
from copylint.cli import main as cli
from copylint.reporters import FORMATS

HERE = Path(__file__).resolve().parent / "data" / "report"
INPUT = HERE / "input"
FILES = ("page.md", "clean.md", "broken.txt")
AS_OF = "2026-01-01"
# Rules of the phrase, date and consistency kinds (their findings move only when their YAML does),
# leaving out the claim engine's rules, which change as that engine is tuned.
SELECT = "consistency,date,efficacy.cure,efficacy.reverse,safety.risk-free,copylint"
# Each format, and --statistics (in text).
VARIANTS = {**{fmt: ("--format", fmt) for fmt in FORMATS}, "statistics": ("--statistics",)}


def normalise(text: str, folder: Path) -> str:
    """The report with copylint's version, today's date (HTML page header) and the run's folder
    (SARIF's %SRCROOT%) as placeholders."""
    for real, placeholder in ((folder.resolve().as_uri(), "file:///<folder>"), (str(folder.resolve()), "<folder>"),
                              (copylint.__version__, "<version>"), (dt.date.today().isoformat(), "<today>")):
        text = text.replace(real, placeholder)
    return text


def render(variant: str, folder: Path) -> tuple[str, int]:
    """(stdout of `copylint check` for the variant, run in `folder` holding the input, exit code)."""
    env = {"GITHUB_STEP_SUMMARY": "", "NO_COLOR": "1", "FORCE_COLOR": "", "COPYLINT_REGEX_TIMEOUT": None}
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(cli, ["check", "--no-config", "--as-of", AS_OF, "--select", SELECT, "-j", "1",
                                          *VARIANTS[variant], *FILES], env=env)
    finally:
        os.chdir(cwd)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return normalise(result.stdout, folder), result.exit_code


def snapshot_path(variant: str) -> Path:
    return HERE / f"{variant}.snap"


def input_folder() -> Path:
    """A fresh copy of the input (a run must never write beside the repository's files)."""
    folder = Path(tempfile.mkdtemp(prefix="copylint-report-"))
    for name in FILES:
        shutil.copyfile(INPUT / name, folder / name)
    return folder


def retake(variants=VARIANTS) -> list[Path]:
    folder = input_folder()
    try:
        written = []
        for variant in variants:
            text, _ = render(variant, folder)
            snapshot_path(variant).write_text(text, encoding="utf-8", newline="")
            written.append(snapshot_path(variant))
        return written
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    for path in retake():
        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    sys.exit(0)
