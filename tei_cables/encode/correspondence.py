"""`correspDesc`: who sent the cable from where and when, who received it where and when, and the same for every
letter or telegram it encloses.

The values are chosen in `tag/correspondence.py`; this module only writes them. The cable's own `correspDesc`
comes first (the encoding contract); one follows for each enclosure, its `@corresp` pointing at the enclosure's
`div` or `floatingText` in every language part. A relay's intermediary stands in a `transmitted` action beside
the final addressee's `received` one. An action the cable says nothing of is left out.

A value the cable does not state in a stamp, an address line or a relay is marked as inferred, as the TEI
Guidelines provide (att.global.responsibility, att.editLike): `@cert` says how sure the reading is, `@evidence`
whether it rests on the cable's own words (`internal`: a sign-off, a dateline) or on the archive's record
(`external`: its title, its date heading), and a closing `<note type="evidence">` says in words where each was
read, with its source line.
"""

from __future__ import annotations

import re

from lxml import etree

from tei_cables.encode.tei import E
from tei_cables.model import Cable, Correspondence, Entity, Witness, iter_enclosures

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
_ACTIONS = (("sent", ("sender", "from", "sent")), ("transmitted", ("intermediary", None, None)),
            ("received", ("addressee", "to", "received")))


_OFFSET = re.compile(r"T.*(?:[+-]\d{2}:\d{2}|Z)$")


def enclosure_id(part: int, k: int) -> str:
    """The `xml:id` of the k-th enclosure (from 1, in document order) of a language part (from 0)."""
    return f"enc_{part + 1}_{k}"


def build_correspondence(cable: Cable) -> list[etree._Element]:
    """The cable's `correspDesc`, then one per enclosure of its first part."""
    if not cable.parts:
        return []
    entities = {e.id: e for e in cable.entities}
    out = [_desc(cable.correspondence, entities, "The cable does not say who sent it, to whom, when or where.")]
    counts = [sum(1 for _ in iter_enclosures(p.blocks)) for p in cable.parts]
    for k, letter in enumerate(cable.enclosures, start=1):
        desc = _desc(letter, entities, "The enclosure does not say who wrote it, to whom, when or where.")
        desc.set("corresp", " ".join(f"#{enclosure_id(n, k)}" for n, count in enumerate(counts) if count >= k))
        out.append(desc)
    return out


def _desc(c: Correspondence, entities: dict[str, Entity], silent: str) -> etree._Element:
    desc = E.correspDesc()
    for kind, (persons, place, date) in _ACTIONS:
        action = _action(kind, [c.get(r) if r else None for r in (persons, place, date)], entities)
        if len(action):
            desc.append(action)
    said = [f"{_SAID[w.role]}: {_FROM[w.source]} (line {w.line})" for w in c.chosen
            if w.inferred and w.role in _SAID]
    if said:
        desc.append(E.note("Inferred, not stated by a stamp or an address line: " + "; ".join(said) + ".",
                           type="evidence"))
    if not len(desc):
        desc.append(E.note(silent))
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
        when = E.date(date.text or date.values[0], when=date.values[0])
        if _OFFSET.search(date.values[0]):
            when.set("resp", "#tei_cables")  # the place's UTC offset is the encoder's interpretation
        el.append(_mark(when, date))
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
    if w.cert and _LEVELS.index(w.cert) < _LEVELS.index(el.get("cert", "high")):
        el.set("cert", w.cert)  # a date whose day-month order the cable does not tell (tag/dates.py)
        el.set("resp", "#tei_cables")
    return el


_LEVELS = ("low", "medium", "high")
