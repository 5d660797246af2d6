"""What validation reports: one Finding per problem, and one FileReport per file checked.

Everything else in `tei_cables.validate` produces or formats these values, so the command line, the tests and a
CI formatter all see the same facts: which rule, how bad, where (file, line, column, XPath), the element as the
user wrote it, and a message in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]

# Rules that mean the file could not be read as XML at all; the command exits with 2 for them, not 1.
UNREADABLE_RULES = frozenset({"CAB-READ", "CAB-XML", "CAB-XML-UNSAFE"})


@dataclass(frozen=True)
class Finding:
    """One problem in one file.

    `element` is the start tag as it stands in the file (`<persName ref="#p_foo">`), so a reader recognises the
    place without counting lines; `message` says what is wrong and what to do, and reads on from the element.
    `line` and `column` are 1-based; None when the problem has no place (a file that cannot be read).
    """

    rule_id: str
    severity: Severity
    file: str
    message: str
    line: int | None = None
    column: int | None = None
    xpath: str | None = None
    element: str | None = None

    @property
    def unreadable(self) -> bool:
        """True when the file is not XML (or not safe to read), which the command reports with exit code 2."""
        return self.rule_id in UNREADABLE_RULES

    @property
    def text(self) -> str:
        """The element (if any) and the message, as one sentence."""
        return f"{self.element} {self.message}" if self.element else self.message

    def as_dict(self) -> dict[str, object]:
        """A plain dict, for JSON."""
        return {"rule_id": self.rule_id, "severity": self.severity, "file": self.file, "line": self.line,
                "column": self.column, "xpath": self.xpath, "element": self.element, "message": self.message}


@dataclass(frozen=True)
class FileReport:
    """The findings of one file, in the order of the file."""

    file: str
    findings: tuple[Finding, ...] = field(default=())

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def valid(self) -> bool:
        """Valid means no errors; warnings ask an editor to look but do not make a file invalid."""
        return not self.errors

    @property
    def unreadable(self) -> bool:
        return any(f.unreadable for f in self.findings)
