"""CMIF 1.1: the Correspondence Metadata Interchange Format that correspSearch harvests.

One TEI file for the corpus: the header CMIF requires (title, editor, publisher, date, licence, one `bibl` per
cable as the source of its `correspDesc`), then one `correspDesc` per cable and per enclosed letter with sender,
addressees (a relay's intermediary too), places and day-precision dates. Names and places carry an authority URI
where the register has one (Wikidata for persons and organisations, GeoNames, else Wikidata, for places); CMIF
allows names without one. What CMIF cannot hold is left out: times of day (it wants days), the `cert` of an
inferred value (CMIF allows only `cert="low"`, so inferred values are written as read), stamps and the text.
The file is written as it goes, one cable at a time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from tei_cables import __version__
from tei_cables.export.record import Action, CableRecord, Entry, Letter, Named
from tei_cables.export.spool import Spool

TEI = "http://www.tei-c.org/ns/1.0"
_AUTHORITY_URI = {"wikidata": "http://www.wikidata.org/entity/{}", "geonames": "https://sws.geonames.org/{}/",
                  "viaf": "http://viaf.org/viaf/{}"}
_PREFERRED = {"place": ("geonames", "wikidata"), "person": ("wikidata", "viaf"), "org": ("wikidata", "viaf")}


def write(records: Iterator[CableRecord], path: Path, options: dict[str, str]) -> None:
    """Write the corpus as one CMIF file: the header with every cable's bibl, then the correspDescs.

    CMIF puts every bibl before the first correspDesc, so the bibls are written as the cables stream through and
    the correspDescs wait in a spool on disk until the last cable is read: memory stays flat however many cables
    there are."""
    E = _maker()
    publisher = options.get("publisher") or f"tei_cables {__version__}"
    url = options.get("url") or f"urn:tei-cables:{options.get('out', path.name)}"
    licence = options.get("licence") or "https://creativecommons.org/licenses/by/4.0/"
    date = options.get("date") or dt.date.today().isoformat()
    with etree.xmlfile(str(path), encoding="utf-8") as xf, Spool() as spool:
        xf.write_declaration()
        with xf.element(f"{{{TEI}}}TEI", nsmap={None: TEI}):
            with xf.element(f"{{{TEI}}}teiHeader"):
                with xf.element(f"{{{TEI}}}fileDesc"):
                    xf.write(E.titleStmt(E.title("Ciphered telegrams (tei_cables export)"),
                                         E.editor(options.get("editor") or publisher)), pretty_print=True)
                    xf.write(E.publicationStmt(E.publisher(E.ref(publisher, target=url)), E.idno(url, type="url"),
                                               E.date(when=date), E.availability(E.licence(target=licence))),
                             pretty_print=True)
                    with xf.element(f"{{{TEI}}}sourceDesc"):
                        for record in records:
                            bibl_id = _uuid(record)
                            xf.write(_bibl(record, bibl_id), pretty_print=True)
                            letters = (record.cable, *record.letters)
                            spool.add([etree.tostring(_corresp_desc(lt, record, bibl_id)) for lt in letters])
                with xf.element(f"{{{TEI}}}profileDesc"):
                    for desc in spool:
                        xf.write(etree.fromstring(desc), pretty_print=True)
            xf.write(E.text(E.body(E.p())), pretty_print=True)  # CMIF's text is empty: the metadata is the point


def _bibl(record: CableRecord, bibl_id: str) -> etree._Element:
    E = _maker()
    bibl = E.bibl(record.title, type="print" if record.url is None else "online")
    bibl.set("{http://www.w3.org/XML/1998/namespace}id", bibl_id)
    if record.url:
        bibl.append(E.ref(record.url, target=record.url))
    return bibl


def _corresp_desc(letter: Letter, record: CableRecord, bibl_id: str) -> etree._Element:
    E = _maker()
    desc = E.correspDesc(source=f"#{bibl_id}")
    desc.set("key", record.number or record.id)
    desc.append(_action("sent", letter.sent, record))
    received = letter.received
    persons = received.persons + letter.transmitted
    desc.append(_action("received", Action(persons, received.place, received.when), record))
    return desc


def _action(kind: str, action: Action, record: CableRecord) -> etree._Element:
    E = _maker()
    el = E.correspAction(type=kind)
    for person in action.persons:
        el.append(_name(person, record, "persName" if person.kind == "person" else "orgName"))
    if action.place is not None:
        el.append(_name(action.place, record, "placeName"))
    if action.day:
        el.append(E.date(when=action.day))
    if not len(el):
        el.append(E.note("Not stated in the cable."))  # CMIF wants the action; nothing of it is known
    return el


def _name(named: Named, record: CableRecord, tag: str) -> etree._Element:
    el = etree.Element(f"{{{TEI}}}{tag}")
    el.text = named.name
    uri = _uri(record.entries.get(named.ref)) if named.ref else None
    if uri:
        el.set("ref", uri)
    return el


def _uri(entry: Entry | None) -> str | None:
    if entry is None:
        return None
    ids = dict(entry.authority)
    for authority in _PREFERRED.get(entry.kind, ()):
        if authority in ids:
            return _AUTHORITY_URI[authority].format(ids[authority])
    return None


def _uuid(record: CableRecord) -> str:
    """A stable id per cable (a UUID made from its number or file name), as CMIF's bibl ids are."""
    digest = hashlib.sha1(f"tei_cables:{record.number or ''}:{record.id}".encode()).hexdigest()
    return f"cable-{digest[:8]}-{digest[8:12]}-5{digest[13:16]}-a{digest[17:20]}-{digest[20:32]}"  # an NCName


def _maker():
    from lxml.builder import ElementMaker

    return ElementMaker(namespace=TEI, nsmap={None: TEI})


__all__ = ["write"]
