"""The rule schema: common keys every rule has, checked strictly; kind-specific keys are checked
by the kind's own validators. Every error names the file and line."""

from __future__ import annotations

from typing import Any


from copylint.core.errors import FileLineError
from copylint.core.ids import RULE_ID
from copylint.core.spec import Examples, RuleSpec
from copylint.core.validators import check_template
from copylint.kinds.base import RuleKind
from copylint.core.models import CATEGORIES, Severity
from copylint.ruleset.yaml_lines import line_of

# The keys every rule may have, with what each says (docs/rule.schema.json is made from these and
# the kinds' options); validate_rule checks them.
COMMON_HELP = {
    "id": "dotted lower-case words, the first its category (efficacy.cure)",
    "kind": "the matcher that runs the rule",
    "category": "the rule's category; its file is named for it (efficacy.yaml)",
    "severity": "error, warning or info",
    "message": "what a finding says; {match} and the kind's fields fill in",
    "why": "why this matters to a reviewer",
    "source": "the regulation or guidance behind the rule",
    "examples": "bad and good sentences; the test suite checks each",
    "suggest": "an optional rewrite shown with each finding",
    "summary": "an optional one-line title for rule lists, SARIF and docs/rules",
    "precedence": "when findings of several rules on the same words fold into one (one finding per claim), "
                  "the rule with the higher precedence is kept among equally severe ones (an integer from -9 to 9, default 0)",
}
COMMON_KEYS = tuple(COMMON_HELP)
REQUIRED_KEYS = ("id", "kind", "category", "severity", "message", "why", "source", "examples")
FILE_KEYS = ("rules", "vocabularies", "patterns", "aliases")


class RuleError(FileLineError):
    """A problem in a rule file, reported as `file:line: message`."""


def validate_rule(raw: Any, kinds: dict[str, type[RuleKind]], file: str, line: int, file_category: str | None = None) -> RuleSpec:
    """A rule mapping checked against the schema. Its id's first segment must be its category and,
    when the file is named for a category (`file_category`), that category must be the file's."""
    if not isinstance(raw, dict):
        raise RuleError(file, line, "each rule must be a mapping of keys (id, kind, category, ...)")
    rid = raw.get("id", "?")
    where = f"rule {rid!r}"

    def fail(key: str | None, problem: str) -> RuleError:
        return RuleError(file, line_of(raw, key) or line, f"{where}: {problem}")

    missing = [k for k in REQUIRED_KEYS if k not in raw]
    if missing:
        raise fail(None, f"missing required key {missing[0]!r}")
    kind_name = raw["kind"]
    kind = kinds.get(kind_name) if isinstance(kind_name, str) else None
    if kind is None:
        raise fail("kind", f"unknown kind {kind_name!r} (known kinds: {', '.join(sorted(kinds))})")
    allowed = set(COMMON_KEYS) | set(kind.options)
    for key in raw:
        if key not in allowed:
            raise fail(key, f"unknown key {key!r} for kind {kind_name!r} (allowed: {', '.join(sorted(allowed))})")
    if not isinstance(rid, str) or not RULE_ID.match(rid):
        raise fail("id", f"id {rid!r} must be dotted lower-case words, e.g. 'efficacy.cure'")
    for key in ("message", "why", "source"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise fail(key, f"{key!r} must be a non-empty string")
    if raw["category"] not in CATEGORIES:
        raise fail("category", f"category {raw['category']!r} must be one of: {', '.join(CATEGORIES)}")
    prefix = rid.split(".", 1)[0]
    if prefix != raw["category"]:
        raise fail("id", f"id {rid!r} must start with its category: '{raw['category']}.{rid.split('.', 1)[1]}'")
    if file_category is not None and raw["category"] != file_category:
        raise fail("category", f"a rule of category {raw['category']!r} belongs in {raw['category']}.yaml (one file per category)")
    try:
        severity = Severity(raw["severity"])
    except ValueError:
        raise fail("severity", f"severity {raw['severity']!r} must be error, warning or info") from None
    examples = _examples(raw["examples"], fail)
    options: dict[str, Any] = {}
    for key, option in kind.options.items():
        if key in raw:
            try:
                options[key] = getattr(option, "validate", option)(raw[key])  # a bare validator still loads; tests/test_generated_docs.py asks for its help
            except ValueError as exc:
                raise fail(key, f"{key}: {exc}") from None
    for key in kind.required:
        if key not in raw:
            raise fail(None, f"missing required key {key!r} for kind {kind_name!r}")
    suggest = raw.get("suggest")
    if suggest is not None and not isinstance(suggest, str):
        raise fail("suggest", "'suggest' must be a string")
    precedence = raw.get("precedence", 0)
    if isinstance(precedence, bool) or not isinstance(precedence, int) or not -9 <= precedence <= 9:
        raise fail("precedence", "'precedence' must be an integer from -9 to 9")
    summary = raw.get("summary")
    if summary is not None and (not isinstance(summary, str) or not summary.strip() or "{" in summary or "}" in summary):
        raise fail("summary", "'summary' must be a one-line title without {fields}")
    for key in ("message", "suggest"):
        try:
            if raw.get(key) is not None:
                check_template(raw[key], kind.fields)
        except ValueError as exc:
            raise fail(key, f"{key}: {exc}") from None
    return RuleSpec(
        id=rid, kind=kind_name, category=raw["category"], severity=severity,
        message=raw["message"].strip(), why=" ".join(raw["why"].split()), source=raw["source"].strip(),
        examples=examples, options=options, suggest=suggest, file=file, line=line,
        summary=" ".join(summary.split()) if summary else None, precedence=precedence,
    )


def _examples(value: Any, fail) -> Examples:
    if not isinstance(value, dict) or set(value) - {"bad", "good"}:
        raise fail("examples", "'examples' must be a mapping with 'bad' and 'good' lists")
    lists = {}
    for key in ("bad", "good"):
        items = value.get(key)
        if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
            raise fail("examples", f"'examples.{key}' must be a non-empty list of strings")
        lists[key] = tuple(items)
    return Examples(bad=lists["bad"], good=lists["good"])
