"""The whole TEI document of a cable: header, the file's register and text, serialised deterministically."""

from __future__ import annotations

from lxml import etree

from tei_cables.encode.body import build_text
from tei_cables.encode.header import build_header
from tei_cables.encode.inline import HAND
from tei_cables.encode.publication import Publication
from tei_cables.encode.standoff import build_standoff
from tei_cables.encode.tei import XML_ID, E, tei
from tei_cables.model import Cable


def build_tei(cable: Cable, source_name: str, publication: Publication | None = None) -> etree._Element:
    """The `<TEI>` element of a cable: header, the file's register, text."""
    root = E.TEI(build_header(cable, source_name, publication or Publication()))
    text = build_text(cable)
    if text.find(f".//{tei('add')}") is not None:
        _declare_hand(root)
    standoff = build_standoff(cable, _referenced(root) | _referenced(text))
    if standoff is not None:
        root.append(standoff)
    root.append(text)
    return root


def _declare_hand(root: etree._Element) -> None:
    """The hand that wrote on the document, which every `<add>` points at (`profileDesc/handNotes`)."""
    profile = root.find(f"{tei('teiHeader')}/{tei('profileDesc')}")
    note = E.handNote("Handwriting on the document (resolutions, notes), as the transcription describes it.",
                      **{XML_ID: HAND})
    profile.insert(1, E.handNotes(note))  # after langUsage


def _referenced(tree: etree._Element) -> set[str]:
    """The entry ids the names of a built tree point at: a name the text could not hold (one that crossed a date)
    was left out while building, and its entry must not stand unused in the register of the file."""
    return {ref[1:] for ref in tree.xpath("//@ref") if ref.startswith("#")}


def serialize(root: etree._Element, processing_instructions: list[str] | None = None) -> bytes:
    """UTF-8 bytes with an XML declaration, schema PIs and stable indentation: same input, same bytes."""
    etree.indent(root, space="  ")
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    pis = "".join(f"<?{pi}?>\n" for pi in processing_instructions or [])
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + pis.encode() + body + b"\n"
