"""Configuration examples are true: `copylint init`'s starter changes no default (as written it
gives exactly the configuration of no file, and the same findings), each of its commented
examples is a valid configuration once uncommented, and so is every configuration example in
README.md and docs/ (YAML blocks and inline `key: value` snippets), with rule ids that exist."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
import yaml

from copylint.cli.common import load_rules
from copylint.cli.init import STARTER
from copylint.config import KEYS, Config, check_selectors, load_config
from copylint.ruleset.loader import load_pack
from workflow_helpers import invoke, write

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", ROOT / "docs" / "configuration.md", ROOT / "docs" / "ci.md",
        *sorted((ROOT / "docs" / "rules").glob("*.md"))]
PAGE = (
    "# Care\n\nOur stem cells cure arthritis. This revolutionary treatment is here. Call now for a free "
    "consultation.\n\nThis page is for information only. Ask your doctor before any treatment.\n"
)
KEY_LINE = re.compile(r"^# (" + "|".join(map(re.escape, KEYS)) + r"):(?: |$)")


@pytest.fixture(scope="module")
def rule_ids():
    pack, _, _ = load_rules()
    return [s.id for s in pack.specs]


def valid(text: str, folder: Path, rule_ids) -> Config:
    """Load `text` as .copylint.yaml in `folder` and check its rule ids against the pack; a rule
    folder it names is created first (the examples name a folder of your own)."""
    data = yaml.safe_load(text) or {}
    for name in data.get("rules", []) if isinstance(data, dict) else []:
        (folder / name).mkdir(parents=True, exist_ok=True)
    path = write(folder, ".copylint.yaml", text)
    config = load_config(path)
    check_selectors(config, rule_ids)
    return config


def starter_blocks() -> list[str]:
    """Each commented example of the starter (a `# key:` line and its indented lines), uncommented."""
    blocks: list[list[str]] = []
    for line in STARTER.splitlines():
        if KEY_LINE.match(line):
            blocks.append([line[2:]])
        elif blocks and line.startswith("#   ") and blocks[-1] is not None:
            blocks[-1].append(line[2:])
        elif blocks:
            blocks.append(None)  # a prose line ends the block
    return ["\n".join(b) + "\n" for b in blocks if b]


def test_the_starter_is_all_comments_and_changes_no_default(tmp_path):
    assert all(not line.strip() or line.startswith("#") for line in STARTER.splitlines())
    config = load_config(write(tmp_path, ".copylint.yaml", STARTER))
    assert dataclasses.replace(config, path=None) == Config()


def test_the_starter_gives_the_findings_of_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "drafts/page.md", PAGE)
    without = invoke("check", "--format", "json", "drafts")
    assert invoke("init").exit_code == 0 and (tmp_path / ".copylint.yaml").read_text() == STARTER
    with_starter = invoke("check", "--format", "json", "drafts")
    assert json.loads(with_starter.stdout) == json.loads(without.stdout) and with_starter.exit_code == without.exit_code
    assert len(json.loads(without.stdout)["findings"]) >= 3


def test_every_key_of_the_starter_uncomments_to_a_valid_config(tmp_path, rule_ids):
    blocks = starter_blocks()
    keys = {next(iter(yaml.safe_load(b))) for b in blocks}
    assert keys == set(KEYS)  # every key is shown
    for i, block in enumerate(blocks):
        valid(block, tmp_path / str(i), rule_ids)
    valid("".join(blocks), tmp_path / "all", rule_ids)


def test_the_disclaimer_example_names_a_disclaimer_rule_and_its_wording_counts(tmp_path, monkeypatch, rule_ids):
    (block,) = [b for b in starter_blocks() if b.startswith("disclaimers:")]
    (rule, wordings), = yaml.safe_load(block)["disclaimers"].items()
    assert rule in rule_ids and rule.startswith("disclaimer.")
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "page.md", PAGE)
    select = ("--select", rule, "--format", "json-lines")
    assert [json.loads(x)["rule"] for x in invoke("check", *select, "--no-config", "page.md").stdout.splitlines()] == [rule]
    write(tmp_path, ".copylint.yaml", block)
    assert invoke("check", *select, "page.md").stdout == ""  # the example wording is accepted


def doc_examples() -> list[tuple[str, str]]:
    """(where, YAML) of every configuration example in the docs: ```yaml blocks whose keys are
    configuration keys, and inline `key: value` snippets of a configuration key."""
    found = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for block in re.findall(r"```yaml\n(.*?)```", text, flags=re.S):
            found.append((f"{path.name} block", block))
        for snippet in re.findall(r"`([a-z-]+: [^`\n]+)`", text):
            found.append((f"{path.name} inline", snippet))
    return [(where, y) for where, y in found if _is_config(y)]


def _is_config(text: str) -> bool:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    if not isinstance(data, dict) or not data or not set(data) <= set(KEYS):
        return False
    rules = data.get("rules")
    return not (isinstance(rules, list) and rules and isinstance(rules[0], dict))  # a rule pack


def test_configuration_examples_in_the_docs_are_valid(tmp_path, rule_ids):
    examples = doc_examples()
    wheres = {where for where, _ in examples}
    assert {"README.md block", "configuration.md block", "configuration.md inline", "efficacy.cure.md inline"} <= wheres
    assert any("disclaimers" in y for _, y in examples)
    for i, (where, text) in enumerate(examples):
        try:
            valid(text, tmp_path / str(i), rule_ids)
        except Exception as exc:  # noqa: BLE001 - name the example that failed
            pytest.fail(f"{where} example is not a valid configuration: {exc}\n{text}")


def test_the_readme_rule_example_is_a_valid_rule(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (block,) = [b for b in re.findall(r"```yaml\n(.*?)```", readme, flags=re.S) if b.startswith("rules:\n  - id:")]
    write(tmp_path, "pack/example.yaml", block)
    (spec,) = load_pack([tmp_path / "pack"]).specs
    assert spec.summary == "Cure claim"
