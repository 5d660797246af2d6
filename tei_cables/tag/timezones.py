"""Local times of routing stamps, with the UTC offset of the place they were written at.

`Sent from Pyongyang … at 20:35` and `Received in Moscow … at 23:32` are each local time: the stamp's date gets the
offset of its place for that date (`1950-09-30T20:35:00+09:00`, `…T23:32:00+03:00`) from the IANA tz database, so
that the order of sent, received and deciphered can be checked across time zones. The text keeps what was written;
the offset is the encoder's interpretation, and the `date` says so (`resp="#tei_cables"`).

Which place: a sent stamp's own place, else the form's `From` place; a received stamp's own place; a dateline's
place. A time with no place written gets no offset: nothing is guessed. Places and zones: `data/timezones.yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tei_cables.errors import DataError
from tei_cables.model import Block, Cable, Enclosure, Part, Span, Stamp, Text
from tei_cables.resources import data_path, load_data
from tei_cables.tag.register import load_register

_LOCAL = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")  # a date and time with no offset yet


@cache
def zones() -> dict[str, ZoneInfo]:
    """Place id → time zone, checked: every place in the register, every zone in the tz database."""
    places = load_register().entries
    out: dict[str, ZoneInfo] = {}
    for place, zone in (load_data("timezones.yaml") or {}).items():
        if place not in places or places[place].kind != "place":
            raise DataError(f"{place!r} is not a place of the register", path=data_path("timezones.yaml"))
        try:
            out[place] = ZoneInfo(str(zone))
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise DataError(f"{place}: unknown time zone {zone!r}", path=data_path("timezones.yaml")) from exc
    return out


def localize(cable: Cable) -> Cable:
    """The cable with the offset of their place on the times of its sent and received stamps and datelines."""
    return replace(cable, parts=tuple(replace(p, blocks=_blocks(p.blocks, _from_zone(p))) for p in cable.parts))


def _from_zone(part: Part) -> ZoneInfo | None:
    """The zone of the place the form says the cable comes from (`From: PYONGYANG`)."""
    for b in part.blocks:
        if isinstance(b, Block) and b.text is not None:
            for s in b.stamps:
                if s.type in {"from", "sent"}:
                    zone = _zone_in(b.text, s.start, s.end)
                    if zone is not None:
                        return zone
    return None


def _blocks(blocks: tuple[Block | Enclosure, ...], from_zone: ZoneInfo | None) -> tuple[Block | Enclosure, ...]:
    out: list[Block | Enclosure] = []
    for b in blocks:
        if isinstance(b, Enclosure):
            out.append(replace(b, blocks=_blocks(b.blocks, None)))
        elif b.text is not None and b.stamps:
            out.append(replace(b, text=_stamps(b.text, b.stamps, from_zone)))
        elif b.text is not None and b.kind == "dateline":
            zone = _zone_in(b.text, 0, len(b.text.value))
            out.append(replace(b, text=_offset(b.text, 0, len(b.text.value), zone)) if zone else b)
        else:
            out.append(b)
    return tuple(out)


def _stamps(text: Text, stamps: tuple[Stamp, ...], from_zone: ZoneInfo | None) -> Text:
    for s in stamps:
        if s.type == "sent":
            zone = _zone_in(text, s.start, s.end) or from_zone
        elif s.type == "received":
            zone = _zone_in(text, s.start, s.end)
        else:
            continue
        if zone is not None:
            text = _offset(text, s.start, s.end, zone)
    return text


def _zone_in(text: Text, start: int, end: int) -> ZoneInfo | None:
    for s in text.spans:
        if s.kind == "place" and start <= s.start and s.end <= end and s.get("ref"):
            zone = zones().get(s.get("ref")[1:])
            if zone is not None:
                return zone
    return None


def _offset(text: Text, start: int, end: int, zone: ZoneInfo) -> Text:
    """The dates with a time between start and end, given the zone's offset for that moment."""
    spans = []
    for s in text.spans:
        when = s.get("when") or ""
        if s.kind == "date" and start <= s.start and s.end <= end and _LOCAL.fullmatch(when):
            local = dt.datetime.fromisoformat(when).replace(tzinfo=zone)
            attrs = dict(s.attrs) | {"when": local.isoformat(), "resp": "#tei_cables"}
            s = Span(s.start, s.end, s.kind, tuple(attrs.items()))
        spans.append(s)
    return replace(text, spans=tuple(spans))
