"""Decode a Word draft (.docx, as saved by Word, Google Docs or LibreOffice) into a `Source`: one
line of text per paragraph in reading order (body, tables, text boxes), with each line's kind.
Footnotes, comments, headers, footers and deleted text are not part of the body and are left out."""

from __future__ import annotations

import io
import re

from copylint.core.models import InputError, Source

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.I)
_LINE_BREAKS = re.compile(r"[\r\n\v\f\u2028\u2029]")
TEXT_TAGS = {W + "t": None, W + "tab": "\t", W + "br": " ", W + "cr": " ", W + "noBreakHyphen": "-",
             W + "softHyphen": ""}
INSTALL_HINT = "reading .docx needs python-docx: pip install 'copylint[docx]'"


def decode_docx(path: str, data: bytes) -> Source | InputError:
    """The draft's paragraphs as lines, or a one-line reason why the file cannot be read."""
    try:
        import docx
    except ImportError:
        return InputError(path, INSTALL_HINT)
    try:
        document = docx.Document(io.BytesIO(data))
        styles = {s.style_id: s.name or "" for s in document.styles}
        lines, layout = [], []
        for p in _paragraphs(document.element.body):
            lines.append(_LINE_BREAKS.sub(" ", _text(p)))
            layout.append(_kind(p, styles))
    except Exception as exc:  # noqa: BLE001 - a zip that is no Word document, bad XML, ...
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return InputError(path, f"not a readable .docx file ({reason})")
    return Source(path, "\n".join(lines) + ("\n" if lines else ""), "docx", layout=tuple(layout))


def _paragraphs(body):
    """Every w:p of the body in document order, except the fallback copies of text boxes."""
    for p in body.iter(W + "p"):
        if not any(a.tag == MC_FALLBACK for a in p.iterancestors()):
            yield p


def _own(node, p) -> bool:
    """Whether `node` belongs to paragraph `p` itself, not to a text box paragraph inside it."""
    for ancestor in node.iterancestors():
        if ancestor.tag == W + "p":
            return ancestor is p
    return False


def _text(p) -> str:
    parts = []
    for node in p.iter(*TEXT_TAGS):
        if _own(node, p):
            fixed = TEXT_TAGS[node.tag]
            parts.append(node.text or "" if fixed is None else fixed)
    return "".join(parts)


def _kind(p, styles: dict[str, str]) -> tuple[str, int]:
    """(block kind, heading level) from the paragraph's style, numbering and table."""
    ppr = p.find(W + "pPr")
    style_el = ppr.find(W + "pStyle") if ppr is not None else None
    name = styles.get(style_el.get(W + "val"), style_el.get(W + "val")) if style_el is not None else ""
    heading = _HEADING_STYLE.match(name.strip())
    if heading:
        return "heading", int(heading.group(1))
    if name in ("Title", "Subtitle"):
        return "heading", 0  # above every numbered heading
    outline = ppr.find(W + "outlineLvl") if ppr is not None else None
    if outline is not None and (outline.get(W + "val") or "9").isdigit() and int(outline.get(W + "val")) < 9:
        return "heading", int(outline.get(W + "val")) + 1
    if any(a.tag == W + "tc" for a in p.iterancestors()):
        return "table_cell", 0
    if (ppr is not None and ppr.find(W + "numPr") is not None) or name.lower().startswith("list"):
        return "list_item", 0
    if "quote" in name.lower():
        return "quote", 0
    return "paragraph", 0
