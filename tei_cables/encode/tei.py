"""The one ElementMaker every builder module uses, so that TEI names are written in one place."""

from __future__ import annotations

from lxml import etree
from lxml.builder import ElementMaker

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"

E = ElementMaker(namespace=TEI_NS, nsmap={None: TEI_NS})


def tei(tag: str) -> str:
    """The Clark name of a TEI element, for lookups such as `el.tag == tei("p")`."""
    return f"{{{TEI_NS}}}{tag}"


def append_text(parent: etree._Element, text: str) -> None:
    """Append text after the last child of an element (or as its text when it has none)."""
    if not text:
        return
    try:
        last = parent[-1]  # found from the end; len(parent) would count every child
    except IndexError:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text
