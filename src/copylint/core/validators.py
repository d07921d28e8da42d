"""Small validators for kind-specific rule keys: each returns the cleaned value or raises
ValueError with a message a rule author can act on."""

from __future__ import annotations

import string as _string
from typing import Any, Callable, Iterable

import regex
from copylint.regexcache import rx


def string(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty string")
    return value


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
    return check


def one_of(*choices: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"must be one of: {', '.join(choices)} (got {value!r})")
        return value
    return check


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


def regex_list(value: Any) -> list[str]:
    patterns = string_list(value)
    for pattern in patterns:
        compile_pattern(pattern)
    return patterns


def mapping(keys: dict[str, Callable[[Any], Any]], required: Iterable[str] = ()) -> Callable[[Any], dict]:
    """A nested mapping with a fixed set of keys."""
    required = tuple(required)

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
                out[k] = keys[k](v)
            except ValueError as exc:
                raise ValueError(f"{k}: {exc}") from None
        return out
    return check


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
    return check


def anything(value: Any) -> Any:
    return value
