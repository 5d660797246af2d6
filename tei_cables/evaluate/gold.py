"""The gold of one cable: what a careful editor says its TEI should say.

Two forms are read. The reference's JSON (`../shared/gold/*.json`, `sources/gold/*.json`: one object per cable,
fields as in `../shared/real/README.md`), and a TEI file an editor has corrected by hand: its correspDesc, stamps,
distribution list, names and dates are read with the exporters' reader (`export/record.py`) and become the same
fields, so a hand-corrected sample is a gold standard without writing any JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from tei_cables.errors import SourceError
from tei_cables.evaluate.names import folded
from tei_cables.export.record import CableRecord, Named, StampRecord, read_record

# Routing fields with a time, and the stamp each is read from.
TIMED = ("arrived", "deciphered", "typed")
# Routing fields naming a clerk, and the stamp each is read from.
CLERKS = {"deciphered_by": "deciphered", "typed_by": "typed"}


@dataclass(frozen=True)
class Gold:
    """The gold of one cable. A field left None is not scored (the cable does not have it), except the parties
    and the dates sent and received, whose absence is itself what the TEI must say."""

    name: str
    telegram_number: str | None = None
    from_place: tuple[str, ...] | None = None  # where a place is written in two forms, either is right
    to_place: tuple[str, ...] | None = None
    sent: str | None = None
    received: str | None = None
    sender: tuple[str, ...] = ()
    addressees: tuple[str, ...] = ()
    stamps: dict[str, str] = field(default_factory=dict)  # arrived, deciphered, typed → ISO time
    clerks: dict[str, str] = field(default_factory=dict)  # deciphered_by, typed_by → name
    distribution: tuple[tuple[str, int], ...] | None = None
    persons: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()  # day-precision dates of the running text


def load_gold(path: Path) -> Gold:
    """The gold in a JSON file or a hand-corrected TEI file; a file of neither kind is an error naming it."""
    if path.suffix.lower() == ".json":
        return _from_json(path)
    if path.suffix.lower() == ".xml":
        return gold_of_record(read_record(path), path.stem)
    raise SourceError("a gold file is .json (the reference's annotations) or .xml (a TEI file corrected by hand)",
                      path=str(path))


def _from_json(path: Path) -> Gold:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise SourceError(f"not JSON: {exc.msg}", path=str(path), line=exc.lineno) from exc
    if not isinstance(data, dict):
        raise SourceError("a gold file holds one JSON object (fields as in real/README.md)", path=str(path))

    def names(key: str) -> tuple[str, ...]:
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SourceError(f'"{key}" must be a list of names', path=str(path))
        return tuple(value)

    def place(key: str) -> tuple[str, ...] | None:
        value = data.get(key)
        return None if value is None else tuple(value) if isinstance(value, list) else (str(value),)

    distribution = data.get("distribution")
    try:
        copies = None if not distribution else tuple((str(d["name"]), int(d["copies"])) for d in distribution)
    except (KeyError, TypeError, ValueError) as exc:
        raise SourceError('"distribution" must be a list of {"name": …, "copies": N}', path=str(path)) from exc
    return Gold(
        name=path.stem, telegram_number=data.get("telegram_number") or None,
        from_place=place("from_place"), to_place=place("to_place"),
        sent=data.get("sent") or None, received=data.get("received") or None,
        sender=names("sender"), addressees=names("addressees"),
        stamps={k: str(data[k]) for k in TIMED if data.get(k)},
        clerks={k: str(data[k]) for k in CLERKS if data.get(k)},
        distribution=copies, persons=names("persons"), places=names("places"), orgs=names("organizations"),
        dates=tuple(str(d) for d in data.get("dates_in_text") or []),
    )


def gold_of_record(record: CableRecord, name: str) -> Gold:
    """The gold a hand-corrected TEI file states, in the fields of the JSON gold."""
    cable = record.cable
    stamps = {k: _minutes(s.when) for k in TIMED if (s := first_stamp(record, k)) and s.when}
    clerks = {k: s.person.name for k, t in CLERKS.items() if (s := first_stamp(record, t)) and s.person}
    names: dict[str, str] = {}
    copies: dict[str, int] = {}
    for c in record.distribution:  # lines to one addressee add up
        key = c.name.ref or c.name.name
        names.setdefault(key, c.name.name)
        copies[key] = copies.get(key, 0) + c.copies
    return Gold(
        name=name, telegram_number=record.number,
        from_place=(cable.sent.place.name,) if cable.sent.place else None,
        to_place=(cable.received.place.name,) if cable.received.place else None,
        sent=_minutes(cable.sent.when), received=_minutes(cable.received.when),
        sender=_people(cable.sent.persons), addressees=_people(cable.received.persons + cable.transmitted),
        stamps=stamps, clerks=clerks, distribution=tuple((names[k], copies[k]) for k in names) or None,
        persons=_entities(record, "person"), places=_entities(record, "place"), orgs=_entities(record, "org"),
        dates=tuple(dict.fromkeys(d.when[:10] for d in record.dates if not d.in_stamp and len(d.when) >= 10
                                  and not d.when.startswith("--"))),
    )


def first_stamp(record: CableRecord, kind: str) -> StampRecord | None:
    """The first stamp of a kind in the text, as the reference scorer reads it (an enclosed telegram's too)."""
    return next((s for s in record.stamps if s.type == kind), None)


def _minutes(when: str | None) -> str | None:
    """A time to the minute (`1950-09-30T20:35`), as the JSON gold writes it: a JSON gold has no seconds or
    offsets, and a shorter gold value is compared with the start of the value found."""
    if not when:
        return None
    return when[:16] if "T" in when else when


def _people(named: tuple[Named, ...]) -> tuple[str, ...]:
    return tuple(n.name for n in named if n.kind == "person")


def _entities(record: CableRecord, kind: str) -> tuple[str, ...]:
    """The distinct entities of a kind the file names, by the regularised name of their entry."""
    return tuple(forms[0] for forms in entity_forms(record, kind))


def entity_forms(record: CableRecord, kind: str) -> list[list[str]]:
    """The distinct entities of a kind the file names anywhere, each with all its forms, the regularised name of
    its entry first (an entity with no entry is its words; one pointer, or one spelling, is one entity)."""
    out: dict[str, list[str]] = {}
    for n in record.names:
        if n.kind != kind:
            continue
        entry = record.entries.get(n.ref) if n.ref else None
        forms = out.setdefault(n.ref if n.ref else f"text:{folded(n.text)}", [])
        if entry is not None and not forms:
            forms += [entry.name, *entry.variants]
        forms.append(n.text)
    return list(out.values())
