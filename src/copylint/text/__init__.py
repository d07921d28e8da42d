"""Text utilities shared by the parsers and the layers above: block building with source maps,
sentence splitting, and finding the sentence at an offset."""
