"""Files on disk: finding sources, and writing outputs so that a crash never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import overload

SOURCE_SUFFIXES = {".txt", ".text", ".md"}


class PathList(Sequence[Path]):
    """File paths in a stable order, kept as strings and made `Path`s one at a time as they are read: a `Path`
    with its cached parts takes about 600 bytes, its string 80, so a corpus of 100,000 files is listed in 8 MB
    instead of 60 (and a command's memory stays flat however many files it is given)."""

    def __init__(self, paths: Iterable[str | Path] = ()) -> None:
        self._paths = [str(p) for p in paths]

    def __len__(self) -> int:
        return len(self._paths)

    @overload
    def __getitem__(self, index: int) -> Path: ...

    @overload
    def __getitem__(self, index: slice) -> PathList: ...

    def __getitem__(self, index: int | slice) -> Path | PathList:
        if isinstance(index, slice):
            return PathList(self._paths[index])
        return Path(self._paths[index])

    def __iter__(self) -> Iterator[Path]:
        return (Path(p) for p in self._paths)

    def __repr__(self) -> str:
        return f"PathList({self._paths!r})"


def files_under(folder: Path, pattern: str, keep: Callable[[Path], bool] = lambda p: True) -> list[str]:
    """The files of a folder tree that match a glob pattern (and `keep`), as strings, in the order `Path`s sort:
    part by part, the separator before any character (and without case on Windows, as Windows compares)."""
    return sorted((str(q) for q in folder.rglob(pattern) if q.is_file() and keep(q)),
                  key=lambda p: os.path.normcase(p).replace(os.sep, "\0"))


def find_files(paths: Iterable[Path], pattern: str, keep: Callable[[Path], bool] = lambda p: True) -> PathList:
    """The files named, and those inside the folders named that match the pattern (and `keep`), in a stable
    order, each once."""
    found: list[str] = []
    for p in paths:
        found += files_under(p, pattern, keep) if p.is_dir() else [str(p)]
    return PathList(dict.fromkeys(found))


def find_sources(paths: list[Path]) -> PathList:
    """The transcription files named, and those inside the folders named."""
    return find_files(paths, "*", _is_transcription)


def find_xml_files(paths: Iterable[Path]) -> PathList:
    """The XML files named, and the `*.xml` files inside the folders named (TEI to validate or export)."""
    return find_files(paths, "*.xml")


def _is_transcription(path: Path) -> bool:
    """A file a folder scan converts: a text file, not the folder's README or a hidden file."""
    return (path.suffix.lower() in SOURCE_SUFFIXES and not path.name.startswith(".")
            and path.stem.upper() not in {"README", "LICENSE", "CHANGELOG"})


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, made durable, then rename it over the target."""
    tmp = stage(path, data, sync=True)
    try:
        publish(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def stage(path: Path, data: bytes, *, sync: bool = False) -> Path:
    """Write data to a temporary file beside `path`: to publish alone (`write_atomic`, synced here) or with others
    (`publish_all`, which syncs them all at once)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if sync:
                f.flush()
                os.fsync(f.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def publish_all(staged: list[tuple[Path, Path]]) -> dict[Path, OSError]:
    """Make staged files durable with one sync of the disks, then rename each over its target; the errors of
    those that could not be renamed (their temporaries removed), by temporary file."""
    if not staged:
        return {}
    _sync([tmp for tmp, _ in staged])
    errors: dict[Path, OSError] = {}
    for tmp, path in staged:
        try:
            publish(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            errors[tmp] = exc
    return errors


def _sync(files: list[Path]) -> None:
    """Flush written files to disk: all at once where the system can (`sync`), else one by one (Windows)."""
    if hasattr(os, "sync"):
        os.sync()
        return
    for path in files:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows commits only a writable handle
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def publish(tmp: Path, path: Path) -> None:
    """Give a finished temporary file the mode any other tool would give a new file under the user's umask (a
    temporary file is private, 0600), then rename it over the target."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)
    os.replace(tmp, path)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete temporary files an earlier run left when it was killed outright (SIGKILL cannot be caught)."""
    if not folder.is_dir():
        return []
    stale = [p for p in folder.glob(".*.xml.*.tmp") if p.is_file()]
    for p in stale:
        p.unlink(missing_ok=True)
    return stale
