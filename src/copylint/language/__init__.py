"""Language layer: what copylint knows about English text, without per-document state: the one
lexicon (negation, hedges, contrast), clause cues, claim strength, vocabulary and literal matching,
spelling keys, syllables and date expressions."""
