"""One error base for the whole toolkit; every subclass says which file, line and value went wrong."""

from __future__ import annotations


class TeiCablesError(Exception):
    """Base of every error the toolkit raises on purpose; the CLI prints it as one line, never a traceback."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __reduce__(self):
        """Pickled with its file and line, so an error raised in a worker process (`--jobs`) arrives whole."""
        return (self.__class__, (self.message,), {"path": self.path, "line": self.line})

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class SourceError(TeiCablesError):
    """A transcription that cannot be read as text (binary, empty, undecodable)."""


class DataError(TeiCablesError):
    """A data file under `tei_cables/data/` breaks its own format (a duplicate id, an unknown kind)."""


class UnsafeXMLError(TeiCablesError):
    """An XML file that asks for a DTD, an entity or the network; refused before anything is read from it."""

