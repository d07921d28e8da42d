"""Core layer: the data types every other layer shares (documents and findings, rule specs, run
settings, rule-id shapes, option validators, errors) and the primitives under everything (compiled
regexes, the one rule-regex matcher, bounded YAML), importing nothing above itself."""
