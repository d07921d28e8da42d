"""The six date checks over a DateModel: pure functions returning DateIssue records that the
`date` rule kind turns into findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from copylint.core import matching
from copylint.facts.date_model import STUDY_RE, DateMention, DateModel
from copylint.core.models import Document, LineIndex
from copylint.core.regexcache import rx

RECENT_RE = rx(
    r"\b(?:recent(?:ly)?|new(?:ly)?|newest|latest|this\s+year|just\s+(?:published|released))\b", regex.I
)
EVENT_CLASSES = (
    ("start", rx(r"\b(?:kick(?:s|ed|ing)?\s+off|begin|began|begins|start(?:s|ed)?|launch(?:es|ed)?|commenc\w*|initiat\w*|enrol\w*|first\s+patient)\b", regex.I)),
    ("completion", rx(r"\b(?:complet\w*|finish\w*|conclud\w*|end(?:s|ed)?)\b", regex.I)),
    ("results", rx(r"\b(?:results?|readout|topline|data)\b", regex.I)),
    ("approval", rx(r"\b(?:approv\w*|clearance|authori[sz]\w*)\b", regex.I)),
    ("presentation", rx(r"\b(?:present\w*|congress|conference|symposium|meeting)\b", regex.I)),
)
SUBJECT_RE = rx(r"\b(?i:phase)\s*(?:[1-4](?:/[1-4])?|I{1,3}|IV|i{1,3}|iv)\b|\b\p{Lu}{2,}-?\d{2,}\b")
DEFAULT_HEALTH_RE = (
    r"\b(?:treat\w*|therap\w*|cure[sd]?|disease|patients?|symptoms?|clinical|pain|condition|diagnos\w*"
    r"|stem\s+cells?|injection|medication|doctor|physician|recovery|heal\w*|regenerat\w*)\b"
)


@dataclass(frozen=True)
class DateIssue:
    """One problem: block-text span (block -1 = the top of the document), message fields."""

    block: int
    start: int
    end: int
    fields: dict
    related_lines: tuple[int, ...] = ()
    document_level: bool = False
    fix: str | None = None  # exact replacement of the span, when there is exactly one right wording


def line_of(doc: Document, block: int, pos: int) -> int:
    lines = doc.lines or LineIndex(doc.source.text)
    return lines.position(doc.blocks[block].source_offset(pos))[0]


def _lines(doc: Document, mentions: list[DateMention]) -> list[int]:
    return sorted({line_of(doc, m.block, m.start) for m in mentions})


def _years(mentions: list[DateMention]) -> str:
    years = sorted({m.year for m in mentions})
    return str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"


def _line_list(lines: list[int]) -> str:
    return ("line " if len(lines) == 1 else "lines ") + ", ".join(map(str, lines))


def _sentence_text(doc: Document, m: DateMention, limit: int = 90) -> str:
    if m.sentence < 0:
        text = doc.blocks[m.block].text
    else:
        text = doc.sentences[m.sentence].text
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def stale_conclusion(doc: Document, model: DateModel) -> list[DateIssue]:
    """Conclusion/summary dates later than every study or citation date outside it."""
    evidence = [m for m in model.mentions
                if not m.in_conclusion and m.role in ("study", "citation") and not m.future]
    if not evidence:
        return []
    latest = max(m.expr.last for m in evidence)
    noun = _evidence_noun(doc, evidence)
    out = []
    for m in model.mentions:
        if m.in_conclusion and not m.future and m.role == "conclusion" and m.expr.first > latest:
            label = "summary" if "summar" in model.headings.get(m.section, "").lower() else "conclusion"
            lines = _lines(doc, evidence)
            detail = f"{label} says {m.expr.label()}; the {noun} it rests on are from {_years(evidence)} ({_line_list(lines)})"
            out.append(DateIssue(m.block, m.start, m.end, {"detail": detail, "date": m.expr.label(),
                                                             "evidence": _years(evidence)}, tuple(lines)))
    return out


def _evidence_noun(doc: Document, evidence: list[DateMention]) -> str:
    texts = " ".join(_sentence_text(doc, m, 10_000).lower() for m in evidence)
    trials, studies = texts.count("trial"), texts.count("stud")
    if trials and studies:
        return "trials" if trials >= studies else "studies"
    return "trials" if trials else "studies" if studies else "sources"


PROPER_NEW_RE = rx(r"New\s+\p{Lu}")  # New York, New England Journal ...


def _attached(text: str, cue: regex.Match) -> bool:
    """The cue word sits next to a study word: up to 6 words after it or 4 before (not a
    place or journal name such as "New York")."""
    if PROPER_NEW_RE.match(text, cue.start()):
        return False
    after = " ".join(text[cue.end():].split()[:6])
    before = " ".join(text[:cue.start()].split()[-4:])
    return bool(STUDY_RE.search(after) or STUDY_RE.search(before))


def _dated_source(doc: Document, model: DateModel, block: int, sentence: int) -> DateMention | None:
    """The date of the evidence a "recent" cue points at: same sentence, same block, the next
    reference line of the section, or for a heading the studies of its section."""
    same_sentence = [m for m in model.mentions if m.sentence == sentence and m.block == block
                     and m.role not in ("page", "future") and not m.future]
    if same_sentence:
        return max(same_sentence, key=lambda m: m.expr.last)
    same_block = [m for m in model.mentions if m.block == block and m.role in ("study", "citation")]
    if same_block:
        return max(same_block, key=lambda m: m.expr.last)
    section = model.sections[block]
    for ref in model.reference_blocks:
        if ref > block and model.sections[ref] == section:
            return model.citation_year(ref)
    if doc.blocks[block].kind == "heading" or section == block:
        body = [m for m in model.mentions if m.section == block and m.block != block
                and m.role in ("study", "citation") and not m.future]
        return max(body, key=lambda m: m.expr.last, default=None)
    return None


ADJECTIVE_CUES = ("recent", "new", "newest", "latest")


def _year_for_recent(text: str, cue: regex.Match, label: str) -> str | None:
    """The date that replaces an adjective cue placed right before the study word ("a recent
    study" -> "a 2017 study"); None for adverbs and other wordings, which need a rewrite."""
    if cue.group(0).lower() not in ADJECTIVE_CUES or not STUDY_RE.match(text, cue.end() + 1):
        return None
    return label if text[cue.end():cue.end() + 1] == " " else None


def stale_recent(doc: Document, model: DateModel, as_of: dt.date, max_years: int) -> list[DateIssue]:
    """"Recent"/"new"/"latest" attached to a study dated more than `max_years` before as-of;
    an undated "this year" is read as the page's own year."""
    refs = set(model.reference_blocks)
    page = model.page_date
    out = []
    for s in doc.sentences:
        if s.block in refs:
            continue
        cue = next((c for c in RECENT_RE.finditer(s.text) if _attached(s.text, c)), None)
        if cue is None:
            continue
        source = _dated_source(doc, model, s.block, s.index)
        if source is not None:
            expr, where = source.expr, f"a source from {source.expr.label()} (line {line_of(doc, source.block, source.start)})"
        elif page is not None and cue.group(0).lower().startswith("this"):
            expr, where = page.expr, f"{page.expr.year}, the page's own date"
        else:
            continue
        age = as_of.year - expr.last.year
        if age <= max_years:
            continue
        dated = f" (page dated {page.expr.label()})" if page and expr is not page.expr else ""
        detail = f'"{cue.group(0)}" refers to {where}, {age} years before {as_of.isoformat()}{dated}'
        related = (line_of(doc, source.block, source.start),) if source else ()
        out.append(DateIssue(s.block, s.start + cue.start(), s.start + cue.end(), {
            "detail": detail, "cue": cue.group(0), "date": expr.label(), "age": age}, related,
            fix=_year_for_recent(s.text, cue, expr.label())))
    return out


def passed_future(doc: Document, model: DateModel, as_of: dt.date) -> list[DateIssue]:
    """Events spoken of as still to come whose whole period ended before as-of."""
    out = []
    for m in model.mentions:
        if m.future and m.expr.last < as_of:
            detail = (f'"{_sentence_text(doc, m)}" speaks of {m.expr.label()} as still to come, '
                      f"but it ended before {as_of.isoformat()}")
            out.append(DateIssue(m.block, m.start, m.end, {"detail": detail, "date": m.expr.label()}))
    return out


def _event_key(doc: Document, m: DateMention) -> tuple[str, str] | None:
    text = doc.sentences[m.sentence].text if m.sentence >= 0 else doc.blocks[m.block].text
    subject = SUBJECT_RE.search(text)
    if subject is None:
        return None
    offset = doc.sentences[m.sentence].start if m.sentence >= 0 else 0
    pos = m.start - offset
    best = None
    for name, pattern in EVENT_CLASSES:
        for e in pattern.finditer(text):
            dist = abs(e.start() - pos)
            if best is None or dist < best[0]:
                best = (dist, name)
    if best is None:
        return None
    subj = regex.sub(r"\s+", " ", subject.group(0).lower()).replace("iii", "3").replace("ii", "2")
    subj = regex.sub(r"phase i\b", "phase 1", subj)
    return best[1], subj


def conflicting(doc: Document, model: DateModel) -> list[DateIssue]:
    """The same event (e.g. "Phase 2 start") given non-overlapping dates in one document."""
    seen: dict[tuple[str, str], DateMention] = {}
    out = []
    for m in model.mentions:
        if m.role in ("page", "citation"):
            continue
        key = _event_key(doc, m)
        if key is None:
            continue
        first = seen.setdefault(key, m)
        if first is m or first.expr.overlaps(m.expr):
            continue
        line = line_of(doc, first.block, first.start)
        event = f"{key[1].title() if key[1].startswith('phase') else key[1].upper()} {key[0]}"
        detail = f"{event} is given as {m.expr.label()} here and as {first.expr.label()} on line {line}"
        out.append(DateIssue(m.block, m.start, m.end, {
            "detail": detail, "date": m.expr.label(), "other": first.expr.label(), "event": event}, (line,)))
    return out


def months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def outdated_review(doc: Document, model: DateModel, as_of: dt.date, max_months: int,
                    health_re: regex.Pattern, timeout: float | None = None) -> list[DateIssue]:
    """A "last updated"/"reviewed" date older than `max_months` on a page with health claims."""
    page = model.review_date
    if page is None:
        return []
    age = months_between(page.expr.last, as_of)
    if age <= max_months:
        return []
    words = {w.lower() for w in matching.findall(health_re, " ".join(b.text for b in doc.blocks), timeout)}
    if len(words) < 2:
        return []
    what = {"reviewed": "last reviewed", "updated": "last updated", "published": "published"}.get(page.label, "dated")
    detail = f"page {what} {page.expr.label()}, {age} months before {as_of.isoformat()} (limit {max_months} months)"
    fields = {"detail": detail, "date": page.expr.label(), "age": age, "key": page.key}
    m = page.mention
    if m is None:
        return [DateIssue(-1, 0, 0, fields, document_level=True)]
    return [DateIssue(m.block, m.start, m.end, fields, document_level=True)]


def future_as_past(doc: Document, model: DateModel, as_of: dt.date) -> list[DateIssue]:
    """Dates after the page's own date (or as-of) that the text treats as past."""
    page = model.page_date
    anchor = min(page.expr.last, as_of) if page else as_of
    what = f"the page date {page.expr.label()}" if page and page.expr.last < as_of else as_of.isoformat()
    out = []
    for m in model.mentions:
        if m.role == "page" or m.future or not (m.past or m.role == "citation"):
            continue
        if m.expr.first > anchor:
            detail = f'"{_sentence_text(doc, m)}" treats {m.expr.label()} as past, but it is after {what}'
            out.append(DateIssue(m.block, m.start, m.end, {"detail": detail, "date": m.expr.label()}))
    return out
