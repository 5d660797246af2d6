"""Places the register lacks, from the GeoNames gazetteer: a place (cert="medium", with its GeoNames id), not a
person, and never for a name with a person cue, a short syllable, or a town of several countries named by id."""

from __future__ import annotations

from tei_cables.tag.gazetteer import gazetteer_place

from .conftest import message, tei_of, xp


def entry(root, name: str):
    return xp(root, f"//t:standOff//*[*[@type='regularised'] = '{name}']")[0]


def test_a_town_in_capitals_the_register_lacks_is_a_place_of_the_gazetteer():
    root = tei_of(message("The enemy took CHEONGSONG at dawn."))
    assert xp(root, "//t:text//t:placeName[. = 'CHEONGSONG']/@cert") == ["medium"]
    place = entry(root, "Cheongsong")
    assert (place.tag.endswith("place"), place.get("cert")) == (True, "medium")
    assert xp(place, "t:idno[@type='geonames']/text()") == ["1845519"]


def test_a_chinese_town_in_russian_is_found_by_its_russian_name():
    assert gazetteer_place("ЧЭНДУ").name == "Chengdu"


def test_a_town_name_of_two_countries_is_a_place_without_an_id():
    place = gazetteer_place("Yanggu")
    assert place.geonames is None and set(place.countries) == {"CN", "KR"}


def test_a_short_syllable_is_not_looked_up():
    assert gazetteer_place("Anju") is None


def test_a_name_after_a_title_stays_a_person():
    root = tei_of(message("Comrade CHEONGSONG reported."))
    assert xp(root, "//t:text//t:persName[. = 'CHEONGSONG']")


def test_an_unknown_name_with_a_person_cue_that_is_no_town_is_a_person_for_an_editor():
    root = tei_of(message("The order came at dawn, and PLYVKINA said so."))
    assert xp(root, "//t:text//t:persName[. = 'PLYVKINA']/@cert") == ["low"]


def test_a_word_in_capitals_without_a_cue_is_neither_person_nor_place():
    root = tei_of(message("The NIACT order KOPRIVA came at dawn."))
    assert xp(root, "//t:text//t:persName[. = 'KOPRIVA'] | //t:text//t:placeName[. = 'KOPRIVA']") == []


def test_a_word_in_capitals_after_a_title_is_a_person():
    root = tei_of(message("The order of General KOPRIVA came at dawn."))
    assert xp(root, "//t:text//t:persName[. = 'KOPRIVA']/@cert") == ["low"]
