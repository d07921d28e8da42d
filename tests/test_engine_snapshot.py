"""The engine's speed work (one matching pass, bounded sentences, faster parsing) changes no
finding: every finding on fixtures/ equals the committed snapshot taken before that work.
After an intended change of what a rule reports, rewrite it: python tests/findings_snapshot.py"""

from __future__ import annotations

import json

from findings_snapshot import SNAPSHOT, current_findings


def _key(f: dict) -> tuple:
    return (f["path"], f["line"], f["column"], f["rule"])


def test_findings_on_fixtures_equal_the_snapshot():
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    actual = current_findings()
    assert expected, "the snapshot holds no finding: it could not show a change"
    missing = [f for f in expected if f not in actual]
    extra = [f for f in actual if f not in expected]
    assert not missing and not extra, (
        f"{len(missing)} findings lost, {len(extra)} new (rewrite with `python tests/findings_snapshot.py` "
        f"only if the change is intended): lost {[_key(f) for f in missing[:5]]}, new {[_key(f) for f in extra[:5]]}")
