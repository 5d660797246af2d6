"""Reading XML without trusting it: no DTD, no entities, no network, no file system.

Every place that reads XML (validate, export, the fingerprint check, the register report) goes through here, so a
hostile file (an entity bomb, an `<!ENTITY … SYSTEM "file:///etc/passwd">`) is refused once, with one message.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from tei_cables.errors import SourceError, UnsafeXMLError

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


def parser() -> etree.XMLParser:
    """A parser that loads no DTD, resolves no entity and opens no connection; ids are checked by schemas."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, collect_ids=False, remove_comments=False)


def parse_bytes(data: bytes, path: str = "") -> etree._ElementTree:
    """Parse XML bytes, refusing DTDs with entity declarations and reporting syntax errors with their line."""
    head = data[:65536]
    if _ENTITY.search(data) or (_DOCTYPE.search(head) and b"[" in head[_DOCTYPE.search(head).start():]):
        line = data[:(_ENTITY.search(data) or _DOCTYPE.search(head)).start()].count(b"\n") + 1
        raise UnsafeXMLError("refused: the file declares a DTD with entities (an XML entity attack or an old "
                             "editor's DTD); remove the <!DOCTYPE …> and <!ENTITY …> declarations", path=path,
                             line=line)
    try:
        return etree.ElementTree(etree.fromstring(data, parser()))
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        raise SourceError(f"not well-formed XML: {exc.msg}", path=path, line=line) from exc


def parse_file(path: Path) -> etree._ElementTree:
    """Read and safely parse an XML file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    return parse_bytes(data, str(path))
