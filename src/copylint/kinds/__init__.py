"""Rule kinds: one small module per kind, all behind `kinds.base.RuleKind`. A rule's `kind`
field picks one from KINDS."""

from __future__ import annotations

from copylint.kinds.base import RuleKind
from copylint.kinds.claim import ClaimKind
from copylint.kinds.consistency import ConsistencyKind
from copylint.kinds.dates import DateKind
from copylint.kinds.duplicate import DuplicateKind
from copylint.kinds.phrase import PhraseKind
from copylint.kinds.readability import ReadabilityKind
from copylint.kinds.required import RequiredKind

KINDS: dict[str, type[RuleKind]] = {
    PhraseKind.name: PhraseKind,
    ClaimKind.name: ClaimKind,
    RequiredKind.name: RequiredKind,
    DuplicateKind.name: DuplicateKind,
    DateKind.name: DateKind,
    ConsistencyKind.name: ConsistencyKind,
    ReadabilityKind.name: ReadabilityKind,
}
