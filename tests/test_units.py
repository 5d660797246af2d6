"""Organisations named as a whole: a unit of an institution is one organisation, part of the institution."""

from __future__ import annotations

from .conftest import tei_of, xp

PROSE = " agreed with the plan outlined by you and the evaluation of the course of the negotiations."


def org_names(root) -> list[str]:
    return [" ".join("".join(el.itertext()).split()) for el in xp(root, "//t:text//t:orgName")]


def test_a_unit_before_its_institution_is_one_organisation():
    root = tei_of("The Special Third Department of the Ministry of Foreign Affairs of the USSR" + PROSE)
    assert org_names(root) == ["Special Third Department of the Ministry of Foreign Affairs of the USSR"]


def test_units_are_read_outwards_as_far_as_they_go():
    root = tei_of("The Special Section of the Political Department of the Ministry of Foreign Affairs" + PROSE)
    assert org_names(root) == ["Special Section of the Political Department of the Ministry of Foreign Affairs"]


def test_the_unit_is_part_of_its_institution():
    root = tei_of("The Special Section of the Ministry of Foreign Affairs of the USSR" + PROSE)
    unit = xp(root, "//t:text//t:orgName/@ref")[0]
    assert xp(root, f"//t:relation[@name='part-of'][@active='{unit}']/@passive") == ["#org_ussr_mfa"]
    assert xp(root, "//t:org[@xml:id='org_ussr_mfa']") != []


def test_a_government_of_a_country_is_an_organisation():
    root = tei_of("The Government of Poland" + PROSE)
    assert org_names(root) == ["Government of Poland"]
    assert xp(root, "//t:text//t:placeName") == []


def test_a_russian_unit_needs_its_modifier():
    root = tei_of("Особый сектор Министерства иностранных дел СССР сообщает, что встреча с представителями "
                  "корейской стороны состоялась вчера вечером в здании посольства.")
    assert org_names(root)[0] == "Особый сектор Министерства иностранных дел СССР"


def test_a_lower_case_word_is_not_a_unit():
    root = tei_of("The army of Poland" + PROSE)
    assert org_names(root) == []


def test_a_numbered_unit_inside_a_numbered_unit_is_left_to_the_register():
    root = tei_of("The 4th Department of the Ministry of Foreign Affairs of the USSR" + PROSE)
    assert org_names(root) == ["Ministry of Foreign Affairs of the USSR"]


def test_a_partys_organ_is_tagged_as_the_party():
    root = tei_of("The Political Council of the Workers' Party of Korea" + PROSE)
    assert org_names(root) == ["Workers' Party of Korea"]
