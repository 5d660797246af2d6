"""What a title says of a cable: its number, and where the sender and the addressees are named."""

from __future__ import annotations

from tei_cables.model import Text
from tei_cables.read.title import read_title


def parties(title: str) -> tuple[str | None, str | None, str | None]:
    roles = read_title(Text(title, 1))
    cut = lambda extent: title[extent[0]:extent[1]] if extent else None  # noqa: E731
    return roles.number, cut(roles.sender), cut(roles.addressees)


def names(title: str) -> list[str]:
    return [title[a:b] for a, b in read_title(Text(title, 1)).names]


def test_number_and_parties_after_a_comma():
    assert parties("Ciphered Telegram No. 0100, Stalin to Terebin") == ("0100", "Stalin", "Terebin")


def test_sender_after_from():
    assert parties("Cable No. 3582 from Flilippov [Stalin] to Cde. Mao Zedong") == (
        "3582", "Flilippov [Stalin]", "Cde. Mao Zedong")


def test_a_title_with_only_a_sender_and_a_place():
    assert parties("Ciphered Telegram No. 32616 from Savel'yev in Urumchi") == (
        "32616", "Savel'yev in Urumchi", None)


def test_an_intermediary_after_via_is_among_the_addressees():
    assert parties("Ciphered Telegram, Filippov (Stalin) to Zhou Enlai via Zakharov")[2] == "Zhou Enlai via Zakharov"


def test_the_state_departments_heading_names_the_office_and_the_person():
    assert parties("The Ambassador in Korea (Muccio) to the Secretary of State") == (
        None, "The Ambassador in Korea (Muccio)", "the Secretary of State")


def test_a_russian_title_is_read_with_russian_words():
    assert parties("Шифртелеграмма № 600308 от Штыкова к Громыко") == ("600308", "Штыкова", "Громыко")


def test_bare_names_are_slots_for_persons_the_register_may_lack():
    assert names("Ciphered Telegram No. 32616 from Savel'yev in Urumchi") == ["Savel'yev"]


def test_a_name_glossed_by_a_bracket_is_left_to_the_gloss():
    assert names("Cable No. 3582 from Flilippov [Stalin] to Cde. Mao Zedong") == ["Mao Zedong"]


def test_an_office_is_not_a_name():
    assert names("Ciphered Telegram No. 34691 from Feng Xi [Stalin] to Soviet Ambassador in Pyongyang Shtykov") == []


def test_a_title_without_parties_has_none():
    assert parties("Memorandum of Conversation") == (None, None, None)


def test_a_missing_word_list_is_refused_with_the_file_named(monkeypatch):
    import pytest

    from tei_cables import resources
    from tei_cables.errors import DataError

    monkeypatch.setattr(resources, "load_data", lambda name: {"title": {"from": ["from"]}})
    with pytest.raises(DataError, match="title.to must be a non-empty list") as err:
        resources.word_lists("parties.yaml", "title", ("from", "to"))
    assert err.value.path == "tei_cables/data/parties.yaml"


def test_the_addressees_end_where_the_subject_begins():
    assert parties("Telegram from Shtykov to Stalin Conveying a Letter from Kim Il Sung") == (None, "Shtykov", "Stalin")
