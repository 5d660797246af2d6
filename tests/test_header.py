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
