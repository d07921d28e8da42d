"""Specs of copylint's own rules about suppression comments: not phrase rules from a pack, but
listed by `copylint rules`, explained by `copylint rule` and selectable like any other."""

from __future__ import annotations

from copylint.kinds.base import Examples, RuleSpec
from copylint.models import Severity

CATEGORY = "suppression"
WITHOUT_REASON = "copylint.suppression-without-reason"
UNUSED = "copylint.unused-suppression"
INVALID = "copylint.invalid-suppression"
_SOURCE = "copylint documentation, docs/configuration.md (Suppressions); modelled on ESLint's disable comments with descriptions and ruff's unused-noqa (RUF100)"

BUILTIN_SPECS: list[RuleSpec] = [
    RuleSpec(
        id=WITHOUT_REASON, kind="builtin", category=CATEGORY, severity=Severity.WARNING,
        message="Suppression comment without a reason; add one after ' -- ' so reviewers know why the finding was accepted.",
        why=(
            "A suppression hides a compliance finding from every later review. Writing down why it is "
            "acceptable (legal sign-off, a citation next to the claim, a quoted study title) keeps the "
            "decision auditable; a bare disable comment looks the same as one added to silence the linter."
        ),
        source=_SOURCE,
        examples=Examples(
            bad=("<!-- copylint-disable-next-line claims.cure -->",),
            good=("<!-- copylint-disable-next-line claims.cure -- quoted from the trial title, approved by legal 2026-03 -->",),
        ),
        suggest="<!-- copylint-disable-next-line RULE -- why this is acceptable -->",
        file="<built-in>",
    ),
    RuleSpec(
        id=UNUSED, kind="builtin", category=CATEGORY, severity=Severity.WARNING,
        message="Suppression comment that suppresses nothing; remove it, or fix the rule id.",
        why=(
            "A suppression that no longer matches a finding (the copy was rewritten, or the rule id is "
            "misspelt) would silently hide a future finding at that place. Removing stale suppressions "
            "keeps the remaining ones meaningful."
        ),
        source=_SOURCE,
        examples=Examples(
            bad=("<!-- copylint-disable-next-line claims.cure -- legal ok -->\nTalk to your doctor.",),
            good=("<!-- copylint-disable-next-line claims.cure -- legal ok -->\nIt cures arthritis.",),
        ),
        file="<built-in>",
    ),
    RuleSpec(
        id=INVALID, kind="builtin", category=CATEGORY, severity=Severity.ERROR,
        message="Malformed copylint directive; it has no effect.",
        why=(
            "A comment that starts with 'copylint-' but is not one of copylint-disable, copylint-enable "
            "or copylint-disable-next-line (or names an invalid rule id) is ignored, so the writer "
            "believes a finding is suppressed when it is not."
        ),
        source=_SOURCE,
        examples=Examples(
            bad=("<!-- copylint-disabel claims.cure -- typo -->",),
            good=("<!-- copylint-disable claims.cure -- approved -->",),
        ),
        file="<built-in>",
    ),
]
BUILTIN_IDS = frozenset(spec.id for spec in BUILTIN_SPECS)


def spec_of(rule_id: str) -> RuleSpec:
    return next(s for s in BUILTIN_SPECS if s.id == rule_id)
