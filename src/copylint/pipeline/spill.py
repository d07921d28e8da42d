"""Findings kept out of memory between a run's stages: a store that holds each document's findings
as objects while a run is small, and moves them to an unnamed temporary file (one pickle per
document) once it holds more than `SPILL_AFTER` findings, so that the peak memory of a large run
does not grow with the number of findings. Read back by path, or all in the order they came."""

from __future__ import annotations

import os
import pickle
from collections.abc import Sequence
from typing import IO, Iterable, Iterator

from copylint.core.models import Finding

SPILL_AFTER = 5_000  # findings held as objects before the store moves to disk


def spill_after() -> int:
    """The store's threshold: COPYLINT_SPILL_AFTER (a number of findings; 0 spills from the
    first one) or SPILL_AFTER."""
    raw = os.environ.get("COPYLINT_SPILL_AFTER", "")
    return int(raw) if raw.isdigit() else SPILL_AFTER


class FindingStore(Sequence):
    """Findings appended a document at a time; a read-only sequence of all of them in that order.
    Each record is one document's findings: `take(path)` reads the records of one path."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = spill_after() if limit is None else limit
        self._held: list[tuple[str, list[Finding]]] = []  # records while in memory
        self._file: IO[bytes] | None = None
        self._records: list[tuple[str, int, int, int]] = []  # on disk: (path, offset, size, count)
        self._by_path: dict[str, list[int]] = {}  # path -> record numbers
        self._count = 0
        self._cache: tuple[int, list[Finding]] | None = None  # the record last read by index

    @property
    def spilled(self) -> bool:
        return self._file is not None

    def add(self, path: str, findings: Iterable[Finding]) -> None:
        findings = list(findings)
        if not findings:
            return
        self._by_path.setdefault(path, []).append(len(self._records) + len(self._held))
        self._count += len(findings)
        if self._file is None:
            self._held.append((path, findings))
            if self._count > self.limit:
                self._move_to_disk()
            return
        self._write(path, findings)

    def _move_to_disk(self) -> None:
        import tempfile  # (3 ms of imports, for the few runs large enough to spill)

        self._file = tempfile.TemporaryFile(prefix="copylint-findings-")
        held, self._held = self._held, []
        for path, findings in held:
            self._write(path, findings)

    def _write(self, path: str, findings: list[Finding]) -> None:
        assert self._file is not None
        data = pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(0, os.SEEK_END)
        self._records.append((path, self._file.tell(), len(data), len(findings)))
        self._file.write(data)

    def _record(self, number: int) -> list[Finding]:
        if self._file is None:
            return self._held[number][1]
        _, offset, size, _ = self._records[number]
        self._file.seek(offset)
        return pickle.loads(self._file.read(size))

    def paths(self) -> list[str]:
        """Every path with findings, in the order they first came."""
        return list(self._by_path)

    def take(self, path: str) -> list[Finding]:
        """The findings of `path`, in the order they came (objects of their own when on disk)."""
        return [f for number in self._by_path.get(path, ()) for f in self._record(number)]

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Finding]:
        if self._file is None:
            for _, findings in self._held:
                yield from findings
            return
        for number in range(len(self._records)):
            yield from self._record(number)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("finding index out of range")
        sizes = [len(f) for _, f in self._held] if self._file is None else [r[3] for r in self._records]
        for number, size in enumerate(sizes):
            if index < size:
                if self._cache is None or self._cache[0] != number:
                    self._cache = (number, self._record(number))
                return self._cache[1][index]
            index -= size
        raise IndexError("finding index out of range")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (FindingStore, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        where = "on disk" if self.spilled else "in memory"
        return f"<FindingStore: {self._count} findings, {where}>"

    def close(self) -> None:
        if self._file is not None:
            self._file.close()

    def findings(self) -> list[Finding] | FindingStore:
        """What a report holds: a plain list while the store is in memory, else the store."""
        return [f for _, found in self._held for f in found] if self._file is None else self
