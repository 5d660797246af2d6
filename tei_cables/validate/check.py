"""The one primitive, `iter_findings`, and the wrappers the command line uses.

A file is read through `tei_cables.safexml` (no DTD, no entities, no network), so a hostile file is refused with
one finding before anything else looks at it; a file that is not well-formed gives one finding with the parser's
line and column. A well-formed file is checked by the rules (`rules.py`) and the grammar (`grammar.py`); where
both see one problem at one place (a date that does not exist), the rule's message is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from pathlib import Path

from lxml import etree

from tei_cables.errors import SourceError, UnsafeXMLError
from tei_cables.files import find_xml_files
from tei_cables.parallel import ordered_map
from tei_cables.safexml import parse_bytes
from tei_cables.validate.findings import FileReport, Finding
from tei_cables.validate.grammar import grammar_findings
from tei_cables.validate.other import Schema, load_schema, schema_findings
from tei_cables.validate.rules import rule_findings
from tei_cables.validate.schemas import grammar, rules
from tei_cables.validate.source import SourceMap


def iter_findings(source: Path | bytes, *, name: str | None = None,
                  schemas: Sequence[Schema] = ()) -> Iterator[Finding]:
    """Every problem of one TEI file (a path, or its bytes under `name`), in the order of the file: against the
    cable schema, or against the `schemas` given instead (`other.py`)."""
    file = name or str(source)
    if isinstance(source, Path):
        try:
            data = source.read_bytes()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            yield Finding("CAB-READ", "error", file, f"cannot be read ({reason}) — check the path and its permissions")
            return
    else:
        data = source
    try:
        tree = parse_bytes(data, file)
    except UnsafeXMLError as exc:
        yield Finding("CAB-XML-UNSAFE", "error", file, f"{exc.message}; nothing else was checked", line=exc.line)
        return
    except SourceError as exc:
        yield _not_well_formed(exc, file)
        return
    smap = SourceMap(data, tree)
    if schemas:
        found = [f for schema in schemas for f in schema_findings(tree, smap, file, schema)]
        yield from sorted(found, key=lambda f: (f.line or 0, f.column or 0))
        return
    by_rules = rule_findings(tree, smap, file)
    said = {(f.rule_id, f.line, f.column) for f in by_rules}
    by_grammar = [f for f in grammar_findings(tree, smap, file) if (f.rule_id, f.line, f.column) not in said]
    yield from sorted(by_rules + by_grammar, key=lambda f: (f.line or 0, f.column or 0))


def is_valid(source: Path | bytes) -> bool:
    """True when a file has no errors (warnings allowed)."""
    return not any(f.severity == "error" for f in iter_findings(source))


def validate_paths(paths: Iterable[Path], schemas: Sequence[Path] = (), jobs: int = 1) -> Iterator[FileReport]:
    """One report per file found under the paths, in order, as each is checked (a path that does not exist gives
    a CAB-READ finding); the schemas are files (`other.py`), and `jobs` processes share the work."""
    files = find_xml_files(paths)
    return ordered_map(report_of, files, repeat(tuple(schemas)), jobs=jobs, warm=_warm)


def report_of(path: Path, schemas: tuple[Path, ...] = ()) -> FileReport:
    """The report of one file (named by its schema files, so that a worker process loads them itself)."""
    return FileReport(str(path), tuple(iter_findings(path, schemas=[load_schema(s) for s in schemas])))


def _warm() -> None:
    """Compile the cable schema before a pool forks, so that each worker inherits it."""
    grammar()
    rules()


def _not_well_formed(exc: SourceError, file: str) -> Finding:
    cause = exc.__cause__
    line, column = exc.line, None
    detail = exc.message
    if isinstance(cause, etree.XMLSyntaxError):
        line, column = cause.position
        detail = f"not well-formed XML: {cause.msg}"
    return Finding("CAB-XML", "error", file, f"is {detail} — fix the markup at this place; nothing else was checked",
                   line=line, column=column or None)
