"""Small validators for kind-specific rule keys: each returns the cleaned value or raises
ValueError with a message a rule author can act on, and carries the JSON Schema of what it
accepts (`.schema`) and a few words saying it (`.words`) for the generated docs."""

from __future__ import annotations

import string as _string
from typing import Any, Callable, Iterable

import regex
from copylint.core.regexcache import rx

_STRING = {"type": "string", "minLength": 1}


def typed(schema: dict[str, Any], words: str) -> Callable[[Callable], Callable]:
    """Mark a validator with the JSON Schema of the values it accepts and a short description."""
    def mark(check: Callable) -> Callable:
        check.schema, check.words = schema, words
        return check
    return mark


def schema_of(check: Any) -> dict[str, Any]:
    """The schema of a validator (or of an Option's validator)."""
    return getattr(check, "validate", check).schema


def words_of(check: Any) -> str:
    return getattr(check, "validate", check).words


@typed(_STRING, "string")
def string(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty string")
    return value


@typed({"type": "boolean"}, "true or false")
def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def number(low: float | None = None, high: float | None = None) -> Callable[[Any], float]:
    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError("must be a number")
        if (low is not None and value < low) or (high is not None and value > high):
            raise ValueError(f"must be between {low} and {high}")
        return value
    bounds = {k: b for k, b in (("minimum", low), ("maximum", high)) if b is not None}
    words = f"number from {low} to {high}" if low is not None and high is not None else "number"
    return typed({"type": "number", **bounds}, words)(check)


@typed({"type": "integer", "minimum": 0}, "whole number >= 0")
def count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("must be a non-negative integer")
    return value


def one_of(*choices: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"must be one of: {', '.join(choices)} (got {value!r})")
        return value
    return typed({"enum": list(choices)}, " | ".join(choices))(check)


@typed({"anyOf": [_STRING, {"type": "array", "items": _STRING}]}, "string or list of strings")
def string_list(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError("must be a string or a list of non-empty strings")
    return list(value)


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern:
    try:
        return rx(pattern, flags | regex.V0)
    except regex.error as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None


_REGEX = {"type": "string", "minLength": 1, "format": "regex"}


@typed(_REGEX, "regular expression")
def pattern(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a regular expression string")
    compile_pattern(value)
    return value


@typed({"anyOf": [_REGEX, {"type": "array", "items": _REGEX}]}, "regular expression or list of them")
def regex_list(value: Any) -> list[str]:
    patterns = string_list(value)
    for pattern in patterns:
        compile_pattern(pattern)
    return patterns


def mapping(keys: dict[str, Any], required: Iterable[str] = ()) -> Callable[[Any], dict]:
    """A nested mapping with a fixed set of keys (each a validator, or an Option with its help)."""
    required = tuple(required)
    checks = {k: getattr(c, "validate", c) for k, c in keys.items()}

    def check(value: Any) -> dict:
        if not isinstance(value, dict):
            raise ValueError("must be a mapping")
        unknown = sorted(set(value) - set(keys), key=str)  # YAML keys may be of mixed types
        if unknown:
            raise ValueError(f"unknown key {unknown[0]!r} (allowed: {', '.join(sorted(keys))})")
        missing = [k for k in required if k not in value]
        if missing:
            raise ValueError(f"missing key {missing[0]!r}")
        out = {}
        for k, v in value.items():
            try:
                out[k] = checks[k](v)
            except ValueError as exc:
                raise ValueError(f"{k}: {exc}") from None
        return out
    schema = {"type": "object", "additionalProperties": False,
              "properties": {k: {**schema_of(c), **({"description": c.help} if hasattr(c, "help") else {})}
                             for k, c in keys.items()}}
    if required:
        schema["required"] = list(required)
    check.keys = keys  # for the docs: each key's help
    return typed(schema, "mapping")(check)


def list_of(item: Callable[[Any], Any], words: str | None = None) -> Callable[[Any], list]:
    """A non-empty list, each item checked by `item` (`words` names the items in messages)."""
    words = words or words_of(item) + "s"

    def check(value: Any) -> list:
        if not isinstance(value, list) or not value:
            raise ValueError(f"must be a list of {words}")
        out = []
        for i, v in enumerate(value):
            try:
                out.append(item(v))
            except ValueError as exc:
                raise ValueError(f"item {i + 1}: {exc}") from None
        return out
    check.item = item
    return typed({"type": "array", "minItems": 1, "items": schema_of(item)}, f"list of {words}")(check)


def check_template(template: str, fields: Iterable[str]) -> str:
    """A rule message: text with {placeholders} naming only `fields`, with no attribute or index
    access, no conversion and no format spec (so a message can neither show Python internals
    nor grow without bound). Raises ValueError saying what is wrong."""
    allowed = set(fields)
    try:
        parts = list(_string.Formatter().parse(template))
    except ValueError as exc:
        raise ValueError(f"bad placeholder in {template!r}: {exc} (write {{{{ and }}}} for literal braces)") from None
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(f"placeholder {{{name}}} must be a plain field name; known fields: {', '.join(sorted(allowed))}")
        if spec or conversion:
            raise ValueError(f"placeholder {{{name}}} may not have a format spec or conversion ('!' or ':')")
        if name not in allowed:
            raise ValueError(f"unknown placeholder {{{name}}}; known fields: {', '.join(sorted(allowed))}")
    return template


def template(fields: Iterable[str]) -> Callable[[Any], str]:
    """Validator of a message template option (see check_template)."""
    known = tuple(fields)

    def check(value: Any) -> str:
        return check_template(string(value), known)
    return typed(_STRING, "message template")(check)
