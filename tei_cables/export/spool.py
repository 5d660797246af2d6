"""A spool on disk: what a corpus format must hold until the end of its file, kept out of memory.

Some formats put part of each cable before the rest of every cable (CMIF: every bibl before the first correspDesc;
GEXF: every node before the first edge). What must wait is pickled to a temporary file a cable at a time and read
back in the same order, so an export of any size runs in flat memory. The file is removed when the spool closes.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from typing import Any


class Spool:
    """Lists of items appended to a temporary file, read back in order, one item after the other."""

    def __enter__(self) -> Spool:
        self.file = tempfile.TemporaryFile()
        return self

    def __exit__(self, *exc: object) -> None:
        self.file.close()

    def add(self, items: list[Any]) -> None:
        """Append a cable's items (picklable: plain strings, numbers, dicts, bytes)."""
        if items:
            pickle.dump(items, self.file, protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator[Any]:
        self.file.seek(0)
        while True:
            try:
                batch = pickle.load(self.file)
            except EOFError:
                return
            yield from batch
