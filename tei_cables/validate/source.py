"""Where an element stands in the file: line, column, its start tag as the user wrote it, and an XPath.

lxml knows only the line on which a start tag *ends*, and nothing of columns. But in a well-formed file every
element has exactly one start tag, and start tags come in document order, so one scan over the raw text (skipping
comments, CDATA sections, processing instructions, the doctype and end tags) pairs each element with its tag.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_MAX_TAG = 120
# Up to this many characters, a line is counted from the start of the file for each element asked about; a longer
# file gets a table of where its lines start, so that thousands of problems in it cost one scan, not one each.
_COUNTED = 100_000
# Markup whose `<` opens no element (comments, CDATA sections, processing instructions, a doctype with its internal
# subset), then a start tag, whose quoted attribute values may hold `>`. An end tag matches neither (`</` is not a
# start tag), so the scan steps over it without a match of its own: half the matches of a document.
_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!(?:[^\[>]|\[[^\]]*\])*>"
                     r"""|(?P<tag><(?![/!?])[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>)""", re.S)


class SourceMap:
    """Positions and start tags of the elements of one parsed document.

    The scan is made on the first question, not before: most documents have nothing to report, and the scan costs
    more than the rules (a millisecond for a cable, a second for a file of 40,000 paragraphs)."""

    def __init__(self, data: bytes, tree: etree._ElementTree) -> None:
        self._data = data
        self._tree = tree

    @cached_property
    def text(self) -> str:
        """The document's text, decoded as it says it is encoded."""
        encoding = self._tree.docinfo.encoding or "utf-8"
        try:
            text = self._data.decode(encoding, errors="replace")
        except LookupError:
            text = self._data.decode("utf-8", errors="replace")
        return text.lstrip("\ufeff")

    @cached_property
    def _tags(self) -> dict[etree._Element, tuple[int, int]]:
        elements = list(self._tree.getroot().iter(etree.Element))
        tags = _start_tags(self.text)
        return dict(zip(elements, tags, strict=False)) if len(tags) == len(elements) else {}

    def position(self, element: etree._Element) -> tuple[int | None, int | None]:
        """1-based line and column of the `<` of the element's start tag."""
        span = self._tags.get(element)
        if span is None:
            return element.sourceline, None
        start = span[0]
        if len(self.text) <= _COUNTED:
            return self.text.count("\n", 0, start) + 1, start - self.text.rfind("\n", 0, start)
        line = bisect_right(self._line_starts, start) - 1
        return line + 1, start - self._line_starts[line] + 1

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    def place(self, element: etree._Element) -> dict[str, object]:
        """Everything a Finding says about where an element is: line, column, XPath and start tag."""
        line, column = self.position(element)
        return {"line": line, "column": column, "xpath": xpath_of(element), "element": self.start_tag(element)}

    def start_tag(self, element: etree._Element) -> str:
        """The start tag as written, on one line (`<persName ref="#p_foo">`), shortened when very long."""
        span = self._tags.get(element)
        if span is None:
            return _rebuilt_tag(element)
        tag = " ".join(self.text[span[0]:span[1]].split())
        if len(tag) > _MAX_TAG:
            tag = tag[:_MAX_TAG - 2] + "…>"
        return tag


def xpath_of(element: etree._Element) -> str:
    """A readable XPath to the element, TEI elements with the `tei:` prefix: `/tei:TEI/tei:text/tei:body/tei:div[2]`."""
    steps = []
    node: etree._Element | None = element
    while node is not None and isinstance(node.tag, str):
        q = etree.QName(node)
        name = f"tei:{q.localname}" if q.namespace == TEI_NS else (
            q.localname if not q.namespace else f"*[local-name()='{q.localname}']")
        parent = node.getparent()
        if parent is not None:
            same = [s for s in parent if s.tag == node.tag]
            if len(same) > 1:
                name += f"[{same.index(node) + 1}]"
        steps.append(name)
        node = parent
    return "/" + "/".join(reversed(steps))


def _start_tags(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every start tag in document order (one regular expression over the text, which
    is well-formed: lxml has parsed it)."""
    return [m.span() for m in _MARKUP.finditer(text) if m.lastgroup == "tag"]


def attribute_label(key: str) -> str:
    """An attribute's name as a file writes it: `xml:id` for the XML namespace, the local name otherwise."""
    q = etree.QName(key)
    return f"xml:{q.localname}" if q.namespace == XML_NS else q.localname


def _rebuilt_tag(element: etree._Element) -> str:
    """A start tag made from the parsed element, for the rare case the scan could not pair it."""
    attrs = "".join(f' {attribute_label(k)}="{v}"' for k, v in element.attrib.items())
    return f"<{etree.QName(element).localname}{attrs}>"


def element_at(tree: etree._ElementTree, path: str | None) -> etree._Element:
    """The element a validator's XPath names (an attribute or text names its element), else the root: a finding
    always has a place."""
    try:
        hits = tree.xpath(path) if path else []
    except etree.XPathError:
        hits = []
    hit = next(iter(hits), None)
    if isinstance(hit, etree._Element):
        return hit
    parent = getattr(hit, "getparent", lambda: None)()
    return parent if parent is not None else tree.getroot()
