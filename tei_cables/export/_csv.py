"""CSV: one row per cable, for spreadsheets and scripts.

The default columns carry the routing of a cable (number, sender, addressees, places, the times of its stamps as
ISO 8601, urgency, classification, copies), its archive reference, title and file. `--profile correspsearch`
writes instead the columns of correspSearch's CSV (`sender`, `senderID`, `senderPlace`, … `edition`, `key`), one
row per cable and per letter it encloses, with authority URIs where the register has them. Several names in one
cell are separated by ` | `. Dropped: the text, the mentions, the stamps' words.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from tei_cables.export.record import Action, CableRecord, Entry, Letter, Named

COLUMNS = ("number", "sender", "addressees", "intermediaries", "from_place", "to_place", "sent", "received",
           "arrived", "deciphered", "typed", "urgency", "classification", "copies", "copies_stated", "archive",
           "title", "file")
CORRESPSEARCH = ("sender", "senderID", "senderPlace", "senderPlaceID", "senderDate", "addressee", "addresseeID",
                 "addresseePlace", "addresseePlaceID", "addresseeDate", "edition", "key")
_SEP = " | "
_URI = {"wikidata": "http://www.wikidata.org/entity/{}", "geonames": "https://sws.geonames.org/{}/",
        "viaf": "http://viaf.org/viaf/{}"}


def write(records: Iterator[CableRecord], path: Path, options: dict[str, str]) -> None:
    """Write one row per cable (or per letter, for correspSearch), streaming."""
    correspsearch = options.get("profile") == "correspsearch"
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(CORRESPSEARCH if correspsearch else COLUMNS)
        for record in records:
            if correspsearch:
                for letter in (record.cable, *record.letters):
                    out.writerow(_correspsearch_row(record, letter))
            else:
                out.writerow(_row(record))


def _row(r: CableRecord) -> list[str]:
    c = r.cable

    def when(stamp_type: str) -> str:
        stamp = r.stamp(stamp_type)
        return stamp.when or "" if stamp else ""

    def words(stamp_type: str) -> str:
        stamp = r.stamp(stamp_type)
        return stamp.text if stamp else ""

    return [r.number or "", _names(c.sent.persons), _names(c.received.persons), _names(c.transmitted),
            _place(c.sent), _place(c.received), c.sent.when or "", c.received.when or "", when("arrived"),
            when("deciphered"), when("typed"), words("urgency"), words("classification"),
            str(r.copies) if r.distribution else "", str(r.copies_stated or ""), r.archive or "", r.title, r.file]


def _correspsearch_row(r: CableRecord, letter: Letter) -> list[str]:
    sent, received = letter.sent, letter.received
    addressees = received.persons + letter.transmitted
    return [_names(sent.persons), _ids(sent.persons, r), _place(sent), _ids((sent.place,) if sent.place else (), r),
            sent.day or "", _names(addressees), _ids(addressees, r), _place(received),
            _ids((received.place,) if received.place else (), r), received.day or "", r.url or r.title,
            r.number or r.id]


def _names(named: tuple[Named, ...]) -> str:
    return _SEP.join(n.name for n in named)


def _place(action: Action) -> str:
    return action.place.name if action.place else ""


def _ids(named: tuple[Named, ...], r: CableRecord) -> str:
    return _SEP.join(_uri(r.entries.get(n.ref)) if n.ref else "" for n in named)


def _uri(entry: Entry | None) -> str:
    """The entry's authority URI (Wikidata first, then GeoNames, then VIAF), or nothing."""
    ids = dict(entry.authority) if entry else {}
    return next((_URI[a].format(ids[a]) for a in ("wikidata", "geonames", "viaf") if a in ids), "")
