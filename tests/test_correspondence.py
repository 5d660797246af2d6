"""Who wrote to whom, when and from where: the `correspDesc` from every layout of cable.

Each test is one rule of `tei_cables/tag/correspondence.py`, on the smallest cable that shows it. The first
`correspDesc` is the cable's own (the encoding contract); its sent and received actions are what exports read.
"""

from __future__ import annotations

from tei_cables.pipeline import convert_text

from .conftest import tei_of, xp

PROSE = "We agree with the plan outlined by you and the evaluation of the course of the negotiations.\n\n"
SENT = "(//t:correspDesc)[1]/t:correspAction[@type='sent']"
RECEIVED = "(//t:correspDesc)[1]/t:correspAction[@type='received']"


def sender(root) -> list[str]:
    return xp(root, f"{SENT}/t:persName/@ref")


def addressees(root) -> list[str]:
    return xp(root, f"{RECEIVED}/t:persName/@ref")


def sent_when(root) -> str | None:
    found = xp(root, f"{SENT}/t:date/@when")
    return found[0] if found else None


# --- the sender --------------------------------------------------------------------------------------------


def test_the_signer_of_the_message_is_the_sender_when_no_stamp_names_one():
    assert sender(tei_of("To Vyshinsky.\n\n" + PROSE + "Roshchin")) == ["#pers_roshchin"]


def test_a_code_name_in_the_sign_off_links_to_its_person():
    assert sender(tei_of(PROSE + "FENG XI [Stalin].")) == ["#pers_stalin"]


def test_a_russian_sign_off_as_typed_is_the_sender():
    assert sender(tei_of("Товарищу Сталину.\n\nСообщаю, что встреча с представителями корейской стороны состоялась "
                         "вчера вечером в здании посольства.\n\nШТЫКОВ.")) == ["#pers_shtykov"]


def test_the_signer_of_an_enclosed_letter_is_not_the_sender():
    text = ("I herewith relay the text of a letter addressed to Comrade STALIN which I received yesterday.\n\n"
            '"Dear Comrade STALIN,\n\n' + PROSE + 'KIM IL SUNG"\n\nSHTYKOV')
    assert sender(tei_of(text)) == ["#pers_shtykov"]


def test_an_unknown_signer_becomes_a_person_of_the_file():
    root = tei_of(PROSE + "20 October 1949 SAVEL’YEV")
    ref = sender(root)[0]
    assert ref.startswith("#pers_local_")
    assert xp(root, "//t:closer//t:persName/@ref") == [ref]


# --- the date sent -----------------------------------------------------------------------------------------


def test_the_date_before_the_signer_is_the_date_sent():
    assert sent_when(tei_of(PROSE + "13/5-50. Roshchin")) == "1950-05-13"


def test_a_dateline_gives_the_date_sent():
    assert sent_when(tei_of("23 февраля 1952 г.\n\nТоварищу Мао Цзэдуну,\n\nВашу телеграмму от 21 февраля получили. "
                            "Согласны с намеченным Вами планом мероприятий по линии обоих правительств.")) \
        == "1952-02-23"


def test_the_archives_date_heading_gives_the_day_when_nothing_else_does():
    root = tei_of("March 24, 1950\n\nTelegram, Shtykov to Vyshinsky\n\n" + PROSE + "SHTYKOV")
    assert sent_when(root) == "1950-03-24"
    assert xp(root, f"{SENT}/t:date/@evidence") == ["external"]


def test_a_sent_stamp_wins_over_the_sign_off_date():
    root = tei_of("Sent 22:03 16.2.51\n\n" + PROSE + "13/5-50. Roshchin")
    assert sent_when(root) == "1951-02-16T22:03:00"
    assert xp(root, f"{SENT}/t:date/@cert") == []


# --- the addressees ----------------------------------------------------------------------------------------


def test_an_address_line_names_the_addressee():
    assert addressees(tei_of("To Cde. MAO ZEDONG\n\n" + PROSE + "FILIPPOV")) == ["#pers_mao_zedong"]


def test_a_russian_address_line_in_the_dative_names_the_addressee():
    assert addressees(tei_of("товарищу ГРОМЫКО.\n\nСообщаю, что встреча с представителями корейской стороны "
                             "состоялась вчера вечером.\n\nШТЫКОВ")) == ["#pers_gromyko"]


TRANSMITTED = "(//t:correspDesc)[1]/t:correspAction[@type='transmitted']"


def test_a_relay_names_the_intermediary_and_the_final_addressee():
    root = tei_of("To Terebin\n\nConvey to Mao Zedong the following:\n\n" + PROSE + "Filippov")
    assert addressees(root) == ["#pers_mao_zedong"]
    assert xp(root, f"{TRANSMITTED}/t:persName/@ref") == ["#pers_orlov_andrei"]


def test_a_russian_relay_names_the_final_addressee():
    root = tei_of("ТЕРЕБИНУ.\n\nПередайте Мао Цзэдуну следующее:\n\nСоглашаемся с вашим планом мероприятий по линии "
                  "обоих правительств.\n\nФИЛИППОВ")
    assert "#pers_mao_zedong" in addressees(root)


def test_a_relay_in_the_first_paragraph_counts():
    root = tei_of("TO KRASOVSKY\n\nTransmit the following answer to MAO ZEDONG.\n\n" + PROSE + "FILIPPOV")
    assert addressees(root) == ["#pers_mao_zedong"]
    assert xp(root, f"{TRANSMITTED}/t:persName/@ref") == ["#pers_krasovsky"]


# --- the archive's title -----------------------------------------------------------------------------------


TITLED = "January 6, 1949\n\nCiphered Telegram No. 0100, Stalin to Terebin\n\n"


def test_the_title_gives_the_number_when_the_text_has_none():
    assert xp(tei_of(TITLED + PROSE), "string(//t:teiHeader//t:idno[@type='telegram'])") == "0100"


def test_the_title_gives_sender_and_addressee_marked_as_external_evidence():
    root = tei_of(TITLED + PROSE)
    assert sender(root) == ["#pers_stalin"] and addressees(root) == ["#pers_orlov_andrei"]
    assert xp(root, f"{SENT}/t:persName/@evidence") == ["external"]
    assert xp(root, f"{SENT}/t:persName/@cert") == ["medium"]


def test_the_title_gives_the_place_a_sender_writes_from():
    root = tei_of("October 20, 1949\n\nCiphered Telegram No. 32616 from Savel'yev in Urumchi\n\n" + PROSE)
    assert xp(root, f"{SENT}/t:placeName/@ref") == ["#place_urumqi"]


def test_the_text_wins_over_the_title_and_a_warning_names_both_numbers():
    converted = convert_text(TITLED + "CIPHERED TELEGRAM No. 0200\n\n" + PROSE, "cable.txt")
    assert b'<idno type="telegram">0200</idno>' in converted.tei
    assert any("'0100'" in w.message and "'0200'" in w.message for w in converted.warnings)


# --- outgoing copies and stamps after the signature ----------------------------------------------------------


OUTGOING = "COPY OF AN OUTGOING TELEGRAM\n\nCABLE Nº 3582\n\nreceived at 0020 2 September 1949\n\n" \
           "sent at 0215 2 September 1949\n\nto TEREBIN\n\n"


def test_a_received_stamp_on_an_outgoing_copy_is_not_the_receipt():
    assert xp(tei_of(OUTGOING + PROSE + "FILIPPOV"), f"{RECEIVED}/t:date") == []


def test_the_heading_of_an_outgoing_copy_is_never_a_person():
    root = tei_of(OUTGOING + PROSE + "FILIPPOV")
    assert xp(root, "//t:persName[contains(., 'OUTGOING')]") == []


def test_a_typist_stamp_after_the_signature_stays_a_stamp_with_its_person():
    root = tei_of(PROSE + "SHTYKOV\n\nNo. 1476/sh\n14 October 1950\nTyped by Bantsekina on 10/14/50 at 13:30")
    typed = xp(root, "//t:text//*[@subtype='typed']")
    assert len(typed) == 1 and xp(typed[0], "string(t:persName)") == "Bantsekina"
    assert xp(root, "//t:div[@type='enclosure']") == []


def test_a_russian_typist_stamp_after_the_signature_stays_a_stamp():
    root = tei_of("Сообщаю, что встреча с представителями корейской стороны состоялась вчера вечером в здании "
                  "посольства.\n\nШТЫКОВ\n\nОтпечатано 3 экз. Иванова")
    assert xp(root, "//t:div[@type='enclosure']") == []
    assert sender(root) == ["#pers_shtykov"]


# --- marking what was inferred -----------------------------------------------------------------------------


def test_a_sign_off_sender_is_marked_as_internal_evidence():
    root = tei_of(PROSE + "SHTYKOV")
    assert xp(root, f"{SENT}/t:persName/@cert") == ["high"]
    assert xp(root, f"{SENT}/t:persName/@evidence") == ["internal"]


def test_an_evidence_note_says_where_each_inferred_value_was_read():
    note = xp(tei_of(TITLED + PROSE + "6.1.1949 Filippov [Stalin]"), "string(//t:correspDesc/t:note[@type='evidence'])")
    assert "sender: the sign-off (line 7)" in note and "date sent: the sign-off (line 7)" in note


def test_a_stated_value_carries_no_inference_mark():
    root = tei_of("From: PYONGYANG\n\nSent on 09/29/50 at 20:23 p.m.\n\nTo Comrade GROMYKO\n\n" + PROSE)
    assert xp(root, "(//t:correspDesc)[1]//@cert | (//t:correspDesc)[1]/t:note") == []


# --- places ------------------------------------------------------------------------------------------------


def test_the_place_of_an_address_line_is_where_the_cable_was_received():
    root = tei_of("Pyongyang. Soviet Ambassador.\n\n" + PROSE + "FENG XI [Stalin].")
    assert xp(root, f"{RECEIVED}/t:placeName/@ref") == ["#place_pyongyang"]


def test_a_destination_before_the_addressee_on_one_line():
    root = tei_of("BEIJING - To Comrade ZAKHAROV\n\nfor Comrade ZHOU ENLAI\n\n" + PROSE + "FILIPPOV [Stalin]")
    assert xp(root, f"{RECEIVED}/t:placeName/@ref") == ["#place_beijing"]
    assert addressees(root) == ["#pers_zakharov", "#pers_zhou_enlai"]


def test_a_from_stamp_gives_the_place_sent_from_as_stated():
    root = tei_of("From PEKING\n\nFor immediate report to comrade Filippov [Stalin].\n\n" + PROSE + "Roshchin")
    assert xp(root, f"{SENT}/t:placeName/@ref") == ["#place_beijing"]
    assert xp(root, f"{SENT}/t:placeName/@cert") == []
    assert addressees(root) == ["#pers_stalin"]


# --- enclosed letters --------------------------------------------------------------------------------------


LETTER = ("I herewith relay the text of a letter addressed to Comrade STALIN which I received yesterday.\n\n"
          '"Dear Comrade STALIN,\n\n' + PROSE + "Respectfully, KIM IL SUNG\n\n29 September 1950\"\n\nSHTYKOV")


def test_an_enclosed_letter_has_its_own_correspondence_after_the_cables():
    root = tei_of(LETTER)
    letter = xp(root, "//t:profileDesc/t:correspDesc[2]")[0]
    assert xp(letter, "t:correspAction[@type='sent']/t:persName/@ref") == ["#pers_kim_il_sung"]
    assert xp(letter, "t:correspAction[@type='received']/t:persName/@ref") == ["#pers_stalin"]
    assert xp(letter, "t:correspAction[@type='sent']/t:date/@when") == ["1950-09-29"]


def test_the_letters_correspondence_points_at_its_enclosure():
    root = tei_of(LETTER)
    target = xp(root, "//t:profileDesc/t:correspDesc[2]/@corresp")[0]
    assert xp(root, f"//t:floatingText[@xml:id='{target[1:]}']/@type") == ["enclosure"]


def test_an_action_the_cable_says_nothing_of_is_left_out():
    root = tei_of(PROSE + "SHTYKOV")
    assert xp(root, "(//t:correspDesc)[1]/t:correspAction/@type") == ["sent"]
    assert xp(root, "(//t:correspDesc)[1]//t:note[not(@type)]") == []


def test_a_cover_designation_is_the_place_sent_from_when_nothing_else_names_one():
    root = tei_of("From Correspondent 20 Sent 1.7.51 5:30\n\nI report the situation at the front is severe and the "
                  "troops lack ammunition and fuel.\n\nRAZUVAEV")
    ref = xp(root, f"{SENT}/t:placeName/@ref")[0]
    assert xp(root, f"string({SENT}/t:placeName)") == "Correspondent 20"
    assert xp(root, f"//t:place[@xml:id='{ref[1:]}']/@cert") == ["low"]


def test_a_dateline_place_wins_over_a_cover_designation():
    root = tei_of("From Correspondent 20 Sent 17.7.52 18:45\n\n" + PROSE + "Pyongyang 16.7.52.\n\nRAZUVAEV")
    assert xp(root, f"{SENT}/t:placeName/@ref") == ["#place_pyongyang"]
