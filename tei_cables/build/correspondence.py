"""`correspDesc`: who sent the cable from where and when, and who received it where and when.

Read from the cable's own form, never from an enclosed letter: the signature of the message, the `From` and
`Sent` stamps, the addressee lines and the `Received` stamp. A bilingual file takes each item from the
original, and from the translation where the original lacks it or names it in a form the register cannot link.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from tei_cables.build.tei import E
from tei_cables.model import Block, Cable, Enclosure, Entity, Part, Span


@dataclass
class _Action:
    persons: list[str] = field(default_factory=list)
    place: str | None = None
    place_inferred: bool = False  # the place comes from a dateline, not from the form
    when: str | None = None
    date_text: str | None = None


def build_correspondence(cable: Cable) -> etree._Element | None:
    """`<correspDesc>` with a sent and (where known) a received action."""
    entities = {e.id: e for e in cable.entities}
    actions = [_actions(p, entities) for p in cable.parts]
    if not actions:
        return None
    sent = _merge([a[0] for a in actions], entities)
    received = _merge([a[1] for a in actions], entities)
    desc = E.correspDesc(_action("sent", sent, entities))
    if received.persons or received.place or received.when:
        desc.append(_action("received", received, entities))
    return desc


def _merge(candidates: list[_Action], entities: dict[str, Entity]) -> _Action:
    """Each item from the first part that has it linked to the register, else from the first that has it."""
    out = _Action()

    def linked(ref: str) -> bool:
        return entities.get(ref[1:]) is not None and entities[ref[1:]].register_id is not None

    for attr in ("persons", "place"):
        have = [c for c in candidates if getattr(c, attr)]
        stated = [c for c in have if not (attr == "place" and c.place_inferred)] or have
        good = [c for c in stated if all(linked(r) for r in _as_list(getattr(c, attr)))]
        chosen = (good or stated)[0] if stated else None
        if chosen is not None:
            setattr(out, attr, getattr(chosen, attr))
            if attr == "place":
                out.place_inferred = chosen.place_inferred
    dated = [c for c in candidates if c.when]
    if dated:
        out.when, out.date_text = dated[0].when, dated[0].date_text
    return out


def _as_list(value: str | list[str]) -> list[str]:
    return value if isinstance(value, list) else [value]


def _actions(part: Part, entities: dict[str, Entity]) -> tuple[_Action, _Action]:
    """The sent and received actions one language part states."""
    sent, received = _Action(), _Action()
    top = [b for b in part.blocks if isinstance(b, Block)]
    for b in top:
        if b.kind == "signed":
            sent.persons += [r for r in _refs(b.text.spans, "person") if r not in sent.persons]
        for s in b.stamps:
            spans = [x for x in b.text.spans if s.start <= x.start and x.end <= s.end]
            if s.type in {"from", "sent"} and not sent.place:
                sent.place = next(iter(_refs(spans, "place")), None)
            if s.type == "sent" and not sent.when:
                sent.when, sent.date_text = _first_date(spans, b.text.value)
            if s.type in {"received", "to"} and not received.place:
                received.place = next(iter(_refs(spans, "place")), None)
            if s.type == "received" and not received.when:
                received.when, received.date_text = _first_date(spans, b.text.value)
            if s.type == "to":
                received.persons += [r for r in _refs(spans, "person") if r not in received.persons]
    if not sent.place:
        sent.place = next(iter(_refs(_last_dateline_spans(part.blocks), "place")), None)
        sent.place_inferred = sent.place is not None
    for b in _opening_addresses(top):
        received.persons += [r for r in _refs(b.text.spans, "person") if r not in received.persons]
        if not received.place:
            received.place = next(iter(_refs(b.text.spans, "place")), None)
    return sent, received


def _last_dateline_spans(blocks: tuple[Block | Enclosure, ...]) -> tuple[Span, ...]:
    """The names of the message's last dateline (`Pyongyang 16.7.52.`), looking into a letter it closes with.

    A cable whose form names no place of sending (`From Correspondent 20`) was sent from where its message was
    dated; the place is marked as inferred.
    """
    found: tuple[Span, ...] = ()
    for b in blocks:
        if isinstance(b, Enclosure):
            found = _last_dateline_spans(b.blocks) or found
        elif b.kind == "dateline" and b.text is not None:
            found = b.text.spans
    return found


def _opening_addresses(blocks: list[Block]) -> list[Block]:
    """Address and salutation lines of the cable before its first paragraph."""
    out = []
    for b in blocks:
        if b.kind in {"p", "item"}:
            break
        if b.kind in {"address", "salute"}:
            out.append(b)
    return out


def _refs(spans: tuple[Span, ...] | list[Span], kind: str) -> list[str]:
    out = []
    for s in spans:
        if s.kind == kind and s.get("ref") and s.get("ref") not in out:
            out.append(s.get("ref"))
    return out


def _first_date(spans: list[Span], value: str) -> tuple[str | None, str | None]:
    for s in spans:
        if s.kind == "date" and s.get("element") != "time":
            return s.get("when"), " ".join(value[s.start:s.end].split())
    return None, None


def _action(kind: str, a: _Action, entities: dict[str, Entity]) -> etree._Element:
    el = E.correspAction(type=kind)
    for ref in a.persons:
        el.append(E.persName(entities[ref[1:]].name, ref=ref))
    if a.place:
        place = E.placeName(entities[a.place[1:]].name, ref=a.place)
        if a.place_inferred:
            place.set("cert", "medium")
        el.append(place)
    if a.when:
        el.append(E.date(a.date_text or a.when, when=a.when))
    if not len(el):
        el.append(E.note("not stated in the cable"))
    return el
