"""Core layer: the data types every other layer shares (rule specs, run settings, rule-id
shapes, option validators), importing nothing above itself."""
