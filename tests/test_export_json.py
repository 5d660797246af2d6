"""The JSON export: one document per cable, read from the TEI as written, valid against the schema it ships."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from tei_cables.export import FORMATS
from tei_cables.export._json import document, render, schema
from tei_cables.export.record import read_record
from tei_cables.export.run import Outcome, run_export

from .conftest import ROOT

ENCODED = ROOT / "encoded"
SHTYKOV = "1950-09-29_cable-600301_shtykov-to-gromyko"  # a cable with a full set of stamps and a distribution list
LETTER = "1950-09-30_cable-600308_russian-english"  # a cable enclosing a letter, given in Russian and in English
TEI = {"t": "http://www.tei-c.org/ns/1.0"}


def export(folder: Path, out: Path) -> Outcome:
    """Export a folder of TEI files to JSON as `tei-cables export --format json` does."""
    return run_export(FORMATS["json"], [folder], out, {})


def load(out: Path, cable: str) -> dict:
    return json.loads((out / f"{cable}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed encoded/ folder, exported once for the tests that only read the result."""
    out = tmp_path_factory.mktemp("json")
    outcome = export(ENCODED, out)
    assert outcome.errors == []
    return out


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def ids(names: list[dict]) -> list[str | None]:
    return [n["id"] for n in names]


# --- what a document says -------------------------------------------------------------------------------------


def test_one_document_per_cable_named_after_its_tei_file(exported: Path) -> None:
    assert sorted(p.stem for p in exported.glob("*.json")) == sorted(p.stem for p in ENCODED.glob("*.xml"))
    assert not list(exported.glob(".*"))  # no temporary file left behind


def test_header_carries_the_telegram_number_the_senders_number_and_the_archive(exported: Path) -> None:
    header = load(exported, SHTYKOV)["header"]
    assert header["id"] == SHTYKOV
    assert header["file"] == f"{SHTYKOV}.xml"
    assert header["number"] == "600301/sh"
    assert header["senderNumber"] == "1340"
    assert header["languages"] == ["en"]
    assert header["archive"] == "APRF, fond 45, opis 1, delo 347, listy 46-49"
    assert header["url"] == "https://wilson-center.drivingcreative.com/document/112688"


def test_routing_names_the_sender_and_the_addressees_by_their_register_ids(exported: Path) -> None:
    routing = load(exported, SHTYKOV)["routing"]
    assert routing["sender"] == [{"id": "pers_shtykov", "name": "Terentii Shtykov", "kind": "person"}]
    assert ids(routing["addressees"]) == ["pers_gromyko", "pers_stalin"]
    assert routing["origin"]["id"] == "place_pyongyang"
    assert routing["destination"]["id"] == "place_moscow"
    assert routing["intermediaries"] == []


def test_sent_and_received_keep_the_time_of_day_and_the_offset(exported: Path) -> None:
    routing = load(exported, SHTYKOV)["routing"]
    assert routing["sent"] == "1950-09-29T20:23:00+09:00"  # Pyongyang time
    assert routing["received"] == "1950-09-30T14:45:00+03:00"  # Moscow time


def test_each_step_of_the_cipher_office_has_its_stamps_time_words_and_clerk(exported: Path) -> None:
    stamps = load(exported, SHTYKOV)["routing"]["stamps"]
    assert stamps["arrived"]["when"] == "1950-09-30T14:50:00"
    assert stamps["deciphered"] == {
        "when": "1950-09-30T15:50:00",
        "text": "Deciphered by Vakushin on 09/30/50 at 15:50 p.m",
        "person": {"id": "pers_local_vakushin", "name": "Vakushin", "kind": "person"},
    }
    assert stamps["typed"]["person"]["name"] == "Lobyseva"


def test_a_missing_stamp_is_null_not_left_out(exported: Path) -> None:
    routing = load(exported, "1952-07-17_cable-502597_razuvaev")["routing"]
    assert routing["stamps"]["deciphered"] is None
    assert routing["stamps"]["typed"] is None
    assert routing["classification"] is None


def test_urgency_and_classification_are_the_stamps_words(exported: Path) -> None:
    routing = load(exported, LETTER)["routing"]
    assert routing["urgency"] == "Весьма срочная"  # the first urgency stamp: the Russian form
    assert routing["classification"] == "НЕ СЕКРЕТНО"


def test_enclosed_letters_have_their_own_correspondence_and_their_parts_ids(exported: Path) -> None:
    letters = load(exported, LETTER)["letters"]
    assert len(letters) == 1
    letter = letters[0]
    assert ids(letter["sender"]) == ["pers_kim_il_sung", "pers_pak_heon_yeong"]
    assert ids(letter["addressees"]) == ["pers_stalin"]
    assert letter["sent"] == "1950-09-29"
    assert letter["corresp"] == ["enc_1_1", "enc_2_1"]  # the letter in Russian, and in English


def test_distribution_lists_every_item_with_its_copies_and_the_stated_total(exported: Path) -> None:
    distribution = load(exported, SHTYKOV)["distribution"]
    items = distribution["items"]
    assert items[0] == {"id": "pers_stalin", "name": "Joseph Stalin", "kind": "person", "copies": 2}
    assert items[-1] == {"id": None, "name": "on file", "kind": "name", "copies": 1}  # not a register entry
    assert len(items) == 11
    assert distribution["copies"] == 12
    assert distribution["copiesStated"] == 12


def test_entities_carry_variants_external_ids_and_the_register_link(exported: Path) -> None:
    entities = {e["id"]: e for e in load(exported, SHTYKOV)["entities"]}
    stalin = entities["pers_stalin"]
    assert stalin["name"] == "Joseph Stalin"
    assert "Instantsia" in stalin["variants"]  # the cover name the cable uses
    assert stalin["ids"] == {"wikidata": "Q855"}
    assert stalin["sameAs"] == "register:pers_stalin"
    assert stalin["linked"] is True
    assert entities["pers_local_vakushin"]["linked"] is False  # recognised in this cable, not in the register
    assert entities["pers_local_vakushin"]["sameAs"] is None


def test_an_entry_with_several_authorities_keeps_each(exported: Path) -> None:
    entities = {e["id"]: e for e in load(exported, LETTER)["entities"]}
    assert entities["place_south_korea"]["ids"] == {"wikidata": "Q884", "geonames": "1835841"}


def test_every_name_in_routing_distribution_and_mentions_points_at_an_exported_entity(exported: Path) -> None:
    for path in exported.glob("*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        known = {e["id"] for e in doc["entities"]}
        routing = doc["routing"]
        names = routing["sender"] + routing["addressees"] + doc["distribution"]["items"]
        refs = {n["id"] for n in names if n["id"]} | {m["entity"] for m in doc["mentions"]}
        assert refs <= known, path.name


def test_mentions_follow_the_text_in_document_order(exported: Path) -> None:
    mentions = load(exported, SHTYKOV)["mentions"]
    assert mentions[0] == {"entity": "place_pyongyang", "kind": "place", "text": "PYONGYANG"}  # the From stamp
    assert mentions[-2] == {"entity": "pers_shtykov", "kind": "person", "text": "S H T Y K O V"}  # the sign-off
    assert mentions[-1] == {"entity": "pers_local_lobyseva", "kind": "person", "text": "Lobyseva"}  # Typed stamp


def test_text_is_the_blocks_in_reading_order_with_their_kind(exported: Path) -> None:
    text = load(exported, SHTYKOV)["text"]
    assert text[0] == {"kind": "stamp", "subtype": "number", "text": "CIPHERED TELEGRAM # 600301/sh",
                       "enclosure": False}
    kinds = [b["kind"] for b in text]
    assert kinds.index("stamp") < kinds.index("copy") < kinds.index("address") < kinds.index("p") < \
        kinds.index("signed")
    assert {"kind": "signed", "subtype": None, "text": "S H T Y K O V", "enclosure": False} in text


def test_the_enclosed_letters_blocks_are_marked(exported: Path) -> None:
    text = load(exported, LETTER)["text"]
    assert any(b["enclosure"] for b in text)
    assert not text[0]["enclosure"]


# --- the file ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tei", sorted(ENCODED.glob("*.xml")), ids=lambda p: p.stem)
def test_every_document_validates_against_the_shipped_schema(tei: Path, exported: Path,
                                                             validator: jsonschema.Draft202012Validator) -> None:
    doc = json.loads((exported / f"{tei.stem}.json").read_text(encoding="utf-8"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]
    assert errors == []


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_schema_rejects_a_date_that_is_not_iso(exported: Path, validator: jsonschema.Draft202012Validator) -> None:
    doc = load(exported, SHTYKOV)
    doc["routing"]["stamps"]["deciphered"]["when"] = "09/30/50 at 15:50"
    assert not validator.is_valid(doc)


def test_the_schema_rejects_keys_it_does_not_know(exported: Path, validator: jsonschema.Draft202012Validator) -> None:
    doc = load(exported, SHTYKOV)
    doc["distribution"]["items"][0]["copy"] = 2  # a typo for copies
    assert not validator.is_valid(doc)


def test_the_schema_rejects_a_document_missing_a_section(exported: Path,
                                                         validator: jsonschema.Draft202012Validator) -> None:
    doc = load(exported, SHTYKOV)
    del doc["routing"]["sender"]
    assert not validator.is_valid(doc)


def test_the_file_loads_back_into_the_same_document() -> None:
    record = read_record(ENCODED / f"{LETTER}.xml")
    assert json.loads(render(record, {})) == document(record)


def test_the_file_is_utf8_indented_and_ends_with_a_newline(exported: Path) -> None:
    data = (exported / f"{LETTER}.json").read_bytes()
    assert "Весьма срочная".encode() in data  # written as UTF-8, not as \\u escapes
    assert data.startswith(b'{\n  "')
    assert data.endswith(b"}\n")


def test_the_same_cable_gives_the_same_bytes_with_sorted_keys() -> None:
    record = read_record(ENCODED / f"{SHTYKOV}.xml")
    data = render(record, {})
    assert render(read_record(ENCODED / f"{SHTYKOV}.xml"), {}) == data
    header = json.loads(data)["header"]
    assert list(header) == sorted(header)


# --- hand-corrected and broken TEI ---------------------------------------------------------------------------


def edit(source: Path, folder: Path, change) -> Path:
    """Copy a TEI file into `folder` after changing it with lxml, as an editor correcting it by hand would."""
    tree = etree.parse(str(source))
    change(tree.getroot())
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    tree.write(str(target), encoding="UTF-8", xml_declaration=True)
    return target


def test_a_name_corrected_in_the_register_shows_in_the_export(tmp_path: Path) -> None:
    def rename(root: etree._Element) -> None:
        (name,) = root.xpath("//t:person[@xml:id='pers_stalin']/t:persName[@type='regularised']", namespaces=TEI)
        name.text = "Iosif Stalin"

    edit(ENCODED / f"{SHTYKOV}.xml", tmp_path / "tei", rename)
    assert export(tmp_path / "tei", tmp_path / "out").errors == []
    doc = load(tmp_path / "out", SHTYKOV)
    assert [n["name"] for n in doc["routing"]["addressees"]] == ["Andrei Gromyko", "Iosif Stalin"]
    assert doc["distribution"]["items"][0]["name"] == "Iosif Stalin"


def test_a_stamps_time_corrected_by_hand_shows_in_the_export(tmp_path: Path) -> None:
    def retime(root: etree._Element) -> None:
        (date,) = root.xpath("//t:ab[@subtype='deciphered']/t:date", namespaces=TEI)
        date.set("when", "1950-09-30T16:05:00")

    edit(ENCODED / f"{SHTYKOV}.xml", tmp_path / "tei", retime)
    export(tmp_path / "tei", tmp_path / "out")
    assert load(tmp_path / "out", SHTYKOV)["routing"]["stamps"]["deciphered"]["when"] == "1950-09-30T16:05:00"


def test_a_file_that_is_not_xml_is_reported_by_name_and_the_others_still_export(tmp_path: Path) -> None:
    tei = tmp_path / "tei"
    tei.mkdir()
    for name in (f"{SHTYKOV}.xml", f"{LETTER}.xml"):
        shutil.copy(ENCODED / name, tei / name)
    broken = tei / "1950-10-01_broken.xml"
    broken.write_text((ENCODED / f"{SHTYKOV}.xml").read_text(encoding="utf-8")[:2000], encoding="utf-8")
    out = tmp_path / "out"

    outcome = export(tei, out)

    assert (outcome.files, outcome.exported) == (3, 2)
    assert [path for path, _ in outcome.errors] == [broken]
    assert broken.name in outcome.errors[0][1]
    assert sorted(p.name for p in out.iterdir()) == [f"{SHTYKOV}.json", f"{LETTER}.json"]  # nothing partial
    assert load(out, SHTYKOV)["header"]["number"] == "600301/sh"
