"""Local times of routing stamps get the UTC offset of the place they were written at, from the tz database."""

from __future__ import annotations

import pytest

from .conftest import tei_of, xp

FORM = ("From: PYONGYANG\n\nSent by wire on 09/30/50 at 20:35 p.m.\n\nReceived in Moscow on 09/30/50 at 23:32 p.m.\n\n"
        "Deciphered by Mikhaylenko on 10/01/50 at 0:35 a.m.\n\n")
PROSE = "I met the chairman of the committee upon his request and we discussed the situation at length.\n\nSHTYKOV"


def stamp_when(root, subtype: str) -> list[str]:
    return xp(root, f"//t:text//*[@subtype='{subtype}']//t:date/@when")


def test_a_sent_time_takes_the_offset_of_the_place_the_form_names():
    assert stamp_when(tei_of(FORM + PROSE), "sent") == ["1950-09-30T20:35:00+09:00"]


def test_a_received_time_takes_the_offset_of_its_own_place():
    assert stamp_when(tei_of(FORM + PROSE), "received") == ["1950-09-30T23:32:00+03:00"]


def test_a_time_with_no_place_written_gets_no_offset():
    assert stamp_when(tei_of(FORM + PROSE), "deciphered") == ["1950-10-01T00:35:00"]


def test_the_offset_is_marked_as_the_encoders_interpretation():
    root = tei_of(FORM + PROSE)
    assert xp(root, "//t:text//*[@subtype='sent']//t:date/@resp") == ["#tei_cables"]
    assert xp(root, "(//t:correspDesc)[1]/t:correspAction[@type='sent']/t:date/@resp") == ["#tei_cables"]


def test_the_offset_follows_the_history_of_the_place():
    # South Korea kept summer time in 1950: Seoul was ten hours ahead of UTC that June.
    root = tei_of("The Ambassador in Korea (Muccio) to the Secretary of State\n\nSeoul, June 25, 1950—10 a.m.\n\n"
                  "925. According Korean Army reports North Korean forces invaded ROK territory this morning.\n\n"
                  "Muccio")
    assert xp(root, "//t:dateline/t:date/@when") == ["1950-06-25T10:00:00+10:00"]


def test_a_zone_the_tz_database_lacks_is_refused_with_the_file_named(monkeypatch):
    from tei_cables.errors import DataError
    from tei_cables.tag import timezones

    timezones.zones.cache_clear()
    monkeypatch.setattr(timezones, "load_data", lambda name: {"place_moscow": "Europe/Atlantis"})
    with pytest.raises(DataError, match="unknown time zone") as err:
        timezones.zones()
    assert err.value.path == "tei_cables/data/timezones.yaml"
    monkeypatch.undo()
    timezones.zones.cache_clear()
