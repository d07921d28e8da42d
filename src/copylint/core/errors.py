"""Errors in files the user wrote (rule packs, configuration): always `file:line: problem`; and
the exit codes a run ends with."""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2  # clean; findings at or above fail-on; an error


@dataclass
class FileLineError(Exception):
    """A problem at a line of a user's file (line 0 when the file as a whole is at fault)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"
