"""A convert run over many sources: which output each source gets, and what happened to each.

`pipeline.py` converts one text; this module decides, for a whole run, what a user must never be surprised by:
two sources that would write one output file (both are refused, naming each other), an output edited by hand
since it was converted (kept, and said so, not counted as a failure), an output whose bytes would not change
(left untouched, so its modification time and a web server's cache stay valid), and the warnings of the TEI
written (the validator's own rules, so `convert` and `validate` count the same findings).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from rich.table import Table

from tei_cables.encode.publication import Publication
from tei_cables.errors import TeiCablesError
from tei_cables.files import write_atomic
from tei_cables.fingerprint import state
from tei_cables.model import Warning_
from tei_cables.pipeline import Converted, try_convert_file
from tei_cables.validate import Finding, iter_findings

Status = Literal["written", "unchanged", "kept", "failed"]


@dataclass(frozen=True)
class Outcome:
    """What became of one source: its status, the notes on its text, the findings of its TEI, or its error."""

    source: Path
    target: Path
    status: Status
    error: str = ""
    notes: tuple[Warning_, ...] = ()
    findings: tuple[Finding, ...] = ()
    linked: int = 0
    unlinked: int = 0
    inferred: int = 0

    @property
    def warnings(self) -> list[Finding]:
        """The validator's warnings on the TEI (what `validate` would print for this file)."""
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def invalid(self) -> list[Finding]:
        """Errors of the TEI written: a converter bug, reported so that it is never silent."""
        return [f for f in self.findings if f.severity == "error"]


@dataclass
class Run:
    """The outcomes of one convert run, in the order of the sources."""

    out_dir: Path
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def ok(self) -> bool:
        """No source failed and no TEI written is invalid (kept files are fine: the user asked for them)."""
        return not any(o.status == "failed" or o.invalid for o in self.outcomes)


def output_names(sources: list[Path], out_dir: Path) -> tuple[dict[Path, Path], dict[Path, str]]:
    """Each source's output file, and an error for every source that shares its output with another.

    Output names are compared case-folded, because on macOS and Windows `Cable.xml` and `cable.xml` are one file.
    Every source of a clash is refused, not just the second: which one "wins" would depend on the order of a
    folder listing, and a silent overwrite is how a collection loses a cable.
    """
    targets = {s: out_dir / f"{s.stem}.xml" for s in sources}
    groups: dict[str, list[Path]] = {}
    for source, target in targets.items():
        groups.setdefault(target.name.casefold(), []).append(source)
    clashes: dict[Path, str] = {}
    for group in groups.values():
        if len(group) > 1:
            for source in group:
                others = ", ".join(str(o) for o in group if o != source)
                clashes[source] = (f"{others} would also be written to {targets[source]}; rename one, or convert "
                                   "them with different -o folders (nothing was written for either)")
    return targets, clashes


def convert_one(source: Path, target: Path, publication: Publication, force: bool) -> Outcome:
    """Convert one source, check its TEI with the validator, and write it unless the target must be kept.

    Runs in a worker process under `--jobs`; the write is atomic, so a file is complete or absent whatever happens.
    """
    result = try_convert_file(source, publication)
    if not isinstance(result, Converted):
        return _failed(source, target, result)
    counts = {"linked": result.linked, "unlinked": result.unlinked,
              "inferred": result.cable.correspondence.inferred, "notes": result.warnings}
    try:
        existing = target.read_bytes() if target.exists() else None
        found = state(existing) if existing is not None else "unchanged"
        if not force and found != "unchanged":
            return Outcome(source, target, "kept", error=_KEPT[found])
        findings = tuple(iter_findings(result.tei, name=str(target)))
        if existing == result.tei:
            return Outcome(source, target, "unchanged", findings=findings, **counts)
        write_atomic(target, result.tei)
    except OSError as exc:
        return _failed(source, target, exc)
    return Outcome(source, target, "written", findings=findings, **counts)


# Why an output is kept, by what its fingerprint says (`fingerprint.state`).
_KEPT = {"edited": "edited by hand since it was converted; kept as it is (--force overwrites it)",
         "foreign": "not written by tei-cables (no fingerprint); kept as it is (--force overwrites it)"}


def _failed(source: Path, target: Path, exc: BaseException) -> Outcome:
    """One line naming the file (and the line in it, where there is one)."""
    if isinstance(exc, TeiCablesError):
        where = exc.path if exc.path and exc.path != source.name else str(source)
        where = f"{where}:{exc.line}" if exc.line else where
        return Outcome(source, target, "failed", error=f"{where}: {exc.message}")
    if isinstance(exc, OSError):
        return Outcome(source, target, "failed", error=f"{source}: {exc.strerror or exc}")
    raise exc


def convert_all(sources: list[Path], out_dir: Path, publication: Publication, *, force: bool = False,
                jobs: int = 1, each: Callable[[Outcome], None] = lambda o: None) -> Run:
    """Convert every source into `out_dir`, in the order of the sources, calling `each` as each one settles."""
    targets, clashes = output_names(sources, out_dir)
    run = Run(out_dir)
    converted = _outcomes([s for s in sources if s not in clashes], targets, publication, force, jobs)
    for source in sources:
        if source in clashes:
            outcome = Outcome(source, targets[source], "failed", error=f"{source}: {clashes[source]}")
        else:
            outcome = next(converted)
        run.outcomes.append(outcome)
        each(outcome)
    return run


def _outcomes(sources: list[Path], targets: dict[Path, Path], publication: Publication, force: bool,
              jobs: int) -> Iterator[Outcome]:
    """Each source's outcome, from this process or from a pool of them."""
    args = ([targets[s] for s in sources], [publication] * len(sources), [force] * len(sources))
    if jobs == 1 or len(sources) < 2:
        return map(convert_one, sources, *args)
    return _in_pool(sources, args, jobs)


def _in_pool(sources: list[Path], args: tuple[list, ...], jobs: int) -> Iterator[Outcome]:
    """The outcomes from a pool of processes, in order, as they arrive (so a progress bar moves).

    No more workers than cores (more only wait for each other), the register, its automaton and the schemas
    loaded before the pool starts (a forked worker inherits them instead of building them again), and the files
    handed out in chunks, so that a batch of small files is not slower in parallel than in one process."""
    workers = max(1, min(jobs, len(sources), os.cpu_count() or 1))
    if workers == 1:
        yield from map(convert_one, sources, *args)
        return
    _warm()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(convert_one, sources, *args, chunksize=max(1, len(sources) // (workers * 8)))


def _warm() -> None:
    """Load what every conversion needs, once, in this process."""
    from tei_cables.tag.matcher import automaton
    from tei_cables.tag.morph import analyzer
    from tei_cables.validate.schemas import grammar, rules

    automaton()
    analyzer()
    grammar()
    rules()


def convert_summary(run: Run) -> Table:
    """The table printed at the end: where the files went, what became of them, and the warnings of the TEI
    written, counted as `tei-cables validate` counts them (one per finding). Files kept because they were edited
    by hand are not checked here: `validate` checks them as they are."""
    table = Table(title="tei-cables convert", show_header=False)
    table.add_column(justify="left")
    table.add_column(justify="right")
    rows = {"output folder": str(run.out_dir), "sources": len(run.outcomes), "written": run.count("written"),
            "unchanged": run.count("unchanged"), "kept (edited by hand)": run.count("kept"),
            "failed": run.count("failed"), "entities linked": sum(o.linked for o in run.outcomes),
            "left unlinked": sum(o.unlinked for o in run.outcomes),
            "routing inferred": sum(o.inferred for o in run.outcomes),
            "warnings": sum(len(o.warnings) for o in run.outcomes),
            "notes on the sources": sum(len(o.notes) for o in run.outcomes)}
    for label, value in rows.items():
        table.add_row(label, str(value))
    return table
