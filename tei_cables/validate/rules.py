"""The rules check (`tei_cables.sch`): run the Schematron and turn what it reports into findings.

The cable rules run through `schematron.py`, which compiles them to one XSLT that visits only the elements a rule
is about. A schema given with `validate --schema` runs through `lxml.isoschematron` (the whole standard), whose
report (SVRL) names each place with an XPath, evaluated on the document to find the element. Either way each
assert and report carries its rule id and role; role="warning" becomes a warning, anything else an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from tei_cables.validate.findings import Finding
from tei_cables.validate.schemas import rules
from tei_cables.validate.source import SourceMap, element_at

if TYPE_CHECKING:
    from lxml import isoschematron

SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
_WARNING_ROLES = {"warning", "warn", "info", "information"}


def rule_findings(tree: etree._ElementTree, smap: SourceMap, file: str) -> list[Finding]:
    """The findings of the cable rules for one parsed document."""
    return [Finding(f.rule_id, _severity(f.role), file, f.message, **smap.place(f.element)) for f in rules()(tree)]


def svrl_findings(tree: etree._ElementTree, smap: SourceMap, file: str,
                  schematron: isoschematron.Schematron) -> list[Finding]:
    """The findings of any ISO Schematron, read from its SVRL report."""
    schematron.validate(tree)
    out = []
    for node in schematron.validation_report.iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
        element = element_at(tree, node.get("location"))
        message = " ".join((node.findtext(f"{{{SVRL_NS}}}text") or "").split())
        out.append(Finding(node.get("id") or "CAB-RULE", _severity(node.get("role")), file, message,
                           **smap.place(element)))
    return out


def _severity(role: str | None) -> str:
    return "warning" if (role or "").lower() in _WARNING_ROLES else "error"
