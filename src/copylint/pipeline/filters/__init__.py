"""Filters between the rules and the reporters: selection, suppressions, baseline, changed lines."""
