"""HTML parser: Python's html.parser tokenizes the page (script and style as raw text, broken markup
recovered as a browser would), and every piece of visible text keeps its exact source offsets.
Each block records its page region; <title>, meta descriptions and JSON-LD strings become metadata
blocks; code, hidden elements and (by default) user comments are not linted."""

from __future__ import annotations

import html as _html
from dataclasses import dataclass
from html.parser import HTMLParser

import regex

from copylint.core.models import Block, Comment, HtmlOptions, LineIndex
from copylint.parsers.jsonld import jsonld_blocks
from copylint.parsers.regions import RegionRules, element_region, is_hidden
from copylint.core.regexcache import rx
from copylint.text.blocks import BlockBuilder

_ENTITY = rx(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_ATTR = rx(r"""(?P<name>[^\s/>"'=][^\s/>"'=]*)(?:\s*=\s*(?:"(?P<d>[^"]*)"|'(?P<s>[^']*)'|(?P<u>[^\s"'>]+)))?""")
_TAG_NAME = rx(r"<[A-Za-z][^\s/>]*")
# html.parser stops with an AssertionError on `<![` not followed by a known keyword; a browser
# reads it as a bogus comment up to the next `>`, which is what `<!x` gives.
_MARKED_SECTION = rx(r"<!\[")
# Where to resume after a <script> or <style> that is never closed: the next line that starts
# with a tag (a browser would hide the rest of the page; the writer meant it to be read).
_RESUME = rx(r"\n[ \t]*(?=<[A-Za-z/!])")

_NEWLINE = rx(r"\n")
RAW_TEXT = frozenset({"script", "style"})  # html.parser's own raw-text elements
# Elements whose content is raw text in a browser: no tags inside until their own end tag.
OPAQUE = frozenset({"textarea", "noscript", "xmp", "iframe", "noembed", "noframes"})
SKIPPED = frozenset({"pre", "code", "svg", "math", "kbd", "samp"}) | RAW_TEXT | OPAQUE
# Code-like elements are skipped only when their end tag comes before the next block-level tag
# (within CLOSE_WINDOW characters); a browser shows an unclosed one's text, so it is linted.
BOUNDED = frozenset({"pre", "code", "kbd", "samp"})
CLOSE_WINDOW = 50_000
_BLOCK_START = rx(r"<(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|table|tr|td|th|section|article|header|footer|nav|aside|"
                  r"main|blockquote|form|figure|body|html)(?=[\s/>])", regex.I)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCK_KINDS = {"li": "list_item", "dt": "list_item", "dd": "list_item", "td": "table_cell",
               "th": "table_cell", "blockquote": "quote", "figcaption": "paragraph", "caption": "paragraph",
               "title": "metadata"}
BLOCK_TAGS = frozenset(
    """p div section article header footer nav aside main ul ol dl table thead tbody tfoot tr form
    fieldset legend figure body html head hr br address details summary option button label
    center dialog""".split()
) | HEADINGS.keys() | BLOCK_KINDS.keys()
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# An open element of each key is closed by the start of any of its tags (and <p> by any block).
IMPLIED_END = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"}, "td": {"td", "th", "tr"},
               "th": {"td", "th", "tr"}, "option": {"option"}}
# How far up the open elements that search goes.
SCOPES = {"li": frozenset({"ul", "ol", "menu"}), "dt": frozenset({"dl"}), "dd": frozenset({"dl"}),
          "tr": frozenset({"table", "thead", "tbody", "tfoot"}), "td": frozenset({"tr", "table"}),
          "th": frozenset({"tr", "table"}), "option": frozenset({"select"})}
META_NAMES = frozenset({"description", "og:title", "og:description", "twitter:title", "twitter:description"})


def decode_entity(entity: str) -> str:
    text = _html.unescape(entity)
    return text if text != entity else entity


def add_markup_text(builder: BlockBuilder, text: str, start: int, end: int) -> None:
    """Add text[start:end] (text or an attribute value) with its entities decoded in place."""
    pos = start
    for m in _ENTITY.finditer(text, start, end):
        decoded = decode_entity(m.group())
        if decoded == m.group():
            continue
        builder.add(text[pos:m.start()], pos)
        builder.add(decoded, m.start(), m.end() - m.start())
        pos = m.end()
    builder.add(text[pos:end], pos)


def attribute_spans(text: str, tag_start: int, tag_end: int) -> dict[str, tuple[int, int] | None]:
    """Source range of each attribute value of the start tag text[tag_start:tag_end]."""
    name = _TAG_NAME.match(text, tag_start, tag_end)
    spans: dict[str, tuple[int, int] | None] = {}
    if name is None:
        return spans
    for m in _ATTR.finditer(text, name.end(), tag_end):
        group = next((g for g in ("d", "s", "u") if m.group(g) is not None), None)
        spans.setdefault(m.group("name").lower(), m.span(group) if group else None)
    return spans


@dataclass(frozen=True)
class _Open:
    """An open element with the state its text inherits: whether it is skipped, its region, its
    block kind and heading level, and whether it is inside an explicit main region."""

    tag: str
    skipped: bool = False
    region: str = "main"
    kind: tuple[str, int] = ("paragraph", 0)
    in_main: bool = False
    jsonld: bool = False  # a <script type="application/ld+json">


ROOT = _Open("#root")


def _child(parent: _Open, tag: str, region: str | None, skipped: bool) -> _Open:
    """The state of a new element under `parent`: user comments stay comments whatever they
    contain; otherwise the innermost element that opens a region decides."""
    in_main = parent.in_main or region == "main"
    if parent.region == "comments" or region is None:
        region = parent.region
    kind = ("heading", HEADINGS[tag]) if tag in HEADINGS else (BLOCK_KINDS[tag], 0) if tag in BLOCK_KINDS else parent.kind
    return _Open(tag, skipped or parent.skipped, region, kind, in_main)


class _PageParser(HTMLParser):
    """Turns html.parser's events into blocks. Every event's source offset comes from getpos();
    text is always taken from the original page between one event and the next, so nothing the
    tokenizer passes over is lost and entities map back to their exact source range."""

    def __init__(self, text: str, rules: RegionRules) -> None:
        super().__init__(convert_charrefs=True)
        self.page = text
        self.rules = rules
        self.blocks: list[Block] = []
        self.comments: list[Comment] = []
        self.stack: list[_Open] = []
        self.builder = BlockBuilder()
        self.context: tuple[str, str, int] | None = None  # (region, kind, level) of the open block
        self.pending: int | None = None  # start of the text event not yet added
        self.raw_start: int | None = None  # content start of an open <script>/<style>
        self.line_starts: list[int] = [0]
        self.base = 0

    # -- positions --------------------------------------------------------------------------

    def run(self, start: int, end: int) -> None:
        """Parse page[start:end]; an unclosed <script>/<style> is dropped and parsing resumes."""
        while True:
            self.reset()
            self.base = start
            chunk = _MARKED_SECTION.sub("<!x", self.page[start:end])
            self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(chunk)]
            self.feed(chunk)
            self.close()
            self._text_until(end)
            if self.raw_start is None:
                break
            content, self.raw_start = self.raw_start, None
            while self.stack and self.stack[-1].tag not in RAW_TEXT:
                self.stack.pop()
            if self.stack:
                self.stack.pop()
            resume = _RESUME.search(self.page, content, end)
            start = resume.end() if resume else content
        self.flush()

    def _at(self) -> int:
        line, col = self.getpos()
        return self.base + self.line_starts[line - 1] + col

    # -- html.parser events -----------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        at = self._at()
        self._text_until(at)
        self.pending = at

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._start(tag, attrs, closed=True)

    def handle_endtag(self, tag: str) -> None:
        at = self._at()
        self._text_until(at)
        if self.stack and self.stack[-1].tag in OPAQUE and tag != self.stack[-1].tag:
            return
        if tag in RAW_TEXT:
            self.raw_start = None
        if tag in BLOCK_TAGS:
            self.flush()
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_comment(self, data: str) -> None:
        at = self._at()
        self._text_until(at)
        end = self.page.find("-->", at + 4)
        end = end + 3 if end >= 0 else at + 4 + len(data) + 3
        if self.page.startswith("<!--", at):
            self.comments.append(Comment(data.strip(), at, end))
        self.builder.space(at, at)

    def handle_decl(self, decl: str) -> None:
        self._text_until(self._at())

    def handle_pi(self, data: str) -> None:
        self._text_until(self._at())

    def unknown_decl(self, data: str) -> None:
        self._text_until(self._at())

    # -- elements ---------------------------------------------------------------------------

    def _start(self, tag: str, attrs: list, closed: bool) -> None:
        at = self._at()
        self._text_until(at)
        raw = self.get_starttag_text() or ""
        if self.stack and self.stack[-1].tag in OPAQUE:
            return  # a tag inside a textarea or noscript is its text
        values = {name: value for name, value in attrs}
        if tag in BLOCK_TAGS:
            self._close_implied(tag)
            self.flush()
        skipping = self.skipping()
        if tag == "meta" and not skipping:
            self._meta_block(values, at, at + len(raw))
        elif tag == "img" and not skipping:
            self._attribute_block("alt", at, at + len(raw))
        elif tag == "a" and not skipping and values.get("href"):
            self.builder.links.append(values["href"])
        if tag in RAW_TEXT and not closed:
            self.raw_start = at + len(raw)
            jsonld = tag == "script" and (values.get("type") or "").strip().lower() == "application/ld+json"
            parent = self.stack[-1] if self.stack else ROOT
            self.stack.append(_Open(tag, True, parent.region, parent.kind, parent.in_main, jsonld and not skipping))
            return
        if tag in VOID or closed:
            return
        parent = self.stack[-1] if self.stack else ROOT
        hidden = is_hidden(tag, values, self.rules)
        region = "metadata" if tag == "title" else element_region(tag, values, parent.in_main, self.rules)
        code = tag in SKIPPED and (tag not in BOUNDED or self._closed_in_block(tag, at + len(raw)))
        skipped = hidden or code or (region == "comments" and not self.rules.lint_comments)
        self.stack.append(_child(parent, tag, region, skipped))

    def _closed_in_block(self, tag: str, pos: int) -> bool:
        """Whether the element opened just before `pos` ends before the next block-level tag."""
        limit = min(len(self.page), pos + CLOSE_WINDOW)
        close = rx(rf"</{tag}\s*>", regex.I).search(self.page, pos, limit)
        return close is not None and _BLOCK_START.search(self.page, pos, close.start()) is None

    def _close_implied(self, tag: str) -> None:
        """A block-level start tag closes an open <p> (and <li> closes <li>, <td> closes <td> ...)
        and ends any unclosed code-like element, as a browser does."""
        if tag in ("br", "wbr"):
            return
        while self.stack and self.stack[-1].tag in BOUNDED:
            self.stack.pop()
        ends = {t for t, closers in IMPLIED_END.items() if tag in closers} | {"p"}
        scope = SCOPES.get(tag, frozenset())
        for i in range(len(self.stack) - 1, -1, -1):
            open_tag = self.stack[i].tag
            if open_tag in ends:
                del self.stack[i:]
                if open_tag != "p":
                    return
                continue
            if open_tag in scope or (not scope and open_tag in BLOCK_TAGS):
                return

    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1].skipped

    def _state(self) -> tuple[str, str, int]:
        """(region, block kind, heading level) of text at this point."""
        top = self.stack[-1] if self.stack else ROOT
        return top.region, *top.kind

    # -- text -------------------------------------------------------------------------------

    def _text_until(self, end: int) -> None:
        """Add the pending text event, which runs from its start up to `end`."""
        start, self.pending = self.pending, None
        if start is None or end <= start:
            return
        if self.stack and self.stack[-1].jsonld:
            self._add_blocks(jsonld_blocks(self.page, start, end))
            return
        if self.skipping():
            return
        state = self._state()
        if self.context is not None and state != self.context:
            self.flush()
        self.context = state
        add_markup_text(self.builder, self.page, start, end)

    def flush(self) -> None:
        if self.context is not None:
            region, kind, level = self.context
            block = self.builder.build(kind, level)
            if block is not None:
                block.region = region
                self.blocks.append(block)
        self.builder = BlockBuilder()
        self.context = None

    def _add_blocks(self, blocks: list[Block]) -> None:
        if blocks:
            self.flush()
            self.blocks.extend(blocks)

    def _attribute_block(self, name: str, tag_start: int, tag_end: int, kind: str = "alt", region: str | None = None) -> None:
        span = attribute_spans(self.page, tag_start, tag_end).get(name)
        if not span:
            return
        builder = BlockBuilder()
        add_markup_text(builder, self.page, *span)
        block = builder.build(kind)
        if block is not None:
            block.region = region or self._state()[0]
            self._add_blocks([block])

    def _meta_block(self, values: dict, tag_start: int, tag_end: int) -> None:
        key = (values.get("name") or values.get("property") or "").strip().lower()
        if key in META_NAMES:
            self._attribute_block("content", tag_start, tag_end, kind="metadata", region="metadata")


def parse_fragment(text: str, start: int, end: int, options: HtmlOptions | None = None) -> tuple[list[Block], dict, list[Comment]]:
    """Parse text[start:end] as HTML; offsets stay those of the whole `text`."""
    parser = _PageParser(text, RegionRules.from_options(options))
    parser.run(start, end)
    return parser.blocks, {}, parser.comments


def parse_blocks(text: str, index: LineIndex, options: HtmlOptions | None = None) -> tuple[list[Block], dict, list[Comment]]:
    return parse_fragment(text, 0, len(text), options)
