"""Running an export: TEI files in, one file (or one folder of files) out, atomically, with errors per file.

A file that cannot be read is reported on one line and left out; the others still export, and the caller exits
non-zero. A corpus format writes into a temporary file beside OUT (its module's `write(records, path, options)` is
handed that path) and renames it at the end, so OUT is either the previous file or the new whole one; a per-cable
format writes each cable's file the same way.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tei_cables.export import Format
from tei_cables.export.record import CableRecord, iter_records, read_record
from tei_cables.files import PathList, find_xml_files, publish, shared_names, write_atomic
from tei_cables.parallel import ordered_map


@dataclass
class Outcome:
    """What an export did: how many cables went out, and the files that could not be read."""

    files: int = 0
    exported: int = 0
    errors: list[tuple[Path, str]] = field(default_factory=list)


def run_export(fmt: Format, sources: list[Path], out: Path, options: dict[str, str], *, jobs: int = 1,
               advance: Callable[[], None] = lambda: None) -> Outcome:
    """Export the TEI files found in `sources` to `out` in the format `fmt`."""
    paths, clashes = _unique_names(find_xml_files(sources))
    outcome = Outcome(files=len(paths) + len(clashes), errors=clashes)
    module = fmt.load()
    options = {**options, "format": fmt.name, "out": out.name}

    def counted() -> Iterator[CableRecord]:
        for record in _records(paths, outcome.errors, jobs):
            outcome.exported += 1
            advance()
            yield record

    if fmt.per_cable:
        out.mkdir(parents=True, exist_ok=True)
        for record in counted():
            try:
                data = module.render(record, options)
            except Exception as exc:  # noqa: BLE001 - one cable the format cannot hold is that cable's error
                outcome.exported -= 1
                outcome.errors.append((Path(record.file), f"{record.file}: cannot be written as {fmt.name} "
                                                          f"({exc.__class__.__name__}: {exc})"))
                continue
            write_atomic(out / f"{record.id}{fmt.suffix}", data)
    else:
        _write_corpus(out, lambda path: module.write(counted(), path, options))
    return outcome


def _unique_names(paths: PathList) -> tuple[PathList, list[tuple[Path, str]]]:
    """A cable's id is its file name: a second file of the same name (in another folder) would overwrite or merge
    with the first, so it is an error naming both; the first is exported."""
    first = {path: group[0] for group in shared_names(paths, lambda p: p.stem) for path in group[1:]}
    if not first:
        return paths, []
    clashes = [(p, f"{p}: has the same name as {first[p]}; rename one of them") for p in paths if p in first]
    return PathList(p for p in paths if p not in first), clashes


def _records(paths: list[Path], errors: list[tuple[Path, str]], jobs: int) -> Iterator[CableRecord]:
    """Records in the order of the files, read here or by a pool of processes (the same records either way)."""
    if jobs <= 1 or len(paths) < 2:
        yield from iter_records(paths, errors)
        return
    for path, result in zip(paths, ordered_map(_read_or_error, paths, jobs=jobs), strict=True):
        if isinstance(result, str):
            errors.append((path, result))
        else:
            yield result


def _read_or_error(path: Path) -> CableRecord | str:
    errors: list[tuple[Path, str]] = []
    found = list(iter_records([path], errors))
    return found[0] if found else errors[0][1]


def _write_corpus(out: Path, write: Callable[[Path], None]) -> None:
    """Write a corpus file through a temporary file beside it, renamed over OUT only when complete."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        publish(Path(tmp), out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


__all__ = ["Outcome", "read_record", "run_export"]
