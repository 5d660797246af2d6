"""The end of a validation run: counts, the summary table and the exit code."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from rich.table import Table

from tei_cables.validate.findings import FileReport


@dataclass
class Summary:
    """How many files were checked, and how they fared, counted as the reports go by. A file with warnings only
    is valid."""

    files: int = 0
    valid: int = 0
    with_errors: int = 0
    with_warnings: int = 0
    warnings: int = 0
    unreadable: int = 0

    def add(self, report: FileReport) -> None:
        """Count one file's report."""
        self.files += 1
        self.valid += report.valid
        self.with_errors += not report.valid
        self.with_warnings += bool(report.warnings)
        self.warnings += len(report.warnings)
        self.unreadable += report.unreadable

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def exit_code(summary: Summary) -> int:
    """2 when a file could not be read as XML, 1 when a file is invalid, 0 when all are valid (warnings allowed)."""
    if summary.unreadable:
        return 2
    return 1 if summary.with_errors else 0


def summary_table(s: Summary) -> Table:
    """The table printed after the findings."""
    table = Table(title="tei-cables validate")
    for column in ("files checked", "valid", "with errors", "with warnings", "warnings", "not XML"):
        table.add_column(column, justify="right")
    table.add_row(str(s.files), str(s.valid), str(s.with_errors), str(s.with_warnings), str(s.warnings),
                  str(s.unreadable))
    return table
