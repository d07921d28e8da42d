"""JUnit XML output (GitLab's `artifacts:reports:junit`, Jenkins): one testsuite per file, one
failing testcase per finding, a passing testcase for a clean file."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from copylint.reporters import Report

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def render(report: Report) -> str:
    by_path: dict[str, list] = defaultdict(list)
    for path in report.paths:
        by_path[path]
    for f in report.findings:
        by_path[f.path].append(f)
    root = ET.Element("testsuites", name="copylint", tests="0", failures="0", errors=str(len(report.errors)))
    total = failures = 0
    for path in sorted(by_path):
        findings = by_path[path]
        rel = _clean(report.relpath(path))
        suite = ET.SubElement(root, "testsuite", name=rel, tests=str(max(1, len(findings))), failures=str(len(findings)), errors="0")
        if not findings:
            ET.SubElement(suite, "testcase", name="copylint", classname=rel, file=rel)
            total += 1
            continue
        for f in findings:
            loc = f.location
            case = ET.SubElement(suite, "testcase", name=_clean(f"{f.rule} at {loc.line}:{loc.column}"), classname=rel, file=rel, line=str(loc.line))
            failure = ET.SubElement(case, "failure", message=_clean(f.message), type=f.severity.value)
            body = [f"{rel}:{loc.line}:{loc.column}: {f.severity.value} {f.rule}", f.message]
            if f.excerpt:
                body.append("    | " + " ".join(f.excerpt.split()))
            if f.suggestion:
                body.append(f"    = suggestion: {f.suggestion}")
            failure.text = _clean("\n".join(body))
            total += 1
            failures += 1
    for e in report.errors:
        suite = ET.SubElement(root, "testsuite", name=_clean(report.relpath(e.path)), tests="1", failures="0", errors="1")
        case = ET.SubElement(suite, "testcase", name="read", classname=_clean(report.relpath(e.path)))
        ET.SubElement(case, "error", message=_clean(e.message))
        total += 1
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
