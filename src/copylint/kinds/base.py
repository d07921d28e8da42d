"""The one interface every rule kind implements: compile a validated rule spec once, then check
documents (and, for cross-file kinds, compare fingerprints collected from every document)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Iterable, Iterator, Sequence

from copylint.facts.context import Analysis
from copylint.core.spec import Examples, Option, RuleSpec, Settings, Validator  # noqa: F401 - re-exported for the kinds
from copylint.core.models import Document, Finding, Severity, locate

class RuleKind:
    """Base class of a rule kind. Subclasses set `name` and `options` (the kind-specific YAML
    keys, each an Option: validator and help text; keys marked required in `required`), compile
    their spec in `__init__`, and yield findings from `check`. The class docstring is the kind's
    description in docs/rule-kinds.md."""

    name: ClassVar[str] = ""
    options: ClassVar[dict[str, Option]] = {}
    required: ClassVar[frozenset[str]] = frozenset()
    # Whether `examples` sentences can be checked in isolation (document-level kinds may say no
    # and supply their own example harness through `example_document`).
    cross_file: ClassVar[bool] = False
    # The placeholders its `message` and `suggest` may use (checked when the rule is loaded).
    fields: ClassVar[frozenset[str]] = frozenset({"match"})

    def __init__(self, spec: RuleSpec, settings: Settings) -> None:
        self.spec = spec
        self.settings = settings

    @classmethod
    def prepare(cls, spec: RuleSpec) -> dict[str, Any]:
        """Data derived from a spec alone (no settings), computed once and cached on disk with
        the rule pack; `__init__` finds it in `spec.derived`."""
        return {}

    @property
    def id(self) -> str:
        return self.spec.id

    def check(self, doc: Document, ctx: Analysis) -> Iterable[Finding]:
        raise NotImplementedError

    # Cross-file kinds: collect a picklable fingerprint in the per-document pass, compare later.
    def fingerprint(self, doc: Document, ctx: Analysis) -> Any:
        return None

    def compare(self, collected: Sequence[tuple[str, Any]]) -> list[Finding]:
        return []

    def iter_compare(self, collected: Sequence[tuple[str, Any]]) -> Iterator[Finding]:
        """`compare`'s findings one at a time (a kind with many overrides this, so a run need not
        hold them all at once)."""
        return iter(self.compare(collected))

    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str | None = None,
        *,
        severity: Severity | None = None,
        suggestion: str | None = None,
        document_level: bool = False,
        fix: str | None = None,
        **fields: Any,
    ) -> Finding:
        """A finding of this rule at source offsets [start, end) of `doc`. The message template
        may use {match} and any extra keyword fields; `fix` is an exact replacement of the span."""
        excerpt = doc.source.text[start:end]
        template = message if message is not None else self.spec.message
        text = render(template, match=excerpt, **fields)
        return Finding(
            rule=self.spec.id,
            category=self.spec.category,
            severity=severity or self.spec.severity,
            message=text,
            location=locate(doc, start, end),
            excerpt=excerpt,
            suggestion=suggestion if suggestion is not None else self._suggestion(excerpt, fields),
            document_level=document_level,
            fix=fix,
            precedence=self.spec.precedence,
        )

    def _suggestion(self, excerpt: str, fields: dict[str, Any]) -> str | None:
        if self.spec.suggest is None:
            return None
        return render(self.spec.suggest, match=excerpt, **fields)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: str, **fields: Any) -> str:
    """Fill {placeholders} in a rule message; unknown placeholders are left as written."""
    return template.format_map(_Blank(**{k: " ".join(str(v).split()) for k, v in fields.items()}))
