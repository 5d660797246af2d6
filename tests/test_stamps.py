"""The stamp grammar: which lines are routing stamps, of what type, with which person and place."""

from __future__ import annotations

import pytest

from tei_cables.read.stamps import read_line

from .conftest import tei_of, xp


def stamps(line: str, *, continues_ok: bool = False) -> list[tuple[str, str]]:
    got = read_line(line, continues_ok=continues_ok)
    assert got is not None, f"no stamp in {line!r}"
    return [(s.type, line[s.start:s.end].strip()) for s in got.stamps]


def person(line: str) -> str | None:
    s = read_line(line, continues_ok=False).stamps[0]
    return line[s.person[0]:s.person[1]] if s.person else None


def place(line: str) -> str | None:
    s = read_line(line, continues_ok=False).stamps[0]
    return line[s.place[0]:s.place[1]] if s.place else None


@pytest.mark.parametrize(("line", "stamp_type"), [
    ("Sent on 09/29/50 at 20:23 p.m.", "sent"),
    ("Sent from Pyongyang by wire on 09/30/50 at 20:35 p.m.", "sent"),
    ("Received in Moscow on 09/30/50 at 14:45 p.m.", "received"),
    ("Arrived at the 8D/GS on 10/09/50 at 9:45 a.m.", "arrived"),
    ("Deciphered by Morozov on 10/09/50 at 10:45 a.m.", "deciphered"),
    ("Typed by Kravchuk on 10/09/50 at 11:20 a.m.", "typed"),
    ("Подана 30.9.50 20.35", "sent"),
    ("Принята 30.9 23.32", "received"),
    ("Поступила в 8-е Управление Генерального Штаба 30.9 23.30", "arrived"),
    ("Расшифровал 1.10.50 г. 0.35 Михайленко", "deciphered"),
    ("отп. Щербакова 1.10.50 г. 1.45 /26/", "typed"),
    ("Extremely Urgent", "urgency"),
    ("Весьма срочная", "urgency"),
    ("НЕ СЕКРЕТНО", "classification"),
    ("Top Secret", "classification"),
    ("Enclosure: 4-page letter.", "enclosure"),
    ("Снятие копий воспрещается", "handling"),
    ("Вх. № 3561/42", "registration"),
])
def test_stamp_type_from_its_phrase(line, stamp_type):
    assert stamps(line)[0][0] == stamp_type


def test_received_at_the_cipher_office_is_the_arrived_stamp():
    assert stamps("Received at the 8D/GS on 09/30/50 at 14:50 p.m.")[0][0] == "arrived"


def test_sent_to_the_general_staff_is_the_arrived_stamp():
    assert stamps("Sent to 8th Administration of the General Staff 17.7 21:10")[0][0] == "arrived"


def test_several_stamps_on_one_line():
    assert stamps("From Correspondent 20 Sent 17.7.52") == [("from", "From Correspondent 20"), ("sent", "Sent 17.7.52")]


def test_lower_case_stamps_of_a_translation():
    line = "from PYONGYANG sent at 2035 30 September 1950"
    assert [t for t, _ in stamps(line)] == ["from", "sent"]


def test_telegram_number_with_cyrillic_suffix():
    got = read_line("**ШИФРОВКА** № 600308/ш", continues_ok=False)
    assert got.stamps[0].type == "number" and got.stamps[0].value == "600308/ш"


def test_telegram_number_with_hash():
    assert read_line("CIPHERED TELEGRAM # 600301/sh", continues_ok=False).stamps[0].value == "600301/sh"


def test_the_word_cable_without_a_number_is_not_a_stamp():
    assert read_line("This cable was long.", continues_ok=False) is None


def test_clerk_after_deciphered_by():
    assert person("Deciphered by Vakushin on 09/30/50 at 15:50 p.m") == "Vakushin"


def test_clerk_after_the_date_in_a_russian_stamp():
    assert person("Расшифровал 1.10.50 г. 0.35 Михайленко") == "Михайленко"


def test_addressee_of_cabled_leaves_out_the_title():
    assert person("This letter was cabled to Comrade Stalin on 10.01.50 at 12:50 p.m.") == "Stalin"


def test_place_of_a_received_stamp():
    assert place("Received in Moscow on 09/30/50 at 23:32 p.m.") == "Moscow"


def test_place_stops_before_the_channel():
    assert place("Sent from Pyongyang by wire on 09/30/50 at 20:35 p.m.") == "Pyongyang"


def test_a_date_is_not_a_place():
    assert place("Sent on 09/29/50 at 20:23 p.m.") is None


def test_from_inside_a_sentence_is_not_a_stamp():
    assert read_line("a letter from KIM IL SUNG to Comrade STALIN", continues_ok=False) is None


def test_urgency_words_inside_prose_are_not_a_stamp():
    assert read_line("it is urgent to organise defence", continues_ok=False) is None


def test_lower_case_line_continues_the_stamp_above():
    assert read_line("в IV часть ОС ЦК ВКП(б)", continues_ok=True).continues


def test_a_capitalised_name_does_not_continue_a_stamp():
    assert read_line("MOSCOW", continues_ok=True) is None


def test_a_colon_after_the_phrase_does_not_hide_the_clerk():
    assert person("Deciphered: Ilyin 1.10.50 04:20") == "Ilyin"


def test_a_verified_stamp_names_its_clerk_without_his_office():
    root = tei_of("To Comrade GROMYKO\n\nI report on the situation at the front as of this morning.\n\nSHTYKOV\n\n"
                  "Verified by Shift Chief Sadov[in] 0350\n")
    stamp = xp(root, "//t:ab[@subtype='verified']")[0]
    assert xp(stamp, "t:persName/text()") == ["Sadov[in]"]
    assert xp(root, "//t:person[@xml:id='pers_local_sadovin']/t:persName[@type='regularised']/text()") == ["Sadovin"]


def test_a_russian_verified_stamp_names_its_clerk():
    root = tei_of("Товарищу ГРОМЫКО\n\nДокладываю о положении на фронте на утро сегодняшнего дня.\n\nШТЫКОВ\n\n"
                  "Проверил Сидоренко\n")
    assert xp(root, "//t:ab[@subtype='verified']/t:persName/text()") == ["Сидоренко"]
