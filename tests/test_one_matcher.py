"""Timeouts in one place: no rule kind or shared analysis runs a regular expression except through
copylint.core.matching (which applies the run's time limit) or on one of its own module constants. A
pattern a rule or pack supplies is held in an attribute or a variable, never in a module
constant, so a direct `.search()` on one of those is a call that escapes the limit.
tests/test_hostile_inputs.py shows the limit at work for every pattern option of every kind."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "copylint"
REGEX_METHODS = {"search", "match", "fullmatch", "finditer", "findall", "sub", "subn"}
# Loop variables over a module's own constant tables, and the ahocorasick automaton (no regex).
CONSTANT_LOOPS = {
    ("kinds/date_checks.py", "pattern"),  # for name, pattern in EVENT_CLASSES
    ("facts/speaker.py", "p"),  # for p in (INTENT, AIMS, HOW_BEFORE)
    ("language/spelling.py", "pattern"),  # for pattern, repl in _KEY_RULES
    ("language/literals.py", "matcher"),  # an ahocorasick automaton of literal words
}
FILES = sorted(p for folder in ("language", "facts", "kinds") for p in (SRC / folder).glob("*.py"))


def _constant(node: ast.expr) -> bool:
    """A module constant (WORD, cues.CLAUSE_BREAK, _NEG_RE) or the regex module itself."""
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
    return name is not None and (name == "regex" or name.lstrip("_").isupper())


def direct_regex_calls(path: Path, root: Path = SRC) -> list[str]:
    rel = path.relative_to(root).as_posix()
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in REGEX_METHODS):
            continue
        receiver = node.func.value
        if isinstance(receiver, ast.Name) and receiver.id == "matching":
            continue
        if _constant(receiver) or (isinstance(receiver, ast.Name) and (rel, receiver.id) in CONSTANT_LOOPS):
            continue
        out.append(f"{rel}:{node.lineno}: {ast.unparse(node)[:90]}")
    return out


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(SRC).as_posix() for p in FILES])
def test_rule_patterns_run_only_through_the_matcher(path):
    assert direct_regex_calls(path) == []


def test_the_check_sees_a_direct_call(tmp_path):
    """The check itself can fail: a rule's own pattern searched directly is reported."""
    folder = tmp_path / "copylint" / "kinds"
    folder.mkdir(parents=True)
    bad = folder / "bad.py"
    bad.write_text("def check(self, text):\n    return self.unless.search(text) or WORD.search(text)\n")
    assert direct_regex_calls(bad, tmp_path / "copylint") == ["kinds/bad.py:2: self.unless.search(text)"]
