"""Korean and Chinese names by their shape: a family name of the list and a given name built of syllables."""

from __future__ import annotations

from tei_cables.tag.east_asian import east_asian_names

from .conftest import message, tei_of, xp


def names(text: str) -> list[str]:
    return [text[a:b] for a, b in east_asian_names(text)]


def test_a_korean_name_with_a_hyphenated_given_name():
    assert names("He met Pak Dong-cho yesterday.") == ["Pak Dong-cho"]


def test_a_given_name_of_two_words_and_one_in_capitals():
    assert names("Choe Yong Gon and KIM IL SUNG agreed.") == ["Choe Yong Gon", "KIM IL SUNG"]


def test_a_chinese_name_in_pinyin():
    assert names("Liu Shaoqi and Wang Jiaxiang left.") == ["Liu Shaoqi", "Wang Jiaxiang"]


def test_a_korean_name_in_russian():
    assert names("Прибыл Ли Сан Чо.") == ["Ли Сан Чо"]


def test_a_family_name_before_a_word_is_no_name():
    assert names("Kim reported that the Han River froze.") == []


def test_an_english_word_of_syllable_shape_is_no_given_name():
    assert names("The Kim Committee met.") == []


def test_a_name_the_register_lacks_becomes_a_person_for_an_editor():
    root = tei_of(message("Hyon Chang-sok arrived at the front with the new orders."))
    assert xp(root, "//t:text//t:persName[. = 'Hyon Chang-sok']/@cert") == ["low"]


def test_a_gloss_after_a_name_is_the_same_person():
    root = tei_of(message("Hyon Chang-sok [Hyeon Chang-seok] arrived at the front with the new orders."))
    refs = xp(root, "//t:text//t:persName[contains(., 'Chang')]/@ref")
    assert len(refs) == 2 and len(set(refs)) == 1


def test_only_a_family_name_of_the_lists_is_read_alone():
    from tei_cables.tag.east_asian import family_names

    assert "mao" in family_names() and "kim" in family_names()
    assert "he" not in family_names() and "john" not in family_names()


def test_the_given_name_of_a_western_order_form_is_not_read_as_a_family_name():
    root = tei_of(message("John M. Chang met the envoys, and John himself said nothing of the orders."))
    assert [e.text for e in xp(root, "//t:text//t:persName")] == ["GROMYKO", "John M. Chang", "SHTYKOV"]
