"""Who wrote to whom, when and from where: every witness a cable gives, and the one place that chooses among them.

Real cables say it in many ways, often without any routing stamp. The witnesses, each read with its source line:

- stamp: the cipher form's `From PYONGYANG`, `Sent 22:03 16.2.51`, `To Comrade STALIN`, `Received in Moscow …`,
  `CABLE Nº 3582` (places, times, addressees, the telegram number);
- address: the addressee lines of the message's opening (`To Terebin`, `To Cde. MAO ZEDONG`, `товарищу ГРОМЫКО.`);
- relay: the final addressee a relay phrase names (`Convey to Mao Zedong the following`, `Передайте …`); the
  addressees of the address lines are then the intermediaries;
- sign-off: the signers of the message's own signature and the date before them (`6.1.1949 Filippov [Stalin]`);
- dateline: the date sent and the place sent from (`23 февраля 1952 г.`, `Pyongyang 16.7.52.`);
- title: number, sender, addressees and places of the archive's title (`Ciphered Telegram No. 0100, Stalin to
  Terebin`, `… from Savel'yev in Urumchi`);
- date-heading: the day sent, from the archive's date of the document (`January 6, 1949`);
- cover: a station's cover designation in the `From` stamp (`From Correspondent 20`), the place sent from only when
  nothing else names one (a cover is not a place, but it is what the cable says of where it comes from).

Precedence: the first source in that order that gives a value wins (a stamp over a sign-off over the title over the
date heading). Addressees are the union of what the stamps, address lines and relays state; where a relay names the
final addressee, the others are its intermediaries (TEI's `transmitted` action). In a bilingual file each value
comes from the first language part that gives it linked to the register. What is not stated by a stamp or an
address line is inferred, and `encode/` marks it with `@cert` and `@evidence`; where two witnesses disagree (the
title's number and the cipher form's), the chosen one is kept and a warning names both.

Received stamps on an outgoing copy (`Copy of an outgoing telegram`) are the cipher office's, not the receipt at
the destination, and witness nothing here.
"""

from __future__ import annotations

import re
from functools import cache

from tei_cables.model import (
    Block,
    Cable,
    Correspondence,
    Enclosure,
    Entity,
    Part,
    Role,
    Span,
    Text,
    Warning_,
    Witness,
    WitnessSource,
    iter_enclosures,
)
from tei_cables.read.address import relay_targets
from tei_cables.resources import load_data

PRECEDENCE: tuple[WitnessSource, ...] = ("stamp", "address", "relay", "sign-off", "dateline", "title",
                                          "date-heading", "cover")
COVER = "cover:"  # the value of a cover witness: the designation as written, made an entry only if it is chosen
_STATED: frozenset[WitnessSource] = frozenset({"stamp", "address", "relay"})
_ROLES: tuple[Role, ...] = ("number", "sender", "from", "sent", "addressee", "to", "received")
# (an "intermediary" is not chosen by itself: it is split off the addressees when a relay names the final ones)


def decide_correspondence(cable: Cable) -> tuple[Correspondence, tuple[Warning_, ...]]:
    """The chosen witness for each role of a tagged cable, and warnings where witnesses disagree."""
    witnesses = collect_witnesses(cable)
    entities = {e.id: e for e in cable.entities}
    chosen = _decide(witnesses, entities)
    return Correspondence(tuple(chosen)), tuple(_disagreements(witnesses, chosen, entities))


def decide_enclosures(cable: Cable) -> tuple[Correspondence, ...]:
    """Who wrote each letter or telegram the cable encloses, to whom, when and where: from its own sign-off,
    salutation, address lines and dateline, in document order (an enclosure before the ones inside it)."""
    entities = {e.id: e for e in cable.entities}
    first = cable.parts[0].blocks if cable.parts else ()
    return tuple(Correspondence(tuple(_decide(_blocks_witnesses(enc.blocks, 0), entities)))
                 for enc in iter_enclosures(first))


def _decide(witnesses: list[Witness], entities: dict[str, Entity]) -> list[Witness]:
    chosen = [w for role in _ROLES if (w := _choose(role, witnesses, entities)) is not None]
    return _split_relay(chosen, witnesses)


def _split_relay(chosen: list[Witness], witnesses: list[Witness]) -> list[Witness]:
    """When a relay names the final addressees, the other addressees the cable states are its intermediaries."""
    addressee = next((w for w in chosen if w.role == "addressee"), None)
    if addressee is None or addressee.source not in _STATED:
        return chosen
    final = {v for w in witnesses if w.source == "relay" and w.part == addressee.part for v in w.values}
    relayed = tuple(v for v in addressee.values if v in final)
    through = tuple(v for v in addressee.values if v not in final)
    if not relayed or not through:
        return chosen
    out = [w for w in chosen if w.role != "addressee"]
    out.append(Witness("addressee", "relay", addressee.line, relayed, part=addressee.part))
    out.append(Witness("intermediary", "address", addressee.line, through, part=addressee.part))
    return out


def collect_witnesses(cable: Cable) -> list[Witness]:
    """Every witness of a tagged cable, part by part, then the archive record's."""
    out: list[Witness] = []
    for n, part in enumerate(cable.parts):
        out += _part_witnesses(part, n)
    header = cable.header
    if header is not None and header.title is not None and header.title_roles is not None:
        out += _title_witnesses(header.title, header.title_roles)
    if header is not None and header.date is not None:
        date = _first_date(header.date.spans, header.date)
        if date:
            out.append(Witness("sent", "date-heading", header.date.line, (date[0],), date[1]))
    return out


# --- the cable's own text -----------------------------------------------------------------------------------


def _part_witnesses(part: Part, n: int) -> list[Witness]:
    return _blocks_witnesses(part.blocks, n)


def _blocks_witnesses(blocks: tuple[Block | Enclosure, ...], n: int) -> list[Witness]:
    """The witnesses of one level of text: a language part, or a letter it encloses."""
    top = [b for b in blocks if isinstance(b, Block) and b.text is not None]
    outgoing = _is_outgoing(top)
    out: list[Witness] = []
    for b in top:
        out += _stamp_witnesses(b, n, outgoing=outgoing)
    for b in _opening(blocks):
        out += _address_witnesses(b, n)
    signed = [b for b in top if b.kind == "signed"]
    if signed:
        out += _signoff_witnesses(signed[-1], n)
    for b in top:
        if b.kind == "dateline":
            date = _first_date(b.text.spans, b.text)
            if date:
                out.append(Witness("sent", "dateline", b.text.line, (date[0],), date[1], n, date[2]))
    last = _last_dateline(blocks)
    if last is not None:
        places = _refs(last.text.spans, "place")
        if places:
            out.append(Witness("from", "dateline", last.text.line, (places[0],), part=n))
    return out


def _stamp_witnesses(b: Block, n: int, *, outgoing: bool) -> list[Witness]:
    out: list[Witness] = []
    for s in b.stamps:
        spans = [x for x in b.text.spans if s.start <= x.start and x.end <= s.end]
        line = b.text.line_of(s.start)
        if s.type == "number" and s.value:
            out.append(Witness("number", "stamp", line, (s.value,), s.value, n))
        if s.type in {"from", "sent"}:
            out += _one("from", "stamp", line, _refs(spans, "place")[:1], n)
            covers = [" ".join(b.text.value[x.start:x.end].split()) for x in spans if x.kind == "cover"]
            out += _one("from", "cover", line, [COVER + c for c in covers[:1]], n)
        if s.type == "sent":
            out += _date("sent", "stamp", line, spans, b.text, n)
        if s.type == "to" or (s.type == "received" and not outgoing):
            out += _one("to", "stamp", line, _refs(spans, "place")[:1], n)
        if s.type == "received" and not outgoing:
            out += _date("received", "stamp", line, spans, b.text, n)
        if s.type == "to":
            out += _one("addressee", "stamp", line, _refs(spans, "person"), n)
    return out


def _address_witnesses(b: Block, n: int) -> list[Witness]:
    """Addressees and their place in the opening address lines, and the final addressees of relays."""
    out: list[Witness] = []
    line = b.text.line
    if b.kind in {"address", "salute"}:
        out += _one("addressee", "address", line, _refs(b.text.spans, "person"), n)
        out += _one("to", "address", line, _refs(b.text.spans, "place")[:1], n)
    for start, end in relay_targets(b.text.value):
        inside = [s for s in b.text.spans if start <= s.start and s.end <= end]
        out += _one("addressee", "relay", b.text.line_of(start), _refs(inside, "person"), n)
    return out


def _signoff_witnesses(b: Block, n: int) -> list[Witness]:
    """The signers of the message's own sign-off are its senders; a date before them is the day sent."""
    out = _one("sender", "sign-off", b.text.line, _refs(b.text.spans, "person"), n)
    return out + _date("sent", "sign-off", b.text.line, list(b.text.spans), b.text, n)


def _opening(blocks: tuple[Block | Enclosure, ...]) -> list[Block]:
    """The blocks before the message proper, and its first paragraph (where a relay is often written)."""
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Enclosure):
            break
        if b.text is not None:
            out.append(b)
        if b.kind in {"p", "item"}:
            break
    return out


def _last_dateline(blocks: tuple[Block | Enclosure, ...]) -> Block | None:
    """The message's last dateline, looking into a letter it closes with (`Pyongyang 16.7.52.`).

    A cable whose form names no place of sending (`From Correspondent 20`) was sent from where its message was
    dated; the place is inferred.
    """
    found = None
    for b in blocks:
        if isinstance(b, Enclosure):
            found = _last_dateline(b.blocks) or found
        elif b.kind == "dateline" and b.text is not None and _refs(b.text.spans, "place"):
            found = b
    return found


@cache
def _outgoing_marks() -> tuple[str, ...]:
    return tuple(str(m).casefold() for m in load_data("stamps.yaml")["outgoing"])


def _is_outgoing(blocks: list[Block]) -> bool:
    """A copy of an outgoing cable: its form says so (`Copy of an outgoing telegram`, `Issuing No.`)."""
    form = " ".join(b.text.value for b in blocks if b.kind == "stamps").casefold()
    return any(m in " ".join(form.split()) for m in _outgoing_marks())


# --- the archive's title ------------------------------------------------------------------------------------


def _title_witnesses(title: Text, roles) -> list[Witness]:
    out: list[Witness] = []
    if roles.number:
        out.append(Witness("number", "title", title.line, (roles.number,), roles.number))
    for extent, person_role, place_role in ((roles.sender, "sender", "from"), (roles.addressees, "addressee", "to")):
        if extent is None:
            continue
        inside = [s for s in title.spans if extent[0] <= s.start and s.end <= extent[1]]
        out += _one(person_role, "title", title.line, _refs(inside, "person"))
        out += _one(place_role, "title", title.line, _refs(inside, "place")[:1])
    return out


# --- choosing -----------------------------------------------------------------------------------------------


def _choose(role: Role, witnesses: list[Witness], entities: dict[str, Entity]) -> Witness | None:
    """The witness of highest precedence for a role; addressees stated by the cable are all kept."""
    found = [w for w in witnesses if w.role == role and w.values]
    if not found:
        return None
    best = min(PRECEDENCE.index(w.source) for w in found)
    if role == "addressee" and PRECEDENCE[best] in _STATED:
        found = [w for w in found if w.source in _STATED]
    else:
        found = [w for w in found if PRECEDENCE.index(w.source) == best]
    part = _best_part(found, entities)
    same = [w for w in found if w.part == part]
    if role not in {"sender", "addressee"}:
        return same[0]
    values = tuple(dict.fromkeys(v for w in same for v in w.values))
    first = same[0]
    source = min((w.source for w in same), key=PRECEDENCE.index)
    return Witness(role, source, first.line, values, first.text, first.part)


def _best_part(found: list[Witness], entities: dict[str, Entity]) -> int:
    """The first language part whose values are all linked to the register, else the first part."""
    parts = list(dict.fromkeys(w.part for w in found))
    for part in parts:
        if all(_linked(v, entities) for w in found if w.part == part for v in w.values):
            return part
    return parts[0]


def _linked(value: str, entities: dict[str, Entity]) -> bool:
    if not value.startswith("#"):
        return True
    entity = entities.get(value[1:])
    return entity is not None and entity.register_id is not None


def _disagreements(witnesses: list[Witness], chosen: list[Witness], entities: dict[str, Entity]) -> list[Warning_]:
    """Warnings where a lower witness says something else than the chosen one (a number, a sender)."""
    out = []
    for w in chosen:
        if w.role not in {"number", "sender"}:
            continue
        for other in witnesses:
            if other.role != w.role or other.source == w.source or not other.values:
                continue
            if w.role == "number" and _number_key(other.values[0]) != _number_key(w.values[0]):
                out.append(Warning_(other.line, f"the {other.source} gives the telegram number "
                                                f"{other.values[0]!r}, the {w.source} {w.values[0]!r} "
                                                f"(line {w.line}); {w.values[0]!r} is kept"))
            if w.role == "sender" and all(_linked(v, entities) for v in other.values + w.values) \
                    and not set(other.values) & set(w.values):
                out.append(Warning_(other.line, f"the {other.source} names another sender than the {w.source} "
                                                f"(line {w.line}); the {w.source}'s is kept"))
    return list(dict.fromkeys(out))


def _number_key(number: str) -> str:
    """A number without its series suffix (`34691/sh` and `34691` are one number)."""
    return re.split(r"[/\s]", number.strip())[0].lstrip("0")


# --- small helpers ------------------------------------------------------------------------------------------


def _one(role: Role, source: WitnessSource, line: int, values: list[str], part: int = -1) -> list[Witness]:
    return [Witness(role, source, line, tuple(values), part=part)] if values else []


def _date(role: Role, source: WitnessSource, line: int, spans: list[Span], text: Text, part: int) -> list[Witness]:
    date = _first_date(spans, text)
    return [Witness(role, source, line, (date[0],), date[1], part, date[2])] if date else []


def _refs(spans: tuple[Span, ...] | list[Span], kind: str) -> list[str]:
    return list(dict.fromkeys(s.get("ref") for s in spans if s.kind == kind and s.get("ref")))


def _first_date(spans: tuple[Span, ...] | list[Span], text: Text) -> tuple[str, str, str | None] | None:
    """The first full date (not a bare time) among spans, with its words as written and its certainty."""
    for s in spans:
        if s.kind == "date" and s.get("element") != "time" and s.get("when") and len(s.get("when")) >= 10:
            return s.get("when"), " ".join(text.value[s.start:s.end].split()), s.get("cert")
    return None
