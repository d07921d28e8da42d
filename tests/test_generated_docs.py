"""Document once: every config key and every kind option is declared once, with its help text
(config/keys.py; each kind's `options`), and docs/configuration.md's key reference,
docs/copylint.schema.json, docs/rule-kinds.md and `copylint init`'s starter are generated from
those declarations. The generated files must be current, and the schema must accept what the
configuration parser accepts (the starter, every documented example) and refuse what it refuses."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from copylint.cli import docgen
from copylint.config import keys as config_keys
from copylint.cli.init import STARTER
from copylint.config import KEYS, ConfigError, parse_config
from copylint.core import validators as v
from copylint.core.spec import Option
from copylint.kinds import KINDS

from test_config_examples import doc_examples, starter_blocks

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "copylint.schema.json").read_text(encoding="utf-8"))


def as_json(data):
    """What an editor's schema check sees: YAML dates are strings there."""
    return json.loads(json.dumps(data, default=lambda o: o.isoformat() if isinstance(o, dt.date) else str(o)))


def schema_errors(data) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMA)
    return [e.message for e in validator.iter_errors(as_json(data))]


def test_the_generated_docs_and_schema_are_current():
    assert docgen.stale(ROOT) == [], f"generated docs are out of date: run `{docgen.REGENERATE}`"


def test_a_stale_file_is_seen(tmp_path):
    (tmp_path / "docs").mkdir()
    page = (ROOT / docgen.CONFIGURATION).read_text(encoding="utf-8")
    (tmp_path / docgen.CONFIGURATION).write_text(page.replace("| `fail-on` |", "| `fail_on` |"), encoding="utf-8")
    assert docgen.main([str(tmp_path), "--check"]) == 1
    assert sorted(map(str, docgen.stale(tmp_path))) == sorted(map(str, [docgen.CONFIGURATION, docgen.SCHEMA,
                                                                        docgen.RULE_SCHEMA, docgen.KINDS]))
    assert docgen.main([str(tmp_path)]) == 0 and docgen.stale(tmp_path) == []


def test_the_schema_is_a_valid_draft_7_schema_naming_every_key():
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    assert list(SCHEMA["properties"]) == list(KEYS) and SCHEMA["additionalProperties"] is False
    assert all(prop.get("description") for prop in SCHEMA["properties"].values())


def test_the_starter_is_generated_and_valid_against_the_schema():
    assert STARTER == config_keys.starter()
    assert schema_errors(yaml.safe_load(STARTER)) == []  # all comments: an empty file
    blocks = starter_blocks()
    assert {next(iter(yaml.safe_load(b))) for b in blocks} == set(KEYS)
    for block in blocks:
        assert schema_errors(yaml.safe_load(block)) == [], block
    assert schema_errors(yaml.safe_load("".join(blocks))) == []


@pytest.mark.parametrize("where, text", doc_examples(), ids=lambda x: x if isinstance(x, str) and len(x) < 40 else "")
def test_every_documented_example_is_valid_against_the_schema(where, text):
    assert schema_errors(yaml.safe_load(text)) == [], f"{where}:\n{text}"


# Values the parser refuses; the schema must refuse each too (and accept the good ones).
BAD = [
    {"fail_on": "error"}, {"fail-on": "sometimes"}, {"select": "efficacy"}, {"select": ["Efficacy!"]},
    {"severity": {"hype": "loud"}}, {"severity": ["hype"]}, {"duplicates": {"threshold": 2}},
    {"duplicates": {"min-words": 0}}, {"duplicates": {"size": 3}}, {"html": {"comments": "maybe"}},
    {"html": {"skip": "div"}}, {"format": "pdf"}, {"disclaimers": {"disclaimer.x": "one"}},
    {"per-file-ignores": {"*.md": "hype"}}, {"exclude": [""]},
]
GOOD = [
    {}, {"select": ["efficacy", "hype.miracle"], "fail-on": "never"}, {"severity": {"hype": "off"}},
    {"severity": {"hype": False}}, {"duplicates": {"threshold": 1, "min-words": 3}},
    {"html": {"skip": [".popup"], "comments": "lint"}}, {"as-of": "2026-01-01"}, {"format": "sarif"},
]


@pytest.mark.parametrize("data", BAD, ids=lambda d: json.dumps(d))
def test_what_the_parser_refuses_the_schema_refuses(data, tmp_path):
    with pytest.raises(ConfigError):
        parse_config(data, "c.yaml", base=tmp_path)
    assert schema_errors(data) != []


@pytest.mark.parametrize("data", GOOD, ids=lambda d: json.dumps(d))
def test_what_the_parser_accepts_the_schema_accepts(data, tmp_path):
    parse_config(data, "c.yaml", base=tmp_path)
    assert schema_errors(data) == []


def test_every_kind_option_is_declared_with_help_and_a_schema():
    for name, kind in KINDS.items():
        assert kind.options, name
        for key, option in kind.options.items():
            assert isinstance(option, Option), f"{name}.{key}: declare it as Option(validator, \"help text\")"
            assert len(option.help) > 10, f"{name}.{key}: its help text says too little"
            jsonschema.Draft7Validator.check_schema(v.schema_of(option))
            assert v.words_of(option)
            assert f"| `{key}` |" in docgen.kinds_markdown()


def test_a_kind_option_schema_agrees_with_its_validator():
    """Spot checks: what the validator accepts, the schema accepts, and the other way round."""
    from copylint.kinds.phrase import UNLESS

    cases = [(v.string_list, "a", True), (v.string_list, ["a", "b"], True), (v.string_list, 3, False),
             (v.boolean, True, True), (v.boolean, "yes", False), (v.number(1, 20), 5, True), (v.number(1, 20), 30, False),
             (v.count, 2, True), (v.count, -1, False), (v.one_of("a", "b"), "a", True), (v.one_of("a", "b"), "c", False),
             (UNLESS, {"negated": False, "phrases": ["x"]}, True), (UNLESS, {"negate": True}, False)]
    for check, value, ok in cases:
        try:
            check(value)
            accepted = True
        except ValueError:
            accepted = False
        valid = jsonschema.Draft7Validator(v.schema_of(check)).is_valid(value)
        assert accepted == ok == valid, (check, value)


RULE_SCHEMA = json.loads((ROOT / "docs" / "rule.schema.json").read_text(encoding="utf-8"))


def rule_errors(data) -> list[str]:
    return [e.message for e in jsonschema.Draft7Validator(RULE_SCHEMA).iter_errors(data)]


@pytest.mark.parametrize("path", sorted((ROOT / "rules").rglob("*.yaml")), ids=lambda p: p.name)
def test_every_shipped_rule_file_is_valid_against_the_rule_schema(path):
    assert rule_errors(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


RULE = {"id": "hype.x", "kind": "phrase", "category": "hype", "severity": "warning", "message": "m",
        "why": "w", "source": "s", "terms": ["x"], "examples": {"bad": ["x"], "good": ["y"]}}


@pytest.mark.parametrize("change", [
    {"triggers": ["x"]},  # a key of another kind
    {"kind": "phrases"}, {"severity": "fatal"}, {"id": "Hype X"}, {"scope": "page"},
    {"unless": {"negate": True}}, {"examples": {"bad": ["x"]}}, {"case_sensitive": "no"}, {"why": ""},
], ids=lambda c: json.dumps(c))
def test_the_rule_schema_refuses_what_the_loader_refuses(change, tmp_path):
    from copylint.ruleset.loader import load_pack
    from copylint.ruleset.schema import RuleError

    rule = {**RULE, **change}
    (tmp_path / "hype.yaml").write_text(yaml.safe_dump({"rules": [rule]}), encoding="utf-8")
    with pytest.raises(RuleError):
        load_pack([tmp_path])
    assert rule_errors({"rules": [rule]}) != []


def test_the_rule_schema_accepts_a_good_rule_and_the_readme_example(tmp_path):
    import re

    assert rule_errors({"rules": [RULE]}) == []
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (block,) = [b for b in re.findall(r"```yaml\n(.*?)```", readme, flags=re.S) if b.startswith("rules:\n  - id:")]
    assert rule_errors(yaml.safe_load(block)) == []
