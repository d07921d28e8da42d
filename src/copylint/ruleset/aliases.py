"""Former rule ids (a pack's `aliases:` table, old id -> current id): what a selector, a
suppression or a baseline entry written with one stands for today, and the deprecation note it
earns (once per former id)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable


def names(pattern: str, rule_id: str) -> bool:
    """Whether a rule id or dotted prefix names `rule_id`."""
    return rule_id == pattern or rule_id.startswith(pattern + ".")


@dataclass
class Aliases:
    """The former ids of the loaded packs, and the notes earned by using them in this run."""

    table: dict[str, str] = field(default_factory=dict)  # former id -> current id
    current: frozenset[str] = frozenset()  # every rule id the packs define today
    noted: dict[str, str] = field(default_factory=dict)  # former id or prefix -> its note, in order

    def expand(self, pattern: str, where: str = "") -> list[str]:
        """The selectors `pattern` stands for: itself when it names a current rule, plus the
        current id of every former id it names (each use noted once)."""
        former = [old for old in self.table if names(pattern, old)]
        if not former:
            return [pattern]
        new = list(dict.fromkeys(self.table[old] for old in former))
        self._note(pattern, new, where)
        keep = [pattern] if any(names(pattern, rid) for rid in self.current) else []
        return list(dict.fromkeys([*keep, *new]))

    def expand_all(self, patterns: Iterable[str], where: str = "") -> list[str]:
        return list(dict.fromkeys(p for pattern in patterns for p in self.expand(pattern, where)))

    def former_ids(self) -> dict[str, list[str]]:
        """Current id -> its former ids."""
        out: dict[str, list[str]] = {}
        for old, new in self.table.items():
            out.setdefault(new, []).append(old)
        return out

    def note_baseline(self, former: str, where: str) -> None:
        self._note(former, [self.table[former]], where)

    @property
    def notes(self) -> list[str]:
        return list(self.noted.values())

    def _note(self, pattern: str, new: list[str], where: str) -> None:
        if pattern in self.noted:
            return
        place = f" ({where})" if where else ""
        if pattern in self.table:
            said = f"rule id {pattern!r}{place} is deprecated: the rule is now {new[0]!r}"
        else:
            said = f"rule prefix {pattern!r}{place} is deprecated: its rules are now {', '.join(new)}"
        self.noted[pattern] = f"copylint: warning: {said}; the old name stops working in the next release."
