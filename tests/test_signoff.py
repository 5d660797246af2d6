"""Sign-offs: the signature that closes a message, in every shape real cables use, and its signers."""

from __future__ import annotations

import pytest

from tei_cables.read.signoff import signers


def signed(text: str) -> list[str] | None:
    found = signers(text)
    return None if found is None else [text[a:b] for a, b in found]


@pytest.mark.parametrize(("line", "names"), [
    ("SHTYKOV", ["SHTYKOV"]),
    ("Roshchin", ["Roshchin"]),
    ("ШТЯКОВ.", ["ШТЯКОВ"]),
    ("S H T Y K O V", ["S H T Y K O V"]),
    ("FENG XI [Stalin].", ["FENG XI"]),
    ("FILIPPOV [Stalin].”", ["FILIPPOV"]),
])
def test_a_surname_alone_in_any_case_or_script_is_a_sign_off(line, names):
    assert signed(line) == names


@pytest.mark.parametrize(("line", "names"), [
    ("6.1.1949 Filippov [Stalin]", ["Filippov"]),
    ("13/5-50. Roshchin", ["Roshchin"]),
    ("24.III.50 Shtykov", ["Shtykov"]),
    ("20 October 1949 SAVEL’YEV", ["SAVEL’YEV"]),
])
def test_a_date_before_the_name_belongs_to_the_sign_off(line, names):
    assert signed(line) == names


def test_a_closing_formula_may_stand_before_the_signature():
    assert signed("With greetings. FILIPPOV [Stalin].”") == ["FILIPPOV"]


def test_several_signers_on_one_line():
    assert signed("KIM IL SUNG, PAK HEON-YEONG") == ["KIM IL SUNG", "PAK HEON-YEONG"]


def test_several_signers_on_several_lines():
    assert signed("KIM IL SUNG\nPAK HEON-YEONG") == ["KIM IL SUNG", "PAK HEON-YEONG"]


def test_a_footnote_mark_after_the_name_is_not_part_of_it():
    assert signed("13/5-50. Roshchin x/") == ["Roshchin"]


def test_a_place_before_the_date_makes_a_dateline_not_a_sign_off():
    assert signed("Pyongyang, 29 September 1950") is None


@pytest.mark.parametrize("line", ["Telegraph the fulfillment.", "Confirm receipt.", "Top Secret", "I report:",
                                  "MOSCOW"])
def test_a_short_line_of_the_message_is_not_a_sign_off(line):
    assert signed(line) is None
