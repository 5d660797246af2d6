"""Where an element stands in the file: line, column, its start tag as the user wrote it, and an XPath.

lxml knows only the line on which a start tag *ends*, and nothing of columns. But in a well-formed file every
element has exactly one start tag, and start tags come in document order, so one scan over the raw text (skipping
comments, CDATA sections, processing instructions, the doctype and end tags) pairs each element with its tag.
"""

from __future__ import annotations

import re

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_MAX_TAG = 120
_SKIP = (("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>"), ("</", ">"))


class SourceMap:
    """Positions and start tags of the elements of one parsed document."""

    def __init__(self, data: bytes, tree: etree._ElementTree) -> None:
        encoding = tree.docinfo.encoding or "utf-8"
        try:
            self.text = data.decode(encoding, errors="replace")
        except LookupError:
            self.text = data.decode("utf-8", errors="replace")
        self.text = self.text.lstrip("\ufeff")
        elements = [e for e in tree.getroot().iter() if isinstance(e.tag, str)]
        tags = list(_start_tags(self.text))
        self._tags = dict(zip(elements, tags, strict=False)) if len(tags) == len(elements) else {}
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def position(self, element: etree._Element) -> tuple[int | None, int | None]:
        """1-based line and column of the `<` of the element's start tag."""
        span = self._tags.get(element)
        if span is None:
            return element.sourceline, None
        line = _bisect(self._line_starts, span[0])
        return line + 1, span[0] - self._line_starts[line] + 1

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


def _start_tags(text: str):
    """(start, end) offsets of every start tag in document order."""
    i, n = 0, len(text)
    while True:
        i = text.find("<", i)
        if i < 0 or i + 1 >= n:
            return
        for opener, closer in _SKIP:
            if text.startswith(opener, i):
                end = text.find(closer, i + len(opener))
                i = n if end < 0 else end + len(closer)
                break
        else:
            if text.startswith("<!", i):  # a doctype: skip it, with its internal subset if any
                i = _end_of_doctype(text, i)
                continue
            end = _end_of_tag(text, i)
            yield i, end
            i = end


def _end_of_tag(text: str, i: int) -> int:
    quote = ""
    for j in range(i + 1, len(text)):
        c = text[j]
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == ">":
            return j + 1
    return len(text)


def _end_of_doctype(text: str, i: int) -> int:
    depth = 0
    for j in range(i + 2, len(text)):
        c = text[j]
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        elif c == ">" and depth <= 0:
            return j + 1
    return len(text)


def _bisect(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


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
