"""`register find`: a look-up answers as the tagger reads the name, with ranked candidates above a threshold."""

from __future__ import annotations

from tei_cables.tag.lookup import find_entries

from .conftest import message, tei_of, xp


def ids(query: str) -> list[str]:
    return [f.entry.id for f in find_entries(query)]


def test_a_family_name_alone_answers_the_people_who_bear_it():
    assert ids("Mao")[0] == "pers_mao_zedong"
    assert all(i.startswith("pers_") for i in ids("Mao"))


def test_a_common_korean_family_name_answers_only_people():
    found = ids("Kim")
    assert "pers_kim_il_sung" in found and all(i.startswith("pers_") for i in found)


def test_a_spelling_only_somewhat_alike_is_no_answer():
    assert "place_manpo" not in ids("Mao") and find_entries("Pyongyangg")[0].score >= 0.85


def test_a_declined_russian_form_answers_with_full_score():
    found = find_entries("ТЭДЖОНУ")
    assert (found[0].entry.id, found[0].score) == ("place_daejeon", 1.0)


def test_the_tagger_reads_in_running_text_what_the_look_up_resolves():
    root = tei_of(message("противник подошел к ТЭДЖОНУ, и наши войска отошли на новые рубежи.", russian=True))
    assert xp(root, "//t:text//t:placeName[. = 'ТЭДЖОНУ']/@ref") == ["#place_daejeon"]


def test_an_english_form_answers_its_entry():
    assert ids("Pak Hon Yong") == ["pers_pak_heon_yeong"]
