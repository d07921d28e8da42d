"""Per-document analysis cache: each analysis (cues, claim strength, dates, ...) is computed at
most once per document and shared by every rule that asks for it."""

from __future__ import annotations

from typing import Any, Callable, TypeVar

from copylint.core.models import Document

T = TypeVar("T")


class Analysis:
    """Lazily computed, memoised analyses of one document.

    An analysis is any pure function `fn(doc) -> T`; `ctx.get(fn)` runs it once and caches the
    result, so analysis modules never need registering here.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._cache: dict[Callable[..., Any], Any] = {}

    def get(self, fn: Callable[[Document], T]) -> T:
        try:
            return self._cache[fn]
        except KeyError:
            value = self._cache[fn] = fn(self.doc)
            return value
