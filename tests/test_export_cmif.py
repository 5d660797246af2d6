"""CMIF: the corpus as correspSearch harvests it, valid against the CMIF 1.1 schema and its Schematron rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import elementpath
import pytest
from lxml import etree

from tei_cables.export import FORMATS
from tei_cables.export.run import run_export

from .conftest import ROOT, shared, xp

CABLE = "1950-09-29_cable-600301_shtykov-to-gromyko.xml"
SCH = "{http://purl.oclc.org/dsdl/schematron}"


@pytest.fixture(scope="module")
def cmif(tmp_path_factory) -> etree._Element:
    out = tmp_path_factory.mktemp("cmif") / "corpus.xml"
    outcome = run_export(FORMATS["cmif"], [ROOT / "encoded"], out, {"date": "2026-12-01"})
    assert outcome.errors == [] and outcome.exported == 5
    return etree.parse(str(out)).getroot()


def letter(root: etree._Element, key: str) -> etree._Element:
    return xp(root, f"//t:correspDesc[@key='{key}']")[0]


def schematron_findings(root: etree._Element) -> list[str]:
    """The CMIF Schematron rules (XPath 2), run with elementpath: the ids of the asserts that fail."""
    schema = etree.parse(str(shared("cmif", "cmif.sch"))).getroot()
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    parser = elementpath.XPath2Parser(namespaces=ns)
    found = []
    for rule in schema.iter(f"{SCH}rule"):
        context = elementpath.XPathContext(root)  # nodes, not values: an attribute keeps its parent
        for node in parser.parse("//" + rule.get("context")).select(context):
            for test in rule.iter(f"{SCH}assert"):
                if not parser.parse(test.get("test")).boolean_value(
                        parser.parse(test.get("test")).evaluate(elementpath.XPathContext(root, item=node))):
                    found.append(" ".join(test.text.split())[:7])
    return found


def test_the_corpus_is_valid_cmif(cmif):
    grammar = etree.RelaxNG(file=str(shared("cmif", "cmi-customization.rng")))
    assert grammar.validate(etree.ElementTree(cmif)), grammar.error_log


def test_the_corpus_keeps_the_cmif_schematron_rules(cmif):
    assert schematron_findings(cmif) == []


def test_one_correspondence_per_cable_and_per_enclosed_letter(cmif):
    assert len(xp(cmif, "//t:correspDesc")) == 5 + 5  # four cables enclose a letter, one a letter in a letter
    assert len(xp(cmif, "//t:sourceDesc/t:bibl")) == 5


def test_sender_and_addressees_of_a_cable(cmif):
    desc = letter(cmif, "600301/sh")
    assert xp(desc, "t:correspAction[@type='sent']/t:persName/text()") == ["Terentii Shtykov"]
    assert xp(desc, "t:correspAction[@type='received']/t:persName/text()") == ["Andrei Gromyko", "Joseph Stalin"]


def test_names_and_places_carry_their_authority_uri(cmif):
    desc = letter(cmif, "600301/sh")
    assert xp(desc, "t:correspAction[@type='received']/t:persName[.='Joseph Stalin']/@ref") == [
        "http://www.wikidata.org/entity/Q855"]
    assert xp(desc, "t:correspAction[@type='sent']/t:placeName/@ref") == ["http://www.wikidata.org/entity/Q18808"]


def test_dates_are_days(cmif):
    assert xp(letter(cmif, "600301/sh"), "t:correspAction[@type='sent']/t:date/@when") == ["1950-09-29"]


def test_every_correspondence_points_at_its_cables_bibl(cmif):
    ids = set(xp(cmif, "//t:bibl/@xml:id"))
    assert {s[1:] for s in xp(cmif, "//t:correspDesc/@source")} <= ids


def test_a_hand_correction_of_the_tei_shows_in_the_export(tmp_path: Path):
    edited = (ROOT / "encoded" / CABLE).read_text(encoding="utf-8").replace(
        'when="1950-09-29T20:23:00+09:00"', 'when="1950-09-28T20:23:00+09:00"')
    (tmp_path / CABLE).write_text(edited, encoding="utf-8")
    run_export(FORMATS["cmif"], [tmp_path / CABLE], tmp_path / "c.xml", {})
    root = etree.parse(str(tmp_path / "c.xml")).getroot()
    assert xp(root, "//t:correspAction[@type='sent']/t:date/@when") == ["1950-09-28"]


def test_an_unreadable_file_is_reported_and_the_others_still_export(tmp_path: Path):
    shutil.copy(ROOT / "encoded" / CABLE, tmp_path / CABLE)
    (tmp_path / "broken.xml").write_text("<TEI><teiHeader>", encoding="utf-8")
    outcome = run_export(FORMATS["cmif"], [tmp_path], tmp_path / "out" / "c.xml", {})
    assert [str(p.name) for p, _ in outcome.errors] == ["broken.xml"]
    assert "broken.xml" in outcome.errors[0][1]
    assert len(xp(etree.parse(str(tmp_path / "out" / "c.xml")).getroot(), "//t:correspDesc")) == 1
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["c.xml"]  # no temporary file left


def test_the_schematron_check_can_fail():
    broken = etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><sourceDesc><bibl xml:id="b1"/></sourceDesc>'
        '</fileDesc><profileDesc><correspDesc source="#nowhere"><correspAction type="sent"><date/></correspAction>'
        '</correspDesc></profileDesc></teiHeader></TEI>')
    assert sorted(schematron_findings(broken)) == ["[E0002]", "[E0003]", "[E0004]", "[W0001]"]
