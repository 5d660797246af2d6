"""Sign-offs: the signature block that closes a message, and the names of its signers.

Real cables close in many shapes: a surname in capitals or not (`SHTYKOV`, `Roshchin`, `ШТЯКОВ.`), letter-spaced
(`S H T Y K O V`), a code name with the editor's gloss (`Filippov [Stalin]`, `FENG XI [Stalin].`), a date before
the name (`6.1.1949 Filippov [Stalin]`, `13/5-50. Roshchin`, `24.III.50 Shtykov`, `20 October 1949 SAVEL'YEV`),
a closing formula before it (`With greetings. FILIPPOV [Stalin].`), several signers on a line or on several lines
(`KIM IL SUNG, PAK HEON-YEONG`). A place before the date (`Pyongyang, 29 September 1950`) makes a dateline, not a
sign-off: a sign-off puts its date first.

The signers' extents are slots for the tagger (a name the register lacks still becomes a person), and the sender
of a cable with no `From` stamp is its own message's signer (`tag/correspondence.py`).
"""

from __future__ import annotations

import re
from functools import cache

from tei_cables.regex import alternation
from tei_cables.resources import load_data

_MAX_WORDS = 3  # a signer's name, without its gloss, is at most this many words
_QUOTES = "\"'«»“”„"


@cache
def _date_prefix() -> re.Pattern[str]:
    """A date standing before the signature: numeric (`6.1.1949`, `13/5-50`, `24.III.50`) or in words."""
    months = "|".join(sorted((re.escape(str(f)) for forms in load_data("dates.yaml")["months"].values()
                              for f in forms), key=len, reverse=True))
    numeric = r"\d{1,2}[./][\dIVXivx]{1,4}[./\-]\d{2,4}"
    words = rf"\d{{1,2}}\s+(?:{months})\.?\s+\d{{4}}(?:\s*г\.?)?|(?:{months})\.?\s+\d{{1,2}},?\s+\d{{4}}"
    return re.compile(rf"\s*(?:{numeric}|{words})[\s.,]*", re.IGNORECASE)


@cache
def _formula_prefix() -> re.Pattern[str]:
    """A closing formula standing before the signature on its line (`With greetings.`)."""
    formulas = load_data("body.yaml")["closing_formulas"]
    alts = alternation(f for v in formulas.values() for f in v)
    return re.compile(rf"\s*(?:{alts})\b[^.,!]{{0,30}}[.,!]\s*", re.IGNORECASE)


@cache
def _formula_line() -> re.Pattern[str]:
    """A line that opens with a closing formula (`С уважением ЦК Трудовой партии Кореи`)."""
    formulas = load_data("body.yaml")["closing_formulas"]
    alts = alternation(f for v in formulas.values() for f in v)
    return re.compile(rf"[\s{_QUOTES}]*(?:{alts})(?!\w)", re.IGNORECASE)


_GLOSS = r"(?:\s*(?:\[[^\]\n]{1,40}\]|\([^)\n]{1,40}\)))?"
_NAME_WORD = r"[A-ZА-ЯЁ][\w'’\-]*\.?"
_SIGNER = re.compile(rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,{_MAX_WORDS - 1}}}){_GLOSS}")
_LETTER_SPACED = re.compile(r"(?:[A-ZА-ЯЁ] ){3,}[A-ZА-ЯЁ]")


def signers(text: str) -> tuple[tuple[int, int], ...] | None:
    """The extents of the signers' names when the text is a sign-off, else None.

    Lines that open with a closing formula may come first (`Sincerely, the CC of the Korean Worker's Party` /
    `KIM IL SUNG, PAK HEON-YEONG`): the signers are on the lines after them.
    """
    out: list[tuple[int, int]] = []
    pos = 0
    lines = text.split("\n")
    for n, line in enumerate(lines):
        found = _line_signers(line)
        if found is None and not out and n + 1 < len(lines) and _formula_line().match(line):
            pos += len(line) + 1
            continue
        if found is None:
            return None
        out += [(pos + a, pos + b) for a, b in found]
        pos += len(line) + 1
    return tuple(out) if out else None


def _line_signers(line: str) -> list[tuple[int, int]] | None:
    """The signers of one line of a sign-off (None when the line is something else)."""
    pos = len(line) - len(line.lstrip(_QUOTES + " \t"))
    dated = False
    for prefix in (_formula_prefix(), _date_prefix()):
        m = prefix.match(line, pos)
        if m:
            pos, dated = m.end(), dated or prefix is _date_prefix()
    rest = line[pos:].rstrip(_QUOTES + " \t.")
    rest = re.sub(r"\s*[a-zа-я]/$", "", rest)  # a footnote mark after the name (`Roshchin x/`)
    if not rest:
        return None
    spaced = _LETTER_SPACED.fullmatch(rest)
    if spaced:
        return [(pos, pos + len(rest))]
    names = _names(rest, pos)
    if names is None:
        return None
    caps = all(_is_caps(line[a:b]) for a, b in names)
    surname = len(names) == 1 and len(line[names[0][0]:names[0][1]].split()) == 1  # `Muccio`, `Roshchin`
    return names if caps or dated or surname else None


@cache
def _not_names() -> frozenset[str]:
    return frozenset(str(w) for w in load_data("body.yaml")["not_names"])


def _names(rest: str, pos: int) -> list[tuple[int, int]] | None:
    """Names separated by commas or `and`; None if anything else stands between them."""
    out = []
    at = 0
    not_names = _not_names()
    for piece in re.split(r"(\s*,\s*|\s+(?:and|и)\s+)", rest):
        if re.fullmatch(r"\s*,\s*|\s+(?:and|и)\s+", piece):
            at += len(piece)
            continue
        m = _SIGNER.fullmatch(piece)
        if not m or m.group("name").split()[0].strip(".") in not_names:
            return None
        name = m.group("name").rstrip(".")
        out.append((pos + at, pos + at + len(name)))
        at += len(piece)
    return out or None


def _is_caps(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
