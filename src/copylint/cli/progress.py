"""A one-line progress bar on stderr for long runs, shown only when stderr is a terminal."""

from __future__ import annotations

from typing import TextIO

THRESHOLD = 50  # files; shorter runs finish before a bar is worth drawing


class Progress:
    def __init__(self, stream: TextIO, threshold: int = THRESHOLD, width: int = 30) -> None:
        self.stream = stream
        self.threshold = threshold
        self.width = width
        self.total = 0
        self.done = 0
        self.active = False

    def start(self, total: int) -> None:
        isatty = getattr(self.stream, "isatty", lambda: False)
        self.total = total
        self.active = total > self.threshold and isatty()

    def update(self, _result: object = None) -> None:
        if not self.active:
            return
        self.done += 1
        filled = self.width * self.done // max(1, self.total)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} files")
        self.stream.flush()

    def finish(self) -> None:
        if self.active:
            self.stream.write("\r" + " " * (self.width + 30) + "\r")
            self.stream.flush()
            self.active = False
