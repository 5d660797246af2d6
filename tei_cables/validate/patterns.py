"""The grammar read as data: for each element pattern, its attributes, its allowed children, whether it holds text.

libxml2's RELAX NG validator says *that* a document is invalid well, but *where* and *why* badly: inside a
choice it reports the last alternative it tried ("Did not expect element p there" for a stray `<zz/>` after the
`<p>`) and it stops at the first failing child. So `grammar.py` checks a document element by element, each
against a *shallow* grammar (the element's own pattern, with the elements inside it made opaque), and explains a
failure with the facts this module reads from `tei_cables.rng`: which attributes and values a pattern allows,
which it requires, which children it may hold. The validator stays libxml2; this module only explains.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import cache

from lxml import etree

from tei_cables.validate.schemas import grammar_document

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_R = f"{{{RNG_NS}}}"
_OPAQUE = "__anything"
_QUANTIFIER = {"optional": "?", "zeroOrMore": "*", "oneOrMore": "+"}

# What a datatype means, in words, for messages about a bad attribute value.
_DATATYPES = {
    "date": "an ISO 8601 date (1950, 1950-09, 1950-09-30, 1950-09-30T20:35:00 or --07-17)",
    "time": "a time of day (20:35:00)",
    "ID": "an identifier that starts with a letter or _ and has no spaces",
    "language": "a language code such as en or ru",
    "anyURI": "a URI",
    "pointer": 'a pointer "#id" to an xml:id in this file',
    "token": "a single word without spaces",
    "version": "a version number such as 0.1.0",
    "nonNegativeInteger": "a whole number (0, 1, 2 …)",
    "text": "any text",
}
_DATE_TYPES = {"date", "dateTime", "gYear", "gYearMonth", "gMonthDay"}


@dataclass
class AttributeSpec:
    """One attribute of an element pattern: whether it is required and what values it takes."""

    key: str  # Clark name, as lxml gives attribute names
    label: str  # as written in a file: type, xml:id
    required: bool
    values: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # keys of _DATATYPES
    node: etree._Element | None = None

    def describe(self) -> str:
        """What the attribute takes, in words."""
        parts = []
        if self.values:
            parts.append("one of: " + ", ".join(self.values))
        parts += [_DATATYPES[k] for k in dict.fromkeys(self.kinds)]
        return " or ".join(parts) or "no value"


@dataclass(eq=False)
class ElementPattern:
    """One `<element>` of the grammar (an element name may have several, one per context)."""

    name: str  # Clark name
    node: etree._Element
    attributes: dict[str, AttributeSpec] = field(default_factory=dict)
    children: dict[str, list[ElementPattern]] = field(default_factory=dict)
    text: bool = False

    @property
    def local(self) -> str:
        return etree.QName(self.name).localname

    def accepts_shallow(self, element: etree._Element) -> tuple[bool, etree._ListErrorLog]:
        """Whether the element's own attributes, text and sequence of children fit this pattern."""
        rng = _shallow_grammar(self)
        ok = rng.validate(etree.ElementTree(_shallow_copy(element)))
        return ok, rng.error_log

    def accepts_deep(self, element: etree._Element) -> bool:
        """Whether the element with everything inside it fits this pattern: which of an element name's patterns
        it is meant for, where the shallow check cannot tell (an `item` of a numbered list or of a distribution
        list, inside one `list` pattern)."""
        return _deep_grammar(self).validate(etree.ElementTree(copy.deepcopy(element)))

    def accepts_value(self, spec: AttributeSpec, value: str) -> bool:
        """Whether one attribute value is allowed, checked by libxml2 with the attribute's own pattern."""
        rng = _value_grammar(self, spec.key)
        doc = etree.Element("v")
        doc.set("a", value)
        return rng.validate(etree.ElementTree(doc))

    def content_summary(self) -> str:
        """The children this pattern allows, in compact syntax: `(opener | note | fw)*, (p | ab | list)+ …`."""
        return _render(_content(self.node), _Grammar.get().defines, set()) or "nothing"


class _Grammar:
    """The parsed grammar: defines and every element pattern."""

    def __init__(self) -> None:
        self.doc = grammar_document()
        root = self.doc.getroot()
        self.ns = root.get("ns", "")
        self.defines = {d.get("name"): d for d in root.iter(f"{_R}define")}
        self.patterns: dict[etree._Element, ElementPattern] = {}
        for node in root.iter(f"{_R}element"):
            self.patterns[node] = ElementPattern(name=_element_name(node, self.ns), node=node)
        for pattern in self.patterns.values():
            _collect(pattern, _content(pattern.node), self, required=True, seen=set())
        start = root.find(f"{_R}start")
        self.start = [self.patterns[n] for n in _reachable_elements(start, self.defines)]
        self.names = {p.name for p in self.patterns.values()}

    @staticmethod
    @cache
    def get() -> _Grammar:
        return _Grammar()


def start_patterns() -> list[ElementPattern]:
    """The patterns a document's root may match (`<TEI>`)."""
    return _Grammar.get().start


def known_names() -> set[str]:
    """Every element name the encoding uses (Clark names)."""
    return _Grammar.get().names


def parents_of(name: str) -> list[str]:
    """The local names of the elements that may hold an element of this name, for advice on where it goes."""
    g = _Grammar.get()
    return sorted({p.local for p in g.patterns.values() if name in p.children})


def _element_name(node: etree._Element, ns: str) -> str:
    return f"{{{node.get('ns', ns)}}}{node.get('name')}" if node.get("ns", ns) else node.get("name")


def _content(node: etree._Element) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str) and c.tag.startswith(_R)]


def _collect(pattern: ElementPattern, nodes: list[etree._Element], g: _Grammar, *, required: bool,
             seen: set[str]) -> None:
    """Walk a pattern's content (not into nested elements): attributes, children, text."""
    for node in nodes:
        kind = etree.QName(node).localname
        if kind == "element":
            pattern.children.setdefault(g.patterns[node].name, []).append(g.patterns[node])
        elif kind == "attribute":
            _attribute(pattern, node, g, required)
        elif kind in {"text", "mixed"}:
            pattern.text = True
            if kind == "mixed":
                _collect(pattern, _content(node), g, required=required, seen=seen)
        elif kind == "ref":
            name = node.get("name")
            if name not in seen:
                _collect(pattern, _content(g.defines[name]), g, required=required, seen=seen | {name})
        elif kind in {"group", "interleave", "oneOrMore"}:
            _collect(pattern, _content(node), g, required=required, seen=seen)
        elif kind in {"optional", "zeroOrMore", "choice"}:
            _collect(pattern, _content(node), g, required=False, seen=seen)


def _attribute(pattern: ElementPattern, node: etree._Element, g: _Grammar, required: bool) -> None:
    label = node.get("name")
    key = f"{{{XML_NS}}}{label[4:]}" if label.startswith("xml:") else label
    spec = pattern.attributes.get(key) or AttributeSpec(key=key, label=label, required=required, node=node)
    spec.required = spec.required and required
    _values(spec, _content(node), g)
    pattern.attributes[key] = spec


def _values(spec: AttributeSpec, nodes: list[etree._Element], g: _Grammar) -> None:
    for node in nodes:
        kind = etree.QName(node).localname
        if kind == "value":
            spec.values.append(node.text or "")
        elif kind == "data":
            spec.kinds.append(_kind(node))
        elif kind == "text":
            spec.kinds.append("text")
        elif kind == "ref":
            _values(spec, _content(g.defines[node.get("name")]), g)
        else:
            _values(spec, _content(node), g)


def _kind(data: etree._Element) -> str:
    """Which entry of _DATATYPES describes a `<data>` pattern."""
    dtype = data.get("type")
    pattern = data.findtext(f"{_R}param[@name='pattern']") or ""
    if dtype in _DATE_TYPES:
        return "date"
    if dtype == "anyURI" and pattern.startswith("#"):
        return "pointer"
    if dtype == "token" and pattern.startswith("[\\d]"):
        return "version"
    return dtype if dtype in _DATATYPES else "text"


def _reachable_elements(node: etree._Element, defines: dict[str, etree._Element]) -> list[etree._Element]:
    """The element patterns a pattern may start with, following refs (for `<start>`)."""
    out: list[etree._Element] = []
    for child in _content(node):
        kind = etree.QName(child).localname
        if kind == "element":
            out.append(child)
        elif kind == "ref":
            out += _reachable_elements(defines[child.get("name")], defines)
        else:
            out += _reachable_elements(child, defines)
    return out


# Shallow and value grammars ----------------------------------------------------------------------------------------


def _opaque_defines(g: _Grammar) -> list[etree._Element]:
    """Every define, with every element in it made opaque (any attributes and content)."""
    out = []
    for define in g.defines.values():
        d = copy.deepcopy(define)
        for el in list(d.iter(f"{_R}element")):
            _make_opaque(el)
        out.append(d)
    anything = etree.fromstring(
        f'<define xmlns="{RNG_NS}" name="{_OPAQUE}"><zeroOrMore><choice>'
        f"<attribute><anyName/></attribute><text/><element><anyName/><ref name=\"{_OPAQUE}\"/></element>"
        "</choice></zeroOrMore></define>")
    return [*out, anything]


def _make_opaque(el: etree._Element) -> None:
    for child in list(el):
        el.remove(child)
    etree.SubElement(el, f"{_R}ref", name=_OPAQUE)


def _new_grammar(g: _Grammar, start: etree._Element) -> etree.RelaxNG:
    root = g.doc.getroot()
    grammar = etree.Element(f"{_R}grammar", nsmap={None: RNG_NS},
                            attrib={k: v for k, v in root.attrib.items() if k in {"ns", "datatypeLibrary"}})
    s = etree.SubElement(grammar, f"{_R}start")
    s.append(start)
    grammar.extend(_opaque_defines(g))
    return etree.RelaxNG(grammar)


@cache
def _shallow_grammar(pattern: ElementPattern) -> etree.RelaxNG:
    g = _Grammar.get()
    start = copy.deepcopy(pattern.node)
    for el in list(start.iter(f"{_R}element"))[1:]:
        _make_opaque(el)
    return _new_grammar(g, start)


@cache
def _deep_grammar(pattern: ElementPattern) -> etree.RelaxNG:
    """The whole grammar, started at one element pattern."""
    root = _Grammar.get().doc.getroot()
    grammar = etree.Element(f"{_R}grammar", nsmap={None: RNG_NS},
                            attrib={k: v for k, v in root.attrib.items() if k in {"ns", "datatypeLibrary"}})
    etree.SubElement(grammar, f"{_R}start").append(copy.deepcopy(pattern.node))
    grammar.extend(copy.deepcopy(d) for d in root.iter(f"{_R}define"))
    return etree.RelaxNG(grammar)


@cache
def _value_grammar_cached(pattern: ElementPattern, key: str) -> etree.RelaxNG:
    g = _Grammar.get()
    spec = pattern.attributes[key]
    start = etree.Element(f"{_R}element", name="v", ns="")
    attribute = etree.SubElement(start, f"{_R}attribute", name="a", ns="")
    for child in _content(spec.node):
        attribute.append(copy.deepcopy(child))
    return _new_grammar(g, start)


def _value_grammar(pattern: ElementPattern, key: str) -> etree.RelaxNG:
    return _value_grammar_cached(pattern, key)


def _shallow_copy(element: etree._Element) -> etree._Element:
    """The element with its attributes and text, and its children as empty elements of the same names."""
    out = etree.Element(element.tag, dict(element.attrib))
    out.text = element.text
    last: etree._Element | None = None
    for child in element:
        if isinstance(child.tag, str):
            last = etree.SubElement(out, child.tag)
            last.tail = child.tail
        elif child.tail:
            if last is None:
                out.text = (out.text or "") + child.tail
            else:
                last.tail = (last.tail or "") + child.tail
    return out


# Compact rendering of content models -------------------------------------------------------------------------------


def _render(nodes: list[etree._Element], defines: dict[str, etree._Element], seen: set[str]) -> str:
    parts = [p for p in (_render_one(n, defines, seen) for n in nodes) if p]
    return ", ".join(parts)


def _render_one(node: etree._Element, defines: dict[str, etree._Element], seen: set[str]) -> str:
    kind = etree.QName(node).localname
    if kind == "element":
        return node.get("name")
    if kind == "ref":
        name = node.get("name")
        body = _content(defines[name])
        if len(body) == 1 and etree.QName(body[0]).localname == "element":
            return body[0].get("name")
        if name in seen:
            return ""
        return _render(body, defines, seen | {name})
    if kind == "choice":
        items: list[str] = []
        for option in (_render_one(c, defines, seen) for c in _content(node)):
            simple = option.startswith("(") and option.endswith(")") and "," not in option and option.count("(") == 1
            items += option[1:-1].split(" | ") if simple else [option] if option else []
        items = list(dict.fromkeys(items))
        return "" if not items else items[0] if len(items) == 1 else "(" + " | ".join(items) + ")"
    if kind in _QUANTIFIER:
        inner = _render(_content(node), defines, seen)
        if not inner:
            return ""
        if "," in inner and not (inner.startswith("(") and inner.endswith(")")):
            inner = f"({inner})"
        return inner + _QUANTIFIER[kind]
    if kind in {"group", "interleave", "mixed"}:
        return _render(_content(node), defines, seen)
    return ""
