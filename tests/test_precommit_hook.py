"""The pre-commit hook's file filter, evaluated as pre-commit does (`re.search` of `files`, then
`exclude`): drafts yes; LICENSE, robots.txt, requirements.txt and other non-copy files no; and
the same non-copy .txt files are left out of folder walks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from copylint.pipeline.sources.discover import FORMAT_BY_SUFFIX, NOT_COPY

from workflow_helpers import invoke, write

(HOOK,) = yaml.safe_load((Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text())


def hooked(name: str) -> bool:
    return bool(re.search(HOOK["files"], name)) and not re.search(HOOK["exclude"], name)


@pytest.mark.parametrize("name", ["drafts/launch.md", "README.markdown", "site/Index.HTML", "page.htm",
                                  "drafts/summer-offer.txt", "notes/requirements-for-copy.md"])
def test_drafts_are_linted(name):
    assert hooked(name)


@pytest.mark.parametrize("name", ["LICENSE", "LICENSE.txt", "license-mit.txt", "robots.txt", "static/robots.txt",
                                  "requirements.txt", "requirements-dev.txt", "constraints.txt", "NOTICE.txt",
                                  "COPYING", "humans.txt", "llms.txt", "CMakeLists.txt", "logo.png", "setup.py"])
def test_non_copy_files_are_not(name):
    assert not hooked(name)


def test_hook_extensions_are_the_ones_copylint_lints():
    listed = set(re.search(r"\\\.\((.*)\)\$", HOOK["files"]).group(1).split("|"))
    assert listed == {suffix.lstrip(".") for suffix in FORMAT_BY_SUFFIX}
    assert HOOK["types"] == ["file"] and "types_or" not in HOOK


@pytest.mark.parametrize("name", ["robots.txt", "requirements.txt", "LICENSE.txt", "requirements-dev.txt"])
def test_walks_skip_the_same_files(name, tmp_path, monkeypatch):
    assert NOT_COPY.fullmatch(name) and re.search(HOOK["exclude"], name)
    monkeypatch.chdir(tmp_path)
    write(tmp_path, name, "Our stem cells cure arthritis.\n")
    write(tmp_path, "page.txt", "Our stem cells cure arthritis.\n")
    assert invoke("check", "--show-files").stdout.splitlines() == ["page.txt"]
    assert invoke("check", "--show-files", name).stdout.splitlines() == [name]
