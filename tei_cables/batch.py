"""A convert run over many sources: which output each source gets, and what happened to each.

`pipeline.py` converts one text; this module decides, for a whole run, what a user must never be surprised by:
two sources that would write one output file (both are refused, naming each other), an output edited by hand
since it was converted (kept, and said so, not counted as a failure), an output whose bytes would not change
(left untouched, so its modification time and a web server's cache stay valid), and the warnings of the TEI
written (the validator's own rules, so `convert` and `validate` count the same findings).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import repeat
from pathlib import Path
from typing import Literal

from rich.table import Table

from tei_cables.encode.publication import Publication
from tei_cables.errors import TeiCablesError
from tei_cables.files import PathList, publish_all, shared_names, stage
from tei_cables.fingerprint import state
from tei_cables.model import Warning_
from tei_cables.parallel import ordered_map
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
    staged: Path | None = None  # the written TEI, beside its target until its group is published

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
    """What one convert run did, counted as each source settles (a run of 100,000 files holds counts, not every
    file's findings)."""

    out_dir: Path
    statuses: dict[str, int] = field(default_factory=dict)
    linked: int = 0
    unlinked: int = 0
    inferred: int = 0
    warnings: int = 0
    notes: int = 0
    invalid: int = 0

    def add(self, o: Outcome) -> None:
        """Count one source's outcome."""
        self.statuses[o.status] = self.statuses.get(o.status, 0) + 1
        self.linked += o.linked
        self.unlinked += o.unlinked
        self.inferred += o.inferred
        self.warnings += len(o.warnings)
        self.notes += len(o.notes)
        self.invalid += bool(o.invalid)

    @property
    def sources(self) -> int:
        return sum(self.statuses.values())

    def count(self, status: Status) -> int:
        return self.statuses.get(status, 0)

    @property
    def ok(self) -> bool:
        """No source failed and no TEI written is invalid (kept files are fine: the user asked for them)."""
        return not self.count("failed") and not self.invalid


def output_name(source: Path, out_dir: Path) -> Path:
    """The TEI file a source converts to: its stem, `.xml`, in the output folder."""
    return out_dir / f"{source.stem}.xml"


def output_clashes(sources: Sequence[Path], out_dir: Path) -> dict[Path, str]:
    """An error for every source that shares its output file with another.

    Output names are compared case-folded, because on macOS and Windows `Cable.xml` and `cable.xml` are one file.
    Every source of a clash is refused, not just the second: which one "wins" would depend on the order of a
    folder listing, and a silent overwrite is how a collection loses a cable."""
    clashes: dict[Path, str] = {}
    for group in shared_names(sources, lambda s: s.stem.casefold()):
        for source in group:
            others = ", ".join(str(o) for o in group if o != source)
            clashes[source] = (f"{others} would also be written to {output_name(source, out_dir)}; rename one, or "
                               "convert them with different -o folders (nothing was written for either)")
    return clashes


def convert_one(source: Path, target: Path, publication: Publication, force: bool) -> Outcome:
    """Convert one source, check its TEI with the validator, and write it unless the target must be kept.

    Runs in a worker process under `--jobs`. The TEI is staged beside its target, for `convert_all` to publish with
    its group, so a file is complete or absent whatever happens.
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
        staged = stage(target, result.tei)
    except OSError as exc:
        return _failed(source, target, exc)
    return Outcome(source, target, "written", findings=findings, staged=staged, **counts)


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


def convert_all(sources: Sequence[Path], out_dir: Path, publication: Publication, *, force: bool = False,
                jobs: int = 1, each: Callable[[Outcome], None] = lambda o: None) -> Run:
    """Convert every source into `out_dir`, in the order of the sources, calling `each` as each one settles.

    Outputs are published in groups: the group's files are written beside their targets, made durable with one
    sync, then each renamed over its target. One sync for a group instead of one per file is the difference
    between disk-bound and CPU-bound on a corpus of small files, and a file is still complete or absent after a
    crash (a temporary left by a killed run is removed by the next)."""
    clashes = output_clashes(sources, out_dir)
    run = Run(out_dir)
    converted = _outcomes(PathList(s for s in sources if s not in clashes) if clashes else sources, out_dir,
                          publication, force, jobs)
    group: list[Outcome] = []
    began = time.monotonic()
    for n, source in enumerate(sources, 1):
        if source in clashes:
            group.append(Outcome(source, output_name(source, out_dir), "failed", error=f"{source}: {clashes[source]}"))
        else:
            group.append(next(converted))
        if len(group) >= _GROUP_FILES or time.monotonic() - began >= _GROUP_SECONDS or n == len(sources):
            for outcome in publish_group(group):
                run.add(outcome)
                each(outcome)
            group, began = [], time.monotonic()
    return run


# A group is published when it has this many files, or when it has waited this long (so that the progress bar
# moves, and a long run killed halfway has published what it had done).
_GROUP_FILES = 64
_GROUP_SECONDS = 0.5


def publish_group(outcomes: list[Outcome]) -> list[Outcome]:
    """Publish the staged outputs of a group (`files.publish_all`); an output that cannot be renamed fails."""
    staged = [(o.staged, o.target) for o in outcomes if o.staged is not None]
    errors = publish_all(staged)
    out = []
    for o in outcomes:
        if o.staged is None:
            out.append(o)
        elif o.staged in errors:
            out.append(_failed(o.source, o.target, errors[o.staged]))
        else:
            out.append(replace(o, staged=None))
    return out


def _outcomes(sources: Sequence[Path], out_dir: Path, publication: Publication, force: bool,
              jobs: int) -> Iterator[Outcome]:
    """Each source's outcome, from this process or from a pool of them."""
    return ordered_map(_convert_into, sources, repeat(out_dir), repeat(publication), repeat(force), jobs=jobs,
                       warm=_warm)


def _convert_into(source: Path, out_dir: Path, publication: Publication, force: bool) -> Outcome:
    return convert_one(source, output_name(source, out_dir), publication, force)


def _warm() -> None:
    """Load what every conversion needs, once, in this process (before a pool forks: `parallel.py`)."""
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
    rows = {"output folder": str(run.out_dir), "sources": run.sources, "written": run.count("written"),
            "unchanged": run.count("unchanged"), "kept (edited by hand)": run.count("kept"),
            "failed": run.count("failed"), "entities linked": run.linked, "left unlinked": run.unlinked,
            "routing inferred": run.inferred, "warnings": run.warnings, "notes on the sources": run.notes}
    for label, value in rows.items():
        table.add_row(label, str(value))
    return table
