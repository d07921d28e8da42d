"""The reference docs made from the declarations (each config key in config/keys.py, each kind option
beside its kind, the common rule keys in ruleset/schema.py): the key reference inside
docs/configuration.md, docs/copylint.schema.json, docs/rule.schema.json and docs/rule-kinds.md. `python -m copylint.cli.docgen` rewrites them; `--check` lists stale ones (a test
runs it). The same declarations always give the same bytes."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Sequence

from copylint.config import keys as config_keys
from copylint.core import validators as v

BEGIN = "<!-- generated from copylint/config/keys.py by `python -m copylint.cli.docgen`: edit the declarations, not this -->"
END = "<!-- end of generated key reference -->"
CONFIGURATION = Path("docs") / "configuration.md"
SCHEMA = Path("docs") / "copylint.schema.json"
RULE_SCHEMA = Path("docs") / "rule.schema.json"
RULE_SCHEMA_ID = "https://github.com/copylint/copylint/raw/main/docs/rule.schema.json"
KINDS = Path("docs") / "rule-kinds.md"
REGENERATE = "python -m copylint.cli.docgen"


def kinds_markdown() -> str:
    """Every rule kind: what it does, then each of its keys with type and help text."""
    import importlib

    from copylint.kinds import KINDS as kinds

    out = ["# Rule kinds and their options", "",
           f"Generated from the kinds' option declarations by `{REGENERATE}`; do not edit.",
           "Every rule also has the common keys `id`, `kind`, `category`, `severity`, `message`, `why`,",
           "`source`, `examples` and optionally `suggest`, `summary` and `precedence` (see the README's \"Rules are data\").", ""]
    for name in sorted(kinds):
        kind = kinds[name]
        doc = (importlib.import_module(kind.__module__).__doc__ or "").strip()
        out += [f"## `{name}`", "", " ".join(doc.split()), ""]
        if kind.required:
            out += ["Required: " + ", ".join(f"`{k}`" for k in sorted(kind.required)) + ".", ""]
        out += ["| Key | Type | What it does |", "| --- | --- | --- |"]
        for key, option in kind.options.items():
            out += _option_rows(key, option)
        out.append("")
    return "\n".join(out)


def _option_rows(key: str, option: Any) -> list[str]:
    rows = [f"| `{key}` | {_cell(v.words_of(option))} | {_cell(option.help)} |"]
    check = option.validate
    inner = getattr(check, "item", None)
    sub = getattr(check, "keys", None) or getattr(inner, "keys", None)
    for name, part in (sub or {}).items():
        rows += _option_rows(f"{key}{'[].' if inner is not None else '.'}{name}", part)
    return rows


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def rule_schema() -> dict[str, Any]:
    """A JSON Schema (draft 7) of a rule file: its rules (common keys, and each kind's own keys
    once `kind` is known), vocabularies, pattern lists and former ids."""
    from copylint.core.ids import RULE_ID
    from copylint.kinds import KINDS as kinds
    from copylint.core.models import CATEGORIES
    from copylint.ruleset.schema import COMMON_HELP, REQUIRED_KEYS

    text = {"type": "string", "minLength": 1}
    sentences = {"type": "array", "minItems": 1, "items": text}
    common = {
        "id": {"type": "string", "pattern": RULE_ID.pattern}, "kind": {"enum": sorted(kinds)},
        "category": {"enum": list(CATEGORIES)}, "severity": {"enum": ["error", "warning", "info"]},
        "message": text, "why": text, "source": text, "suggest": {"type": "string"}, "summary": text,
        "precedence": {"type": "integer", "minimum": -9, "maximum": 9},
        "examples": {"type": "object", "additionalProperties": False, "required": ["bad", "good"],
                     "properties": {"bad": sentences, "good": sentences}},
    }
    common = {key: {**common[key], "description": help} for key, help in COMMON_HELP.items()}
    by_kind = []
    for name in sorted(kinds):
        kind = kinds[name]
        own = {key: {**v.schema_of(option), "description": option.help} for key, option in kind.options.items()}
        by_kind.append({"if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
                        "then": {"properties": {**common, **own}, "additionalProperties": False,
                                 "required": sorted(kind.required)}})
    regex = {"type": "string", "minLength": 1, "format": "regex"}
    return config_keys.file_schema(
        RULE_SCHEMA_ID, "copylint rule file (rules/*.yaml, or a team's own pack)",
        {
            "rules": {"type": "array", "items": {"$ref": "#/definitions/rule"}},
            "vocabularies": {"type": "object", "additionalProperties": {"type": "array", "items": text},
                             "description": "named lists of terms the kinds' options refer to"},
            "patterns": {"type": "object", "additionalProperties": {"type": "array", "items": regex},
                         "description": "named lists of regular expressions the kinds' options refer to"},
            "aliases": {"type": "object", "propertyNames": common["id"], "additionalProperties": common["id"],
                        "description": "former rule id -> current rule id"},
        },
        definitions={"rule": {"type": "object", "required": list(REQUIRED_KEYS), "properties": common,
                              "allOf": by_kind}},
    )


def configuration_page(current: str) -> str:
    """docs/configuration.md with the text between the markers replaced by the key reference."""
    start, end = current.index(BEGIN) + len(BEGIN), current.index(END)
    return current[:start] + "\n\n" + config_keys.keys_markdown() + "\n" + current[end:]


def generated(root: Path) -> dict[Path, str]:
    """Each generated file (relative to the repository root) and the text it should hold."""
    page = (root / CONFIGURATION).read_text(encoding="utf-8")
    rules = json.dumps(rule_schema(), indent=2, ensure_ascii=False) + "\n"
    return {CONFIGURATION: configuration_page(page), SCHEMA: config_keys.schema_text(), RULE_SCHEMA: rules,
            KINDS: kinds_markdown()}


def stale(root: Path) -> list[Path]:
    return [rel for rel, text in generated(root).items()
            if not (root / rel).exists() or (root / rel).read_text(encoding="utf-8") != text]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    root = Path(next((a for a in args if not a.startswith("-")), "."))
    if "--check" in args:
        old = stale(root)
        for rel in old:
            print(f"{rel} is out of date: run `{REGENERATE}`")
        return 1 if old else 0
    for rel, text in generated(root).items():
        path = root / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
