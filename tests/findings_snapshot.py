"""Every finding copylint reports on fixtures/, as a sorted list of plain dicts: the snapshot
tests/data/fixtures-findings.json is compared with it, so that an engine change (matching,
parsing, sentence bounds) that is meant to change no finding is shown to change none.

    python tests/findings_snapshot.py      # rewrite the snapshot (after an intended rule change)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "data" / "fixtures-findings.json"
AS_OF = "2026-01-01"  # date checks judge every fixture at the same day


def current_findings(folder: str = "fixtures", env: dict | None = None) -> list[dict]:
    """The JSON report's findings for `folder` (relative to the repository), sorted."""
    cmd = [sys.executable, "-m", "copylint", "check", folder, "--format", "json", "--as-of", AS_OF,
           "--jobs", "1", "--exit-zero", "--no-config", "--quiet"]
    run_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})}
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=run_env, check=False)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"copylint exited {proc.returncode}: {proc.stderr}")
    findings = json.loads(proc.stdout)["findings"]
    return sorted(findings, key=lambda f: json.dumps(f, sort_keys=True))


def main() -> None:
    findings = current_findings()
    SNAPSHOT.write_text(json.dumps(findings, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(findings)} findings written to {SNAPSHOT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
