"""Offsets to 1-based (line, column) positions in characters of the original text: the one line
index every parser, filter and reporter uses (CRLF, LF and lone CR end lines)."""

from __future__ import annotations

import bisect


class LineIndex:
    """Maps code-point offsets to 1-based (line, column); CRLF, LF and lone CR end lines."""

    def __init__(self, text: str) -> None:
        starts = [0]
        i, n = 0, len(text)
        find = text.find
        while True:
            nl = find("\n", i)
            cr = find("\r", i)
            if nl < 0 and cr < 0:
                break
            if cr >= 0 and (nl < 0 or cr < nl):
                i = cr + 2 if cr + 1 < n and text[cr + 1] == "\n" else cr + 1
            else:
                i = nl + 1
            starts.append(i)
        self.starts = starts
        self.length = n

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_start(self, line: int) -> int:
        return self.starts[line - 1]

    def line_end(self, line: int, text: str) -> int:
        """Offset just before the line break of 1-based `line`."""
        end = self.starts[line] if line < len(self.starts) else self.length
        while end > self.starts[line - 1] and text[end - 1] in "\r\n":
            end -= 1
        return end

    @property
    def line_count(self) -> int:
        return len(self.starts)
