"""Find date expressions (year, month-year, quarter, full date) in text and turn each into a
period [first day, last day]; pure string functions, no document knowledge."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

import regex
from copylint.core.regexcache import rx

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_Y_END = r"(?![\d/]|-\d{1,2}(?!\d)|\.\d)"

# One alternation, longest forms first; each branch names its parts y/mon/d/q.
DATE_RE = rx(
    rf"""
    (?<![\w/.-])(?P<iso>(?P<y>{_YEAR})-(?P<mon>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01]))(?!\d)
  | (?<!\w)(?P<mdy>(?P<mon>{_MON})\s(?P<d>{_DAY}),?\s(?P<y>{_YEAR})){_Y_END}
  | (?<![\w.])(?P<dmy>(?P<d>{_DAY})\s(?:of\s)?(?P<mon>{_MON}),?\s(?P<y>{_YEAR})){_Y_END}
  | (?<![\w/.])(?P<ymd>(?P<y>{_YEAR})\s(?P<mon>{_MON})(?:\s(?P<d>{_DAY}))?)(?![\w])
  | (?<!\w)(?P<my>(?P<mon>{_MON}),?\s(?:of\s)?(?P<y>{_YEAR})){_Y_END}
  | (?<![\w/.])(?P<ym>(?P<y>{_YEAR})-(?P<mon>0[1-9]|1[0-2]))(?![\d-])
  | (?<!\w)(?P<qy>Q(?P<q>[1-4]),?\s(?:of\s)?(?P<y>{_YEAR})){_Y_END}
  | (?<!\w)(?P<oqy>(?P<q>{_ORD})\squarter,?\s(?:of\s)?(?P<y>{_YEAR})){_Y_END}
  | (?<![\w/.])(?P<yq>(?P<y>{_YEAR})\s?Q(?P<q>[1-4]))(?!\w)
  | (?<![\w/.$£€]|\d[.,])(?P<year>(?P<y>{_YEAR})){_Y_END}
    (?!\s*(?:patients|people|participants|subjects|cells|mg|mcg|ml|units|cases|adults|children|dollars|calories)\b)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# Months are matched case-insensitively above; "may"/"march" as plain words must be capitalised.
_AMBIGUOUS_MONTHS = {"may", "march"}


@dataclass(frozen=True)
class DateExpr:
    """A date expression found in a text: `start`/`end` are offsets into that text."""

    start: int
    end: int
    text: str
    granularity: str  # "day" | "month" | "quarter" | "year"
    first: dt.date
    last: dt.date

    @property
    def year(self) -> int:
        return self.first.year

    def label(self) -> str:
        """A short normalised rendering: 2024, Q1 2024, May 2023, 2023-05-01."""
        if self.granularity == "year":
            return str(self.year)
        if self.granularity == "quarter":
            return f"Q{(self.first.month - 1) // 3 + 1} {self.year}"
        if self.granularity == "month":
            return f"{calendar.month_name[self.first.month]} {self.year}"
        return self.first.isoformat()

    def overlaps(self, other: "DateExpr") -> bool:
        return self.first <= other.last and other.first <= self.last


def _month(token: str) -> int:
    token = token.rstrip(".").lower()
    return int(token) if token.isdigit() else MONTHS[token[:3]]


def _day(token: str) -> int:
    return int(regex.sub(r"\D", "", token))


def _period(y: int, mon: int | None, d: int | None, q: int | None) -> tuple[str, dt.date, dt.date] | None:
    try:
        if d is not None and mon is not None:
            day = dt.date(y, mon, d)
            return "day", day, day
        if mon is not None:
            return "month", dt.date(y, mon, 1), dt.date(y, mon, calendar.monthrange(y, mon)[1])
        if q is not None:
            m0 = 3 * (q - 1) + 1
            return "quarter", dt.date(y, m0, 1), dt.date(y, m0 + 2, calendar.monthrange(y, m0 + 2)[1])
        return "year", dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None


def _expr(m: regex.Match) -> DateExpr | None:
    mon_text = m.group("mon")
    if mon_text and not mon_text[0].isdigit():
        if mon_text.lower().rstrip(".") in _AMBIGUOUS_MONTHS and not mon_text[0].isupper():
            return None
        if not mon_text[0].isupper():
            return None
    q_text = m.group("q")
    q = None
    if q_text:
        q = int(q_text) if q_text.isdigit() else _ORDINALS[q_text.lower()]
    period = _period(
        int(m.group("y")),
        _month(mon_text) if mon_text else None,
        _day(m.group("d")) if m.group("d") else None,
        q,
    )
    if period is None:
        return None
    gran, first, last = period
    return DateExpr(m.start(), m.end(), m.group(0), gran, first, last)


# Every date form contains a year: find those quickly, then run DATE_RE only around them.
YEAR_HINT_RE = rx(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")
WINDOW = 40  # characters around a year that a date form can span (plus its lookarounds)


def find_dates(text: str) -> list[DateExpr]:
    """Every date expression in `text`, left to right, non-overlapping."""
    out: list[DateExpr] = []
    pos = 0
    for hint in YEAR_HINT_RE.finditer(text):
        if hint.end() <= pos:
            continue
        lo, hi = max(pos, hint.start() - WINDOW), min(len(text), hint.end() + WINDOW)
        while lo < hi:
            m = DATE_RE.search(text, lo, hi)
            if m is None or m.start() > hint.end():
                break  # a date further on belongs to the next year's window
            expr = _expr(m)
            if expr is None:
                # A rejected long form (e.g. "may 2023"): retry from its year so the year still counts.
                lo = m.start("y") if m.start("y") > m.start() else m.end()
                continue
            out.append(expr)
            pos = lo = m.end()
            if m.end() >= hint.end():
                break
    return out


def parse_date_value(value: object) -> DateExpr | None:
    """A front-matter value (date, datetime or string) as a DateExpr, or None."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return DateExpr(0, 0, value.isoformat(), "day", value, value)
    if isinstance(value, str):
        found = find_dates(value.strip())
        return found[0] if found else None
    return None
