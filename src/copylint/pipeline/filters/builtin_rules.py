"""Specs of copylint's own rules about suppression comments: not phrase rules from a pack, but
listed by `copylint rules`, explained by `copylint rule` and selectable like any other."""

from __future__ import annotations

from copylint.core.spec import Examples, RuleSpec
from copylint.core.models import Severity

CATEGORY = "suppression"
WITHOUT_REASON = "copylint.suppression-without-reason"
UNUSED = "copylint.unused-suppression"
INVALID = "copylint.invalid-suppression"
_SOURCE = "copylint documentation, docs/configuration.md (Suppressions); modelled on ESLint's disable comments with descriptions and ruff's unused-noqa (RUF100)"

def _spec(rule_id: str, severity: Severity, message: str, why: str, bad: str, good: str,
          suggest: str | None = None) -> RuleSpec:
    return RuleSpec(
        id=rule_id, kind="builtin", category=CATEGORY, severity=severity, message=message, why=why,
        source=_SOURCE, examples=Examples(bad=(bad,), good=(good,)), suggest=suggest, file="<built-in>",
    )


BUILTIN_SPECS: list[RuleSpec] = [
    _spec(
        WITHOUT_REASON, Severity.WARNING,
        "Suppression comment without a reason; add one after ' -- ' so reviewers know why the finding was accepted.",
        'A suppression hides a compliance finding from every later review. Writing down why it is acceptable (legal sign-off, a citation next to the claim, a quoted study title) keeps the decision auditable; a bare disable comment looks the same as one added to silence the linter.',
        bad='<!-- copylint-disable-next-line efficacy.cure -->',
        good='<!-- copylint-disable-next-line efficacy.cure -- quoted from the trial title, approved by legal 2026-03 -->',
        suggest='<!-- copylint-disable-next-line RULE -- why this is acceptable -->',
    ),
    _spec(
        UNUSED, Severity.WARNING,
        'Suppression comment that suppresses nothing; remove it, or fix the rule id.',
        'A suppression that no longer matches a finding (the copy was rewritten, or the rule id is misspelt) would silently hide a future finding at that place. Removing stale suppressions keeps the remaining ones meaningful.',
        bad='<!-- copylint-disable-next-line efficacy.cure -- legal ok -->\nTalk to your doctor.',
        good='<!-- copylint-disable-next-line efficacy.cure -- legal ok -->\nIt cures arthritis.',
    ),
    _spec(
        INVALID, Severity.ERROR,
        'Malformed copylint directive; it has no effect.',
        "A comment that starts with 'copylint-' but is not one of copylint-disable, copylint-enable or copylint-disable-next-line (or names an invalid rule id) is ignored, so the writer believes a finding is suppressed when it is not.",
        bad='<!-- copylint-disabel efficacy.cure -- typo -->',
        good='<!-- copylint-disable efficacy.cure -- approved -->',
    ),
]
BUILTIN_IDS = frozenset(spec.id for spec in BUILTIN_SPECS)


def spec_of(rule_id: str) -> RuleSpec:
    return next(s for s in BUILTIN_SPECS if s.id == rule_id)
