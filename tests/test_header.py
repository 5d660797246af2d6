"""The archive record at the top of a transcription."""

from __future__ import annotations

from tei_cables.read.header import read_header, split_references
from tei_cables.read.paragraphs import Line, make_text, split_paragraphs

RECORD = """September 29, 1950

Telegram from Shtykov to Gromyko and Stalin

Citation:

"Telegram from Shtykov to Gromyko and Stalin", September 29, 1950, Wilson Center Digital Archive, APRF, fond 45,
opis 1, delo 347, listy 46-49.
<https://example.org/document/112688>

Summary:

Shtykov reports a meeting.

Original Language:

Russian

Contents:

Translation - English

CIPHERED TELEGRAM # 600301/sh
"""


def test_record_fields_are_read_by_label():
    header, rest = read_header(split_paragraphs(RECORD))
    assert [f.name for f in header.fields] == ["citation", "summary", "language", "contents"]
    assert header.date.value == "September 29, 1950"
    assert header.title.value == "Telegram from Shtykov to Gromyko and Stalin"
    assert header.field("summary").values[0].value == "Shtykov reports a meeting."


def test_the_cable_starts_after_the_contents_list():
    _, rest = read_header(split_paragraphs(RECORD))
    assert rest[0].raw == "CIPHERED TELEGRAM # 600301/sh"


def test_url_in_angle_brackets_becomes_the_source_url():
    header, _ = read_header(split_paragraphs(RECORD))
    assert header.url == "https://example.org/document/112688"


def test_bold_labels_are_labels():
    header, _ = read_header(split_paragraphs("**Summary:**\n\nA summary.\n\nTEXT"))
    assert header.field("summary").values[0].value == "A summary."


def test_a_transcription_without_labels_has_no_header():
    header, rest = read_header(split_paragraphs("CIPHERED TELEGRAM No. 1/sh\n\nFrom Correspondent 20"))
    assert header is None and len(rest) == 2


def test_archival_reference_is_split_into_its_units():
    text = make_text([Line(1, "Wilson Center Digital Archive, APRF, fond 45, opis 1, delo 347, listy 46-49.")])
    [ref] = split_references(text)
    assert text.value[ref.repository[0]:ref.repository[1]] == "APRF"
    assert [(u, v) for u, v, _ in ref.parts] == [("fond", "45"), ("opis", "1"), ("delo", "347"), ("listy", "46-49")]


def test_two_archival_references_in_one_citation():
    text = make_text([Line(1, "APRF, fond 45, opis 1, delo 347, listy 72-73 and APRF, fond 3, opis 65, delo 828, "
                              "listy 13-14")])
    assert [[v for _, v, _ in r.parts] for r in split_references(text)] == [["45", "1", "347", "72-73"],
                                                                             ["3", "65", "828", "13-14"]]


PAGE = """October 12, 1950

Ciphered Telegram No. 25553, Roshchin to Filippov [Stalin]

This document was made possible with support from Leon Levy Foundation

To Cde. Filippov.

ROSHCHIN

Mao Zedong has already given orders to halt Chinese troops.

Document Information

Source

AP RF, f. 45, op. 1, d. 334, l. 141.
"""


def test_a_record_page_has_a_date_heading_and_a_title_without_labels():
    header, rest = read_header(split_paragraphs(PAGE))
    assert header.date.value == "October 12, 1950"
    assert header.title.value == "Ciphered Telegram No. 25553, Roshchin to Filippov [Stalin]"
    assert rest[0].raw == "To Cde. Filippov."


def test_the_funding_line_under_the_title_is_the_credits_field():
    header, _ = read_header(split_paragraphs(PAGE))
    assert header.field("credits").values[0].value.endswith("Leon Levy Foundation")


def test_the_foot_of_the_page_holds_summary_and_source():
    header, rest = read_header(split_paragraphs(PAGE))
    assert header.field("summary").values[0].value == "Mao Zedong has already given orders to halt Chinese troops."
    assert header.field("source").values[0].value == "AP RF, f. 45, op. 1, d. 334, l. 141."
    assert [p.raw for p in rest] == ["To Cde. Filippov.", "ROSHCHIN"]


def test_an_unlabelled_source_line_under_document_information():
    header, _ = read_header(split_paragraphs("May 1, 1950\n\nTelegram, A to B\n\nTEXT\n\nDocument Information\n\n"
                                             "RGASPI, f. 558, op. 11, d. 219, l. 111."))
    assert header.field("source").values[0].value.startswith("RGASPI")
    assert header.refs[0].parts[0][:2] == ("fond", "558")


def test_a_page_saved_without_blank_lines_is_one_paragraph_a_line():
    text = ("From PEKING\nFor immediate report to comrade Filippov.\n"
            "Today on May 13, at 23 hours 30 minutes Zhou Enlai paid a visit to me and let me know the following.\n"
            "In connection with the abovementioned comrade Mao Zedong would like to have personal clarifications.\n"
            "13/5-50. Roshchin")
    assert [p.raw for p in split_paragraphs(text)][-1] == "13/5-50. Roshchin"
    assert len(split_paragraphs(text)) == 5


def test_a_wrapped_paragraph_stays_one_paragraph():
    text = "The situation of the troops on the Western front\nis severe and the troops lack ammunition."
    assert len(split_paragraphs(text)) == 1
