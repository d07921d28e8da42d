"""Rule kinds: one small module per kind, all behind `kinds.base.RuleKind`, with the check logic
only one kind uses beside it (date_checks for `date`, fingerprints for `duplicate`). A rule's
`kind` field picks one from KINDS (imported on first use, so importing `kinds.base` stays cheap)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from copylint.kinds.base import RuleKind

_MODULES = {
    "phrase": ("copylint.kinds.phrase", "PhraseKind"),
    "claim": ("copylint.kinds.claim", "ClaimKind"),
    "health-claim": ("copylint.kinds.health_claim", "HealthClaimKind"),
    "required": ("copylint.kinds.required", "RequiredKind"),
    "duplicate": ("copylint.kinds.duplicate", "DuplicateKind"),
    "date": ("copylint.kinds.date", "DateKind"),
    "consistency": ("copylint.kinds.consistency", "ConsistencyKind"),
    "readability": ("copylint.kinds.readability", "ReadabilityKind"),
}
_kinds: dict[str, type[RuleKind]] | None = None


def _load() -> dict[str, type[RuleKind]]:
    global _kinds
    if _kinds is None:
        import importlib

        loaded = {}
        for module, cls in _MODULES.values():
            kind = getattr(importlib.import_module(module), cls)
            loaded[kind.name] = kind
        _kinds = loaded
    return _kinds


def __getattr__(name: str) -> Any:
    if name == "KINDS":
        return _load()
    raise AttributeError(name)
