"""Any schema a project uses, beside the cable schema: `tei-cables validate --schema FILE`.

Archives exchange TEI under their own customisations, and the TEI publishes `tei_all` as RELAX NG and as W3C XML
Schema. A schema is read by its kind: RELAX NG (`.rng`) and ISO Schematron (`.sch`, XSLT 1 binding) through lxml,
W3C XML Schema (`.xsd`) through xmlschema, which reports every problem with the element it is about. Schemas are
read from local files only (no network), once per process. Findings have the same shape (file, line, column, the
element as written, a message) as the cable schema's, so every output format works unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

from tei_cables.errors import DataError
from tei_cables.validate.findings import Finding
from tei_cables.validate.rules import svrl_findings
from tei_cables.validate.source import SourceMap, element_at

KINDS = {".rng": "RELAX NG", ".xsd": "XML Schema", ".sch": "Schematron"}


@dataclass(frozen=True)
class Schema:
    """A loaded schema: its file, its kind and the validator object."""

    path: Path
    kind: str
    validator: object

    @property
    def rule_id(self) -> str:
        """The id findings of this schema carry: its kind and file name (`XSD:tei_all.xsd`)."""
        return f"{self.path.suffix[1:].upper()}:{self.path.name}"


@cache
def load_schema(path: Path) -> Schema:
    """A schema file, compiled; a file of another kind, or one that does not compile, is an error naming it."""
    suffix = path.suffix.lower()
    if suffix not in KINDS:
        raise DataError("not a schema this tool reads: use a RELAX NG (.rng), W3C XML Schema (.xsd) or ISO "
                        "Schematron (.sch) file (convert .rnc with trang)", path=str(path))
    if not path.is_file():
        raise DataError("no such schema file", path=str(path))
    try:
        if suffix == ".xsd":
            import xmlschema

            return Schema(path, KINDS[suffix], xmlschema.XMLSchema(str(path), allow="local"))
        doc = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        if suffix == ".rng":
            return Schema(path, KINDS[suffix], etree.RelaxNG(doc))
        from lxml import isoschematron  # only for a Schematron given with --schema: the cable rules do not need it

        return Schema(path, KINDS[suffix], isoschematron.Schematron(doc, store_report=True))
    except Exception as exc:  # noqa: BLE001 - lxml's, OSError, and xmlschema's own errors, which share no base
        raise DataError(f"cannot be read as {KINDS[suffix]}: {exc}", path=str(path)) from exc


def schema_findings(tree: etree._ElementTree, smap: SourceMap, file: str, schema: Schema) -> list[Finding]:
    """The problems one schema finds in a parsed document, each at its element."""
    if schema.kind == "Schematron":
        return svrl_findings(tree, smap, file, schema.validator)
    if schema.kind == "XML Schema":
        return [_finding(schema, file, smap, e.elem if isinstance(e.elem, etree._Element) else tree.getroot(),
                         e.reason or e.message) for e in schema.validator.iter_errors(tree)]
    rng = schema.validator
    if rng.validate(tree):
        return []
    seen: dict[tuple, Finding] = {}
    for entry in rng.error_log:
        element = element_at(tree, entry.path)
        finding = _finding(schema, file, smap, element, entry.message)
        seen.setdefault((finding.line, finding.column, entry.message), finding)
    return list(seen.values())


def _finding(schema: Schema, file: str, smap: SourceMap, element: etree._Element, message: str) -> Finding:
    text = " ".join(str(message).split()).rstrip(".")
    return Finding(schema.rule_id, "error", file, f"does not fit {schema.path.name} ({schema.kind}): {text}",
                   **smap.place(element))

