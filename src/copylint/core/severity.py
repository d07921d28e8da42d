"""How serious a finding is, and the categories rules belong to (a rule id's first word)."""

from __future__ import annotations

from enum import Enum


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


CATEGORIES = (
    "efficacy", "safety", "regulatory", "evidence", "testimonial", "hype", "pressure",
    "disclaimer", "duplication", "date", "consistency", "readability",
)
