"""The end of a validation run: counts, the summary table and the exit code."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from rich.table import Table

from tei_cables.validate.findings import FileReport


@dataclass(frozen=True)
class Summary:
    """How many files were checked, and how they fared. A file with warnings only is valid."""

    files: int
    valid: int
    with_errors: int
    with_warnings: int
    warnings: int
    unreadable: int

    @classmethod
    def of(cls, reports: list[FileReport]) -> Summary:
        return cls(files=len(reports), valid=sum(r.valid for r in reports),
                   with_errors=sum(not r.valid for r in reports), with_warnings=sum(bool(r.warnings) for r in reports),
                   warnings=sum(len(r.warnings) for r in reports),
                   unreadable=sum(r.unreadable for r in reports))

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def exit_code(reports: list[FileReport]) -> int:
    """2 when a file could not be read as XML, 1 when a file is invalid, 0 when all are valid (warnings allowed)."""
    if any(r.unreadable for r in reports):
        return 2
    return 0 if all(r.valid for r in reports) else 1


def summary_table(reports: list[FileReport]) -> Table:
    """The table printed after the findings."""
    s = Summary.of(reports)
    table = Table(title="tei-cables validate")
    for column in ("files checked", "valid", "with errors", "with warnings", "warnings", "not XML"):
        table.add_column(column, justify="right")
    table.add_row(str(s.files), str(s.valid), str(s.with_errors), str(s.with_warnings), str(s.warnings),
                  str(s.unreadable))
    return table
