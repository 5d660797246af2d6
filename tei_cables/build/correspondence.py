"""`correspDesc`: who sent the cable from where and when, and who received it where and when.

The values are chosen in `tag/correspondence.py`; this module only writes them. A value the cable does not state
in a stamp or an address line is marked as inferred, as the TEI Guidelines provide (att.global.responsibility,
att.editLike): `@cert` says how sure the reading is, `@evidence` whether it rests on the cable's own words
(`internal`: a sign-off, a dateline) or on the archive's record (`external`: its title, its date heading), and a
closing `<note type="evidence">` says in words where each was read, with its source line.
"""

from __future__ import annotations

from lxml import etree

from tei_cables.build.tei import E
from tei_cables.model import Cable, Entity, Witness

# How sure each source of an inferred value is, and what kind of evidence it is.
CERTAINTY = {
    "sign-off": ("high", "internal"),
    "dateline": ("medium", "internal"),
    "title": ("medium", "external"),
    "date-heading": ("medium", "external"),
}
_SAID = {
    "sender": "sender", "addressee": "addressees", "from": "place sent from", "to": "place received",
    "sent": "date sent", "received": "date received",
}
_FROM = {"sign-off": "the sign-off", "dateline": "the dateline", "title": "the archive's title",
         "date-heading": "the archive's date heading"}


def build_correspondence(cable: Cable) -> etree._Element | None:
    """`<correspDesc>` with a sent and (where known) a received action, and the evidence of what was inferred."""
    if not cable.parts:
        return None
    c = cable.correspondence
    entities = {e.id: e for e in cable.entities}
    sent = _action("sent", [c.get("sender"), c.get("from"), c.get("sent")], entities)
    desc = E.correspDesc(sent)
    received = _action("received", [c.get("addressee"), c.get("to"), c.get("received")], entities)
    if len(received) and received[0].tag != E.note().tag:
        desc.append(received)
    said = [f"{_SAID[w.role]}: {_FROM[w.source]} (line {w.line})" for w in c.chosen
            if w.inferred and w.role in _SAID]
    if said:
        desc.append(E.note("Inferred, not stated by a stamp or an address line: " + "; ".join(said) + ".",
                           type="evidence"))
    return desc


def _action(kind: str, witnesses: list[Witness | None], entities: dict[str, Entity]) -> etree._Element:
    persons, place, date = witnesses
    el = E.correspAction(type=kind)
    if persons is not None:
        for ref in persons.values:
            el.append(_mark(E.persName(_name(ref, entities), ref=ref), persons))
    if place is not None:
        el.append(_mark(E.placeName(_name(place.values[0], entities), ref=place.values[0]), place))
    if date is not None:
        el.append(_mark(E.date(date.text or date.values[0], when=date.values[0]), date))
    if not len(el):
        el.append(E.note("not stated in the cable"))
    return el


def _name(ref: str, entities: dict[str, Entity]) -> str:
    entity = entities.get(ref[1:])
    return entity.name if entity is not None else ref[1:]


def _mark(el: etree._Element, w: Witness) -> etree._Element:
    """`@cert` and `@evidence` on a value the cable does not state."""
    if w.inferred:
        cert, evidence = CERTAINTY[w.source]
        el.set("cert", cert)
        el.set("evidence", evidence)
    return el
