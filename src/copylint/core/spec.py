"""Rules as data: a rule spec as validated from YAML, its examples, and the run-wide settings
the kinds compile with."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from copylint.core.matching import regex_timeout
from copylint.core.severity import Severity

# A validator takes the raw YAML value and returns the cleaned value or raises ValueError.
Validator = Callable[[Any], Any]


@dataclass(frozen=True)
class Option:
    """A kind-specific rule key, declared once: its validator (which carries the JSON Schema of
    what it accepts, see core/validators.py) and its help text; docs/rule-kinds.md is made
    from these."""

    validate: Validator
    help: str


@dataclass(frozen=True)
class Examples:
    bad: tuple[str, ...]
    good: tuple[str, ...]


@dataclass
class RuleSpec:
    """A rule as written in YAML, after schema validation. `options` holds kind-specific keys."""

    id: str
    kind: str
    category: str
    severity: Severity
    message: str
    why: str
    source: str
    examples: Examples
    options: dict[str, Any] = field(default_factory=dict)
    suggest: str | None = None
    file: str = "<memory>"
    line: int = 0
    derived: dict[str, Any] = field(default_factory=dict)  # kind.prepare(spec): cached with the pack
    # Per option of patterns naming a vocabulary ({vocab:NAME}), each pattern's guard, as the
    # loader wrote it before expanding the names (language.guards): cached with the pack.
    guards: dict[str, list] = field(default_factory=dict)
    summary: str | None = None  # a short title for rule lists and docs; derived from `message` when None
    precedence: int = 0  # among equally severe findings folded into one claim, the higher is kept


@dataclass
class Settings:
    """Run-wide settings a kind may read when compiling (filled from config and CLI flags)."""

    as_of: Any = None  # datetime.date; None means today
    duplicate_threshold: float = 0.8
    duplicate_min_words: int = 8
    disclaimer_wordings: dict[str, list[str]] = field(default_factory=dict)
    vocabularies: dict[str, list[str]] = field(default_factory=dict)  # from the packs' `vocabularies:`
    patterns: dict[str, list[str]] = field(default_factory=dict)  # from the packs' `patterns:`
    # Seconds one rule's regex may run on one block before the rule is reported as timed out.
    regex_timeout: float | None = field(default_factory=regex_timeout)
