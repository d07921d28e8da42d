"""HTML output: one self-contained page for the people who sign off copy: every linted document
with its original line numbers and each finding highlighted on its exact span, a summary with
charts, filters and keyboard navigation (html_assets/ holds the page's CSS and JavaScript).

The page works from each file's Document (its source text and blocks), re-read through
`Report.load_document`, so every input format renders the same way. Every piece of document text
is escaped; the page's only style and script are inline and allowed by hash in a strict
Content-Security-Policy, so nothing in a document can run.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import PurePath
from typing import Iterator, Sequence

from copylint import __version__
from copylint.core.models import CATEGORIES, Document, Finding, InputError, LineIndex
from copylint.core.regexcache import rx
from copylint.reporters import Report

SEVERITIES = ("error", "warning", "info")
LIST_MARKER = rx(r"[ \t]*(?:[-*+\u2022\u2013]|\d{1,3}[.)])[ \t]+")
COLLAPSE_UNLINTED = 3  # longer runs of unlinted lines (markup, code, comments) fold away
EXCERPT_CHARS = 160
QUOTE_CHARS = 80  # longer excerpts of highlighted findings are not quoted again in the list
BANNER_CHARS = 120  # the side list has the whole message
SIGN_OFF = ('<div class="signoff" aria-label="Review record"><span>Reviewed by</span><span>Role</span><span>Date</span>'
            '<span>Decision: approved / approved with changes / not approved</span></div>')


def esc(text: str) -> str:
    """Text for an HTML text node; a CR becomes a character reference, which the HTML parser
    keeps (a raw CR would be turned into LF and shift nothing visible but change the text)."""
    return html.escape(text, quote=False).replace("\r", "&#13;")


def attr(text: str) -> str:
    return html.escape(text, quote=True).replace("\r", "&#13;").replace("\n", "&#10;")


def asset(name: str) -> str:
    return resources.files("copylint.reporters").joinpath("html_assets", name).read_text(encoding="utf-8")


def csp_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


# ---------------------------------------------------------------------------------------------
# Placing findings on the text


@dataclass(slots=True)
class Mark:
    """A finding placed on its file's text: page id and source range [start, end)."""

    fid: str
    start: int
    end: int
    finding: Finding
    order: int

    @property
    def key(self) -> tuple[int, int, int]:  # outer marks first, so nested ones nest in HTML
        return (self.start, -self.end, self.order)


@dataclass(slots=True)
class Piece:
    """A run of source text with one owner block (-1: markup) and one set of marks."""

    start: int
    end: int
    block: int
    marks: tuple[Mark, ...]
    shown: str | None = None  # what an atomic segment (an entity, an escape) reads as


@dataclass
class Row:
    """One line of the original (or the part of it that belongs to one block)."""

    line: int
    block: int = -1
    pieces: list[Piece] = field(default_factory=list)


def source_range(finding: Finding, lines: LineIndex, text: str) -> tuple[int, int] | None:
    """Offsets of the finding in `text`, from its 1-based line and column; None when the text
    read now no longer has the excerpt there (the file changed since it was linted)."""
    loc = finding.location
    if not (1 <= loc.line <= lines.line_count and 1 <= loc.end_line <= lines.line_count):
        return None
    start = lines.line_start(loc.line) + loc.column - 1
    end = lines.line_start(loc.end_line) + loc.end_column - 1
    if not 0 <= start <= end <= len(text):
        return None
    exact = text[start:end] == finding.excerpt
    # Cross-file duplicates carry a shortened excerpt of the block text; their span is exact.
    return (start, end) if exact or (finding.related and finding.category == "duplication") else None


def owner_runs(doc: Document) -> list[tuple[int, int, int, str | None]]:
    """(start, end, block, shown) for every segment of every block, sorted, without overlaps."""
    text = doc.source.text
    runs = []
    for block in doc.blocks:
        for seg in block.segments:
            if seg.src_len <= 0:
                continue
            shown = None
            source = text[seg.src_start:seg.src_start + seg.src_len]
            if seg.text_len != seg.src_len and source.strip():
                shown = block.text[seg.text_start:seg.text_start + seg.text_len]
            runs.append((seg.src_start, seg.src_start + seg.src_len, block.index, shown))
    runs.sort()
    clean: list[tuple[int, int, int, str | None]] = []
    for run in runs:
        if clean and run[0] < clean[-1][1]:
            continue
        clean.append(run)
    return clean


def block_extents(doc: Document) -> dict[int, tuple[int, int]]:
    extents = {}
    for block in doc.blocks:
        if block.segments:
            first, last = block.segments[0], block.segments[-1]
            extents[block.index] = (first.src_start, last.src_start + last.src_len)
    return extents


def pieces(doc: Document, marks: Sequence[Mark]) -> Iterator[Piece]:
    """The whole source text cut at line starts, segment edges and mark edges; a zero-length
    mark comes as an empty piece at its position."""
    text, lines = doc.source.text, doc.lines or LineIndex(doc.source.text)
    runs = owner_runs(doc)
    cuts = sorted({0, len(text), *lines.starts, *(r[0] for r in runs), *(r[1] for r in runs),
                   *(m.start for m in marks), *(m.end for m in marks)})
    waiting = sorted(marks, key=lambda m: m.key)
    active: list[Mark] = []
    r = m = 0
    for a, b in zip(cuts, [*cuts[1:], None]):
        while m < len(waiting) and waiting[m].start <= a:
            active.append(waiting[m])
            m += 1
        covering = sorted((x for x in active if x.end > a), key=lambda x: x.key)
        for pin in (x for x in active if x.start == x.end):
            yield Piece(a, a, -1, tuple(sorted([*covering, pin], key=lambda x: x.key)))
        active = covering
        if b is None:
            return
        while r < len(runs) and runs[r][1] <= a:
            r += 1
        if r < len(runs) and runs[r][0] <= a:
            start, _, block, shown = runs[r]
            yield Piece(a, b, block, tuple(active), shown if start == a else ("" if shown is not None else None))
        else:
            yield Piece(a, b, -1, tuple(active))


def rows(doc: Document, marks: Sequence[Mark]) -> list[Row]:
    """Pieces grouped into rows: a new row at each line, and where a new block starts on a line
    that already holds another block's text (minified HTML), unless nested in it (alt text) or
    the next cell of a table row."""
    lines = doc.lines or LineIndex(doc.source.text)
    extents = block_extents(doc)
    out: list[Row] = [Row(1)]
    for piece in pieces(doc, marks):
        row = out[-1]
        line = lines.position(piece.start)[0]
        if line != row.line:
            row = Row(line)
            out.append(row)
        if piece.block >= 0 and piece.block != row.block:
            if row.block < 0:
                row.block = piece.block
            elif not (_nested(extents.get(piece.block), extents.get(row.block))
                      or _same_table_row(doc, piece.block, row.block)):
                row = Row(line, piece.block)
                out.append(row)
        row.pieces.append(piece)
    return out


def _same_table_row(doc: Document, block: int, row_block: int) -> bool:
    """Cells of one table row on one line stay on one row, side by side."""
    return doc.blocks[block].kind == doc.blocks[row_block].kind == "table_cell"


def _nested(inner: tuple[int, int] | None, outer: tuple[int, int] | None) -> bool:
    return bool(inner and outer and outer[0] <= inner[0] and inner[1] <= outer[1])


# ---------------------------------------------------------------------------------------------
# Writing the document text


def mark_open(mark: Mark, first: bool) -> str:
    """A mark's opening tag: the first fragment of a finding carries its id, rule, position and
    tab stop; later fragments (where it crosses another finding or a line end) only what
    colours them. The side list entry holds the rest (the filters read it)."""
    f = mark.finding
    if not first:
        return f'<mark data-finding="{mark.fid}" data-severity="{f.severity.value}">'
    loc = f.location
    pin = ' class="pin"' if mark.start == mark.end else ""
    return (f'<mark id="{mark.fid}"{pin} data-rule="{attr(f.rule)}" '
            f'data-severity="{f.severity.value}" data-loc="{loc.line}:{loc.column}" tabindex="0">')


class RowWriter:
    """Writes rows as HTML, reopening the marks that continue from one row to the next."""

    def __init__(self, doc: Document, file_id: str, targets: set[int]) -> None:
        self.doc = doc
        self.text = doc.source.text
        self.file_id = file_id
        self.opened: set[str] = set()
        self.targets = set(targets)  # lines that other findings link to (each anchored once)

    def row(self, row: Row, kind: str) -> tuple[str, bool]:
        """(html, whether it showed a list marker)."""
        if kind == "blank" and not any(p.marks for p in row.pieces) and row.line not in self.targets:
            return esc(self.text[row.pieces[0].start:row.pieces[-1].end]) if row.pieces else "", False
        anchor = ""
        if row.line in self.targets:
            self.targets.discard(row.line)
            anchor = f' id="{self.file_id}-L{row.line}"'
        out = [f'<div class="r{" b" if kind == "blank" else ""}" data-ln="{row.line}"{anchor}>']
        stack: list[Mark] = []
        marker = False
        owned = [i for i, p in enumerate(row.pieces) if p.block >= 0]
        first, last = (owned[0], owned[-1]) if owned else (len(row.pieces), -1)
        for i, piece in enumerate(row.pieces):
            stack = self._remark(out, stack, piece.marks)
            if piece.start == piece.end:
                continue
            chunk = self.text[piece.start:piece.end]
            if piece.block >= 0:
                out.append(self._owned(piece, chunk, row.block))
            elif i < first and kind == "list_item" and LIST_MARKER.match(chunk):
                found = LIST_MARKER.match(chunk)
                marker = True
                out.append(f'<span class="lm">{esc(chunk[:found.end()])}</span>{self._markup(chunk[found.end():], kind)}')
            elif first < i < last and kind == "table_cell" and not stack:  # between two cells of a row
                out.append(f'<span class="cs">{self._markup(chunk, kind)}</span>')
            else:
                out.append(self._markup(chunk, kind))
        out.append("</mark>" * len(stack) + "</div>")
        return "".join(out), marker

    def _remark(self, out: list[str], stack: list[Mark], want: tuple[Mark, ...]) -> list[Mark]:
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        out.append("</mark>" * (len(stack) - keep))
        for mark in want[keep:]:
            out.append(mark_open(mark, mark.fid not in self.opened))
            self.opened.add(mark.fid)
            if mark.start == mark.end:
                out.append("</mark>")
        return [m for m in want if m.start != m.end]

    def _owned(self, piece: Piece, chunk: str, row_block: int) -> str:
        body = esc(chunk)
        if piece.shown is not None:
            body = f'<span class="e" data-t="{attr(piece.shown)}"><span class="mk">{body}</span></span>'
        if piece.block != row_block:
            kind = self.doc.blocks[piece.block].kind
            body = f'<span class="in k-{kind}">{body}</span>'
        return body

    @staticmethod
    def _markup(chunk: str, kind: str) -> str:
        if not chunk:
            return ""
        if kind == "metadata" or not chunk.strip():
            return esc(chunk)
        return f'<span class="mk">{esc(chunk)}</span>'


def row_kind(doc: Document, row: Row) -> str:
    if row.block >= 0:
        return doc.blocks[row.block].kind
    text = doc.source.text
    return "unlinted" if any(text[p.start:p.end].strip() for p in row.pieces) else "blank"


def document_body(doc: Document, marks: Sequence[Mark], file_id: str, targets: set[int]) -> Iterator[str]:
    """The document as grouped rows: a block's rows in one element styled by its kind; runs of
    unlinted lines shown dimmed, long ones folded (open when they hold a finding)."""
    writer = RowWriter(doc, file_id, targets)
    group: list[Row] = []
    for row in rows(doc, marks):
        if group and not _same_group(group[0], row):
            yield _group(doc, writer, group)
            group = []
        group.append(row)
    if group:
        yield _group(doc, writer, group)


def _same_group(first: Row, row: Row) -> bool:
    return row.block == first.block or (row.block < 0 and first.block < 0)


def _group(doc: Document, writer: RowWriter, group: list[Row]) -> str:
    if group[0].block < 0:
        return _unlinted(doc, writer, group)
    block = doc.blocks[group[0].block]
    html_rows, marker = [], False
    for row in group:
        text, has_marker = writer.row(row, block.kind)
        html_rows.append(text)
        marker = marker or has_marker
    classes = f"blk k-{block.kind}"
    if block.kind == "heading":
        classes += f" h{min(max(block.level, 1), 6)}"
    if block.kind == "list_item" and not marker:
        classes += " nb"
    if len(html_rows) == 1:  # one line: the block is its row (smaller page)
        return html_rows[0].replace('<div class="r', f'<div class="{classes} r', 1)
    return f'<div class="{classes}">{"".join(html_rows)}</div>'


def _unlinted(doc: Document, writer: RowWriter, group: list[Row]) -> str:
    body = "".join(writer.row(row, row_kind(doc, row))[0] for row in group)
    shown = [row for row in group if row_kind(doc, row) == "unlinted"]
    if "<" not in body:  # blank lines only
        return body
    if len(shown) <= COLLAPSE_UNLINTED:
        return f'<div class="ul">{body}</div>'
    has_mark = any(p.marks for row in group for p in row.pieces)
    span = f"{shown[0].line}\u2013{shown[-1].line}"
    return (f'<details class="ul"{" open" if has_mark else ""}><summary>Lines {span}: not linted '
            f'(markup, code or comments)</summary>{body}</details>')


# ---------------------------------------------------------------------------------------------
# The page around the documents


@dataclass
class PageFile:
    """One file of the run: its page id, its findings (with their page ids) and its text."""

    path: str
    file_id: str
    findings: list[tuple[str, Finding]]
    doc: Document | None = None
    problem: str = ""


def page_files(report: Report) -> list[PageFile]:
    by_path: dict[str, list[tuple[str, Finding]]] = defaultdict(list)
    for n, f in enumerate(report.findings, 1):
        by_path[f.path].append((f"f{n}", f))
    order = list(dict.fromkeys([*report.paths, *by_path]))
    return [PageFile(path, f"F{i}", by_path.get(path, [])) for i, path in enumerate(order, 1)]


def load(file: PageFile, report: Report) -> None:
    if report.load_document is None:
        file.problem = "the text was not available to the reporter"
        return
    try:
        loaded = report.load_document(file.path)
    except Exception as exc:  # noqa: BLE001 - the findings are still listed
        loaded = InputError(file.path, f"{type(exc).__name__}: {exc}")
    if isinstance(loaded, InputError):
        file.problem = f"its text could not be read again ({loaded.message})"
    else:
        file.doc = loaded


def badge(severity: str) -> str:
    return f'<span class="sev" data-severity="{severity}">{severity}</span>'


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def bar_chart(rows_: Sequence[tuple[str, Counter]], label_width: int = 130) -> str:
    """Horizontal bars, one per label, stacked by severity, in inline SVG (no script)."""
    if not rows_:
        return '<p class="none">No findings.</p>'
    top = max(sum(c.values()) for _, c in rows_)
    width, bar_h, gap = 300, 18, 8
    height = len(rows_) * (bar_h + gap)
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {label_width + width + 50} {height}" '
             f'width="{label_width + width + 50}" height="{height}" aria-label="Findings by category and severity">']
    for i, (label, counts) in enumerate(rows_):
        y = i * (bar_h + gap)
        total = sum(counts.values())
        parts.append(f'<g data-category="{attr(label)}" data-count="{total}">'
                     f'<text x="{label_width - 8}" y="{y + 13}" text-anchor="end">{esc(label)}</text>')
        x = float(label_width)
        for sev in SEVERITIES:
            if counts[sev]:
                w = counts[sev] / top * width
                parts.append(f'<rect class="b-{sev}" data-severity="{sev}" data-count="{counts[sev]}" x="{x:.1f}" '
                             f'y="{y}" width="{w:.1f}" height="{bar_h}"><title>{esc(label)}: {counts[sev]} {sev}'
                             f'</title></rect>')
                x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 13}">{total}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def summary(report: Report, files: Sequence[PageFile]) -> str:
    sev = Counter(f.severity.value for f in report.findings)
    by_cat: dict[str, Counter] = defaultdict(Counter)
    for f in report.findings:
        by_cat[f.category][f.severity.value] += 1
    cats = sorted(by_cat, key=lambda c: (-sum(by_cat[c].values()), CATEGORIES.index(c) if c in CATEGORIES else 99, c))
    tiles = [("files", report.files, "files checked"), ("findings", len(report.findings), "findings")]
    tiles += [(s, sev[s], s + ("s" if s != "info" else "")) for s in SEVERITIES]
    tiles.append(("input-errors", len(report.errors), "input errors"))
    tile_html = "".join(f'<div class="tile" data-kind="{k}"><b data-count="{k}">{n}</b> {label}</div>' for k, n, label in tiles)
    return (f'<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>'
            f'<div class="tiles">{tile_html}</div><div class="charts"><figure><figcaption>Findings by category'
            f'</figcaption>{bar_chart([(c, by_cat[c]) for c in cats])}</figure>'
            f'{top_rules(report)}</div>{input_errors(report)}{file_index(files)}{SIGN_OFF}</section>')


def top_rules(report: Report, limit: int = 10) -> str:
    tally = Counter(f.rule for f in report.findings)
    if not tally:
        return ""
    category = {f.rule: f.category for f in report.findings}
    severities: dict[str, set[str]] = defaultdict(set)  # a rule may report at several severities
    for f in report.findings:
        severities[f.rule].add(f.severity.value)
    rows_ = []
    for rule, n in sorted(tally.items(), key=lambda item: (-item[1], item[0]))[:limit]:
        badges = " ".join(badge(s) for s in SEVERITIES if s in severities[rule])
        rows_.append(f'<tr data-rule="{attr(rule)}"><td><a href="#rule-{attr(rule)}"><code>{esc(rule)}</code></a></td>'
                     f'<td>{esc(category[rule])}</td><td>{badges}</td><td class="n" data-count="{n}">{n}</td></tr>')
    more = f'<p class="more">{plural(len(tally) - limit, "more rule")} in the list of rules below.</p>' if len(tally) > limit else ""
    return (f'<figure><figcaption>Rules that fired most</figcaption><table class="rules"><thead><tr><th>Rule</th>'
            f'<th>Category</th><th>Severity</th><th class="n">Findings</th></tr></thead><tbody>{"".join(rows_)}'
            f'</tbody></table>{more}</figure>')


def input_errors(report: Report) -> str:
    if not report.errors:
        return ""
    items = "".join(f'<li><code>{esc(e.path)}</code>: {esc(e.message)}</li>' for e in report.errors)
    return f'<div class="errors" role="alert"><h3>Input errors</h3><p>These files were not (fully) checked:</p><ul>{items}</ul></div>'


def file_index(files: Sequence[PageFile]) -> str:
    rows_ = []
    for file in files:
        counts = Counter(f.severity.value for _, f in file.findings)
        cells = "".join(f'<td class="n" data-severity="{s}">{counts[s] or ""}</td>' for s in SEVERITIES)
        rows_.append(f'<tr data-file="{file.file_id}"><td><a href="#{file.file_id}">{esc(file.path)}</a></td>{cells}'
                     f'<td class="n">{len(file.findings)}</td></tr>')
    heads = "".join(f'<th class="n">{s.capitalize()}</th>' for s in SEVERITIES)
    return (f'<details class="index" open><summary>Files ({len(files)})</summary><table><thead><tr><th>File</th>{heads}'
            f'<th class="n">Total</th></tr></thead><tbody>{"".join(rows_)}</tbody></table></details>')


def toolbar(report: Report) -> str:
    """Filters and view options; hidden until the script shows them (without JavaScript the
    page shows everything)."""
    sev = Counter(f.severity.value for f in report.findings)
    cats = Counter(f.category for f in report.findings)
    rules = Counter(f.rule for f in report.findings)
    sev_boxes = "".join(f'<label><input type="checkbox" data-filter="severity" value="{s}" checked> {badge(s)} '
                        f'<span class="c">{sev[s]}</span></label>' for s in SEVERITIES if sev[s])
    cat_boxes = "".join(f'<label><input type="checkbox" data-filter="category" value="{attr(c)}" checked> {esc(c)} '
                        f'<span class="c">{n}</span></label>' for c, n in sorted(cats.items()))
    options = "".join(f'<option value="{attr(r)}">{esc(r)} ({n})</option>' for r, n in sorted(rules.items()))
    return (f'<div id="toolbar" role="search" aria-label="Filter findings" hidden>'
            f'<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>'
            f'<fieldset><legend>Category</legend>{cat_boxes}</fieldset>'
            f'<fieldset><legend>Rule</legend><select id="rule-filter" aria-label="Rule"><option value="">All rules</option>'
            f'{options}</select></fieldset>'
            f'<fieldset><legend>View</legend><label><input type="checkbox" id="show-markup"> Show markup</label></fieldset>'
            f'<p class="status"><span id="visible-count">{len(report.findings)}</span> of {len(report.findings)} findings shown'
            f' \u00b7 <kbd>j</kbd>/<kbd>k</kbd> next/previous finding \u00b7 <kbd>Esc</kbd> close</p></div>')


def finding_item(fid: str, f: Finding, placed: bool, ids_by_path: dict[str, str], overlaps: Sequence[tuple[str, Finding]],
                 rule_category: str | None = None) -> str:
    """The side list entry of a finding: its position, rule and message, then what helps (kept
    small: a run over 1,000 files lists tens of thousands). Its severity badge is drawn by CSS
    from data-severity; its category is its rule's, in the list of rules."""
    loc = f.location
    where = f"{loc.line}:{loc.column}"
    where = f'<a href="#{fid}">{where}</a>' if placed else where
    own = f' data-category="{attr(f.category)}"' if f.category != rule_category else ""
    parts = [f'<li id="d-{fid}" data-rule="{attr(f.rule)}" data-severity="{f.severity.value}"{own}>{where} '
             f'<a href="#rule-{attr(f.rule)}">{esc(f.rule)}</a><p>{esc(f.message)}</p>']
    excerpt = short(f.excerpt, EXCERPT_CHARS)
    if excerpt and excerpt not in f.message and (len(excerpt) <= QUOTE_CHARS or not placed):
        parts.append(f'<q>{esc(excerpt)}</q>')  # a long one is read where it is highlighted
    if f.suggestion:
        parts.append(f'<p class="sug">{esc(f.suggestion)}</p>')
    if f.related:
        parts.append(f'<p class="rel">Also at {", ".join(_related_link(r, f.path, ids_by_path) for r in f.related)}</p>')
    if overlaps:
        parts.append(f'<p class="ov">Overlaps {esc(", ".join(dict.fromkeys(o.rule for _, o in overlaps)))}</p>')
    if not placed:
        parts.append('<p class="note">Not highlighted: the text at this position differs from what was linted.</p>')
    parts.append("</li>")
    return "".join(parts)


def short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


def _related_link(loc, path: str, ids_by_path: dict[str, str]) -> str:
    """A link to a related place: "line 9" in the same file, "name.md:9" in another (the
    message names its path)."""
    label = f"line {loc.line}" if loc.path == path else f"{esc(PurePath(loc.path).name)}:{loc.line}"
    file_id = ids_by_path.get(loc.path)
    return f'<a href="#{file_id}-L{loc.line}">{label}</a>' if file_id else label


def overlapping(marks: Sequence[Mark]) -> dict[str, list[tuple[str, Finding]]]:
    """For each mark, the other marks whose spans share text with it."""
    found: dict[str, list[tuple[str, Finding]]] = defaultdict(list)
    ordered = sorted(marks, key=lambda m: m.key)
    active: list[Mark] = []
    for mark in ordered:
        active = [a for a in active if a.end > mark.start]
        for other in active:
            if mark.end > mark.start:
                found[mark.fid].append((other.fid, other.finding))
                found[other.fid].append((mark.fid, mark.finding))
        active.append(mark)
    return found


def is_document_level(f: Finding) -> bool:
    return f.document_level or f.category in ("duplication", "readability")


def banner(file: PageFile, placed: set[str]) -> str:
    """Findings about the whole document, one line per rule (its first message, then a link to
    each occurrence), above the text."""
    by_rule: dict[str, list[tuple[str, Finding]]] = defaultdict(list)
    for fid, f in file.findings:
        if is_document_level(f):
            by_rule[f.rule].append((fid, f))
    if not by_rule:
        return ""
    lis = []
    for items in by_rule.values():
        links = [f'<a href="#{fid if fid in placed else "d-" + fid}">line {f.location.line}</a>' for fid, f in items]
        first = items[0][1]
        more = f" ({plural(len(items), 'occurrence')}: {', '.join(links)})" if len(items) > 1 else f" ({links[0]})"
        lis.append(f'<li data-finding="{" ".join(fid for fid, _ in items)}" data-severity="{first.severity.value}">'
                   f'{esc(short(first.message, BANNER_CHARS))}{more}</li>')
    return f'<div class="banner" role="note"><h3>About the whole document</h3><ul>{"".join(lis)}</ul></div>'


def file_section(file: PageFile, ids_by_path: dict[str, str], targets: set[int], categories: dict[str, str]) -> str:
    marks: list[Mark] = []
    doc = file.doc
    if doc is not None:
        lines = doc.lines or LineIndex(doc.source.text)
        for order, (fid, f) in enumerate(file.findings):
            span = source_range(f, lines, doc.source.text)
            if span is not None:
                marks.append(Mark(fid, span[0], span[1], f, order))
    placed = {m.fid for m in marks}
    overlaps = overlapping(marks)
    counts = Counter(f.severity.value for _, f in file.findings)
    tally = " ".join(f'{badge(s)} {counts[s]}' for s in SEVERITIES if counts[s]) or '<span class="clean">no findings</span>'
    fmt = f' <span class="fmt">{esc(doc.source.format)}</span>' if doc is not None else ""
    head = (f'<section class="file" id="{file.file_id}" data-path="{attr(file.path)}"><header><h2>{esc(file.path)}{fmt}</h2>'
            f'<p class="tally">{tally}</p></header>{banner(file, placed)}')
    if doc is not None:
        text = "".join(document_body(doc, marks, file.file_id, targets))
        body = f'<article class="doc" aria-label="Text of {attr(file.path)}">{text}</article>'
    else:
        body = f'<p class="note">The text of this file is not shown: {esc(file.problem)}. Its findings are listed.</p>'
    items = "".join(finding_item(fid, f, fid in placed, ids_by_path, overlaps.get(fid, ()), categories.get(f.rule))
                    for fid, f in file.findings)
    side = (f'<aside class="side" aria-label="Findings in {attr(file.path)}"><h3>Findings ({len(file.findings)})</h3>'
            f'<ol>{items}</ol></aside>' if file.findings else "")
    return f'{head}<div class="cols">{body}{side}</div></section>'


def glossary(report: Report) -> str:
    fired = sorted({f.rule for f in report.findings})
    if not fired:
        return ""
    entries = []
    for rule in fired:
        spec = report.rules.get(rule)
        why = f'<p class="why">{esc(spec.why)}</p>' if spec and spec.why else ""
        src = f'<p class="src"><b>Source:</b> {esc(spec.source)}</p>' if spec and spec.source else ""
        sev = badge(spec.severity.value) if spec else ""
        cat = esc(spec.category) if spec else ""
        category = f' data-category="{attr(spec.category)}"' if spec else ""
        entries.append(f'<dt id="rule-{attr(rule)}"{category}><code>{esc(rule)}</code> {sev} <span class="cat">{cat}</span></dt>'
                       f'<dd>{why}{src}</dd>')
    return f'<section id="rules" aria-labelledby="rules-h"><h2 id="rules-h">Rules that fired: why and source</h2><dl>{"".join(entries)}</dl></section>'


def page_head(report: Report, css: str, js: str) -> str:
    policy = (f"default-src 'none'; style-src {csp_hash(css)}; script-src {csp_hash(js)}; img-src 'none'; "
              "base-uri 'none'; form-action 'none'")
    n = len(report.findings)
    title = f"copylint review: {plural(n, 'finding')} in {plural(report.files, 'file')}"
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{attr(policy)}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="copylint {attr(__version__)}"><title>{esc(title)}</title><style>{css}</style>'
            f'</head><body><header class="top"><h1>Compliance review</h1><p class="meta">copylint {esc(__version__)} \u00b7 '
            f'{dt.date.today().isoformat()} \u00b7 {plural(report.files, "file")} \u00b7 {plural(n, "finding")}</p>'
            f'</header>')


def chunks(report: Report) -> Iterator[str]:
    """The page a file at a time: a run over many files never holds more than one document."""
    css, js = asset("report.css"), asset("report.js")
    files = page_files(report)
    ids_by_path = {f.path: f.file_id for f in files}
    targets: dict[str, set[int]] = defaultdict(set)  # lines that "also at" links point to
    for f in report.findings:
        for loc in f.related:
            targets[loc.path].add(loc.line)
    categories = {rule: spec.category for rule, spec in report.rules.items()}
    yield page_head(report, css, js)
    yield toolbar(report) + "<main>" + summary(report, files)
    for file in files:
        load(file, report)
        yield file_section(file, ids_by_path, targets.get(file.path, set()), categories)
        file.doc = None
    yield f"{glossary(report)}</main><div id=\"card\" role=\"tooltip\" hidden></div><script>{js}</script></body></html>\n"


def render(report: Report) -> str:
    return "".join(chunks(report))

