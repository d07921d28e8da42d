"""Pipeline layer: one lint run from paths to findings: the inputs (sources/: discover, read,
decode, git), the per-document engine, the process pool, the run's time limit, the filters
between the rules and the reporters, the exact fixes, safe output writes, and the library API
(`lint_text`, `lint_paths` in api.py)."""
