"""Every key of `.copylint.yaml`, declared once: its type (as JSON Schema), default, help text and
example. config.py parses by these names; `copylint init`'s starter, the key reference in
docs/configuration.md and docs/copylint.schema.json are generated from them (copylint.cli.docgen)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from copylint.core.ids import OUTPUT_FORMATS, SELECTOR

LEVELS = ("error", "warning", "info", "off")
FAIL_ON = ("error", "warning", "info", "never")
SCHEMA_ID = "https://github.com/copylint/copylint/raw/main/docs/copylint.schema.json"

_SELECTOR = {"type": "string", "pattern": SELECTOR.pattern}
_SELECTORS = {"type": "array", "items": _SELECTOR}
_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}


@dataclass(frozen=True)
class Key:
    """One configuration key. `default` is YAML text of the value copylint uses without the key
    (None when the default is not a value, e.g. "every rule": then `default_text` says it);
    `example` is YAML text of a value worth showing (None: show the default)."""

    name: str
    attrs: tuple[str, ...]  # the Config attributes it sets (an override replaces exactly these)
    schema: dict[str, Any]
    help: str
    default: str | None = None
    default_text: str | None = None
    example: str | None = None
    keys: tuple["Key", ...] = ()  # the keys of a table (duplicates, html)

    @property
    def shown(self) -> str:
        """The YAML value the starter and the docs show."""
        return self.example if self.example is not None else self.default or ""

    @property
    def default_words(self) -> str:
        if self.default_text:
            return self.default_text
        return "none" if self.default in (None, "[]", "{}") else f"`{self.default}`"

    def type_words(self) -> str:
        return schema_words(self.schema)


def _table(keys: tuple[Key, ...]) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False,
            "properties": {k.name: {**k.schema, "description": k.help} for k in keys}}


DUPLICATE_KEYS = (
    Key("threshold", ("duplicate_threshold",), {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
        "The shingle Jaccard at which two blocks count as near copies (1: exact copies only).", default="0.8"),
    Key("min-words", ("duplicate_min_words",), {"type": "integer", "minimum": 1},
        "Blocks shorter than this count only inside a repeated run of blocks.", default="8"),
)
HTML_KEYS = (
    Key("skip", (), _STRINGS, "Elements never linted: simple selectors (tag, .class, #id, [attr], [attr=value]).",
        default="[]", example='[".newsletter-popup", "[data-nosnippet]"]'),
    Key("chrome", (), _STRINGS, "Site chrome: linted once per run, left out of readability.", default="[]",
        example='["#promo-strip"]'),
    Key("comments", (), {"enum": ["lint", "skip"]}, "Whether user comments on a page are linted.", default="skip"),
)

KEYS: tuple[Key, ...] = (
    Key("select", ("select",), _SELECTORS,
        'Rules to run: ids or dotted prefixes ("efficacy" selects efficacy.cure, efficacy.reverse, ...).',
        default_text="every rule", example="[efficacy, safety, regulatory]"),
    Key("extend-select", ("extend_select",), _SELECTORS, "Rules added to the selection.", default="[]",
        example="[hype.miracle]"),
    Key("ignore", ("ignore",), _SELECTORS, "Rules left out of the selection.", default="[]",
        example="[efficacy.clinically-proven]"),
    Key("exclude", ("exclude",), _STRINGS,
        "Files or folders never linted, even when named on the command line (globs).", default="[]",
        example='["archive/**", "vendor"]'),
    Key("per-file-ignores", ("per_file_ignores",), {"type": "object", "additionalProperties": _SELECTORS},
        "Rules switched off for some files only: glob -> rule ids or prefixes.", default="{}",
        example='\n  "legal/*.md": [pressure]'),
    Key("severity", ("severity",), {"type": "object", "propertyNames": _SELECTOR,
                                    "additionalProperties": {"enum": [*LEVELS, False]}},
        "A rule's severity: error, warning, info, or off (ids or prefixes).", default_text="each rule's own",
        example="\n  hype: info\n  copylint.suppression-without-reason: off"),
    Key("fail-on", ("fail_on",), {"enum": list(FAIL_ON)},
        "Exit with status 1 when a finding of this severity or worse is reported (error, warning, info, "
        "or never).", default="warning"),
    Key("rules", ("rules",), _STRINGS,
        "Your team's own rule directories or files, in the same YAML format as the built-in pack.",
        default="[]", example="[team-rules]"),
    Key("as-of", ("as_of",), {"type": "string", "format": "date"},
        "Fixed reference date (YYYY-MM-DD) for the date checks.", default_text="today", example="2026-01-01"),
    Key("duplicates", ("duplicate_threshold", "duplicate_min_words"), _table(DUPLICATE_KEYS),
        "Near-duplicate paragraphs within and across files.", default="\n  threshold: 0.8\n  min-words: 8",
        default_text="threshold 0.8, min-words 8",
        keys=DUPLICATE_KEYS),
    Key("disclaimers", ("disclaimers",), {"type": "object", "propertyNames": _SELECTOR, "additionalProperties": _STRINGS},
        "More wordings that count as a required disclaimer, by rule id (a regular expression, or a "
        "phrase when it is not one).", default_text="the rule's own",
        example='\n  disclaimer.medical-advice: ["This page is for information only. Ask your doctor before any treatment."]'),
    Key("format", ("format",), {"enum": list(OUTPUT_FORMATS)},
        f"Output format ({', '.join(OUTPUT_FORMATS)}).", default="text"),
    Key("html", ("html",), _table(HTML_KEYS), "How web pages' regions are read (see the README).",
        default_text="every region linted, comments skipped",
        example='\n  skip: [".newsletter-popup"]\n  chrome: ["#promo-strip"]\n  comments: skip', keys=HTML_KEYS),
)
BY_NAME = {k.name: k for k in KEYS}


def schema_words(schema: dict[str, Any]) -> str:
    """A JSON Schema fragment in a few words, for the docs' type column."""
    if "enum" in schema:
        return " \\| ".join(str(v).lower() if isinstance(v, bool) else str(v) for v in schema["enum"] if v is not False)
    kind = schema.get("type")
    if kind == "array":
        return "list of " + ("rule ids or prefixes" if schema["items"].get("pattern") == SELECTOR.pattern else "strings")
    if kind == "object" and "properties" in schema:
        return "table"
    if kind == "object":
        return "table: " + ("rule id" if "propertyNames" in schema else "glob") + " -> " + schema_words(schema["additionalProperties"])
    if schema.get("format") == "date":
        return "date"
    if kind == "number" and "maximum" in schema:
        return f"number in (0, {schema['maximum']}]" if "exclusiveMinimum" in schema else f"number <= {schema['maximum']}"
    if kind == "integer":
        return f"whole number >= {schema.get('minimum', 0)}"
    return str(kind)


# -- what is generated from the declarations ---------------------------------------------------

STARTER_HEAD = """\
# copylint configuration (see docs/configuration.md). Paths and globs are relative to this file.
# Every key is commented out, so this file changes nothing: copylint behaves as with no file.
# Uncomment a key to change it. Values marked "default" are what copylint does without the key;
# the others are examples. Flags on the command line win over this file.
# Editors with YAML support can complete and check it with docs/copylint.schema.json.
"""


def _comment(text: str) -> list[str]:
    import textwrap  # (the generated starter and docs only: a lint run never loads it)

    return ["# " + line for line in textwrap.wrap(text, 98)]


def starter() -> str:
    """`copylint init`'s file: each key's help, its default, and the key commented out."""
    out = [STARTER_HEAD]
    for key in KEYS:
        shown_default = key.example is None
        tail = "Default:" if shown_default else f"Default: {_plain(key.default_words)}. Example:"
        out.append("\n".join([*_comment(f"{key.help} {tail}"), *_yaml_lines(key.name, key.shown, "# ")]) + "\n")
    return "\n".join(out)


def _plain(words: str) -> str:
    return words.replace("`", "")


def _yaml_lines(name: str, value: str, prefix: str) -> list[str]:
    if value.startswith("\n"):
        return [f"{prefix}{name}:", *(prefix + line for line in value[1:].split("\n"))]
    return [f"{prefix}{name}: {value}"]


def keys_markdown() -> str:
    """The key reference of docs/configuration.md: every key shown in one YAML block, then a
    table of types, defaults and meanings."""
    block = [line for key in KEYS for line in _yaml_lines(key.name, key.shown, "")]
    rows = ["| Key | Type | Default | What it does |", "| --- | --- | --- | --- |"]
    for key in KEYS:
        rows.append(f"| `{key.name}` | {key.type_words()} | {key.default_words} | {key.help} |")
        for sub in key.keys:
            rows.append(f"| `{key.name}.{sub.name}` | {sub.type_words()} | {sub.default_words} | {sub.help} |")
    return "\n".join(["```yaml", *block, "```", "", *rows, ""])


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 7, as YAML editors read) of `.copylint.yaml` and `[tool.copylint]`."""
    properties = {}
    for key in KEYS:
        prop = {**key.schema, "description": key.help}
        if key.default is not None:
            prop["default"] = _yaml_value(key.default)
        properties[key.name] = prop
    return file_schema(SCHEMA_ID, "copylint configuration (.copylint.yaml, or [tool.copylint] in pyproject.toml)", properties)


def file_schema(schema_id: str, title: str, properties: dict[str, Any], **more: Any) -> dict[str, Any]:
    """A draft 7 schema of a YAML file of copylint's: a mapping of exactly `properties` (or empty)."""
    return {"$schema": "http://json-schema.org/draft-07/schema#", "$id": schema_id, "title": title,
            "type": ["object", "null"], "additionalProperties": False, "properties": properties, **more}


def schema_text() -> str:
    import json  # (docs generation only)

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def _yaml_value(text: str) -> Any:
    import yaml

    return yaml.safe_load(text)
