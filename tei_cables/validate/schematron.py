"""The cable rules (`tei_cables.sch`) compiled to one XSLT that visits only the elements a rule is about.

ISO Schematron's reference implementation (the "skeleton" that `lxml.isoschematron` runs) walks the whole
document once per pattern, and once more per pattern for its report, trying every node against the rules: for a
cable of a thousand nodes and ten patterns that is twenty walks, about 10 ms, most of the time of `validate` and of
checking what `convert` writes. Here one walk over the elements hands each element only to the patterns with a rule
about an element of its name (`_Walk`); a pattern with a rule about something else (`*`, `@when`) selects its
candidates by XPath instead, since a node matches the pattern `P` exactly when it is in `//P` evaluated from the
root. The first rule of a pattern that matches a node fires, as the standard says, by template priority. Keys and
lets are XSLT's own, so every test means what it meant.

The compiler takes the part of Schematron the cable rules use: `ns`, `pattern`, `rule[@context]`, `let`,
`assert` and `report` (with `id`, `role` and a message of text, `value-of` and `name`), and top-level `xsl:key`.
Anything else (phases, abstract rules, includes, diagnostics) is refused with an error naming it, so an editor who
extends the rules learns at once what this engine does not run; `tests/test_schematron.py` checks that it and
`lxml.isoschematron` find the same problems in every fixture. A schema given with `validate --schema` is run by
`lxml.isoschematron`, which takes the whole standard.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from lxml import etree

from tei_cables.errors import DataError

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
_SCH = f"{{{SCH_NS}}}"
_XSL = f"{{{XSL_NS}}}"
_PASSED_OVER = {f"{_SCH}title", f"{_SCH}p"}
# The position of an element (or of an attribute's or text's element) among all elements, in document order.
_POSITION = "count(ancestor-or-self::*) + count(preceding::*)"


@dataclass(frozen=True)
class Failure:
    """One assert that failed or report that fired: its id, role, message and the element it is about."""

    rule_id: str
    role: str
    message: str
    element: etree._Element


class CompiledRules:
    """A Schematron compiled once; called on a parsed document, it returns the failures in it."""

    def __init__(self, schema: etree._ElementTree, path: str = "") -> None:
        self.path = path
        self.stylesheet = compile_schematron(schema.getroot(), path)
        self._xslt = etree.XSLT(self.stylesheet, access_control=etree.XSLTAccessControl.DENY_ALL)

    def __call__(self, tree: etree._ElementTree) -> list[Failure]:
        """The failures of one document, in the order of the patterns and, within one, of the document."""
        report = self._xslt(tree).getroot()
        if report is None or not len(report):
            return []
        elements = list(tree.getroot().iter(etree.Element))
        return [Failure(f.get("id") or "CAB-RULE", f.get("role") or "error", " ".join((f.text or "").split()),
                        elements[int(f.get("at")) - 1]) for f in report]


def compile_schematron(schema: etree._Element, path: str = "") -> etree._Element:
    """The XSLT stylesheet of a Schematron schema (the subset the module docstring names)."""
    if schema.tag != f"{_SCH}schema":
        _refuse(schema, path, "is not an ISO Schematron <schema>")
    if schema.get("queryBinding", "xslt") not in {"xslt", "xpath"}:
        _refuse(schema, path, f"asks for query binding {schema.get('queryBinding')!r}; only XSLT 1 (xslt) is run")
    namespaces = {"xsl": XSL_NS}
    namespaces.update({ns.get("prefix"): ns.get("uri") for ns in schema.iter(f"{_SCH}ns")})
    sheet = etree.Element(f"{_XSL}stylesheet", nsmap=namespaces, version="1.0")
    etree.SubElement(sheet, f"{_XSL}output", method="xml", encoding="UTF-8")
    walk = _Walk()
    for n, child in enumerate(c for c in schema if isinstance(c.tag, str)):
        if child.tag == f"{_XSL}key":
            sheet.append(copy.deepcopy(child))  # its prefixes are the stylesheet's
        elif child.tag == f"{_SCH}pattern":
            mode = f"p{n}"
            rules = _rules(child, path)
            walk.add(mode, [b for r in rules for b in _branches(r.get("context"))])
            for rank, rule in enumerate(rules):
                sheet.append(_template(rule, mode, 1000 - rank, path))
            etree.SubElement(sheet, f"{_XSL}template", match="node()", mode=mode, priority="-1000")
        elif child.tag not in _PASSED_OVER | {f"{_SCH}ns"}:
            _refuse(child, path, "is not part of the Schematron this engine runs (ns, pattern, rule, let, assert, "
                                 "report, value-of, name, xsl:key)")
    sheet.extend(walk.templates())
    return sheet


class _Walk:
    """One walk over the elements of a document that hands each element to the patterns with a rule about an
    element of its name. A rule whose context does not end in a named element (`*`, `text()`, `@when`) has its
    pattern's candidates selected by XPath instead (`//` before the context), which is as right and slower."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[str]] = {}
        self.selected: list[tuple[str, str]] = []

    def add(self, mode: str, branches: list[str]) -> None:
        names = [_last_name(b) for b in branches]
        if None in names:
            self.selected.append((mode, " | ".join(_candidates(b) for b in branches)))
            return
        for name in dict.fromkeys(names):
            self.by_name.setdefault(name, []).append(mode)

    def templates(self) -> list[etree._Element]:
        root = etree.Element(f"{_XSL}template", match="/")
        found = etree.SubElement(root, "findings")
        etree.SubElement(found, f"{_XSL}apply-templates", select="*", mode="walk")
        for mode, select in self.selected:
            etree.SubElement(found, f"{_XSL}apply-templates", select=select, mode=mode)
        out = [root]
        default = etree.Element(f"{_XSL}template", match="*", mode="walk", priority="-1000")
        etree.SubElement(default, f"{_XSL}apply-templates", select="*", mode="walk")
        out.append(default)
        for name, modes in self.by_name.items():
            template = etree.Element(f"{_XSL}template", match=name, mode="walk")
            for mode in modes:
                etree.SubElement(template, f"{_XSL}apply-templates", select=".", mode=mode)
            etree.SubElement(template, f"{_XSL}apply-templates", select="*", mode="walk")
            out.append(template)
        return out


def _last_name(branch: str) -> str | None:
    """The element name of a pattern branch's last step (`tei:date` of `tei:teiHeader//tei:date[@when]`), or None
    when the step is not a plain element name."""
    slashes = _outside_predicates(branch, "/")
    step = branch[slashes[-1] + 1 if slashes else 0:].split("[", 1)[0].strip()
    return step if re.fullmatch(r"(?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*", step) else None


def _rules(pattern: etree._Element, path: str) -> list[etree._Element]:
    """A pattern's rules, each with a context; a pattern of any other shape is refused."""
    if pattern.get("abstract") == "true" or pattern.get("is-a"):
        _refuse(pattern, path, "is an abstract pattern, which this engine does not run")
    rules = []
    for child in pattern:
        if not isinstance(child.tag, str) or child.tag in _PASSED_OVER:
            continue
        if child.tag != f"{_SCH}rule" or not child.get("context") or child.get("abstract") == "true":
            _refuse(child, path, "is not a rule with a context, which is all a pattern may hold here")
        rules.append(child)
    return rules


def _candidates(context: str) -> str:
    """The XPath that selects every node a match pattern matches: `//` before each branch of the union."""
    return " | ".join(b if b.startswith(("/", "id(", "key(")) else f"//{b}" for b in _branches(context))


def _branches(pattern: str) -> list[str]:
    """The branches of a union pattern, split at the `|` outside predicates, brackets and quotes."""
    bars = _outside_predicates(pattern, "|")
    return [pattern[start + 1:end].strip() for start, end in zip([-1, *bars], [*bars, len(pattern)], strict=True)]


def _outside_predicates(pattern: str, char: str) -> list[int]:
    """Where `char` stands in a pattern outside predicates, brackets and quoted strings."""
    found, depth, quote = [], 0, ""
    for i, c in enumerate(pattern):
        if quote:
            quote = "" if c == quote else quote
        elif c in "\"'":
            quote = c
        elif c in "[(":
            depth += 1
        elif c in "])":
            depth -= 1
        elif c == char and depth == 0:
            found.append(i)
    return found


def _template(rule: etree._Element, mode: str, priority: int, path: str) -> etree._Element:
    """A rule as a template: its lets as variables, then each assert or report as a test that writes a finding."""
    template = etree.Element(f"{_XSL}template", match=" ".join(rule.get("context").split()), mode=mode,
                             priority=str(priority))
    for child in rule:
        if not isinstance(child.tag, str) or child.tag in _PASSED_OVER:
            continue
        if child.tag == f"{_SCH}let":
            etree.SubElement(template, f"{_XSL}variable", name=child.get("name"), select=child.get("value"))
        elif child.tag in {f"{_SCH}assert", f"{_SCH}report"}:
            test = child.get("test")
            if test is None:
                _refuse(child, path, "has no test")
            negate = child.tag == f"{_SCH}assert"
            check = etree.SubElement(template, f"{_XSL}if", test=f"not({test})" if negate else test)
            finding = etree.SubElement(check, "finding", id=child.get("id", ""),
                                       role=child.get("role") or rule.get("role") or "error", at=f"{{{_POSITION}}}")
            _message(child, finding, path)
        else:
            _refuse(child, path, "is not part of a rule this engine runs (let, assert, report)")
    return template


def _message(source: etree._Element, target: etree._Element, path: str) -> None:
    """An assert's message: its text kept, `value-of` and `name` evaluated on the context."""
    _text(target, source.text)
    for child in source:
        if child.tag == f"{_SCH}value-of":
            etree.SubElement(target, f"{_XSL}value-of", select=child.get("select"))
        elif child.tag == f"{_SCH}name":
            etree.SubElement(target, f"{_XSL}value-of", select=f"name({child.get('path') or '.'})")
        elif isinstance(child.tag, str):
            _refuse(child, path, "is not part of a message this engine writes (text, value-of, name)")
        _text(target, child.tail)


def _text(target: etree._Element, text: str | None) -> None:
    if text:
        etree.SubElement(target, f"{_XSL}text").text = text


def _refuse(element: etree._Element, path: str, why: str) -> None:
    raise DataError(f"<{etree.QName(element).localname}> {why}", path=path or None, line=element.sourceline)
