"""Stage 2: names and dates. Adds spans to the texts of a read cable and lists the entities it mentions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from tei_cables.model import (
    Block,
    Cable,
    Correspondence,
    Enclosure,
    Part,
    Span,
    Text,
    Warning_,
    iter_texts,
    map_texts,
)
from tei_cables.read.stamps import is_cover_designation
from tei_cables.tag.brackets import find_brackets
from tei_cables.tag.correspondence import COVER, decide_correspondence, decide_enclosures
from tei_cables.tag.dates import DateContext, decide_orders, find_dates
from tei_cables.tag.entities import Slot, align_parallel, local_entity, tag_entities
from tei_cables.tag.timezones import localize
from tei_cables.tag.units import whole_units


def tag_cable(cable: Cable) -> Cable:
    """Tag every text of a cable with brackets, names and dates; collect the entities and the warnings."""
    texts = list(iter_texts(cable))
    mentions = tag_entities(texts, _slots(cable))
    if len(cable.parts) == 2:
        align_parallel(mentions, _parallel_slots(cable.parts[0], cable.parts[1]))
    orders, order_warnings = decide_orders([(_hand(role), t.value, t.line) for t, role in texts],
                                           _heading_date(cable))
    ctx = DateContext(year=_header_year(cable), orders=orders, warnings=order_warnings)

    def add(text: Text, role: str) -> Text:
        spans: list[Span] = find_brackets(text.value, skip_whole=role.endswith(":note"))
        spans += mentions.spans.get((text.line, text.value), [])
        ctx.group = _hand(role)
        for d in find_dates(text.value, ctx, line=text.line):
            attrs = (("element", d.element), ("when", d.when)) + ((("cert", d.cert),) if d.cert else ())
            spans.append(Span(d.start, d.end, "date", attrs))
        spans = whole_units(spans, text.value, new_unit)
        return text.with_spans(_with_supplied_initials(spans, text.value))

    def new_unit(name: str, parent: str | None) -> str:
        return local_entity(mentions, "org", name, part_of=parent[1:] if parent else None)

    tagged = map_texts(cable, add)
    warnings = tuple(Warning_(line, msg) for line, msg in ctx.warnings)
    entities = tuple(sorted(mentions.entities.values(), key=lambda e: (e.kind, e.id)))
    tagged = localize(replace(tagged, entities=entities))
    correspondence, disagreements = decide_correspondence(tagged)
    correspondence, *enclosures = (_cover_entry(c, mentions) for c in (correspondence, *decide_enclosures(tagged)))
    covers = {e.id: e for e in (mentions.entities[i] for i in _cover_ids(correspondence, *enclosures))}
    entities = {e.id: e for e in tagged.entities} | covers
    tagged = replace(tagged, entities=tuple(sorted(entities.values(), key=lambda e: (e.kind, e.id))))
    return replace(tagged, warnings=cable.warnings + warnings + disagreements, correspondence=correspondence,
                   enclosures=tuple(enclosures))


def _cover_entry(c: Correspondence, mentions) -> Correspondence:
    """A cover designation chosen as the place sent from (of the cable, or of a letter it encloses) gets an entry
    of the file (a place known only by its cover), so that the correspDesc can point at it."""
    chosen = c.get("from")
    if chosen is None or chosen.source != "cover":
        return c
    ident = local_entity(mentions, "place", chosen.values[0][len(COVER):])
    witness = replace(chosen, values=(f"#{ident}",))
    return Correspondence(tuple(witness if w is chosen else w for w in c.chosen))


def _cover_ids(*correspondences: Correspondence) -> list[str]:
    """The entries made for covers chosen as places sent from."""
    return [w.values[0][1:] for c in correspondences if (w := c.get("from")) is not None and w.source == "cover"]


def _with_supplied_initials(spans: list[Span], value: str) -> list[Span]:
    """A person's name takes in the initials an editor supplied before it (`[A.I.] SHABSHIN`), so that the
    `<supplied>` stands inside the `persName`."""
    initials = [s for s in spans if s.kind == "bracket" and s.get("initials")]
    out = []
    for s in spans:
        bracket = next((b for b in initials if s.kind == "person" and s.end > b.end and (
            b.start < s.start < b.end or b.end <= s.start and not value[b.end:s.start].strip())), None)
        out.append(Span(bracket.start, s.end, s.kind, s.attrs) if bracket else s)
    return out


def _hand(role: str) -> str:
    """Whose dates a text holds: the archive's record, or one language part (the original's clerk, the
    translator), which may write numeric dates in another order."""
    return role.split(":", 1)[0].split("/", 1)[0]


def _heading_date(cable: Cable) -> dt.date | None:
    """The full date of the archive's date heading, which tells the order of a cable's ambiguous dates."""
    if not (cable.header and cable.header.date):
        return None
    found = find_dates(cable.header.date.value, DateContext())
    when = next((d.when[:10] for d in found if len(d.when) >= 10 and d.element == "date"), None)
    return dt.date.fromisoformat(when) if when else None


def _header_year(cable: Cable) -> int | None:
    """The year of the archive record's date, which dates without a year fall back on."""
    if cable.header and cable.header.date:
        m = re.search(r"\b(19\d\d)\b", cable.header.date.value)
        return int(m.group(1)) if m else None
    return None


def _slots(cable: Cable) -> dict[tuple[int, str], list[Slot]]:
    """Where the form of the cable says a name stands: stamp persons and places, distribution addressees."""
    slots: dict[tuple[int, str], list[Slot]] = {}
    title = cable.header.title if cable.header else None
    if title is not None and cable.header.title_roles is not None:
        slots[(title.line, title.value)] = [Slot(*n, "person") for n in cable.header.title_roles.names]
    for part in cable.parts:
        for block in _blocks(part.blocks):
            if block.text is None:
                continue
            key = (block.text.line, block.text.value)
            slots.setdefault(key, []).extend(Slot(*n, "person") for n in block.names)
            for s in block.stamps:
                if s.person:
                    slots.setdefault(key, []).append(Slot(*s.person, "person"))
                if s.place:
                    kind = "org" if s.type == "arrived" else "place"
                    if is_cover_designation(block.text.value[s.place[0]:s.place[1]]):
                        kind = "cover"
                    slots.setdefault(key, []).append(Slot(*s.place, kind))
            if block.distribution:
                for text, line in block.distribution.items:
                    slots.setdefault((text.line, text.value), []).append(Slot(*line.name, "name"))
    return slots


def _parallel_slots(original: Part, translation: Part) -> list:
    """Pairs of stamp slots of the same type, the n-th in the original with the n-th in the translation."""
    def slots_of(part: Part) -> dict[tuple[str, str], list]:
        found: dict[tuple[str, str], list] = {}
        for block in _blocks(part.blocks):
            if block.text is None:
                continue
            key = (block.text.line, block.text.value)
            for s in block.stamps:
                for kind, span in (("person", s.person), ("place", s.place)):
                    if span:
                        found.setdefault((s.type, kind), []).append((key, Slot(*span, kind)))
        return found

    a, b = slots_of(original), slots_of(translation)
    return [pair for k in a.keys() & b.keys() for pair in zip(a[k], b[k], strict=False)]


def _blocks(blocks: tuple[Block | Enclosure, ...]):
    for b in blocks:
        if isinstance(b, Enclosure):
            yield from _blocks(b.blocks)
        else:
            yield b
