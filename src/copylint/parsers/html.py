"""HTML parser: a small offset-exact tokenizer that keeps visible text, <title> and alt text, and
skips script, style, pre, code, noscript and comments."""

from __future__ import annotations

import html as _html

import regex

from copylint.models import Block, Comment, LineIndex
from copylint.text.blocks import BlockBuilder
from copylint.regexcache import rx

_TOKEN = rx(
    r"(?P<comment><!--(?P<ctext>.*?)(?:-->|\Z))"
    r"|(?P<decl><![^>]*>|<\?[^>]*>)"
    r"|(?P<tag><(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>)"
    r"|(?P<entity>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?)",
    regex.S,
)
_HREF = rx(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", regex.I)
_ALT = rx(r"""\balt\s*=\s*(?:"(?P<d>[^"]*)"|'(?P<s>[^']*)'|(?P<u>[^\s"'>]+))""", regex.I)
SKIP_CONTENT = frozenset({"script", "style", "pre", "code", "noscript", "template", "svg", "math", "textarea", "kbd", "samp"})
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6, "title": 1}
BLOCK_KINDS = {"li": "list_item", "dt": "list_item", "dd": "list_item", "td": "table_cell",
               "th": "table_cell", "blockquote": "quote", "figcaption": "paragraph", "caption": "paragraph"}
BLOCK_TAGS = frozenset(
    """p div section article header footer nav aside main ul ol dl table thead tbody tfoot tr form
    fieldset legend figure body html head hr br address details summary option select button label
    center""".split()
) | HEADINGS.keys() | BLOCK_KINDS.keys()
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def decode_entity(entity: str) -> str:
    text = _html.unescape(entity)
    return text if text != entity else entity


class _State:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.comments: list[Comment] = []
        self.builder = BlockBuilder()
        self.stack: list[str] = []  # open block-level/skip tags
        self.skip_depth = 0
        self.skip_tag = ""

    def kind(self) -> tuple[str, int]:
        for tag in reversed(self.stack):
            if tag in HEADINGS:
                return "heading", HEADINGS[tag]
            if tag in BLOCK_KINDS:
                return BLOCK_KINDS[tag], 0
        return "paragraph", 0

    def flush(self) -> None:
        kind, level = self.kind()
        block = self.builder.build(kind, level)
        if block is not None:
            self.blocks.append(block)
        self.builder = BlockBuilder()


def parse_fragment(text: str, start: int, end: int) -> tuple[list[Block], dict, list[Comment]]:
    """Parse text[start:end] as HTML; offsets stay those of the whole `text`."""
    st = _State()
    pos = start
    for m in _TOKEN.finditer(text, start, end):
        if st.skip_depth == 0 and m.start() > pos:
            st.builder.add(text[pos:m.start()], pos)
        pos = m.end()
        if m.group("comment") is not None:
            st.comments.append(Comment(m.group("ctext").strip(), m.start(), m.end()))
            st.builder.space(m.start(), m.start())
        elif m.group("entity") is not None:
            if st.skip_depth == 0:
                st.builder.add(decode_entity(m.group()), m.start(), m.end() - m.start())
        elif m.group("tag") is not None:
            _handle_tag(st, text, m)
    if st.skip_depth == 0 and pos < end:
        st.builder.add(text[pos:end], pos)
    st.flush()
    return st.blocks, {}, st.comments


def _handle_tag(st: _State, text: str, m: regex.Match) -> None:
    name = m.group("name").lower()
    closing = m.group("close") is not None
    if st.skip_depth:
        if name == st.skip_tag:
            st.skip_depth += -1 if closing else (0 if m.group("attrs").rstrip().endswith("/") else 1)
        return
    if name in SKIP_CONTENT and not closing:
        st.skip_depth, st.skip_tag = 1, name
        st.builder.space(m.start(), m.start())
        return
    if name == "img" and not closing:
        _alt_block(st, text, m)
        return
    if name == "a" and not closing:
        href = _HREF.search(m.group("attrs"))
        if href:
            st.builder.links.append(next(g for g in href.groups() if g is not None))
        return
    if name in BLOCK_TAGS:
        st.flush()
        if name in VOID:
            return
        if closing:
            if name in st.stack:
                while st.stack and st.stack.pop() != name:
                    pass
        else:
            st.stack.append(name)
        return
    # Inline tags (a, span, strong ...) join words without adding a space.


def _alt_block(st: _State, text: str, m: regex.Match) -> None:
    alt = _ALT.search(m.group("attrs"))
    if not alt:
        return
    group = next(g for g in ("d", "s", "u") if alt.group(g) is not None)
    base = m.start("attrs")
    builder = BlockBuilder()
    builder.add(alt.group(group), base + alt.start(group))
    block = builder.build("alt")
    if block is not None:
        st.flush()
        st.blocks.append(block)


def parse_blocks(text: str, index: LineIndex) -> tuple[list[Block], dict, list[Comment]]:
    return parse_fragment(text, 0, len(text))
