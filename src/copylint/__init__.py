"""copylint: a compliance linter for medical marketing copy. The library API is `lint_text` and
`lint_paths` (see copylint.pipeline.api); they are imported on first use, so `import copylint` stays cheap."""

__version__ = "0.1.0"

__all__ = ["lint_text", "lint_paths", "LintOptions", "LintError", "Report", "__version__"]


def __getattr__(name: str):
    if name in __all__:
        from copylint.pipeline import api

        return getattr(api, name)
    raise AttributeError(f"module 'copylint' has no attribute {name!r}")
