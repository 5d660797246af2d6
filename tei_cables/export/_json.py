"""JSON: one document per cable, for scripts, notebooks and web pages that do not want to parse TEI.

Each document has the cable's header (id, file, title, telegram number, sender's number, languages, archive
reference, URL), its routing (sender, addressees, intermediaries, places, sent and received dates, and the times,
words and persons of the sent, received, arrived, deciphered and typed stamps, with the urgency and classification
stamps' words), the correspondence of each letter it encloses, the distribution list (name, entry id and copies of
each item, the copies they add up to and the total the list states), every entry of the file's register (id, kind,
name, variants, identifiers in other authorities, `sameAs`, whether the project's register has it), the names in
the text in document order, and the text as blocks in reading order with their kind.

Dates are kept as the TEI's `@when` writes them (ISO 8601, to the second and with the offset where the cable gives
one); they are not normalised to UTC. What the format drops: the markup inside a block (a block is its words, so a
note or a gloss is read into its paragraph's text and line breaks are gone), the stamps other than the five timed
ones and urgency and classification (their words are still in `text`, as blocks of kind `stamp` with the stamp's
type as `subtype`), a second stamp of the same type (the first is kept), a second identifier from the same
authority for one entry, `@cert` and `@evidence` of inferred values, the register's descriptions, birth and death
dates, and the editorial declarations of the header.

The document's shape is `cable.schema.json` beside this module (JSON Schema draft 2020-12), shipped with the
package; `schema()` loads it. Output is deterministic: keys sorted, lists in the cable's order (entities by id),
UTF-8 without escapes, indented by two, ending in a newline, so an export under version control diffs cleanly.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from tei_cables.export.record import Action, CableRecord, CopyRecord, Entry, Letter, Named, StampRecord

FORMAT = "tei_cables/cable.json/1"  # bumped when a consumer would have to change how it reads a document
SCHEMA_FILE = "cable.schema.json"
# The stamps that time a cable's way from the sender's cipher office to the typed copy, in that order.
TIMED_STAMPS = ("sent", "received", "arrived", "deciphered", "typed")

Json = dict[str, Any]


def render(record: CableRecord, options: dict[str, str]) -> bytes:
    """The cable's JSON document as UTF-8 bytes (the per-cable entry point `run_export` calls)."""
    return dumps(document(record))


def dumps(doc: Json) -> bytes:
    """Serialise deterministically: sorted keys and a fixed layout, so the same cable always gives the same bytes
    and a re-export shows up in a diff only where the TEI changed."""
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def schema() -> Json:
    """The JSON Schema of the documents, read from the package (it ships beside this module)."""
    return json.loads(resources.files("tei_cables.export").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


def document(record: CableRecord) -> Json:
    """The whole document of one cable, as plain dicts and lists."""
    return {
        "format": FORMAT,
        "header": _header(record),
        "routing": _routing(record),
        "letters": [_letter(letter) for letter in record.letters],
        "distribution": _distribution(record),
        "entities": [_entity(entry) for _, entry in sorted(record.entries.items())],
        "mentions": [{"entity": m.entity, "kind": m.kind, "text": m.text} for m in record.mentions],
        "text": [{"kind": b.kind, "text": b.text, "enclosure": b.enclosure, "subtype": b.subtype}
                 for b in record.blocks],
    }


def _header(record: CableRecord) -> Json:
    """What identifies the cable and where it comes from; a missing (or empty) value is null, not left out, so a
    consumer reads every key without checking for it."""
    return {
        "id": record.id,
        "file": record.file,
        "title": record.title or record.id,
        "number": record.number or None,
        "senderNumber": record.sender_number or None,
        "languages": list(record.languages),
        "archive": record.archive or None,
        "url": record.url or None,
    }


def _routing(record: CableRecord) -> Json:
    """The cable's own correspondence plus what only its stamps say: the time of each step and who did it,
    and how urgent and how secret it was."""
    return {
        **_correspondence(record.cable),
        "stamps": {kind: _stamp(record.stamp(kind)) for kind in TIMED_STAMPS},
        "urgency": _stamp_words(record.stamp("urgency")),
        "classification": _stamp_words(record.stamp("classification")),
    }


def _letter(letter: Letter) -> Json:
    """An enclosed letter's correspondence, with the ids of its parts in the text (a letter given in two
    languages has two) so a consumer can find its blocks."""
    return {
        **_correspondence(letter),
        "corresp": [ref.lstrip("#") for ref in (letter.corresp or "").split()],
    }


def _correspondence(letter: Letter) -> Json:
    """Who wrote to whom, through whom, from where to where and when: the same keys for the cable and for each
    enclosed letter, so one piece of code reads both."""
    return {
        "sender": _persons(letter.sent),
        "addressees": _persons(letter.received),
        "intermediaries": [_named(n) for n in letter.transmitted],
        "origin": _named(letter.sent.place) if letter.sent.place else None,
        "destination": _named(letter.received.place) if letter.received.place else None,
        "sent": letter.sent.when,
        "received": letter.received.when,
    }


def _persons(action: Action) -> list[Json]:
    """The persons (and organisations) of one side of a correspondence, in the order the TEI gives them."""
    return [_named(n) for n in action.persons]


def _named(named: Named) -> Json:
    """A name with the id of its entry in `entities` (null for a name the file does not link), so the entry's
    authority identifiers are one lookup away."""
    return {"id": named.ref, "name": named.name, "kind": named.kind}


def _stamp(stamp: StampRecord | None) -> Json | None:
    """A timed stamp: its time as the TEI normalised it, its words as written (the time as the clerk wrote it,
    for checking), and the clerk it names."""
    if stamp is None:
        return None
    return {"when": stamp.when, "text": stamp.text, "person": _named(stamp.person) if stamp.person else None}


def _stamp_words(stamp: StampRecord | None) -> str | None:
    """An untimed stamp (urgency, classification) is its words: the vocabulary differs by archive and language,
    so the words are kept rather than mapped to a code list that would lose some."""
    return stamp.text or None if stamp else None


def _distribution(record: CableRecord) -> Json:
    """The distribution list, with both the copies its items add up to and the total it states: they differ
    when the source's own count is wrong or an item was not transcribed, and that is worth seeing."""
    return {
        "items": [_copy(c) for c in record.distribution],
        "copies": record.copies,
        "copiesStated": record.copies_stated,
    }


def _copy(item: CopyRecord) -> Json:
    """One item of a distribution list: who (or what: `on file`) got copies, and how many."""
    return {**_named(item.name), "copies": item.copies}


def _entity(entry: Entry) -> Json:
    """A register entry of the file. Identifiers in other authorities become an object by authority
    (`{"wikidata": "Q855"}`) because that is how they are looked up; a second one from the same authority is
    dropped (the first is kept), which the module docstring lists among what the format drops."""
    ids: dict[str, str] = {}
    for authority, value in entry.authority:
        ids.setdefault(authority, value)
    return {
        "id": entry.id,
        "kind": entry.kind,
        "name": entry.name,
        "variants": list(entry.variants),
        "ids": ids,
        "sameAs": entry.same_as,
        "linked": entry.linked,
    }
