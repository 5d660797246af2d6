"""Files on disk: finding sources, and writing outputs so that a crash never leaves half a file."""

from __future__ import annotations

import fnmatch
import heapq
import os
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate
from pathlib import Path
from typing import overload

SOURCE_SUFFIXES = {".txt", ".text", ".md"}


class PathList(Sequence[Path]):
    """File paths in a stable order, packed a thousand to a string and made `Path`s one at a time as they are read.

    A corpus of 100,000 files is listed in about 4 MB: a `Path` with its cached parts takes about 600 bytes, a
    string of its own 80, and a command's memory should not grow with the number of files it is given."""

    _BATCH = 1024

    def __init__(self, paths: Iterable[str | Path] = ()) -> None:
        self._batches: list[str] = []
        self._ends: list[array] = []  # for each batch, where each of its paths ends
        batch: list[str] = []
        for p in paths:
            batch.append(str(p))
            if len(batch) == self._BATCH:
                self._pack(batch)
                batch = []
        if batch:
            self._pack(batch)
        self._length = sum(len(ends) for ends in self._ends)

    def _pack(self, batch: list[str]) -> None:
        self._batches.append("".join(batch))
        self._ends.append(array("q", accumulate(len(p) for p in batch)))

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> Path: ...

    @overload
    def __getitem__(self, index: slice) -> PathList: ...

    def __getitem__(self, index: int | slice) -> Path | PathList:
        if isinstance(index, slice):
            return PathList(self._string(i) for i in range(*index.indices(len(self))))
        return Path(self._string(range(len(self))[index]))

    def __iter__(self) -> Iterator[Path]:
        return (Path(self._string(i)) for i in range(len(self)))

    def strings(self) -> Iterator[str]:
        """The paths as the strings they were given as."""
        return (self._string(i) for i in range(len(self)))

    def __repr__(self) -> str:
        return f"PathList({[self._string(i) for i in range(len(self))]!r})"

    def _string(self, i: int) -> str:
        batch, k = divmod(i, self._BATCH)
        ends = self._ends[batch]
        return self._batches[batch][ends[k - 1] if k else 0:ends[k]]


def files_under(folder: Path, pattern: str, keep: Callable[[str], bool] = lambda name: True) -> Iterator[str]:
    """The files of a folder tree whose names match a glob pattern (and `keep`), as strings, in the order `Path`s
    sort: part by part (and without case on Windows, as Windows compares).

    What `Path.rglob` finds (links to files, not the folders behind links; a folder that cannot be read is passed
    over), without what it keeps: a set of every path it has given, 600 bytes a file until the walk ends. Only
    the names of the folder being read are held at once."""
    base = str(folder)
    yield from _walk("" if base == "." else base, pattern, keep)


def _walk(base: str, pattern: str, keep: Callable[[str], bool]) -> Iterator[str]:
    """`files_under` for one folder: its files and its folders' files, merged in the order of their names, which
    is the order of paths compared part by part."""
    files = _SortedNames()
    folders: list[str] = []
    try:
        with os.scandir(base or ".") as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.name)
                elif fnmatch.fnmatch(entry.name, pattern) and entry.is_file() and keep(entry.name):
                    files.add(entry.name)
    except PermissionError:
        return
    order = os.path.normcase
    for name, is_folder in heapq.merge(((f, False) for f in files), ((d, True) for d in sorted(folders, key=order)),
                                       key=lambda e: order(e[0])):
        path = os.path.join(base, name)
        if is_folder:
            yield from _walk(path, pattern, keep)
        else:
            yield path


class _SortedNames:
    """The file names of one folder, given back in the order paths sort, held packed while the folder is read:
    sorted a few thousand at a time into `PathList`s, which are merged as they are read back. A folder of 100,000
    files would otherwise hold 100,000 strings of 80 bytes while it is sorted."""

    _RUN = 4096

    def __init__(self) -> None:
        self._runs: list[PathList] = []
        self._names: list[str] = []

    def add(self, name: str) -> None:
        self._names.append(name)
        if len(self._names) == self._RUN:
            self._pack()

    def _pack(self) -> None:
        if self._names:
            self._runs.append(PathList(sorted(self._names, key=os.path.normcase)))
            self._names = []

    def __iter__(self) -> Iterator[str]:
        self._pack()
        return heapq.merge(*(run.strings() for run in self._runs), key=os.path.normcase)


def find_files(paths: Iterable[Path], pattern: str, keep: Callable[[str], bool] = lambda name: True) -> PathList:
    """The files named, and those inside the folders named that match the pattern (and `keep`), in a stable
    order, each once (a file named twice, or inside two of the folders named, is listed where it first comes)."""
    paths = list(paths)
    found = (f for p in paths for f in (files_under(p, pattern, keep) if p.is_dir() else [str(p)]))
    return PathList(found if len(paths) == 1 else _first_time(found))


def _first_time(strings: Iterable[str]) -> Iterator[str]:
    """Each string once, where it first comes (only several paths named can list a file twice)."""
    seen: set[str] = set()
    for s in strings:
        if s not in seen:
            seen.add(s)
            yield s


def shared_names(paths: Sequence[Path], key: Callable[[Path], str]) -> list[list[Path]]:
    """The groups of two or more paths that share a name (`key` of a path: its stem, case-folded or not), each in
    the order of the paths. Only the names that may repeat (`_maybe_repeated`) are held, so a corpus of 100,000
    files is checked without a table of every name."""
    suspects = _maybe_repeated((key(p) for p in paths), len(paths))
    groups: dict[str, list[Path]] = {}
    for path in paths if suspects else ():
        name = key(path)
        if name in suspects:
            groups.setdefault(name, []).append(path)
    return [group for group in groups.values() if len(group) > 1]


def _maybe_repeated(names: Iterable[str], count: int) -> set[str]:
    """The names that may come more than once, for a second look: each name sets one bit of a table of 16 bits a
    name, chosen by its hash, and a name whose bit is set already is kept. It finds every repeat, and at most one
    name in sixteen that only shares a bit, in 2 bytes a name where a set of every name takes 100."""
    size = max(64, 16 * count)
    bits = bytearray(size // 8 + 1)
    suspects: set[str] = set()
    for name in names:
        byte, bit = divmod(hash(name) % size, 8)
        if bits[byte] >> bit & 1:
            suspects.add(name)
        bits[byte] |= 1 << bit
    return suspects


def find_sources(paths: list[Path]) -> PathList:
    """The transcription files named, and those inside the folders named."""
    return find_files(paths, "*", _is_transcription)


def find_xml_files(paths: Iterable[Path]) -> PathList:
    """The XML files named, and the `*.xml` files inside the folders named (TEI to validate or export)."""
    return find_files(paths, "*.xml")


def _is_transcription(name: str) -> bool:
    """A file a folder scan converts: a text file, not the folder's README or a hidden file."""
    stem, suffix = os.path.splitext(name)
    return (suffix.lower() in SOURCE_SUFFIXES and not name.startswith(".")
            and stem.upper() not in {"README", "LICENSE", "CHANGELOG"})


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
