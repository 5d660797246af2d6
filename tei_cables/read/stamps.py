"""Routing stamps: which lines of a paragraph are stamps, what type each is, and where its person or place is.

The grammar is the phrase table of `phrases.py`; this module applies it line by line. A line may hold several
stamps ("from PYONGYANG sent at 2035 30 September 1950"), and a line with no phrase of its own may continue the
stamp above it ("30\\nSeptember 1950", "в IV часть ОС ЦК ВКП(б)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tei_cables.model import Stamp
from tei_cables.read.phrases import PhraseMatch, find_phrases, number_regex, offices
from tei_cables.regex import alternation
from tei_cables.resources import load_data

# A run of dates and times (`17.7.52`, `18:45`, `30 September 1950`, `0.35`) that may open a line which continues
# the stamp above it.
_DATE_TOKEN = r"(?:\d{1,4}(?:[.:/\-][\dIVXivx]{1,4}){0,2}\.?|г\.|a\.m\.|p\.m\.|at|on|{months})"


@cache
def _dateish() -> re.Pattern[str]:
    """A line start made only of date and time tokens, month names included."""
    months = "|".join(sorted((re.escape(str(f)) + r"\.?" for forms in load_data("dates.yaml")["months"].values()
                              for f in forms), key=len, reverse=True))
    token = _DATE_TOKEN.replace("{months}", months)
    return re.compile(rf"^{token}(?:\s+{token})*\s*(?!\w)", re.IGNORECASE)




@cache
def _name() -> re.Pattern[str]:
    """A clerk's name after a stamp phrase: the titles and offices before it (`Cde.`, `Shift Chief`, `тов.`,
    `clerk_titles` in stamps.yaml) left out, an editor's completion inside it (`Sadov[in]`) kept."""
    titles = alternation(load_data("stamps.yaml")["clerk_titles"])
    word = r"[A-ZА-ЯЁ][\w'’\-]*(?:\[\w+\])?\.?"
    return re.compile(rf"(?:(?i:{titles})\s+)*(?P<name>{word}(?:[ \t]+{word})*)")
_PLACE = re.compile(r"(?:the\s+)?(?P<place>[\w][\w'’/\-]*(?:[ \t]+(?:of|the|of the|[\w][\w'’/\-]*))*)",
                    re.IGNORECASE)
_PLACE_STOP = re.compile(r"\s+(?:on|at|by|в|of)?\s*(?=\d{1,2}[./:]|\d{4}\b)|\s+(?:on|at|by|via)\b", re.IGNORECASE)
_LEAD_WORDS = 4  # "This letter was cabled to …": up to this many words may stand before a stamp phrase


@dataclass(frozen=True)
class LineStamps:
    """The stamps found on one line, as offsets into that line, or none."""

    stamps: tuple[Stamp, ...]
    continues: bool  # the line (or its start) continues the stamp above


def valid_matches(line: str, *, at_line_start_only: bool = False) -> list[PhraseMatch]:
    """Phrase matches that really open a stamp here (start-only phrases at the start, numbers with a number)."""
    out = []
    lead = _lead_length(line)
    for m in find_phrases(line):
        p = m.phrase
        at_start = m.start <= lead
        if (p.start_only or at_line_start_only) and not at_start:
            continue
        if p.number and not number_regex().match(line[m.end:].lstrip(" *")):
            continue
        if p.number_only and not re.match(r"\s*(?:№|no\.?|n°|#)?\s*\d", line[m.end:], re.IGNORECASE):
            continue
        if p.whole and not _stands_alone(line, m):
            continue
        out.append(m)
    return out


def _lead_length(line: str) -> int:
    """Characters of markup or quotation that may stand before a phrase at the start of a line."""
    return len(line) - len(line.lstrip(" *\"'«„“[(\t"))


def _stands_alone(line: str, m: PhraseMatch) -> bool:
    """Urgency, classification and channel markings fill their line (or stand between other stamps)."""
    before = line[:m.start].strip(" *.,;:")
    after = line[m.end:].strip(" *.,;:")
    return (not before or bool(find_phrases(before))) and (not after or bool(find_phrases(after)))


def read_line(line: str, *, continues_ok: bool) -> LineStamps | None:
    """Read one line as stamps; None when the line is not a stamp line.

    `continues_ok` says whether the line may continue a stamp of the line above.
    """
    matches = valid_matches(line)
    if not matches:
        if continues_ok and _continues(line):
            return LineStamps((), True)
        return None
    first = matches[0]
    head = line[:first.start]
    continues = False
    if head.strip(" *\"'«„“[(\t"):
        if continues_ok and _dateish().fullmatch(head):
            continues = True
        elif not _is_lead(head, matches):
            return None
    stamps = []
    for i, m in enumerate(matches):
        start = 0 if (i == 0 and not continues) else m.start
        end = matches[i + 1].start if i + 1 < len(matches) else len(line)
        stamps.append(_stamp(line, m, start, end))
    return LineStamps(tuple(stamps), continues)


def _continues(line: str) -> bool:
    """A line with no phrase continues the stamp above if it opens in lower case or with a date or time."""
    stripped = line.lstrip(" *\t")
    return bool(stripped) and (stripped[0].islower() or bool(_dateish().fullmatch(stripped))
                               or stripped[0].isdigit() and len(stripped.split()) <= 4)


def _is_lead(head: str, matches: list[PhraseMatch]) -> bool:
    """A few words before a strong phrase ("This letter was cabled to"), never before a weak one."""
    return len(head.split()) <= _LEAD_WORDS and matches[0].phrase.strong


def _stamp(line: str, m: PhraseMatch, start: int, end: int) -> Stamp:
    """Build one stamp from its phrase match and extent, finding its person, place or number."""
    p = m.phrase
    stamp_type = p.type
    person = place = None
    value = None
    rest = line[m.end:end]
    if p.person == "after":
        person = _name_after(rest, m.end)
    elif p.person == "any":
        person = _any_name(rest, m.end)
    if p.place:
        place = _place_after(rest, m.end)
        if place and stamp_type == "received" and _is_office(line[place[0]:place[1]]):
            stamp_type = "arrived"
    if p.number:
        num = number_regex().search(rest)
        value = num.group("num").replace(" ", "") if num else None
    elif p.whole:
        value = " ".join(line[m.start:m.end].split())
    return Stamp(type=stamp_type, start=start, end=end, person=person, place=place, value=value)


_LEAD = " \t:-–—"


def _name_after(rest: str, offset: int) -> tuple[int, int] | None:
    """The capitalised name right after a phrase such as `Deciphered by` (titles like `Cde.` left out)."""
    body = rest.lstrip(_LEAD)  # `Deciphered: Ilyin`, `Typed by - Sokolova`
    m = _name().match(body)
    if not m:
        return None
    shift = offset + len(rest) - len(body)
    name = m.group("name").rstrip(".")
    return shift + m.start("name"), shift + m.start("name") + len(name)


def _any_name(rest: str, offset: int) -> tuple[int, int] | None:
    """The first capitalised word of a stamp that is not a date, such as the clerk of a Russian stamp."""
    for m in re.finditer(r"(?<!\w)[A-ZА-ЯЁ][a-zа-яё'\-]+(?:\s+[A-ZА-ЯЁ]\.\s*)*", rest):
        word = m.group().strip()
        if len(word) > 2 and not _dateish().match(word):
            return offset + m.start(), offset + m.start() + len(word)
    return None


def _place_after(rest: str, offset: int) -> tuple[int, int] | None:
    """The place or office a stamp names right after its phrase (`Received in Moscow on …`)."""
    lead = len(rest) - len(rest.lstrip(" :\t"))
    body = rest[lead:]
    stop = _PLACE_STOP.search(body)
    body = body[:stop.start()] if stop else body
    phrase_at = [m.start for m in valid_matches(body) if m.start > 0]
    if phrase_at:
        body = body[:phrase_at[0]]
    m = _PLACE.match(body)
    if not m or not m.group("place")[0].isupper() and not m.group("place")[0].isdigit():
        return None
    if re.match(r"\d+(?:[.:/]|\s*$)|\d{3,4}\b", m.group("place")) or _dateish().match(m.group("place")):
        return None  # a date or time (`Received June 24—9:26 p.m.`), not a place
    place = m.group("place").rstrip(" .,;:")
    if not place:
        return None
    return offset + lead + m.start("place"), offset + lead + m.start("place") + len(place)


def is_cover_designation(text: str) -> bool:
    """True when a stamp's place is a station's cover name and number (`Correspondent 20`), not a city."""
    m = _cover_regex().match(text.strip())
    rest = text.strip()[m.end():] if m else ""
    return bool(rest) and (rest.isdigit() or number_regex().fullmatch(rest) is not None)


@cache
def _cover_regex() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load_data("stamps.yaml")["cover_designations"])
    return re.compile(rf"(?i:{words})\s*")


def _is_office(text: str) -> bool:
    """True when a stamp's place is the receiving cipher office rather than a city."""
    folded = text.casefold()
    return any(o in folded for o in offices())
