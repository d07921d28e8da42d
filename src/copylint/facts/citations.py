"""Which blocks of a document are supported by a citation: an inline marker in the block itself
([1], [^1], "(Smith et al., 2019)", "Deda et al.", a DOI, a URL or a link), or a reference line
("Reference:", "Source:") that closes the run of blocks since the previous reference or heading."""

from __future__ import annotations

import regex
from copylint.core.regexcache import rx

from copylint.core.models import Document

# Where research is published or registered: a link there is a citation; a link elsewhere ("Book
# a consultation", the seller's own pages) is not, unless the block names the study it links to.
_RESEARCH_HOSTS = (
    r"(?:[\w-]+\.)*(?:doi\.org|ncbi\.nlm\.nih\.gov|pubmed\.\w+|europepmc\.org|clinicaltrials\.gov|"
    r"isrctn\.com|who\.int|cochranelibrary\.com|nejm\.org|thelancet\.com|bmj\.com|jamanetwork\.com|"
    r"nature\.com|science\.org|sciencedirect\.com|springer\.com|link\.springer\.com|wiley\.com|"
    r"tandfonline\.com|plos\.org|frontiersin\.org|mdpi\.com|academic\.oup\.com|biomedcentral\.com|"
    r"medrxiv\.org|biorxiv\.org|arxiv\.org|cell\.com|karger\.com|sagepub\.com|nih\.gov|nice\.org\.uk)"
)
RESEARCH_URL = rx(r"^(?:https?://)?(?:www\.)?" + _RESEARCH_HOSTS + r"(?:[/:?#]|$)|\.pdf(?:$|[?#])", regex.I)
# Words that say a link in the block is the source of a finding.
NAMES_A_STUDY = rx(r"\b(?:stud(?:y|ies)|trials?|research|journal|paper|review|meta-analysis|published|et\s+al|source|reference)\b", regex.I)
INLINE = rx(
    r"\[\^?\d{1,3}\]"                                     # [1] or [^1]
    r"|\[\^[\w-]+\]"                                      # [^note]
    r"|\b\p{Lu}[\p{L}'\u2019-]+(?:\s+and\s+\p{Lu}[\p{L}-]+)?\s+et\s+al\.?"  # Deda et al.
    r"|\(\s*\p{Lu}[\p{L}'\u2019-]+(?:\s+(?:&|and)\s+\p{Lu}[\p{L}-]+)?,?\s+(?:19|20)\d\d[a-z]?\s*\)"  # (Smith, 2019)
    r"|\bdoi:\s*10\.\d{4,}|\b10\.\d{4,9}/\S+"             # DOI
    r"|\b(?:https?://|www\.)" + _RESEARCH_HOSTS + r"\S*"     # a research source's URL in the text
    r"|\bPMID:?\s*\d+",
)
# A reference line: "Reference: ...", "Source - ...", "Further reading: ..." (one labelled line).
REFERENCE_LINE = rx(
    r"^\s*(?:references?|sources?|citations?|bibliography|works\s+cited|further\s+reading|cited|study|studies)"
    r"\s*[:.\u2013\u2014-]\s*\S",
    regex.I,
)
# A bare citation line: "Smith, J. et al. (2010). Title."
CITATION_LINE = rx(r"^\s*\p{Lu}[\p{L}'\u2019-]+,?\s+(?:\p{Lu}\.|\p{Lu}\p{Ll}+).{0,120}?\((?:19|20)\d\d\)")
REFERENCE_HEADING = rx(r"^\s*(?:references?|sources?|citations?|bibliography|works\s+cited|notes)\s*:?\s*$", regex.I)


def cites_research(links: list[str], text: str) -> bool:
    """A block's links cite research when one points at a research source, or the block names
    the study it links to."""
    if not links:
        return False
    return any(RESEARCH_URL.search(url) for url in links) or NAMES_A_STUDY.search(text) is not None


def has_inline_citation(text: str) -> bool:
    return INLINE.search(text) is not None


def is_reference_block(text: str) -> bool:
    """A labelled reference line ("Reference: ...")."""
    return REFERENCE_LINE.match(text) is not None


def is_citation_block(text: str) -> bool:
    """A reference line, or a line that is only a citation ("Smith, J. (2010). ...")."""
    return is_reference_block(text) or CITATION_LINE.match(text) is not None


def cited_blocks(doc: Document) -> frozenset[int]:
    """Indexes of blocks supported by a citation (see module docstring)."""
    cited: set[int] = set()
    run_start = 0
    for block in doc.blocks:
        if block.kind == "heading":
            run_start = block.index
            if REFERENCE_HEADING.match(block.text):
                cited.add(block.index)
            continue
        if cites_research(block.links, block.text) or has_inline_citation(block.text):
            cited.add(block.index)
        if is_reference_block(block.text):
            cited.update(range(run_start, block.index + 1))
            run_start = block.index + 1
    return frozenset(cited)
