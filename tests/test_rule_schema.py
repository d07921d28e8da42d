"""A bad rule file fails with exit code 2 and names the file, the line and the problem."""

from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner

from copylint.cli import main

GOOD = """\
rules:
  - id: hype.buzzword
    kind: phrase
    category: hype
    severity: warning
    message: "'{match}' is a banned buzzword."
    why: House style bans it.
    source: Our style guide
    terms: [synergy]
    examples:
      bad: ["Pure synergy."]
      good: ["Plain words."]
"""


def run_with_rules(tmp_path, text: str):
    rules = tmp_path / "team.yaml"
    rules.write_text(textwrap.dedent(text))
    draft = tmp_path / "draft.txt"
    draft.write_text("Pure synergy in every vial.\n")
    return CliRunner().invoke(main, ["check", "--rules", str(rules), str(draft)]), str(rules)


def test_extra_rule_file_is_used(tmp_path):
    result, _ = run_with_rules(tmp_path, GOOD)
    assert result.exit_code == 1
    assert "hype.buzzword" in result.output


@pytest.mark.parametrize(
    "mutate, line, problem",
    [
        (lambda t: t.replace("    terms: [synergy]\n", "    terms: [synergy]\n    colour: red\n"), 10, "unknown key 'colour'"),
        (lambda t: t.replace("kind: phrase", "kind: telepathy"), 3, "unknown kind 'telepathy'"),
        (lambda t: t.replace("terms: [synergy]", "patterns: ['(unclosed']"), 9, "invalid regular expression"),
        (lambda t: t.replace("    why: House style bans it.\n", ""), 2, "missing required key 'why'"),
        (lambda t: t.replace("category: hype", "category: vibes"), 4, "category 'vibes' must be one of"),
        (lambda t: t.replace("severity: warning", "severity: fatal"), 5, "severity 'fatal'"),
        (lambda t: t.replace("id: hype.buzzword", "id: Buzzword"), 2, "must be dotted lower-case"),
        (lambda t: t + t.replace("rules:\n", ""), 13, "duplicate rule id 'hype.buzzword'"),
        (lambda t: t.replace("      good: [\"Plain words.\"]\n", ""), 10, "examples.good"),
        (lambda t: t.replace("rules:", "rules: [\n"), 0, "invalid YAML"),
        (lambda t: t.replace("severity: warning", "severity: warning\n    precedence: high"), 6, "'precedence' must be an integer"),
    ],
)
def test_bad_rule_file_names_file_and_line(tmp_path, mutate, line, problem):
    result, path = run_with_rules(tmp_path, mutate(GOOD))
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert path in message and problem in message
    if line:
        assert f"{path}:{line}:" in message
    assert len(message.splitlines()) == 1


def test_duplicate_id_of_the_default_pack(tmp_path):
    result, path = run_with_rules(tmp_path, GOOD.replace("hype.buzzword", "efficacy.cure").replace("category: hype", "category: efficacy"))
    assert result.exit_code == 2
    assert "duplicate rule id 'efficacy.cure'" in result.stderr and "efficacy.yaml" in result.stderr


@pytest.mark.parametrize("vocabularies, line, problem", [
    ("vocabularies: [a, b]\n", 1, "'vocabularies' must map names to lists of terms"),
    ("vocabularies:\n  things: 3\n", 2, "vocabulary 'things' must be a list of strings"),
])
def test_bad_vocabularies_name_file_and_line(tmp_path, vocabularies, line, problem):
    result, path = run_with_rules(tmp_path, vocabularies + GOOD)
    assert result.exit_code == 2, result.output
    assert f"{path}:{line}: {problem}" in result.stderr


VOCAB_REF = "vocabularies:\n  house_buzzwords: [synergy, disruptor, thought leader]\n" + GOOD.replace(
    "terms: [synergy]", "patterns: ['\\bpure\\s+{vocab:house_buzzwords}']").replace(
    'bad: ["Pure synergy."]', 'bad: ["Pure synergy.", "Pure thought leaders."]')


def test_pattern_names_a_vocabulary_once_for_all_its_terms(tmp_path):
    result, _ = run_with_rules(tmp_path, VOCAB_REF)
    assert result.exit_code == 1, result.output
    assert "'Pure synergy' is a banned buzzword" in result.output
    from copylint.ruleset.loader import load_pack

    (spec,) = [s for s in load_pack([tmp_path]).specs if s.id == "hype.buzzword"]
    assert "{vocab:" not in spec.options["patterns"][0] and "thought" in spec.options["patterns"][0]


def test_unknown_vocabulary_in_a_pattern_names_file_and_line(tmp_path):
    result, path = run_with_rules(tmp_path, VOCAB_REF.replace("{vocab:house_buzzwords}", "{vocab:house_buzzword}"))
    assert result.exit_code == 2, result.output
    assert f"{path}:4:" in result.output and "unknown vocabulary {vocab:house_buzzword}" in result.output
