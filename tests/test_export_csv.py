"""CSV: one row per cable for spreadsheets; correspSearch's columns with --profile correspsearch."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tei_cables.export import FORMATS
from tei_cables.export.run import run_export

from .conftest import ROOT

CABLE = "1950-09-29_cable-600301_shtykov-to-gromyko.xml"


def rows(tmp_path: Path, sources: list[Path], **options: str) -> list[dict[str, str]]:
    out = tmp_path / "cables.csv"
    run_export(FORMATS["csv"], sources, out, options)
    with out.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def cable(tmp_path: Path) -> dict[str, str]:
    return next(r for r in rows(tmp_path, [ROOT / "encoded"]) if r["file"] == CABLE)


def test_one_row_per_cable(tmp_path: Path):
    assert len(rows(tmp_path, [ROOT / "encoded"])) == 5


def test_the_routing_of_a_cable(cable):
    assert cable["number"] == "600301/sh"
    assert cable["sender"] == "Terentii Shtykov"
    assert cable["addressees"] == "Andrei Gromyko | Joseph Stalin"
    assert (cable["from_place"], cable["to_place"]) == ("Pyongyang", "Moscow")


def test_stamp_times_are_iso(cable):
    assert cable["sent"] == "1950-09-29T20:23:00+09:00"
    assert cable["deciphered"] == "1950-09-30T15:50:00"


def test_copies_given_and_stated(cable):
    assert (cable["copies"], cable["copies_stated"]) == ("12", "12")


def test_the_archive_reference(cable):
    assert cable["archive"] == "APRF, fond 45, opis 1, delo 347, listy 46-49"


def test_correspsearch_profile_has_its_columns_and_authority_uris(tmp_path: Path):
    found = rows(tmp_path, [ROOT / "encoded" / CABLE], profile="correspsearch")
    assert list(found[0]) == ["sender", "senderID", "senderPlace", "senderPlaceID", "senderDate", "addressee",
                              "addresseeID", "addresseePlace", "addresseePlaceID", "addresseeDate", "edition", "key"]
    assert found[0]["addresseeID"].split(" | ")[1] == "http://www.wikidata.org/entity/Q855"
    assert found[0]["senderDate"] == "1950-09-29"


def test_a_hand_correction_of_the_tei_shows_in_the_export(tmp_path: Path):
    edited = (ROOT / "encoded" / CABLE).read_text(encoding="utf-8").replace(
        "Terentii Shtykov</persName>", "T. F. Shtykov</persName>")
    (tmp_path / CABLE).write_text(edited, encoding="utf-8")
    assert rows(tmp_path, [tmp_path / CABLE])[0]["sender"] == "T. F. Shtykov"


def test_an_unreadable_file_is_reported_and_the_others_still_export(tmp_path: Path):
    import shutil

    shutil.copy(ROOT / "encoded" / CABLE, tmp_path / CABLE)
    (tmp_path / "broken.xml").write_bytes(b"\x00\x01 not xml")
    outcome = run_export(FORMATS["csv"], [tmp_path], tmp_path / "out" / "c.csv", {})
    assert [p.name for p, _ in outcome.errors] == ["broken.xml"]
    with (tmp_path / "out" / "c.csv").open(encoding="utf-8", newline="") as fh:
        assert [r["number"] for r in csv.DictReader(fh)] == ["600301/sh"]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["c.csv"]
