"""Helpers for the workflow tests: invoke the CLI in a folder, write files."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from copylint.cli import main

CLAIM = "Our stem cells cure arthritis.\n"
CLEAN = "Talk to your doctor about the evidence for any treatment.\n"
# A team's own rule pack (one phrase rule), for tests of packs outside copylint's own.
TEAM_RULE = """\
rules:
  - id: hype.old-name
    kind: phrase
    category: hype
    severity: warning
    message: "'{match}' is the product's old name; use the new one."
    why: Legal asked us not to use the old name.
    source: Team style guide
    terms: [miracle serum]
    examples:
      bad: ["Try the miracle serum."]
      good: ["Try the serum."]
"""


def invoke(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# The rules these tests watch; other rules of the growing default pack are left out of the
# comparisons so that a new rule does not break workflow tests.
WATCHED = ("efficacy.cure", "hype.revolutionary", "regulatory.fda-approved", "hype.competitor", "copylint.")


def rules_of(result) -> list[str]:
    """Watched rule ids in `--format json-lines` output."""
    import json

    rules = [json.loads(line)["rule"] for line in result.stdout.splitlines() if line.strip()]
    return [r for r in rules if r in WATCHED or r.startswith(WATCHED[-2:])]


PHRASE_RULE = """\
rules:
  - id: {rid}
    kind: phrase
    category: {category}
    severity: warning
    message: "{message}"
    why: House style.
    source: Our style guide
    terms: [synergy]
    examples:
      bad: ["Pure synergy."]
      good: ["Plain words."]
"""


def phrase_rule(rid: str = "hype.synergy", category: str = "hype", message: str = "'{match}' is banned.") -> str:
    """A team's one-rule pack (a phrase rule on 'synergy'), as YAML."""
    return PHRASE_RULE.format(rid=rid, category=category, message=message)
