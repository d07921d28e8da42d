"""The date model of a document: every date mention with its span, section and role (study,
citation, page date, future event, conclusion), plus the page's own dates. Pure: `analyse_dates(doc)`."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

import regex

from copylint.facts.citations import is_citation_block
from copylint.language.date_text import DateExpr, find_dates, parse_date_value
from copylint.core.models import Block, Document
from copylint.core.regexcache import rx

PAGE_DATE_RE = rx(
    r"^\W{0,3}(?P<label>last\s+(?:updated|reviewed|modified|revised)|(?:medically\s+)?reviewed|updated"
    r"|(?:post(?:ed)?\s+)?published|posted|date(?:\s+published)?|revised)\b(?P<rest>.{0,80})",
    regex.I,
)
CONCLUSION_HEADING_RE = rx(
    r"\b(?:conclusions?|summary|in summary|bottom line|key takeaways?|takeaways?|final thoughts|in closing|wrap(?:ping)?[- ]up)\b",
    regex.I,
)
CONCLUSION_LEAD_RE = rx(
    r"^\W*(?:in conclusion|to conclude|in summary|to summari[sz]e|to sum up|in sum)\b", regex.I
)
FUTURE_RE = rx(
    r"\b(?:will|shall|won['\u2019]t|(?:is|are|was|were)\s+(?:expected|scheduled|set|slated|planned|due|poised|anticipated|projected|going)\s+to"
    r"|expects?|anticipates?|expected\s+(?:to|in|by)|scheduled\s+(?:for|to|in)|slated\s+(?:for|to)|upcoming|forthcoming|plans?\s+to|aims?\s+to"
    r"|to\s+(?:kick\s+off|begin|start|launch|commence|open|be\s+(?:presented|released|published|completed)))\b",
    regex.I,
)
PAST_RE = rx(
    r"\b(?:was|were|had|has\s+(?:been|made|shown|reported)|have\s+(?:been|made|shown|reported)|did"
    r"|showed|shown|reported|found|published|conducted|completed|approved|presented|launched|began|started"
    r"|demonstrated|enrolled|concluded|ended|revealed|made|took\s+place|released|reviewed|established|treated|ago|last\s+year)\b",
    regex.I,
)
STUDY_RE = rx(
    r"\b(?:stud(?:y|ies)|trials?|research|reviews?|reviewed|papers?|articles?|publications?|published|journal"
    r"|researchers?|scientists?|investigators?|data|results?|findings?|experiments?|analys[ie]s|meta-analys[ie]s"
    r"|surveys?|reports?|reported|et\s+al)\b",
    regex.I,
)

CLAUSE_BREAK_RE = rx(
    r";|\u2014|\s\u2013\s|,\s+(?:and|but|while|whereas|although|though)\b|\s(?:while|whereas|although)\s", regex.I
)
FUTURE_WINDOW = 80  # a future cue must be this close (in characters) to the date


@dataclass(frozen=True)
class DateMention:
    """A date in the document: `start`/`end` are offsets into the text of block `block`."""

    expr: DateExpr
    block: int
    start: int
    end: int
    sentence: int  # index into Document.sentences, -1 when none
    section: int  # index of the heading-like block above, -1 before any
    role: str
    future: bool  # the sentence speaks of it as still to come
    past: bool  # the sentence speaks of it as done
    in_conclusion: bool

    @property
    def year(self) -> int:
        return self.expr.year


@dataclass(frozen=True)
class PageDate:
    """One of the page's own dates: `label` is updated/reviewed/published/date."""

    label: str
    expr: DateExpr
    mention: DateMention | None  # None when it comes from front matter with no visible block
    key: str = ""


@dataclass
class DateModel:
    mentions: list[DateMention] = field(default_factory=list)
    page_dates: list[PageDate] = field(default_factory=list)
    reference_blocks: list[int] = field(default_factory=list)
    sections: list[int] = field(default_factory=list)  # per block: heading-like block above it
    conclusion_blocks: frozenset[int] = frozenset()
    headings: dict[int, str] = field(default_factory=dict)

    @property
    def page_date(self) -> PageDate | None:
        """The most recent of the page's own dates (published or updated)."""
        return max(self.page_dates, key=lambda p: p.expr.last, default=None)

    @property
    def review_date(self) -> PageDate | None:
        """The latest "updated"/"reviewed" date, else the publication date."""
        reviewed = [p for p in self.page_dates if p.label in ("updated", "reviewed")]
        return max(reviewed or self.page_dates, key=lambda p: p.expr.last, default=None)

    def citation_year(self, block: int) -> DateMention | None:
        """The publication date of the reference in block `block`: its latest date, so that a
        reference is never judged older than it is."""
        found = [m for m in self.mentions if m.block == block and m.role == "citation"]
        return max(found, key=lambda m: m.expr.last, default=None)


def is_reference_block(block: Block) -> bool:
    return is_citation_block(block.text)


def _sections(doc: Document) -> list[int]:
    """Per block, the heading it falls under (-1 before any), as the parser recorded it."""
    return [b.section if b.kind != "heading" else b.index for b in doc.blocks]


def _conclusion_blocks(doc: Document, sections: list[int]) -> frozenset[int]:
    found = set()
    for i, block in enumerate(doc.blocks):
        head = sections[i]
        if head >= 0 and head != i and CONCLUSION_HEADING_RE.search(doc.blocks[head].text):
            found.add(i)
        elif CONCLUSION_LEAD_RE.match(block.text):
            found.add(i)
    return frozenset(found)


def _sentence_index(doc: Document) -> dict[int, list[tuple[int, int, int]]]:
    by_block: dict[int, list[tuple[int, int, int]]] = {}
    for s in doc.sentences:
        by_block.setdefault(s.block, []).append((s.start, s.end, s.index))
    return by_block


def _sentence_of(spans: list[tuple[int, int, int]], starts: list[int], pos: int) -> tuple[int, int, int] | None:
    """The span of `spans` (whose starts are `starts`) that begins last at or before `pos`."""
    i = bisect.bisect_right(starts, pos) - 1
    return spans[i] if i >= 0 else None


def _role(is_ref: bool, page: bool, future: bool, conclusion: bool, study: bool) -> str:
    if page:
        return "page"
    if is_ref:
        return "citation"
    if future:
        return "future"
    if conclusion:
        return "conclusion"
    return "study" if study else "other"


def _page_label(label: str) -> str:
    label = label.lower()
    if "review" in label:
        return "reviewed"
    if "updat" in label or "modif" in label or "revis" in label:
        return "updated"
    if "publish" in label or "post" in label:
        return "published"
    return "date"


def _clause(text: str, start: int, end: int, s_start: int, s_end: int) -> tuple[int, int]:
    """The clause around [start, end) within its sentence: cut at ; dashes and ", but" etc."""
    left, right = s_start, s_end
    for b in CLAUSE_BREAK_RE.finditer(text, s_start, s_end):
        if b.end() <= start:
            left = b.end()
        elif b.start() >= end:
            right = b.start()
            break
    return left, right


def _is_future(text: str, start: int, end: int, c_start: int, c_end: int) -> bool:
    lo, hi = max(c_start, start - FUTURE_WINDOW), min(c_end, end + FUTURE_WINDOW)
    return bool(FUTURE_RE.search(text, lo, hi))


def _mentions_of_block(doc: Document, model: DateModel, b: int, spans, references: set[int]) -> list[tuple[DateMention, str | None]]:
    block = doc.blocks[b]
    text = block.text
    is_ref = b in references
    starts = [s for s, _, _ in spans]
    page_m = PAGE_DATE_RE.match(text) if len(text) <= 160 else None
    out = []
    for expr in find_dates(text):
        sent = _sentence_of(spans, starts, expr.start) if spans else None
        s_start, s_end, s_idx = sent if sent else (0, len(text), -1)
        c_start, c_end = _clause(text, expr.start, expr.end, s_start, s_end)
        clause = text[c_start:c_end]
        page = bool(page_m) and expr.start <= page_m.end("rest") and not out
        future = _is_future(text, expr.start, expr.end, c_start, c_end) and not page and not is_ref
        mention = DateMention(
            expr=expr, block=b, start=expr.start, end=expr.end, sentence=s_idx,
            section=model.sections[b],
            role=_role(is_ref, page, future, b in model.conclusion_blocks, bool(STUDY_RE.search(text[s_start:s_end]))),
            future=future, past=bool(PAST_RE.search(clause)) and not future,
            in_conclusion=b in model.conclusion_blocks,
        )
        label = _page_label(page_m.group("label")) if page and page_m else "date"
        out.append((mention, label if page else None))
    return out


def _front_matter_dates(doc: Document) -> list[PageDate]:
    keys = {
        "date": "published", "published": "published", "date_published": "published", "pubdate": "published",
        "updated": "updated", "last_updated": "updated", "lastmod": "updated", "modified": "updated",
        "date_modified": "updated", "reviewed": "reviewed", "last_reviewed": "reviewed", "reviewed_on": "reviewed",
    }
    out = []
    for key, value in (doc.metadata or {}).items():
        label = keys.get(str(key).lower().replace("-", "_"))
        expr = parse_date_value(value) if label else None
        if expr is not None:
            out.append(PageDate(label, expr, None, key=str(key)))
    return out


def analyse_dates(doc: Document) -> DateModel:
    """Build the date model of `doc` (memoise with `ctx.get(analyse_dates)`)."""
    model = DateModel()
    model.sections = _sections(doc)
    model.reference_blocks = [i for i, b in enumerate(doc.blocks) if is_reference_block(b)]
    model.conclusion_blocks = _conclusion_blocks(doc, model.sections)
    model.headings = {i: doc.blocks[i].text for i in set(model.sections) if i >= 0}
    by_block = _sentence_index(doc)
    references = set(model.reference_blocks)
    for b in range(len(doc.blocks)):
        for mention, label in _mentions_of_block(doc, model, b, by_block.get(b, []), references):
            model.mentions.append(mention)
            if label:
                model.page_dates.append(PageDate(label, mention.expr, mention))
    for pd in _front_matter_dates(doc):
        i = next((i for i, p in enumerate(model.page_dates) if not p.key and p.label == "date"
                  and p.expr.first == pd.expr.first), None)
        if i is None:
            model.page_dates.append(pd)
        else:  # the visible metadata block of this front-matter key
            model.page_dates[i] = PageDate(pd.label, pd.expr, model.page_dates[i].mention, key=pd.key)
    return model


def as_of_date(settings: object) -> dt.date:
    """The reference date of a run: Settings.as_of, else today."""
    value = getattr(settings, "as_of", None)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        return dt.date.fromisoformat(value)
    return dt.date.today()
