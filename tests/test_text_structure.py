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
