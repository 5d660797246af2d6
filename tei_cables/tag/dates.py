"""Dates and times in any form the cables use, normalised to ISO 8601.

The reader knows a handful of named shapes (numeric with dots, slashes or dashes; Roman-numeral months; month
names in English and Russian, spelled out or cut short; 24-hour, dotted and four-digit times, with or without a
redundant `p.m.`) and one combiner that joins a date and the time next to it (`17.7.52 18:45`,
`at 2035 30 September 1950`). Missing years come from the dates around them; two-digit years are 19xx. A date
that cannot be a real calendar date stays text and is reported.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from tei_cables.regex import alternation
from tei_cables.resources import load_data

# What may stand between a date and its time (`17.7.52 18:45`, `June 25, 1950—10 a.m.`).
_GAP = re.compile(r"^(?:[\s,]|at|on|в|г\.|года|[—–-](?=\s*$))*$", re.IGNORECASE)
_YEAR_MIN, _YEAR_MAX = 1900, 1999


@dataclass(frozen=True)
class FoundDate:
    """A date or time found in a text: its extent, ISO value and the TEI attribute that carries it."""

    start: int
    end: int
    when: str
    element: str = "date"  # "date", or "time" for a time of day alone
    cert: str | None = None  # "medium" when the day-month order was not told by the cable


@dataclass(frozen=True)
class Order:
    """How one hand (the clerk of the original, the translator) writes numeric dates: month first or day first.

    `cert` is None when the cable shows it (a date with a day over 12, or the archive's date heading), "medium" when
    nothing does and the convention of the date's style was followed.
    """

    month_first: bool
    cert: str | None = None


@dataclass
class DateContext:
    """What the dates of one document share: the year to assume, and the day-month order of each hand (`group`:
    the language part a text belongs to, since a translator writes dates otherwise than the original's clerk)."""

    year: int | None = None
    orders: dict[str, Order] = field(default_factory=dict)
    group: str = ""
    warnings: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Part:
    """One component found by the master pattern, before a date and a time are joined."""

    start: int
    end: int
    kind: str  # "date", "daymonth", "time", "hhmm", "year", "ambiguous"
    value: tuple


@cache
def _month_of() -> dict[str, int]:
    return {str(form): int(n) for n, forms in load_data("dates.yaml")["months"].items() for form in forms}


@cache
def _roman_of() -> dict[str, int]:
    return {r: i + 1 for i, r in enumerate(load_data("dates.yaml")["roman_months"])}


@cache
def _master() -> re.Pattern[str]:
    """The named shapes, as one pattern; each alternative is documented by its group name."""
    data = load_data("dates.yaml")
    month = rf"(?:{alternation(list(_month_of()))})\.?"
    roman = rf"(?:{alternation([r.upper() for r in _roman_of()])})"
    year_word = rf"(?:\s*(?:{alternation(data['year_words'])})(?!\w))?"
    ampm = rf"(?:\s*(?P<ampm>{alternation(data['am'] + data['pm'])}))?"
    # A footnote digit glued to the minutes (`8:101 a.m.`: 8:10 and note 1) is read only before a.m./p.m.
    ampm_ahead = rf"\s*(?:{alternation(data['am'] + data['pm'])})"
    return re.compile(
        rf"""
        (?<![\w/.:])(?:
          (?P<num>(?P<n1>\d{{1,2}})(?P<sep>[./\-])(?P<n2>\d{{1,2}})(?:(?P=sep)|(?<=/\d)-|(?<=/\d\d)-)
                 (?P<ny>\d{{4}}|\d{{2}}))(?![\d/])\.?{year_word}
        | (?P<rom>(?P<r1>\d{{1,2}})\.(?P<rm>{roman})(?:\.(?P<ry>\d{{4}}|\d{{2}}))?)(?![\w])\.?{year_word}
        | (?P<dmy>(?P<d1>\d{{1,2}})\s+(?P<m1>{month})(?:,?\s+(?P<y1>\d{{4}}))?){year_word}(?!\w)
        | (?P<mdy>(?P<m2>{month})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?)(?!\w)
        | (?P<my>(?P<m3>{month})\s+(?P<y3>\d{{4}})){year_word}(?!\w)
        | (?P<time>(?P<th>\d{{1,2}}):(?P<tm>\d{{2}})(?:\d(?={ampm_ahead}))?){ampm}(?!\w)
        | (?P<clock>(?P<ch>\d{{1,2}})\s*(?P<campm>{alternation(data['am'] + data['pm'])}))(?!\w)
        | (?P<noon>{alternation(data['noon'] + data['midnight'])})(?!\w)
        | (?P<dot>(?P<a>\d{{1,2}})\.(?P<b>\d{{2}}|\d))(?![\d.]\d|\w)
        | (?P<year>(?P<yy>19\d\d)){year_word}(?![\d/])
        | (?P<hhmm>(?P<hh>[0-2]\d)(?P<mm>[0-5]\d))(?![\d/.\w])
        )
        """,
        re.IGNORECASE | re.VERBOSE,
    )


def find_dates(text: str, ctx: DateContext, *, line: int = 0) -> list[FoundDate]:
    """Every date and time in a text, in order; updates the context year as full dates go by."""
    if not _may_hold_date(text):
        return []
    parts = [p for m in _master().finditer(text) if (p := _part(m, text)) is not None]
    found: list[FoundDate] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        joined = _join(p, nxt, text) if nxt else None
        if joined:
            date_part, time_part = joined
            value = _resolve(date_part, ctx, text, line)
            hm = _time_value(time_part)
            if value and hm == "24:00" and len(value) == 10:  # midnight ends the day: 00:00 of the next one
                value, hm = (dt.date.fromisoformat(value) + dt.timedelta(days=1)).isoformat(), "00:00"
            cert = _cert(date_part, ctx)
            if value and hm and len(value) == 10:
                found.append(FoundDate(min(p.start, nxt.start), max(p.end, nxt.end), f"{value}T{hm}:00", cert=cert))
            elif value:
                found.append(FoundDate(date_part.start, date_part.end, value, cert=cert))
            if not hm:
                ctx.warnings.append((line + text.count("\n", 0, time_part.start),
                                     f"not a real time: {text[time_part.start:time_part.end]!r}"))
            i += 2
            continue
        if p.kind in {"date", "daymonth", "ambiguous"} or (p.kind == "year" and (
                _year_cue(text, p.start) or p.end - p.start > 4)):
            value = _resolve(p, ctx, text, line)
            if value:
                found.append(FoundDate(p.start, _with_this_year(text, p.end), value, cert=_cert(p, ctx)))
        elif p.kind == "time":
            hm = _time_value(p)
            if hm:
                found.append(FoundDate(p.start, p.end, f"{'00:00' if hm == '24:00' else hm}:00", element="time"))
            else:
                ctx.warnings.append((line + text.count("\n", 0, p.start), f"not a real time: {text[p.start:p.end]!r}"))
        i += 1
    return found


def _may_hold_date(text: str) -> bool:
    """Whether the master pattern can match at all: every shape has a digit but noon and midnight (most lines of
    a cable have neither, and the pattern is long)."""
    if _DIGIT.search(text):
        return True
    folded = text.casefold()
    return any(w in folded for w in _clock_words())


_DIGIT = re.compile(r"\d")


@cache
def _clock_words() -> tuple[str, ...]:
    data = load_data("dates.yaml")
    return tuple(w.casefold() for w in data["noon"] + data["midnight"])


def _cert(p: _Part, ctx: DateContext) -> str | None:
    """How sure the reading of a date is: only an ambiguous numeric date read by convention is less than sure."""
    return _order(ctx, p.value[3]).cert if p.kind == "ambiguous" else None


def _part(m: re.Match[str], text: str) -> _Part | None:
    """Classify one match of the master pattern."""
    g = m.groupdict()
    if g["num"]:
        a, b, y = int(g["n1"]), int(g["n2"]), _year(g["ny"])
        kind = "ambiguous" if a <= 12 and b <= 12 and a != b else "date"
        return _Part(m.start(), m.end(), kind, (a, b, y, g["sep"]))
    if g["rom"]:
        y = _year(g["ry"]) if g["ry"] else None
        return _Part(m.start(), m.end(), "date", (int(g["r1"]), _roman_of()[g["rm"].lower()], y, "dmy"))
    if g["dmy"]:
        y = int(g["y1"]) if g["y1"] else None
        return _Part(m.start(), m.end(), "date", (int(g["d1"]), _month_of()[_key(g["m1"])], y, "dmy"))
    if g["mdy"]:
        y = int(g["y2"]) if g["y2"] else None
        return _Part(m.start(), m.end(), "date", (int(g["d2"]), _month_of()[_key(g["m2"])], y, "dmy"))
    if g["my"]:
        return _Part(m.start(), m.end(), "date", (None, _month_of()[_key(g["m3"])], int(g["y3"]), "my"))
    if g["time"]:
        return _Part(m.start(), m.end(), "time", (int(g["th"]), int(g["tm"]), (g["ampm"] or "").casefold()))
    if g["clock"]:
        return _Part(m.start(), m.end(), "time", (int(g["ch"]), 0, g["campm"].casefold()))
    if g["noon"]:
        midnight = g["noon"].casefold() in {str(w) for w in load_data("dates.yaml")["midnight"]}
        return _Part(m.start(), m.end(), "time", (24 if midnight else 12, 0, ""))
    if g["dot"]:
        return _Part(m.start(), m.end(), "daymonth", (int(g["a"]), int(g["b"]), None, "."))
    if g["hhmm"]:
        return _Part(m.start(), m.end(), "hhmm", (int(g["hh"]), int(g["mm"]), ""))
    if g["year"]:
        return _Part(m.start(), m.end(), "year", (None, None, int(g["yy"]), "y"))
    return None


def _key(month: str) -> str:
    return month.casefold().rstrip(".")


def _year(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    return 1900 + y if y < 100 else y


def _join(p: _Part, q: _Part, text: str) -> tuple[_Part, _Part] | None:
    """A date and the time right before or after it, with only spaces, `at` or `г.` between."""
    if not _GAP.match(text[p.end:q.start]):
        return None
    if p.kind in {"date", "daymonth", "ambiguous"} and q.kind in {"time", "daymonth", "hhmm"}:
        if q.kind == "daymonth" and not _is_time_pair(q):
            return None
        return p, (_Part(q.start, q.end, "time", q.value[:2] + ("",)) if q.kind != "time" else q)
    at_year = p.kind == "year" and re.search(r"\bat\s+$", text[:p.start]) and p.end - p.start == 4
    if p.kind == "year" and at_year:
        p = _Part(p.start, p.end, "hhmm", (p.value[2] // 100, p.value[2] % 100, ""))
    if p.kind in {"hhmm", "time"} and q.kind == "date":
        return q, (_Part(p.start, p.end, "time", p.value[:2] + ("",)) if p.kind != "time" else p)
    return None


def _is_time_pair(q: _Part) -> bool:
    h, m = q.value[0], q.value[1]
    return 0 <= h <= 23 and 0 <= m <= 59


def _time_value(p: _Part) -> str | None:
    """`HH:MM`, reading `p.m.` only where the hour is a 12-hour one (8:30 p.m. is 20:30; 14:45 p.m. is 14:45)."""
    h, m, ampm = p.value
    pm = ampm.replace(" ", "") in {w.replace(" ", "") for w in load_data("dates.yaml")["pm"]}
    am = ampm.replace(" ", "") in {w.replace(" ", "") for w in load_data("dates.yaml")["am"]}
    if pm and h < 12:
        h += 12
    elif am and h == 12:
        h = 0
    if (h, m, ampm) == (24, 0, ""):
        return "24:00"  # midnight, the end of its day
    if not (0 <= h <= 23 and 0 <= m <= 59):
        return None
    return f"{h:02d}:{m:02d}"


def _resolve(p: _Part, ctx: DateContext, text: str, line: int) -> str | None:
    """The ISO value of a date part, taking year and order from the context; None (and a warning) if impossible."""
    a, b, y, style = p.value
    if style == "y":
        return f"{y:04d}" if _YEAR_MIN <= y <= _YEAR_MAX else None
    if style == "my":
        ctx.year = y
        return f"{y:04d}-{b:02d}"
    if p.kind == "daymonth" or style == "dmy":
        day, month = a, b
    elif b > 12 >= a or (p.kind == "ambiguous" and _order(ctx, style).month_first):
        day, month = b, a
    else:
        day, month = a, b
    if y is None:
        y = ctx.year
    try:
        date = dt.date(y or 2000, month, day)  # 2000 is a leap year, so 29 February stays possible
    except ValueError:
        ctx.warnings.append((line + text.count("\n", 0, p.start), f"not a real date: {text[p.start:p.end]!r}"))
        return None
    if y is None:
        return f"--{month:02d}-{day:02d}"
    ctx.year = y
    return date.isoformat()


def _order(ctx: DateContext, style: str) -> Order:
    """The order decided for the hand of the text being read, else the convention of the style: slashes month
    first (as the US translations of these archives write), dots and dashes day first (as Russian and European
    clerks write)."""
    return ctx.orders.get(ctx.group) or Order(month_first=style == "/")


def _year_cue(text: str, start: int) -> bool:
    """A bare year is a date only after a word that introduces one (`in 1950`, `for 1952`, `of 1951`)."""
    before = text[max(0, start - 20):start]  # the cue word is right before the year: no need to search the whole text
    return bool(re.search(r"(?:(?<!\w)(?:in|of|for|since|until|by|в|на|за)\s+)$", before, re.IGNORECASE))


def _with_this_year(text: str, end: int) -> int:
    """Extend a date over a following `of this year`, which only restates the context year."""
    m = _this_year_regex().match(text, end)
    return m.end() if m else end


@cache
def _this_year_regex() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(load_data('dates.yaml')['this_year'])})", re.IGNORECASE)


_NUMERIC = re.compile(r"(?<![\w/.:])(\d{1,2})([./\-])(\d{1,2})[./\-](\d{4}|\d{2})(?![\d/])")


def decide_orders(texts: list[tuple[str, str, int]], heading: dt.date | None = None
                  ) -> tuple[dict[str, Order], list[tuple[int, str]]]:
    """The day-month order of each hand (group) of a cable, decided once from all its numeric dates, so that
    `13/01/50` and `12/01/50` in one cable are read alike.

    `texts` are (group, text, first line). A date with a number over 12 tells the order; where its dates tell
    both, the majority wins and a warning names a line of each; where none tells it, the archive's date heading
    does if one reading of an ambiguous date falls within a week of it; else the style's convention is followed,
    the dates read so get cert="medium", and a warning names the line of the first.
    """
    found: dict[str, dict[str, list[tuple[int, str, int, int, int]]]] = {}
    for group, text, line in texts:
        for m in _NUMERIC.finditer(text):
            a, b, y = int(m.group(1)), int(m.group(3)), _year(m.group(4)) or 0
            kind = "day" if a > 12 >= b else "month" if b > 12 >= a else "ambiguous" if a != b and b else ""
            if kind:
                where = line + text.count("\n", 0, m.start())
                found.setdefault(group, {}).setdefault(kind, []).append((where, m.group(2), a, b, y))
    orders: dict[str, Order] = {}
    warnings: list[tuple[int, str]] = []
    for group, kinds in found.items():
        ambiguous = kinds.get("ambiguous", [])
        if ambiguous:
            order, warning = _decide(kinds.get("day", []), kinds.get("month", []), ambiguous, heading)
            orders[group] = order
            warnings += [warning] if warning else []
    return orders, warnings


def _decide(day: list, month: list, ambiguous: list, heading: dt.date | None) -> tuple[Order, tuple[int, str] | None]:
    """One hand's order from its dates (see `decide_orders`)."""
    first = ambiguous[0][0]
    if day and month:
        month_first = len(month) > len(day)
        return Order(month_first), (first, f"dates are written both day first (line {day[0][0]}) and month first "
                                           f"(line {month[0][0]}); the ambiguous ones are read "
                                           f"{'month' if month_first else 'day'} first, as most of them are")
    if day or month:
        return Order(bool(month)), None
    by_heading = _heading_order(ambiguous, heading)
    if by_heading is not None:
        return Order(by_heading), None
    month_first = ambiguous[0][1] == "/"
    return Order(month_first, cert="medium"), (first, (
        f"nothing in the cable tells whether {ambiguous[0][2]:02d}{ambiguous[0][1]}{ambiguous[0][3]:02d} is day or "
        f"month first (no date with a day over 12, no date heading); read {'month' if month_first else 'day'} "
        f"first, as dates with {'slashes' if month_first else 'dots'} usually are, and marked cert=\"medium\""))


def _heading_order(ambiguous: list, heading: dt.date | None) -> bool | None:
    """Month first (True) or day first (False) when one reading of an ambiguous date lies within a week of the
    archive's date heading and the other does not; None when the heading does not tell."""
    if heading is None:
        return None
    votes: set[bool] = set()
    for _, _, a, b, y in ambiguous:
        near = {month_first: _near(y, a if month_first else b, b if month_first else a, heading)
                for month_first in (True, False)}
        if near[True] != near[False]:
            votes.add(near[True])
    return votes.pop() if len(votes) == 1 else None


def _near(year: int, month: int, day: int, heading: dt.date) -> bool:
    try:
        return abs((dt.date(year or heading.year, month, day) - heading).days) <= 7
    except ValueError:
        return False
