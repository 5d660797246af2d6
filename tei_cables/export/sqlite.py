"""SQLite: the corpus as one database with a full-text index, for Datasette or any SQL client.

Tables (`PRAGMA user_version` is the schema version, `SCHEMA_VERSION`):

- `cables`: one row per cable (`id` is the file's stem): its numbers, the times its cipher form records (sent and
  received from the correspondence, arrived, deciphered and typed from the stamps, ISO 8601 as the TEI has them),
  urgency and classification (the words of the cable's own stamps, not those of a telegram it encloses), the
  copies its distribution list gives out and the total the list states, the archive's reference and the URL.
- `letters`: the correspondence of the cable (`letter` 0) and of each letter it encloses (1, 2, …): dates, places.
- `correspondents`: who sent, received or transmitted each letter, in the order the TEI names them.
- `stamps`, `distribution`, `mentions`, `blocks`: the routing stamps (`enclosure` 1 for a stamp of an enclosed
  telegram), the distribution list, the names in the text and the text block by block (`enclosure` 1 inside an
  enclosure), each with its `position` in document order.
- `entities`: the register entries the cables name. An entry of the project's register (`sameAs="register:ID"`)
  is one row keyed by its register id (`pers_stalin`) however many cables name it; its variants are merged across
  cables, the rest is taken from the first cable that names it. An entry local to one file (not in the register,
  so `pers_local_vakushin` of one cable need not be the person of that id in another) is keyed `CABLE#ID` and
  carries its cable in `cable`.
- `cables_fts`: an FTS5 index of each cable's id (not indexed), title and text, accents folded. For Datasette's
  search box on `cables`, give it `"fts_table": "cables_fts", "fts_pk": "id"` in its metadata.

Foreign keys are declared (`PRAGMA foreign_keys=ON` to have SQLite enforce them; the export checks them before it
finishes) and the join columns are indexed. Rows go in in the order of the files and, within a cable, in document
order, so two exports of the same files hold the same rows.

Left out: the TEI markup inside a block (a block is its words), identifiers other than Wikidata and GeoNames, an
entry's type, dates and description, the `cert` and evidence of inferred values, and the header's notes.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from tei_cables.errors import DataError
from tei_cables.export.record import Action, CableRecord, Entry, Letter, Named

SCHEMA_VERSION = 1
_REGISTER = "register:"

SCHEMA = """
CREATE TABLE cables (
    id TEXT PRIMARY KEY,
    file TEXT NOT NULL,
    title TEXT NOT NULL,
    number TEXT,
    sender_number TEXT,
    languages TEXT NOT NULL,
    sent TEXT,
    received TEXT,
    arrived TEXT,
    deciphered TEXT,
    typed TEXT,
    urgency TEXT,
    classification TEXT,
    copies INTEGER NOT NULL,
    copies_stated INTEGER,
    archive TEXT,
    url TEXT
);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    variants TEXT NOT NULL,
    wikidata TEXT,
    geonames TEXT,
    same_as TEXT,
    linked INTEGER NOT NULL,
    cable TEXT REFERENCES cables(id)
);
CREATE TABLE letters (
    cable TEXT NOT NULL REFERENCES cables(id),
    letter INTEGER NOT NULL,
    corresp TEXT,
    sent TEXT,
    sent_place TEXT,
    sent_place_entity TEXT REFERENCES entities(id),
    received TEXT,
    received_place TEXT,
    received_place_entity TEXT REFERENCES entities(id),
    PRIMARY KEY (cable, letter)
);
CREATE TABLE correspondents (
    cable TEXT NOT NULL REFERENCES cables(id),
    letter INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('sent', 'received', 'transmitted')),
    position INTEGER NOT NULL,
    entity TEXT REFERENCES entities(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (cable, letter, role, position),
    FOREIGN KEY (cable, letter) REFERENCES letters(cable, letter)
);
CREATE TABLE stamps (
    cable TEXT NOT NULL REFERENCES cables(id),
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    "when" TEXT,
    person TEXT REFERENCES entities(id),
    person_name TEXT,
    enclosure INTEGER NOT NULL,
    PRIMARY KEY (cable, position)
);
CREATE TABLE distribution (
    cable TEXT NOT NULL REFERENCES cables(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    entity TEXT REFERENCES entities(id),
    copies INTEGER NOT NULL,
    PRIMARY KEY (cable, position)
);
CREATE TABLE mentions (
    cable TEXT NOT NULL REFERENCES cables(id),
    position INTEGER NOT NULL,
    entity TEXT REFERENCES entities(id),
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (cable, position)
);
CREATE TABLE blocks (
    cable TEXT NOT NULL REFERENCES cables(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    subtype TEXT,
    text TEXT NOT NULL,
    enclosure INTEGER NOT NULL,
    PRIMARY KEY (cable, position)
);
CREATE VIRTUAL TABLE cables_fts USING fts5(id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2');
CREATE INDEX entities_cable ON entities(cable);
CREATE INDEX letters_sent_place ON letters(sent_place_entity);
CREATE INDEX letters_received_place ON letters(received_place_entity);
CREATE INDEX correspondents_entity ON correspondents(entity);
CREATE INDEX stamps_person ON stamps(person);
CREATE INDEX distribution_entity ON distribution(entity);
CREATE INDEX mentions_entity ON mentions(entity);
"""
# The `cable` column of every other table is indexed by that table's primary key, which starts with it.


def write(records: Iterator[CableRecord], path: Path, options: dict[str, str]) -> None:
    """Write the corpus into a new database at `path`, one cable at a time, in one transaction.

    `path` is the runner's temporary file (empty), renamed over OUT once this returns: the database is built in
    one transaction and closed before then, so OUT never holds a half-written database.
    """
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        _create(db)
        db.execute("BEGIN")
        for record in records:
            _insert(db, record)
        _check(db)
        db.execute("INSERT INTO cables_fts(cables_fts) VALUES ('optimize')")
        db.execute("COMMIT")


def _create(db: sqlite3.Connection) -> None:
    """Create the tables. The file is new, but an empty file from the runner is a valid empty database;
    the journal is kept off disk since a failed export throws the whole file away anyway."""
    db.execute("PRAGMA journal_mode = MEMORY")
    db.execute("PRAGMA synchronous = OFF")
    db.executescript(SCHEMA)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _insert(db: sqlite3.Connection, record: CableRecord) -> None:
    """Insert one cable: its row first (the others refer to it), then its entities, then what refers to them."""
    _insert_cable(db, record)
    keys = {ref: _entity_key(record, entry) for ref, entry in record.entries.items()}
    for ref, entry in record.entries.items():
        _upsert_entity(db, keys[ref], entry, record)
    for index, letter in enumerate((record.cable, *record.letters)):
        _insert_letter(db, record.id, index, letter, keys)
    db.executemany("INSERT INTO stamps VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (
        (record.id, i, s.type, s.text, s.when, _key(s.person, keys), s.person.name if s.person else None,
         int(s.enclosure)) for i, s in enumerate(record.stamps)))
    db.executemany("INSERT INTO distribution VALUES (?, ?, ?, ?, ?)", (
        (record.id, i, c.name.name, _key(c.name, keys), c.copies) for i, c in enumerate(record.distribution)))
    db.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?)", (
        (record.id, i, keys.get(m.entity), m.kind, m.text) for i, m in enumerate(record.mentions)))
    db.executemany("INSERT INTO blocks VALUES (?, ?, ?, ?, ?, ?)", (
        (record.id, i, b.kind, b.subtype, b.text, int(b.enclosure)) for i, b in enumerate(record.blocks)))
    db.execute("INSERT INTO cables_fts (id, title, text) VALUES (?, ?, ?)", (record.id, record.title, record.text))


def _insert_cable(db: sqlite3.Connection, record: CableRecord) -> None:
    """The cable's row. Two files with the same stem would be the same cable to every query; the runner reports
    the second as an error before it gets here, and a caller that does not is stopped (OUT left as it was)."""
    found = db.execute("SELECT file FROM cables WHERE id = ?", (record.id,)).fetchone()
    if found:
        raise DataError(f"two files give the cable id {record.id!r} ({found[0]} and this one); export them "
                        f"separately or rename one", path=record.file)
    db.execute("INSERT INTO cables VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (
        record.id, record.file, record.title, record.number, record.sender_number, " ".join(record.languages),
        record.cable.sent.when, record.cable.received.when, _stamp_when(record, "arrived"),
        _stamp_when(record, "deciphered"), _stamp_when(record, "typed"), _stamp_text(record, "urgency"),
        _stamp_text(record, "classification"), record.copies, record.copies_stated, record.archive, record.url))


def _stamp_when(record: CableRecord, stamp_type: str) -> str | None:
    """The time of a cable's first stamp of a type (the cipher form's; a translation repeats it after)."""
    stamp = record.stamp(stamp_type)
    return stamp.when if stamp else None


def _stamp_text(record: CableRecord, stamp_type: str) -> str | None:
    """The words of a cable's first stamp of a type: urgency and classification are words, not codes."""
    stamp = record.stamp(stamp_type)
    return stamp.text if stamp else None


def _entity_key(record: CableRecord, entry: Entry) -> str:
    """The entity's id in the database: the register's id where the entry is the register's (the same in every
    cable), else the cable's id and the entry's (a local id means something only in its own file)."""
    if entry.same_as and entry.same_as.startswith(_REGISTER):
        return entry.same_as[len(_REGISTER):]
    return f"{record.id}#{entry.id}"


def _key(named: Named | None, keys: dict[str, str]) -> str | None:
    """The entity key of a name the cable links to its register, None for a name left unlinked."""
    return keys.get(named.ref) if named is not None and named.ref else None


def _upsert_entity(db: sqlite3.Connection, key: str, entry: Entry, record: CableRecord) -> None:
    """Insert an entity, or merge a register entry already met in an earlier cable: the variants each cable
    attests are added in order, an identifier the earlier cable lacked is filled in, the rest stays first-met."""
    authority = dict(entry.authority)
    found = db.execute("SELECT variants FROM entities WHERE id = ?", (key,)).fetchone()
    if found is None:
        local = key.startswith(f"{record.id}#")
        db.execute("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (
            key, entry.kind, entry.name, _json(_unique(entry.variants)), authority.get("wikidata"),
            authority.get("geonames"), entry.same_as, int(entry.linked), record.id if local else None))
        return
    variants = _unique((*json.loads(found[0]), *entry.variants))
    db.execute("UPDATE entities SET variants = ?, wikidata = coalesce(wikidata, ?), geonames = coalesce(geonames, ?) "
               "WHERE id = ?", (_json(variants), authority.get("wikidata"), authority.get("geonames"), key))


def _insert_letter(db: sqlite3.Connection, cable: str, index: int, letter: Letter, keys: dict[str, str]) -> None:
    """One letter's dates and places, and its correspondents by role in the order the TEI names them."""
    sent, received = letter.sent, letter.received
    db.execute("INSERT INTO letters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (
        cable, index, letter.corresp, sent.when, *_place(sent, keys), received.when, *_place(received, keys)))
    for role, persons in (("sent", sent.persons), ("received", received.persons),
                          ("transmitted", letter.transmitted)):
        db.executemany("INSERT INTO correspondents VALUES (?, ?, ?, ?, ?, ?, ?)", (
            (cable, index, role, i, _key(p, keys), p.name, p.kind) for i, p in enumerate(persons)))


def _place(action: Action, keys: dict[str, str]) -> tuple[str | None, str | None]:
    """A correspAction's place as its name and entity key (both None where the action names no place)."""
    if action.place is None:
        return None, None
    return action.place.name, _key(action.place, keys)


def _check(db: sqlite3.Connection) -> None:
    """Fail the export, rather than ship it, if a row refers to something the database lacks: a reader joining
    on these keys would silently lose rows."""
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise DataError(f"sqlite export: {len(broken)} row(s) refer to missing rows, first {table} row {rowid} "
                        f"→ {parent}")


def _unique(values: Iterable[str]) -> list[str]:
    """Values without repeats, first occurrence first (the order the cables attest them)."""
    return list(dict.fromkeys(values))


def _json(values: list[str]) -> str:
    """A JSON array as SQLite's JSON functions and Datasette read it; non-ASCII kept as written (Cyrillic)."""
    return json.dumps(values, ensure_ascii=False)


__all__ = ["SCHEMA_VERSION", "write"]
