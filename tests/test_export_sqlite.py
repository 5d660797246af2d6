"""The SQLite export: the corpus as a database, read back with `sqlite3` (the round trip through the TEI)."""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tei_cables.errors import DataError
from tei_cables.export import FORMATS
from tei_cables.export.record import read_record
from tei_cables.export.run import Outcome, run_export
from tei_cables.export.sqlite import SCHEMA_VERSION, write

from .conftest import ROOT

ENCODED = ROOT / "encoded"
SHTYKOV = "1950-09-29_cable-600301_shtykov-to-gromyko"


def export(sources: list[Path], out: Path) -> Outcome:
    """Export TEI files or folders to the database `out`, as `tei-cables export sqlite` does."""
    return run_export(FORMATS["sqlite"], sources, out, {})


def rows(db: Path, sql: str, *params: object) -> list[tuple]:
    """The rows a query gives on a database file (opened and closed again, as any SQL client would)."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


def edited(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of Shtykov's cable with one hand edit, as a scholar makes it in an XML editor."""
    tei = (ENCODED / f"{SHTYKOV}.xml").read_text(encoding="utf-8")
    assert tei.count(old) == 1
    path = tmp_path / "tei" / f"{SHTYKOV}.xml"
    path.parent.mkdir()
    path.write_text(tei.replace(old, new), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed cables of encoded/ exported once for the tests that only read."""
    out = tmp_path_factory.mktemp("sqlite") / "cables.sqlite"
    outcome = export([ENCODED], out)
    assert outcome.errors == []
    assert outcome.exported == len(list(ENCODED.glob("*.xml")))
    return out


def test_a_cable_is_one_row_with_its_numbers_times_and_copies(corpus: Path) -> None:
    (row,) = rows(corpus, "SELECT number, sender_number, sent, received, arrived, deciphered, typed, copies, "
                          "copies_stated, archive, url FROM cables WHERE id = ?", SHTYKOV)
    assert row == ("600301/sh", "1340", "1950-09-29T20:23:00+09:00", "1950-09-30T14:45:00+03:00",
                   "1950-09-30T14:50:00", "1950-09-30T15:50:00", "1950-09-30T16:55:00", 12, 12,
                   "APRF, fond 45, opis 1, delo 347, listy 46-49",
                   "https://wilson-center.drivingcreative.com/document/112688")


def test_the_sender_is_a_correspondent_linked_to_the_register_entity(corpus: Path) -> None:
    found = rows(corpus, "SELECT c.role, c.entity, e.name FROM correspondents c JOIN entities e ON e.id = c.entity "
                         "WHERE c.cable = ? AND c.letter = 0 ORDER BY c.role, c.position", SHTYKOV)
    assert found == [("received", "pers_gromyko", "Andrei Gromyko"), ("received", "pers_stalin", "Joseph Stalin"),
                     ("sent", "pers_shtykov", "Terentii Shtykov")]


def test_the_distribution_list_keeps_its_order_names_and_copies(corpus: Path) -> None:
    found = rows(corpus, "SELECT name, entity, copies FROM distribution WHERE cable = ? ORDER BY position", SHTYKOV)
    assert found[:2] == [("Joseph Stalin", "pers_stalin", 2), ("Vyacheslav Molotov", "pers_molotov", 1)]
    assert found[-1] == ("on file", None, 1)  # a copy line without a register entry keeps its words
    assert sum(copies for *_, copies in found) == 12


def test_stamps_keep_their_words_time_and_person(corpus: Path) -> None:
    found = rows(corpus, 'SELECT text, "when", person, person_name FROM stamps WHERE cable = ? AND type = ?',
                 SHTYKOV, "deciphered")
    assert found == [("Deciphered by Vakushin on 09/30/50 at 15:50 p.m", "1950-09-30T15:50:00",
                      f"{SHTYKOV}#pers_local_vakushin", "Vakushin")]


def test_the_full_text_index_finds_a_word_of_a_cable(corpus: Path) -> None:
    found = rows(corpus, "SELECT id FROM cables_fts WHERE cables_fts MATCH ?", "paratroopers")
    assert found == [(SHTYKOV,)]


def test_the_full_text_index_folds_accents(corpus: Path) -> None:
    """`PAK HÒN-YÒNG` is found by typing `hon`, as a reader without the diacritics would."""
    assert (SHTYKOV,) in rows(corpus, "SELECT id FROM cables_fts WHERE cables_fts MATCH ?", "hon")


def test_stalins_entity_joins_to_every_cable_that_mentions_him(corpus: Path) -> None:
    found = rows(corpus, "SELECT DISTINCT c.id FROM entities e JOIN mentions m ON m.entity = e.id "
                         "JOIN cables c ON c.id = m.cable WHERE e.name = 'Joseph Stalin' ORDER BY c.id")
    assert found == [(p.stem,) for p in sorted(ENCODED.glob("*.xml"))]


def test_a_register_entity_is_one_row_with_the_variants_of_every_cable(corpus: Path) -> None:
    (row,) = rows(corpus, "SELECT kind, name, variants, same_as, linked, cable FROM entities WHERE id = 'pers_beria'")
    kind, name, variants, same_as, linked, cable = row
    assert (kind, name, same_as, linked, cable) == ("person", "Lavrentiy Beria", "register:pers_beria", 1, None)
    assert json.loads(variants) == ["Beria", "БЕРИЯ"]  # English cables first, then the Russian original's


def test_an_entity_keeps_its_wikidata_identifier(corpus: Path) -> None:
    assert rows(corpus, "SELECT wikidata FROM entities WHERE id = 'pers_mao_zedong'") == [("Q5816",)]


def test_a_local_entity_is_keyed_by_its_cable(corpus: Path) -> None:
    """A name not in the register means something only in its own file, so its id carries the cable's."""
    found = rows(corpus, "SELECT id, linked FROM entities WHERE cable = ? AND name = 'Vakushin'", SHTYKOV)
    assert found == [(f"{SHTYKOV}#pers_local_vakushin", 0)]


def test_enclosed_letters_have_their_own_correspondence(corpus: Path) -> None:
    found = rows(corpus, "SELECT l.sent, c.name FROM letters l JOIN correspondents c "
                         "ON c.cable = l.cable AND c.letter = l.letter AND c.role = 'sent' "
                         "WHERE l.cable = '1950-09-30_cable-600308_english' AND l.letter = 1 ORDER BY c.position")
    assert found == [("1950-09-29", "Kim Il Sung"), ("1950-09-29", "Pak Heon-yeong")]


def test_the_database_declares_its_schema_version_and_keeps_its_foreign_keys(corpus: Path) -> None:
    assert rows(corpus, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert ("cables", "cable", "id") in [(t, f, to) for _, _, t, f, to, *_ in rows(
        corpus, "PRAGMA foreign_key_list(mentions)")]
    assert rows(corpus, "PRAGMA foreign_key_check") == []
    assert "mentions_entity" in [name for _, name, *_ in rows(corpus, "PRAGMA index_list(mentions)")]


def test_the_blocks_of_a_cable_are_its_text_in_reading_order(corpus: Path) -> None:
    found = rows(corpus, "SELECT kind, text FROM blocks WHERE cable = ? ORDER BY position", SHTYKOV)
    assert found[0] == ("stamp", "CIPHERED TELEGRAM # 600301/sh")
    assert ("signed", "S H T Y K O V") in found


def test_a_hand_edited_stamp_time_exports_as_edited(tmp_path: Path) -> None:
    path = edited(tmp_path, '<date when="1950-09-30T15:50:00">', '<date when="1950-09-30T15:55:00">')
    out = tmp_path / "cables.sqlite"
    export([path], out)
    assert rows(out, "SELECT deciphered FROM cables") == [("1950-09-30T15:55:00",)]
    assert rows(out, "SELECT \"when\" FROM stamps WHERE type = 'deciphered'") == [("1950-09-30T15:55:00",)]


def test_a_hand_edited_name_exports_as_edited(tmp_path: Path) -> None:
    path = edited(tmp_path, '<persName type="regularised">Vakushin</persName>',
                  '<persName type="regularised">A. Vakushin</persName>')
    out = tmp_path / "cables.sqlite"
    export([path], out)
    assert rows(out, "SELECT person_name FROM stamps WHERE type = 'deciphered'") == [("A. Vakushin",)]


def test_an_unreadable_file_is_reported_and_the_others_still_export(tmp_path: Path) -> None:
    sources = tmp_path / "tei"
    sources.mkdir()
    good = sorted(ENCODED.glob("*.xml"))[:2]
    for path in good:
        shutil.copy(path, sources)
    (sources / "broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>", encoding="utf-8")
    out = tmp_path / "cables.sqlite"
    outcome = export([sources], out)
    assert [(path.name, "broken.xml" in message) for path, message in outcome.errors] == [("broken.xml", True)]
    assert rows(out, "SELECT id FROM cables ORDER BY id") == [(p.stem,) for p in good]
    assert rows(out, "SELECT count(*) FROM cables_fts") == [(2,)]
    assert rows(out, "SELECT count(DISTINCT cable) FROM blocks") == [(2,)]
    assert rows(out, "PRAGMA integrity_check") == [("ok",)]


def test_a_second_export_replaces_the_database_whole(tmp_path: Path) -> None:
    out = tmp_path / "cables.sqlite"
    export([ENCODED], out)
    export([ENCODED / f"{SHTYKOV}.xml"], out)
    assert rows(out, "SELECT id FROM cables") == [(SHTYKOV,)]
    assert rows(out, "SELECT DISTINCT cable FROM mentions") == [(SHTYKOV,)]
    assert rows(out, "SELECT count(*) FROM cables_fts") == [(1,)]
    assert rows(out, "SELECT count(*) FROM entities WHERE cable IS NOT NULL AND cable != ?", SHTYKOV) == [(0,)]
    assert rows(out, "SELECT count(*) FROM entities WHERE variants LIKE '%БЕРИЯ%'") == [(0,)]  # the Russian cable's
    assert [p.name for p in tmp_path.iterdir()] == ["cables.sqlite"]  # no temporary or journal file left


def test_a_second_file_of_the_same_name_is_reported_and_the_first_exported(tmp_path: Path) -> None:
    """A cable's id is its file name: two files of one name cannot both be rows, and neither replaces the other."""
    copy = tmp_path / "again" / f"{SHTYKOV}.xml"
    copy.parent.mkdir()
    shutil.copy(ENCODED / f"{SHTYKOV}.xml", copy)
    out = tmp_path / "cables.sqlite"
    outcome = export([ENCODED / f"{SHTYKOV}.xml", copy], out)
    assert [path for path, _ in outcome.errors] == [copy]
    assert rows(out, "SELECT id, file FROM cables") == [(SHTYKOV, f"{SHTYKOV}.xml")]


def test_write_refuses_two_records_of_one_id(tmp_path: Path) -> None:
    """Called without the runner, the format still never lets a second cable of an id merge into the first."""
    record = read_record(ENCODED / f"{SHTYKOV}.xml")
    with pytest.raises(DataError, match="two files give the cable id"):
        write(iter([record, record]), tmp_path / "cables.sqlite", {})


def test_a_stamp_inside_an_enclosure_is_marked_as_the_enclosures(corpus: Path) -> None:
    """The Russian original quotes its translation's stamps inside the enclosure: kept, but not the cable's own."""
    found = rows(corpus, "SELECT cable, sum(enclosure) > 0 FROM stamps GROUP BY cable ORDER BY cable")
    assert ("1950-09-30_cable-600308_russian-english", 1) in found
    assert (SHTYKOV, 0) in found


def test_two_exports_of_the_same_files_hold_the_same_rows(corpus: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite"
    export([ENCODED], again)
    for table in ("cables", "entities", "letters", "correspondents", "stamps", "distribution", "mentions", "blocks"):
        assert rows(again, f"SELECT * FROM {table}") == rows(corpus, f"SELECT * FROM {table}"), table
