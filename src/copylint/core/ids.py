"""The shapes of rule ids and selectors, and the output format names a configuration may name."""

from __future__ import annotations

import re

# A rule id: dotted lower-case words, the first its category ("efficacy.cure").
RULE_ID = re.compile(r"^[a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)+$")
# A selector: a rule id or a prefix of whole dotted segments ("efficacy", "efficacy.cure").
SELECTOR = re.compile(r"^[a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)*$")
# The reporters' names (copylint.reporters.FORMATS has one renderer for each; a test checks).
OUTPUT_FORMATS = ("text", "json", "json-lines", "github", "sarif", "junit", "html", "concise", "gitlab", "rdjson")
