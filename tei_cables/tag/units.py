"""Organisations named as a whole: a unit named before its institution is one organisation.

`Special Section of the Central Committee of the VKP(b)`, `Tenth Department of the Ministry of Foreign Affairs of
the USSR`, `Government of the DPRK`, `Особый сектор ЦК ВКП(б)`, `8-е Управление Генштаба`: the register may know
the institution inside (`VKP(b)`, the MFA, the DPRK) but not the unit. A unit head (`Section`, `Department`,
`Управление`, with its ordinals and adjectives) followed by `of (the)` and a tagged organisation or country (in
Russian, by the organisation in the genitive) makes one `orgName` over the whole, read outwards as far as it goes
(a section of a committee of a party). The unit gets an entry of the file (unless the register knows the whole
name, in which case the matcher has already linked it) that is part of the institution it names. The grammar is
in `data/units.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from tei_cables.model import Span
from tei_cables.resources import word_lists

_WINDOW = 200  # characters before a name in which its unit may stand
_NUMBERED = re.compile(r"(?<!\w)\d{1,3}(?:st|nd|rd|th|-?[a-zа-я]{1,2})?\s+$")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The unit before a name: English `Head of (the)`, Russian `Head` (the name follows in the genitive)."""
    en = word_lists("units.yaml", "en", ("heads", "modifiers"))
    ru = word_lists("units.yaml", "ru", ("heads", "modifiers"))

    def alt(words: tuple[str, ...]) -> str:
        return "|".join(sorted(words, key=len, reverse=True))

    english = re.compile(rf"(?<![\w\-])(?P<unit>(?:(?:{alt(en['modifiers'])})\s+)*(?:{alt(en['heads'])}))"
                         rf"\s+of\s+(?:the\s+)?$", re.IGNORECASE)
    # In Russian the name follows in the genitive with no word between, so a bare head (`Отдела 8 Управления`, a
    # chief's title) would take too much: a Russian unit needs its modifier (`Особый сектор`, `8-е Управление`).
    russian = re.compile(rf"(?<![\w\-])(?P<unit>(?:(?:{alt(ru['modifiers'])})\s+)+(?:{alt(ru['heads'])})\w{{0,3}})"
                         rf"\s+$", re.IGNORECASE)
    return english, russian


def whole_units(spans: list[Span], value: str, new_unit: Callable[[str, str | None], str]) -> list[Span]:
    """The spans with every organisation or country that a unit names before it taken into one unit span.

    `new_unit(name, parent_ref)` gives the entry id of a unit (a local entry, part of its parent's entry).
    """
    names = sorted((s for s in spans if s.kind in {"org", "place"} and s.get("ref")), key=lambda s: s.start)
    named = set(names)
    out = [s for s in spans if s not in named]
    for s in names:
        start, parent = s.start, s.get("ref")
        while True:
            window = max(0, start - _WINDOW)  # a unit is a few words: looking further back would be quadratic
            m = _unit_before(value[window:start])
            unit = window + m.start("unit") if m else start
            if m is None or not _capitalised(value[unit:]) or _NUMBERED.search(value[max(0, unit - 8):unit]):
                break  # no unit, or a numbered one (`4th Department of …`), which the register is left to know
            start = unit
        if start == s.start:
            out.append(s)
            continue
        name = " ".join(value[start:s.end].split())
        out.append(Span(start, s.end, "org", (("ref", f"#{new_unit(name, parent)}"), ("cert", "low"))))
    return out


def _unit_before(before: str) -> re.Match[str] | None:
    english, russian = _patterns()
    return english.search(before) or russian.search(before)


def _capitalised(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit()
