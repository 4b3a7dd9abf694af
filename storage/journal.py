"""The safeguarding journal: where a disclosure goes when the database cannot be written.

A full disk, a read-only mount or a damaged page must never drop a disclosure.
The journal is a small file of its own whose space is reserved (written as
zeros) when the bot starts, while there is room, so appending to it later
needs no new space. Each record is one JSON line written in place after the
last, then fsynced. Once the database can be written again, the records are
moved into it (see `conversations.safeguarding.drain_journal`) and the file is
zeroed again.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

_LOGGER = logging.getLogger(__name__)
RESERVED_BYTES = 256 * 1024


class Journal:
    def __init__(self, path: Path, size: int = RESERVED_BYTES) -> None:
        self.path = path
        self.size = size

    def reserve(self) -> None:
        """Make sure the file exists at its full size (zeros after any records)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists() and self.path.stat().st_size >= self.size:
            return
        with self.path.open("ab") as file:
            missing = self.size - file.tell()
            file.write(b"\0" * max(missing, 0))
            file.flush()
            os.fsync(file.fileno())

    def append(self, record: dict[str, Any]) -> bool:
        """Write one record after the others, durably; False if it cannot be written."""
        line = json.dumps(record, ensure_ascii=False).encode() + b"\n"
        try:
            with self.path.open("r+b") as file:
                used = self._used(file.read())
                if used + len(line) > self.size:
                    _LOGGER.error("The safeguarding journal is full")
                    return False
                file.seek(used)
                file.write(line)
                file.flush()
                os.fsync(file.fileno())
        except OSError:
            _LOGGER.exception("Could not write the safeguarding journal")
            return False
        return True

    def records(self) -> list[dict[str, Any]]:
        """Every record written since the journal was last cleared (a torn last one skipped)."""
        try:
            content = self.path.read_bytes()
        except FileNotFoundError:
            return []
        found = []
        for line in content[: self._used(content)].splitlines():
            try:
                found.append(json.loads(line))
            except ValueError:
                _LOGGER.error("Skipped a damaged line in the safeguarding journal")
        return found

    def clear(self) -> None:
        """Zero the records once they are safely in the database (the space stays reserved)."""
        with self.path.open("r+b") as file:
            used = self._used(file.read())
            file.seek(0)
            file.write(b"\0" * used)
            file.flush()
            os.fsync(file.fileno())

    @staticmethod
    def _used(content: bytes) -> int:
        end = content.find(b"\0")
        return len(content) if end < 0 else end
