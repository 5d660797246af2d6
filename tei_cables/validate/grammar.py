"""The grammar check (`tei_cables.rng`), with one plain-words finding per problem.

libxml2 decides whether a file is valid. When it is not, its own messages are terse and often point at the wrong
place ("Did not expect element p there" for a stray element *after* the `<p>`), so the document is walked from the
root: each element is checked against its own pattern with the elements inside it made opaque
(`ElementPattern.accepts_shallow`), and a failure is explained from the grammar's facts: an attribute the
encoding does not use, a value outside its list, a required attribute missing, text where only elements may
stand, a child that does not belong there, children in the wrong order. Every problem of the file is found in one
run, at its own element, instead of the first one of each subtree.
"""

from __future__ import annotations

import re

from lxml import etree

from tei_cables.validate.findings import Finding
from tei_cables.validate.patterns import ElementPattern, known_names, parents_of, start_patterns
from tei_cables.validate.schemas import grammar
from tei_cables.validate.source import TEI_NS, XML_NS, SourceMap, attribute_label, element_at

_LIST_AT_MOST = 16
_SUMMARY_AT_MOST = 240


def grammar_findings(tree: etree._ElementTree, smap: SourceMap, file: str) -> list[Finding]:
    """The findings of the grammar for one parsed document (none when it is valid)."""
    rng = grammar()
    if rng.validate(tree):
        return []
    raw = list(rng.error_log)
    found = _Walk(smap, file).document(tree.getroot())
    return found or _untranslated(raw, tree, smap, file)


class _Walk:
    """Checks elements top-down and collects findings."""

    def __init__(self, smap: SourceMap, file: str) -> None:
        self.smap = smap
        self.file = file
        self.found: list[Finding] = []

    def add(self, rule_id: str, element: etree._Element, message: str) -> None:
        self.found.append(Finding(rule_id, "error", self.file, message, **self.smap.place(element)))

    def document(self, root: etree._Element) -> list[Finding]:
        starts = [p for p in start_patterns() if p.name == root.tag]
        if not starts:
            names = ", ".join(f"<{p.local}>" for p in start_patterns())
            self.add("CAB-SCHEMA-ELEMENT", root, f"is the root element, but a cable file is one {names} element in "
                                                 f"the TEI namespace ({TEI_NS})")
            return self.found
        self.check(root, _pick(root, starts))
        return self.found

    def check(self, element: etree._Element, pattern: ElementPattern) -> None:
        ok, log = pattern.accepts_shallow(element)
        if not ok:
            self.diagnose(element, pattern, list(log))
        for child in element:
            if isinstance(child.tag, str) and child.tag in pattern.children:
                self.check(child, _pick(child, pattern.children[child.tag]))

    def diagnose(self, element: etree._Element, pattern: ElementPattern, log: list) -> None:
        before = len(self.found)
        self.attributes(element, pattern)
        self.text(element, pattern)
        for child in element:
            if isinstance(child.tag, str) and child.tag not in pattern.children:
                self.misplaced(child, pattern)
        if len(self.found) == before:
            self.add("CAB-SCHEMA-CONTENT", element, _content_message(pattern, log))

    def attributes(self, element: etree._Element, pattern: ElementPattern) -> None:
        for key, value in element.attrib.items():
            spec = pattern.attributes.get(key)
            label = attribute_label(key)
            if spec is None:
                allowed = ", ".join(s.label for s in pattern.attributes.values())
                hint = f" (it takes: {allowed})" if allowed else " (it takes no attributes)"
                self.add("CAB-SCHEMA-ATTRIBUTE", element, f'has {label}="{value}", an attribute the encoding does '
                                                          f"not use on <{pattern.local}> — remove it{hint}")
            elif not pattern.accepts_value(spec, value):
                rule = "CAB-WHEN" if key == "when" else "CAB-SCHEMA-VALUE"
                self.add(rule, element, f'{label}="{value}" is not allowed here — use {spec.describe()}')
        for spec in pattern.attributes.values():
            if spec.required and spec.key not in element.attrib:
                self.add("CAB-SCHEMA-REQUIRED", element, f"lacks {spec.label}, which the encoding requires on "
                                                         f'<{pattern.local}> here — add {spec.label}="…" '
                                                         f"({spec.describe()})")

    def text(self, element: etree._Element, pattern: ElementPattern) -> None:
        if pattern.text:
            return
        words = " ".join(" ".join([element.text or ""] + [c.tail or "" for c in element]).split())
        if words:
            quoted = words if len(words) <= 40 else words[:39] + "…"
            self.add("CAB-SCHEMA-TEXT", element, f'holds the words "{quoted}" directly, where the encoding allows '
                                                 f"only elements — put them inside an element (such as <p>) or remove "
                                                 f"them")

    def misplaced(self, child: etree._Element, parent: ElementPattern) -> None:
        q = etree.QName(child)
        allowed = sorted({p.local for ps in parent.children.values() for p in ps})
        here = (f"inside <{parent.local}> it allows " + ", ".join(f"<{a}>" for a in allowed)
                if 0 < len(allowed) <= _LIST_AT_MOST else f"see what <{parent.local}> allows in schema/README.md")
        if q.namespace != TEI_NS:
            where = f"in the namespace {q.namespace}" if q.namespace else "in no namespace"
            message = (f"is {where}, not in the TEI namespace ({TEI_NS}) — every element of a cable file is TEI; "
                       f"remove it or fix its xmlns")
        elif child.tag not in known_names():
            message = f"is not part of the cable encoding — remove it or use an element the schema allows ({here})"
        else:
            homes = ", ".join(f"<{p}>" for p in parents_of(child.tag)[:_LIST_AT_MOST])
            message = (f"is not allowed inside <{parent.local}> — the encoding puts <{q.localname}> inside {homes}; "
                       f"move or remove it")
        self.add("CAB-SCHEMA-ELEMENT", child, message)


def _pick(element: etree._Element, candidates: list[ElementPattern]) -> ElementPattern:
    """The pattern an element is meant to match: the one that accepts it with all it holds, else the first that
    accepts it shallowly, else the one its attributes fit best."""
    if len(candidates) == 1:
        return candidates[0]
    deep = [c for c in candidates if c.accepts_deep(element)]
    if len(deep) == 1:
        return deep[0]
    for c in candidates:
        if c.accepts_shallow(element)[0]:
            return c
    return max(candidates, key=lambda c: _fit(element, c))


def _fit(element: etree._Element, pattern: ElementPattern) -> int:
    score = 0
    for key, value in element.attrib.items():
        spec = pattern.attributes.get(key)
        score += -1 if spec is None else 2 if pattern.accepts_value(spec, value) else 1
    return score - sum(1 for s in pattern.attributes.values() if s.required and s.key not in element.attrib)


_EXPECTING = re.compile(r"Expecting (?:an )?element (?P<want>\w+), got (?P<got>\w+)")


def _content_message(pattern: ElementPattern, log: list) -> str:
    """Children in an order or number the pattern does not allow, with libxml2's hint when it names one."""
    hint = "its elements are not in an order or number the encoding allows"
    for entry in log:
        m = _EXPECTING.search(entry.message)
        if m and m.group("got") == "nothing":
            hint = f"a required <{m.group('want')}> is missing"
            break
        if m:
            hint = f"<{m.group('got')}> stands where <{m.group('want')}> should be"
            break
        if entry.type_name == "RELAXNG_ERR_NOELEM":
            hint = "it lacks an element it must contain"
    summary = pattern.content_summary()
    expected = f" — <{pattern.local}> holds: {summary}" if len(summary) <= _SUMMARY_AT_MOST else ""
    return f"is incomplete or out of order: {hint}{expected}"


def _untranslated(raw: list, tree: etree._ElementTree, smap: SourceMap, file: str) -> list[Finding]:
    """What only the whole-document check sees (a duplicate xml:id), or its own words as a last resort."""
    out: list[Finding] = []
    for entry in raw:
        element = element_at(tree, entry.path)
        duplicate = entry.type_name == "RELAXNG_ERR_DUPID" or entry.message.startswith("Invalid attribute id ")
        if duplicate and element.get(f"{{{XML_NS}}}id") is not None:
            value = element.get(f"{{{XML_NS}}}id")
            out.append(Finding("CAB-ID-UNIQUE", "error", file, f'xml:id="{value}" is used by two elements — give '
                                                               f"each its own id", **smap.place(element)))
    if not out and raw:
        entry = raw[0]
        out.append(Finding("CAB-SCHEMA", "error", file, f"does not fit the cable schema here (the validator says: "
                                                      f"{entry.message})", **smap.place(element_at(tree, entry.path))))
    return list({(f.line, f.column, f.message): f for f in out}.values())

