"""The rules check (`tei_cables.sch`): run the Schematron and read its report (SVRL) into findings.

Each assert and report of the schema carries its rule id and role; role="warning" becomes a warning, anything
else an error. The SVRL names each place with an XPath, which is evaluated on the document to find the element,
and so its line, column and start tag.
"""

from __future__ import annotations

from lxml import etree, isoschematron

from tei_cables.validate.findings import Finding
from tei_cables.validate.schemas import rules
from tei_cables.validate.source import SourceMap, element_at

SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
_WARNING_ROLES = {"warning", "warn", "info", "information"}


def rule_findings(tree: etree._ElementTree, smap: SourceMap, file: str,
                  schematron: isoschematron.Schematron | None = None) -> list[Finding]:
    """The findings of a Schematron (the cable rules unless another is given) for one parsed document."""
    schematron = schematron or rules()
    schematron.validate(tree)
    report = schematron.validation_report
    out = []
    for node in report.iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
        element = element_at(tree, node.get("location"))
        message = " ".join((node.findtext(f"{{{SVRL_NS}}}text") or "").split())
        severity = "warning" if (node.get("role") or "").lower() in _WARNING_ROLES else "error"
        out.append(Finding(node.get("id") or "CAB-RULE", severity, file, message, **smap.place(element)))
    return out

