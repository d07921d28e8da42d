"""Facts layer: what is true of one document, computed at most once per document (the `Analysis`
memo in context.py) and shared by every rule that asks: claims per sentence, who speaks for them,
the page's voice, citations, the date model and reading level."""
