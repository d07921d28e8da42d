"""Text utilities shared by the parsers: block building with source maps, sentence splitting."""
