"""Rule kinds: one small module per kind, all behind `kinds.base.RuleKind`. A rule's `kind`
field picks one from KINDS."""

from __future__ import annotations

from copylint.kinds.base import RuleKind
from copylint.kinds.duplicate import DuplicateKind
from copylint.kinds.phrase import PhraseKind
from copylint.kinds.required import RequiredKind

KINDS: dict[str, type[RuleKind]] = {
    PhraseKind.name: PhraseKind,
    RequiredKind.name: RequiredKind,
    DuplicateKind.name: DuplicateKind,
}
