"""Properties that hold for every input, checked on generated text (Hypothesis).

For arbitrary text and for cable-like text (stamps with random dates, times and names, random line ends): convert
never raises anything but the tool's own one-line error, its output is well-formed, has no schema error, keeps
every word, and is the same bytes on a second run. CI runs a few hundred examples of each (about a minute).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tei_cables.errors import TeiCablesError
from tei_cables.pipeline import convert_text
from tei_cables.validate import iter_findings

from .conftest import xml_text_words

EXAMPLES = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NAMES = ["STALIN", "Shtykov", "ГРОМЫКО", "Kim Il Sung", "Пак Хен Ен", "MATVEYEV", "Zaborovsky", "Filippov",
         "Cde. Vasilevsky", "тов. СТАЛИНУ", "PYONGYANG", "Moscow", "Seoul", "Correspondent 20", "P'UNGGI"]
PHRASES = ["Sent", "Received", "Received in Moscow", "Deciphered by", "Typed by", "From", "To:", "Подана",
           "Принята", "Расшифровал", "Отп.", "Distribution list:", "Copies:", "Экз. №", "CIPHERED TELEGRAM No.",
           "Extremely Urgent", "НЕ СЕКРЕТНО", "Enclosure:", "Вх. №", "Лист №", "[sic]", "[illegible]", '"', "*****"]


@st.composite
def dates(draw) -> str:
    """Dates and times in the forms of the cables, possible and impossible."""
    d, m, y = draw(st.integers(0, 35)), draw(st.integers(0, 14)), draw(st.sampled_from([50, 51, 52, 1950, 99]))
    hh, mm = draw(st.integers(0, 26)), draw(st.integers(0, 61))
    return draw(st.sampled_from([
        f"{d}.{m}.{y}", f"{m:02d}/{d:02d}/{y}", f"{d}.IX.{y}", f"{d} September {y}", f"{hh}:{mm:02d}",
        f"{hh}:{mm:02d} p.m.", f"{hh}.{mm:02d}", f"{hh:02d}{mm:02d}", f"{d}.{m} {hh}:{mm:02d}",
        f"July {d} and the night of July {d + 1}",
    ]))


@st.composite
def cable_lines(draw) -> str:
    """One line of a cable: a stamp with its date and name, a copy line, or words of the message."""
    kind = draw(st.sampled_from(["stamp", "copy", "prose", "number"]))
    if kind == "stamp":
        return f"{draw(st.sampled_from(PHRASES))} {draw(st.sampled_from(NAMES))} {draw(dates())}"
    if kind == "copy":
        return f"{draw(st.sampled_from(NAMES))} - {draw(st.integers(0, 12))}"
    if kind == "number":
        return f"No. {draw(st.integers(1, 999999))}/{draw(st.sampled_from(['sh', 'ш', 'shs', '']))}"
    words = draw(st.lists(st.sampled_from(NAMES + ["the", "enemy", "front", "on", "toward", "river", "&", "<b>",
                                                    "]]>", "<!--", "in 1950", "of this year"]), min_size=1,
                          max_size=25))
    return " ".join(words) + draw(st.sampled_from([".", "", ":", ","]))


@st.composite
def cables(draw) -> str:
    lines = draw(st.lists(st.one_of(cable_lines(), st.just("")), min_size=1, max_size=30))
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


def _check(text: str) -> None:
    """The properties: a clean result or the tool's own error; valid, lossless and deterministic output."""
    try:
        first = convert_text(text, "generated.txt")
    except TeiCablesError as exc:
        assert exc.message and "\n" not in exc.message
        return
    errors = [f for f in iter_findings(first.tei, name="generated.xml") if f.severity == "error"]
    assert errors == []
    assert _missing_words(text, first.tei) == []
    assert convert_text(text, "generated.txt").tei == first.tei


def _missing_words(text: str, tei: bytes) -> list[str]:
    have: dict[str, int] = {}
    for w in xml_text_words(tei):
        have[w] = have.get(w, 0) + 1
    missing = []
    for w in re.findall(r"\w+", text.casefold()):
        if have.get(w, 0) > 0:
            have[w] -= 1
        else:
            missing.append(w)
    return missing


@EXAMPLES
@given(cables())
def test_cable_like_text_converts_to_valid_lossless_deterministic_tei(text: str):
    _check(text)


@EXAMPLES
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_arbitrary_text_converts_or_fails_with_one_line(text: str):
    _check(text)
