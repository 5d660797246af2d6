"""The other side's cables: State Department telegrams in the layout of the Foreign Relations series.

The heading names the parties (the name in brackets; an office with no name gives no person), the decimal file
number and the classification and precedence are stamps, the dateline gives the place and time sent, `[Received
…]` the receipt, the number opening the first paragraph the telegram number, and the signature the signer.
"""

from __future__ import annotations

from .conftest import tei_of, xp

MUCCIO = """The Ambassador in Korea (Muccio) to the Secretary of State

795.00/6–2550: Telegram

SECRET   PRIORITY

Seoul, June 25, 1950—10 a.m.

[Received June 24—9:26 p.m.]

925. According Korean Army reports which partly confirmed by KMAG field advisor reports North Korean forces
invaded ROK territory at several points this morning.

Muccio
"""

ACHESON = """The Secretary of State to the Embassy in the United Kingdom
795.00/6–2750: Telegram
SECRET   NIACT
Washington, June 27, 1950—3 p. m.
3122. Please inform the Foreign Office at once that the United States will present a resolution to the Security Council this afternoon.
ACHESON
"""  # noqa: E501 (one paragraph a line, as pages are saved)

SENT = "(//t:correspDesc)[1]/t:correspAction[@type='sent']"
RECEIVED = "(//t:correspDesc)[1]/t:correspAction[@type='received']"


def test_the_signer_is_the_sender():
    assert xp(tei_of(MUCCIO), f"{SENT}/t:persName/@ref") == ["#pers_muccio"]


def test_the_dateline_gives_place_and_time_sent():
    root = tei_of(MUCCIO)
    assert xp(root, f"{SENT}/t:placeName/@ref") == ["#place_seoul"]
    assert xp(root, f"{SENT}/t:date/@when") == ["1950-06-25T10:00:00+10:00"]  # Seoul kept summer time in 1950


def test_the_bracketed_receipt_is_the_received_stamp():
    root = tei_of(MUCCIO)
    assert xp(root, f"{RECEIVED}/t:date/@when") == ["1950-06-24T21:26:00"]
    assert xp(root, "//t:text//*[@subtype='received']//t:date/@when") == ["1950-06-24T21:26:00"]


def test_the_number_opening_the_first_paragraph_is_the_telegram_number():
    root = tei_of(MUCCIO)
    assert xp(root, "string(//t:teiHeader//t:idno[@type='telegram'])") == "925"
    assert xp(root, "string(//t:text//t:p[1]/t:idno[@type='telegram'])") == "925"


def test_the_file_number_and_the_markings_are_stamps():
    root = tei_of(MUCCIO)
    assert xp(root, "string(//t:text//*[@subtype='registration'])") == "795.00/6–2550: Telegram"
    assert xp(root, "//t:text//*[@type='stamp']/@subtype") [:3] == ["registration", "classification", "urgency"]


def test_an_office_with_no_name_gives_no_addressee():
    assert xp(tei_of(MUCCIO), f"{RECEIVED}/t:persName") == []


def test_a_signature_in_capitals_and_a_time_written_p_m_with_a_space():
    root = tei_of(ACHESON)
    assert xp(root, f"{SENT}/t:persName/@ref") == ["#pers_acheson"]
    assert xp(root, f"{SENT}/t:date/@when") == ["1950-06-27T15:00:00-04:00"]


def test_an_outgoing_telegram_has_no_receipt():
    assert xp(tei_of(ACHESON), f"{RECEIVED}/t:date") == []


def test_the_heading_is_the_title_of_the_file():
    assert xp(tei_of(MUCCIO), "string(//t:titleStmt/t:title)").startswith("The Ambassador in Korea")


def test_a_document_number_above_the_heading_stays_in_the_text():
    root = tei_of("52.\n\nTelegram From the Ambassador in Korea (Muccio) to the Secretary of State\n\n"
                  + MUCCIO.split("\n\n", 1)[1])
    assert xp(root, "string(//t:titleStmt/t:title)").startswith("Telegram From the Ambassador")
    assert xp(root, "(//t:correspDesc)[1]/t:correspAction[@type='sent']/t:persName/@ref") == ["#pers_muccio"]
    assert "52." in xp(root, "string(//t:text)")
