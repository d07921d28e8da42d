"""The CI examples in docs/ci.md are valid YAML, and use only real check options and formats."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from copylint.cli.check import check
from copylint.reporters import FORMATS

DOC = Path(__file__).resolve().parents[1] / "docs" / "ci.md"


def test_yaml_blocks_parse():
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(), re.S)
    assert len(blocks) >= 2
    for block in blocks:
        assert isinstance(yaml.safe_load(block), (dict, list))  # a workflow, or a list of steps


def test_commands_use_real_options():
    options = {opt for param in check.params for opt in getattr(param, "opts", [])}
    for command in re.findall(r"copylint check[^\n`\"]*", DOC.read_text()):
        for flag in re.findall(r"\s(--[a-z-]+)", command):
            assert flag in options, (flag, command)
        for fmt in re.findall(r"--format (\S+)", command):
            assert fmt in FORMATS


def workflows() -> list[dict]:
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", DOC.read_text(), re.S) if "runs-on" in b]


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_install_from_the_git_repository_at_a_release_tag():
    text = DOC.read_text()
    installs = re.findall(r"pip install ([^\n]+)", text)
    assert installs and all(re.fullmatch(r'"copylint @ git\+https://github\.com/copylint/copylint@v\d+\.\d+\.\d+"', i)
                            for i in installs), installs
    from copylint import __version__

    assert f"@v{__version__}" in text  # the tag of this release


# The first majors that run on Node 24 (Node 20 is being retired on GitHub's runners).
MINIMUM = {"actions/checkout": 5, "actions/setup-python": 6, "github/codeql-action/upload-sarif": 4,
           "actions/upload-artifact": 6}


def test_actions_named_in_the_text_are_current_too():
    named = re.findall(r"((?:actions|github)/[\w/-]+)@v(\d+)", DOC.read_text())
    assert {name for name, _ in named} == set(MINIMUM)
    for name, major in named:
        assert int(major) >= MINIMUM[name], f"{name}@v{major}"


def test_current_action_versions_and_permissions():
    sarif, annotations_only = workflows()
    minimum = MINIMUM
    for workflow in (sarif, annotations_only):
        for step in steps(workflow):
            if "uses" in step:
                name, version = step["uses"].split("@")
                assert int(version.lstrip("v")) >= minimum[name], step["uses"]
    assert sarif["permissions"] == {"contents": "read", "actions": "read", "security-events": "write"}
    assert annotations_only["permissions"] == {"contents": "read"}
    assert not any("upload-sarif" in s.get("uses", "") for s in steps(annotations_only))
    assert "GitHub Code Security" in DOC.read_text()


def test_every_new_format_has_a_recipe():
    text = DOC.read_text()
    for fmt in ("github", "sarif", "rdjson", "gitlab", "junit"):
        assert f"--format {fmt}" in text, fmt
