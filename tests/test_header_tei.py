"""The teiHeader an editor would sign: sources, publication, encoding, title, names in other scripts."""

from __future__ import annotations

from typing import get_args

from tei_cables.encode.publication import Publication
from tei_cables.model import StampType
from tei_cables.pipeline import convert_text

from .conftest import tei_of, xp

RECORD = """September 29, 1950

Telegram from Shtykov to Gromyko and Stalin

Citation:

"Telegram from Shtykov to Gromyko and Stalin", September 29, 1950, Wilson Center Digital Archive, APRF, fond 45,
opis 1, delo 347, listy 46-49. Translated by Gary Goldberg.
<https://example.org/document/112688>

Original Language:

Russian

CIPHERED TELEGRAM # 600301/sh

From: PYONGYANG

I met the chairman of the committee upon his request and we discussed the situation at length.

SHTYKOV
"""


def test_the_transcription_is_described_by_a_bibl():
    bibl = xp(tei_of(RECORD, "cable.txt"), "//t:sourceDesc/t:bibl[@type='transcription']")[0]
    assert xp(bibl, "string(t:title)") == "Telegram from Shtykov to Gromyko and Stalin"
    assert xp(bibl, "string(t:publisher)") == "Wilson Center Digital Archive"
    assert xp(bibl, "t:date/@when") == ["1950-09-29"]
    assert xp(bibl, "string(t:respStmt/t:name)") == "Gary Goldberg"
    assert xp(bibl, "t:ref/@target") == ["https://example.org/document/112688"]
    assert xp(bibl, "string(t:idno[@type='file'])") == "cable.txt"


def test_the_original_is_described_by_an_msdesc_with_its_folios_as_a_locus():
    ms = xp(tei_of(RECORD), "//t:sourceDesc/t:msDesc")[0]
    assert xp(ms, "normalize-space(t:msIdentifier/t:repository)") == "APRF"
    assert xp(ms, "string(t:msIdentifier/t:idno[@type='delo'])") == "347"
    assert xp(ms, "t:msContents/t:msItem/t:locus/@from") == ["46"]
    assert xp(ms, "t:msContents/t:msItem/t:locus/@to") == ["49"]
    assert xp(ms, "t:msContents/t:textLang/@mainLang") == ["ru"]


def test_the_file_name_is_not_the_manuscripts_identifier():
    assert xp(tei_of(RECORD, "cable.txt"), "//t:msIdentifier//t:idno[. = 'cable.txt']") == []


def test_a_cable_without_archive_or_number_has_no_msdesc():
    assert xp(tei_of("We agree with the plan outlined by you and the course of the negotiations.\n\nSHTYKOV"),
              "//t:msDesc") == []


def test_an_unpublished_conversion_says_so():
    assert "Unpublished" in xp(tei_of(RECORD), "string(//t:publicationStmt/t:p)")


def test_publisher_licence_and_date_are_settings():
    publication = Publication(publisher="Korean War Documents Project",
                              licence="https://creativecommons.org/licenses/by/4.0/", date="2026-12-01")
    root = _parse(convert_text(RECORD, "cable.txt", publication).tei)
    stmt = xp(root, "//t:publicationStmt")[0]
    assert xp(stmt, "string(t:publisher)") == "Korean War Documents Project"
    assert xp(stmt, "t:date/@when") == ["2026-12-01"]
    assert xp(stmt, "t:availability/t:licence/@target") == ["https://creativecommons.org/licenses/by/4.0/"]


def test_the_schema_is_declared_in_the_encoding_description():
    assert xp(tei_of(RECORD), "//t:encodingDesc/t:schemaRef/@url") == ["../schema/tei_cables.rng"]


def test_every_stamp_type_is_declared_with_an_english_and_a_russian_gloss():
    root = tei_of(RECORD)
    ids = xp(root, "//t:taxonomy[@xml:id='stamps']/t:category/@xml:id")
    assert ids == [f"stamp-{t}" for t in get_args(StampType)]
    assert xp(root, "//t:category[@xml:id='stamp-deciphered']/t:catDesc[@xml:lang='ru']/text()") == ["расшифровал"]


def test_the_editorial_declaration_says_how_inferred_values_are_marked():
    assert "@evidence" in xp(tei_of(RECORD), "string(//t:editorialDecl/t:interpretation)")


def test_a_cable_without_a_title_gets_one_composed_from_what_was_read():
    root = tei_of("CIPHERED TELEGRAM No. 600308/sh\n\nFrom PYONGYANG\n\nSent 30.9.50 20.35\n\nTo Comrade GROMYKO\n\n"
                  "I met the chairman of the committee upon his request and we discussed the situation.\n\nSHTYKOV",
                  "1950-09-30_cable.txt")
    title = xp(root, "//t:titleStmt/t:title")[0]
    assert title.get("type") == "desc"
    assert title.text == ("Ciphered telegram No. 600308/sh from Terentii Shtykov (Pyongyang) to Andrei Gromyko, "
                          "30 September 1950")


def test_a_title_keeps_no_markdown_bold():
    root = tei_of("**September 29, 1950**\n\n**Telegram from Shtykov to Stalin**\n\nCitation:\n\nA citation.\n\n"
                  "I met the chairman of the committee upon his request and we discussed the situation.")
    assert xp(root, "//t:titleStmt/t:title//t:hi") == []
    assert "**" not in xp(root, "string(//t:titleStmt/t:title)")


def test_names_in_other_scripts_carry_their_language():
    from lxml import etree

    from tei_cables.encode.register import register_tei

    root = etree.fromstring(register_tei())
    assert xp(root, "//t:person[@xml:id='pers_kim_il_sung']/t:persName[.='김일성']/@xml:lang") == ["ko"]
    assert xp(root, "//t:person[@xml:id='pers_kim_il_sung']/t:persName[.='金日成']/@xml:lang") == ["ko-Hani"]
    assert xp(root, "//t:person[@xml:id='pers_mao_zedong']/t:persName[.='毛泽东']/@xml:lang") == ["zh"]


def _parse(data: bytes):
    from lxml import etree

    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))



def test_the_records_rights_statement_is_kept_in_the_availability():
    rights = "Rights:\n\nFor research and educational purposes.\n\n"
    text = RECORD.replace("Original Language:", rights + "Original Language:")
    root = _parse(convert_text(text, "cable.txt", Publication(publisher="An Edition")).tei)
    assert xp(root, "string(//t:publicationStmt/t:availability/t:p)") == "For research and educational purposes."
