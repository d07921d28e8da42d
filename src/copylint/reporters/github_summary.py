"""The GitHub Actions job summary of `--format github`: a Markdown table of findings by rule and
severity, the files with most findings and every finding (within GitHub's 1 MiB per step),
appended to the file `$GITHUB_STEP_SUMMARY` names."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from copylint.core.models import Finding
from copylint.reporters import Report
from copylint.reporters.statistics import counts
from copylint.reporters.text import summary as headline

SUMMARY_ENV = "GITHUB_STEP_SUMMARY"
SUMMARY_LIMIT = 1024 * 1024  # GitHub drops a step summary larger than this
TOP_FILES = 10
SEVERITIES = ("error", "warning", "info")


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell (no row break, no column break, no HTML)."""
    text = " ".join(text.split())
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def file_link(path: str, line: int | None = None) -> str:
    """The file as a link to it at this commit when the run's GitHub variables say where, else its name."""
    server, repo, sha = (os.environ.get(k, "") for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    label = cell(path) if line is None else f"{cell(path)}:{line}"
    if not (server and repo and sha) or path == "-" or os.path.isabs(path):
        return label
    anchor = f"#L{line}" if line is not None else ""
    return f"[{label}]({server}/{repo}/blob/{sha}/{quote(path, safe='/')}{anchor})"


def markdown(report: Report, budget: int = SUMMARY_LIMIT) -> str:
    """The summary, at most `budget` bytes (the findings list is cut short, saying so, to fit)."""
    head = [f"## copylint\n\n{cell(headline(report))}\n"]
    if report.findings:
        head.append(_by_rule(report))
        head.append(_top_files(report))
    if report.errors:
        head.append("**Input errors** (not linted):\n\n" + "".join(f"- {cell(report.relpath(e.path))}: {cell(e.message)}\n" for e in report.errors))
    text = "\n".join(head)
    if report.findings:
        text += "\n" + _every_finding(report, budget - len(text.encode("utf-8")) - 1)
    return text


def _by_rule(report: Report) -> str:
    rows = [f"| `{r.rule}` | {r.count} | {r.label()} |" for r in counts(report)]
    return "\n".join(["| rule | findings | severity |", "| --- | ---: | --- |", *rows]) + "\n"


def _top_files(report: Report) -> str:
    by_file: dict[str, Counter[str]] = {}
    for f in report.findings:
        by_file.setdefault(report.relpath(f.path), Counter())[f.severity.value] += 1
    ranked = sorted(by_file.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    rows = [f"| {file_link(path)} | {sum(by.values())} | " + " | ".join(str(by[s]) for s in SEVERITIES) + " |"
            for path, by in ranked[:TOP_FILES]]
    title = f"Files with most findings ({min(TOP_FILES, len(ranked))} of {len(ranked)}):"
    return "\n".join([title, "", "| file | findings | errors | warnings | info |", "| --- | ---: | ---: | ---: | ---: |", *rows]) + "\n"


def _every_finding(report: Report, budget: int) -> str:
    n = len(report.findings)
    start = f"<details><summary>All {n} finding{'s' if n != 1 else ''}</summary>\n\n| where | severity | rule | message |\n| --- | --- | --- | --- |\n"
    end = "\n</details>\n"
    rows: list[str] = []
    used = len(start.encode("utf-8")) + len(end.encode("utf-8")) + 200  # room for the "more" line
    for f in report.findings:
        row = _row(f, report)
        size = len(row.encode("utf-8")) + 1
        if used + size > budget:
            break
        rows.append(row)
        used += size
    more = n - len(rows)
    tail = f"\n{more} more not listed here (GitHub keeps 1 MiB per step): see this step's log or the SARIF report.\n" if more else ""
    if not rows:
        return tail.lstrip("\n")
    return start + "\n".join(rows) + "\n" + tail + end


def _row(f: Finding, report: Report) -> str:
    loc = f.location
    return f"| {file_link(report.relpath(f.path), loc.line)} | {f.severity.value} | `{f.rule}` | {cell(f.message)} |"


def append(report: Report, path: str | None = None) -> str | None:
    """Append the summary to `$GITHUB_STEP_SUMMARY` (GitHub gives each step its own file and
    expects tools to add to it). Returns a problem to report, or None."""
    target = path or os.environ.get(SUMMARY_ENV, "")
    if not target:
        return None
    file = Path(target)
    try:
        used = file.stat().st_size if file.exists() else 0
        text = markdown(report, SUMMARY_LIMIT - used - 2)
        if used + len(text.encode("utf-8")) + 1 > SUMMARY_LIMIT:
            return f"no job summary written: {target} is already near GitHub's 1 MiB limit"
        with file.open("a", encoding="utf-8", newline="\n") as out:
            out.write(("\n" if used else "") + text)
    except OSError as exc:
        return f"cannot write the job summary to {target}: {exc.strerror or exc}"
    return None
