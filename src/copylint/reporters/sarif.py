"""SARIF 2.1.0 output (for GitHub code scanning and other viewers): the rules that reported,
described without template fields, with why/source as help and a link to the rule's page, and
results with repository-relative locations and fingerprints that survive edits elsewhere."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import quote

from copylint import __version__
from copylint.pipeline.filters.baseline import fingerprints
from copylint.kinds.base import RuleSpec
from copylint.core.models import Finding, Location
from copylint.reporters import Report
from copylint.ruleset.describe import describe, suggestion
from copylint.ruleset.docs import help_uri

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/copylint/copylint"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"
# The partialFingerprints key GitHub code scanning reads (with the rule and the file) to tell
# whether two results are one alert; ours also stays under copylint's own key.
GITHUB_FINGERPRINT = "primaryLocationLineHash"
OWN_FINGERPRINT = "copylintFinding/v1"


def rule_entry(rule_id: str, spec: RuleSpec | None) -> dict:
    if spec is None:
        return {"id": rule_id, "shortDescription": {"text": rule_id}}
    about = describe(spec)
    help_text = f"{about.text}\n\nWhy: {spec.why}\n\nSource: {spec.source}"
    help_md = f"{about.text}\n\n**Why:** {spec.why}\n\n**Source:** {spec.source}"
    fix = suggestion(spec)
    if fix:
        help_text += f"\n\nSuggested fix: {fix}"
        help_md += f"\n\n**Suggested fix:** {fix}"
    entry = {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in re.split(r"[.\-]", rule_id)),
        "shortDescription": {"text": about.title},
        "fullDescription": {"text": about.text},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS[spec.severity.value]},
        "properties": {"tags": ["compliance", spec.category]},
    }
    uri = help_uri(spec)
    if uri:
        entry["helpUri"] = uri
    return entry


def physical(loc: Location, report: Report, excerpt: str | None = None) -> dict:
    rel = report.relpath(loc.path)
    if os.path.isabs(rel):
        artifact = {"uri": Path(rel).as_uri()}
    else:
        artifact = {"uri": quote(rel, safe="/"), "uriBaseId": SRCROOT}
    region = {"startLine": loc.line, "startColumn": loc.column, "endLine": loc.end_line, "endColumn": loc.end_column}
    if excerpt:
        region["snippet"] = {"text": excerpt}
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def fix_entry(f: Finding, report: Report) -> dict:
    """SARIF `fix`: replace the finding's region with its exact replacement."""
    where = physical(f.location, report)["physicalLocation"]
    region = where["region"]
    return {
        "description": {"text": f"Replace with '{f.fix}'"},
        "artifactChanges": [{
            "artifactLocation": where["artifactLocation"],
            "replacements": [{"deletedRegion": region, "insertedContent": {"text": f.fix}}],
        }],
    }


def result_entry(f: Finding, index: int, fingerprint: str, report: Report) -> dict:
    text = f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")
    result = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVELS[f.severity.value],
        "message": {"text": text},
        "locations": [physical(f.location, report, f.excerpt)],
        "partialFingerprints": {GITHUB_FINGERPRINT: fingerprint, OWN_FINGERPRINT: fingerprint},
    }
    if f.fix is not None:
        result["fixes"] = [fix_entry(f, report)]
    if f.related:
        result["relatedLocations"] = [
            {"id": i, **physical(r, report), "message": {"text": "related text"}} for i, r in enumerate(f.related, 1)
        ]
    return result


def build(report: Report) -> dict:
    rule_ids = sorted({f.rule for f in report.findings})
    index = {rid: i for i, rid in enumerate(rule_ids)}
    prints = fingerprints(report.findings, Path(report.root).resolve())
    run = {
        "tool": {"driver": {
            "name": "copylint", "version": __version__, "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [rule_entry(rid, report.rules.get(rid)) for rid in rule_ids],
        }},
        "originalUriBaseIds": {SRCROOT: {"uri": Path(report.root).resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [result_entry(f, index[f.rule], fp, report) for f, fp in zip(report.findings, prints)],
        "invocations": [{
            "executionSuccessful": not report.errors,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": e.message},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": quote(report.relpath(e.path), safe="/")}}}]}
                for e in report.errors
            ],
        }],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report) -> str:
    return json.dumps(build(report), indent=2, ensure_ascii=False) + "\n"
