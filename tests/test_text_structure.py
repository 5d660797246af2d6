"""The text as an editor encodes a document: pages, stamps and handwriting, address blocks, supplied initials."""

from __future__ import annotations

from .conftest import tei_of, xp

PROSE = "I met the chairman of the committee upon his request and we discussed the situation at length.\n\n"


def test_a_form_feed_is_a_page_break():
    root = tei_of(PROSE + "\fThe situation is severe and the troops lack ammunition and fuel at the front.")
    body = xp(root, "//t:div[@type='message']")[0]
    assert [el.tag.split("}")[1] for el in body] == ["p", "pb", "p"]


def test_a_page_heading_starts_a_new_page():
    root = tei_of(PROSE + "Лист № 2\n\n" + PROSE)
    assert xp(root, "//t:fw[@type='header']/preceding-sibling::*[1][self::t:pb]") != []


def test_a_stamp_the_transcription_describes_is_a_tei_stamp():
    root = tei_of(PROSE + "[Stamp: “Declassified 14 December 1993”]")
    assert xp(root, "string(//t:note[@type='stamp']/t:stamp)") == "[Stamp: “Declassified 14 December 1993”]"


def test_handwriting_is_an_addition_in_a_declared_hand():
    root = tei_of(PROSE + "The letter [handwritten: agreed] was sent to the committee yesterday.")
    assert xp(root, "string(//t:add)") == "[handwritten: agreed]"
    hand = xp(root, "//t:add/@hand")[0]
    assert xp(root, "//t:profileDesc/t:handNotes/t:handNote/@xml:id") == [hand[1:]]


def test_a_file_without_handwriting_declares_no_hand():
    assert xp(tei_of(PROSE), "//t:handNotes") == []


def test_consecutive_address_lines_are_one_address_block():
    root = tei_of("MOSCOW\n\nTo Ministry of Foreign Affairs of the USSR\n\nComrade GROMYKO\n\n" + PROSE)
    assert len(xp(root, "//t:opener/t:address")) == 1
    assert len(xp(root, "//t:opener/t:address/t:addrLine")) == 3


def test_initials_an_editor_supplied_stand_inside_the_name():
    root = tei_of("On 28.9.50, [A.I.] SHABSHIN, a member of the group, told me about the meeting at length.")
    person = xp(root, "//t:text//t:persName[t:supplied]")[0]
    assert xp(person, "string(t:supplied)") == "[A.I.]"
    assert xp(person, "normalize-space(.)") == "[A.I.] SHABSHIN"


RU = ("Товарищу Мао Цзэдуну,\n\nВашу телеграмму от 21 февраля получили. Согласны с намеченным Вами планом "
      "мероприятий как по линии Корейского и Китайского правительств, так и по линии Всемирного совета сторонников "
      "мира.\n\nСо своей стороны советское правительство активно поддержит эти мероприятия и весь этот план в "
      "целом.\n\n")
EN = ("To Comrade Mao Zedong,\n\nYour telegram of 21 February has been received. We agree with the plan of "
      "measures you have proposed for both the Korean and the Chinese governments, as well as for the World "
      "Council.\n\nThe Soviet Government, for its part, will actively support these measures and the plan as a "
      "whole.\n\n")


def test_the_original_and_the_translation_are_tied_message_to_message_and_paragraph_to_paragraph():
    root = tei_of(RU + EN)
    ru, en = xp(root, "//t:div[@type='original']//t:p"), xp(root, "//t:div[@type='translation']//t:p")
    assert len(ru) == len(en) == 2
    for a, b in zip(ru, en, strict=True):
        assert a.get("corresp") == "#" + b.get("{http://www.w3.org/XML/1998/namespace}id")
        assert b.get("corresp") == "#" + a.get("{http://www.w3.org/XML/1998/namespace}id")


def test_paragraphs_are_not_tied_where_their_counts_differ():
    root = tei_of(RU + EN + "With greetings, and with our thanks for the information you sent us last week.\n\n")
    assert xp(root, "//t:p[@corresp]") == []


def test_a_quoted_letter_after_the_cables_signature_is_a_letter_of_its_own():
    root = tei_of("I herewith relay the text of a letter addressed to Comrade STALIN which I received yesterday.\n\n"
                  "SHTYKOV\n\n\"Dear Comrade STALIN,\n\n" + PROSE + "KIM IL SUNG\"")
    assert xp(root, "//t:floatingText") == []
    assert len(xp(root, "//t:div[@type='enclosure']")) == 1


def test_a_salutation_over_two_lines_is_one_salute():
    root = tei_of("Moscow - the Kremlin\n\nDEAR\n\nIosif Vissarionovich STALIN\n\n" + PROSE)
    salutes = xp(root, "//t:opener/t:salute")
    assert len(salutes) == 1
    assert xp(salutes[0], "normalize-space(.)") == "DEAR Iosif Vissarionovich STALIN"
