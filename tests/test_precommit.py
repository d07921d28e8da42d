"""End to end through the real pre-commit: a content repository whose .pre-commit-config.yaml
points at a commit of this working tree. A violating draft is refused, a clean one commits, and
the config's exclude applies to the file names pre-commit passes. Slow (pre-commit builds a
virtualenv and pip-installs copylint): deselect with -m "not slow"."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def git(cwd: Path, *args: str, env=None, check=True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=check, capture_output=True, text=True)


def snapshot_of_working_tree(dest: Path) -> str:
    """Copy tracked and new (not ignored) files of this checkout into a fresh repo; commit it."""
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").stdout.split("\0")
    for name in filter(None, listed):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    for cmd in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "snapshot"]):
        git(dest, *cmd)
    return git(dest, "rev-parse", "HEAD").stdout.strip()


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory):
    base = tmp_path_factory.mktemp("precommit")
    hook_repo = base / "copylint"
    hook_repo.mkdir()
    rev = snapshot_of_working_tree(hook_repo)
    repo = base / "content"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "writer@example.com")
    git(repo, "config", "user.name", "Writer")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: copylint\n"
    )
    (repo / ".copylint.yaml").write_text('exclude: ["archive/**"]\n')
    env = {**os.environ, "PRE_COMMIT_HOME": str(base / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    env.pop("NO_COLOR", None)
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, check=True, capture_output=True)
    git(repo, "add", ".pre-commit-config.yaml", ".copylint.yaml")
    git(repo, "commit", "-qm", "config", "--no-verify")
    return repo, env


def commit(repo: Path, env, name: str, text: str) -> subprocess.CompletedProcess:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    git(repo, "add", name, env=env)
    return git(repo, "commit", "-m", f"add {name}", env=env, check=False)


def test_violating_draft_is_refused(content_repo):
    repo, env = content_repo
    result = commit(repo, env, "drafts/launch.md", "# Launch\n\nOur stem cells cure arthritis.\n")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "drafts/launch.md:3:" in output and "efficacy.cure" in output
    git(repo, "reset", "-q", "HEAD", "drafts/launch.md")
    (repo / "drafts/launch.md").unlink()


def test_clean_draft_commits(content_repo):
    repo, env = content_repo
    result = commit(repo, env, "drafts/care.md", "# Care\n\nTalk to your doctor about the evidence for any treatment.\n")
    assert result.returncode == 0, result.stdout + result.stderr


def test_excluded_file_commits_even_when_named(content_repo):
    repo, env = content_repo
    result = commit(repo, env, "archive/old.md", "Our stem cells cure arthritis.\n")
    assert result.returncode == 0, result.stdout + result.stderr
