"""What a title says of a cable: its number, and where the sender and the addressees are named.

Archives and editions title a cable by its parties: `Ciphered Telegram No. 0100, Stalin to Terebin`, `Cable No.
3582 from Filippov [Stalin] to Cde. Mao Zedong`, `… from Savel'yev in Urumchi`, `Filippov (Stalin) to Zhou Enlai
via Zakharov`, `The Ambassador in Korea (Muccio) to the Secretary of State`. The title is a second witness: it
fills what the cable's own text does not say. This module only finds the extents; the names in them are tagged
like any other text, and `tag/correspondence.py` decides what to take from them.

The words it reads (`from`, `to`, `via`, `in`, …) are in `data/parties.yaml`.
"""

from __future__ import annotations

import re
from functools import cache

from tei_cables.model import Text, TitleRoles
from tei_cables.read.phrases import number_regex
from tei_cables.regex import alternation
from tei_cables.resources import load_data, word_lists

_NAME_WORDS = 3  # a bare name in a title is at most this many capitalised words


@cache
def _words() -> dict[str, tuple[str, ...]]:
    return word_lists("parties.yaml", "title", ("from", "to", "also_to", "and", "in", "subject", "offices"))


@cache
def _offices() -> frozenset[str]:
    return frozenset(w.casefold() for w in _words()["offices"])


def _word_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = alternation(words)
    return re.compile(rf"(?<![\w/])(?:{alts})(?![\w/])", re.IGNORECASE)


def read_title(title: Text) -> TitleRoles:
    """The number and the extents of sender and addressees in a title (any of them may be missing)."""
    value = title.value
    subject = _first(_words()["subject"], value, after=0)
    value = value[:subject[0]] if subject else value  # the parties stand before the subject
    number = number_regex().search(value)
    to = _first(_words()["to"], value, after=number.end() if number else 0)
    start = number.end() if number else 0
    sender_from = _first(_words()["from"], value, after=start)
    if to is None:
        sender = _trimmed(value, sender_from[1], len(value)) if sender_from else None
        return TitleRoles(number.group("num") if number else None, sender, None, _names(value, [sender]))
    if sender_from is not None and sender_from[1] <= to[0]:
        begin = sender_from[1]
    else:
        comma = value.rfind(",", start, to[0])
        begin = comma + 1 if comma >= 0 else start
    sender = _trimmed(value, begin, to[0])
    addressees = _trimmed(value, to[1], len(value))
    return TitleRoles(number.group("num") if number else None, sender, addressees,
                      _names(value, [sender, addressees]))


def _first(words: tuple[str, ...], value: str, *, after: int) -> tuple[int, int] | None:
    m = _word_regex(words).search(value, after)
    return (m.start(), m.end()) if m else None


def _trimmed(value: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and value[start] in " ,.;:":
        start += 1
    while end > start and value[end - 1] in " ,.;:":
        end -= 1
    return (start, end) if end > start else None


def _names(value: str, extents: list[tuple[int, int] | None]) -> tuple[tuple[int, int], ...]:
    """Bare names in the parties (`Savel'yev`, `Stalin`), so that a name the register lacks is still a person.

    Each party is cut at commas, `and`, `via`/`for`, brackets and `in PLACE`; a piece of one to three capitalised
    words that are not an office (`Soviet Ambassador`) is a name. A name glossed by the bracket after it
    (`Flilippov [Stalin]`) is left to the gloss, which names the person.
    """
    words = _words()
    cut = _word_regex(words["and"] + words["also_to"] + words["in"])
    out: list[tuple[int, int]] = []
    for extent in extents:
        if extent is None:
            continue
        pieces = re.split(r"([,;()\[\]])", value[extent[0]:extent[1]])
        pos = extent[0]
        depth = 0
        for n, piece in enumerate(pieces):
            glossed = n + 1 < len(pieces) and pieces[n + 1] in ("(", "[")
            if piece in ("(", "["):
                depth += 1
            elif piece in (")", "]"):
                depth = max(0, depth - 1)
            elif depth == 0 and not glossed:
                out += _names_in_piece(value, pos, piece, cut)
            pos += len(piece)
    return tuple(out)


def _names_in_piece(value: str, pos: int, piece: str, cut: re.Pattern[str]) -> list[tuple[int, int]]:
    out = []
    bounds = [0, *[x for m in cut.finditer(piece) for x in (m.start(), m.end())], len(piece)]
    for k in range(0, len(bounds), 2):
        start, end = bounds[k], bounds[k + 1]
        if k and cut.match(piece, bounds[k - 1]) and _is_in(piece[bounds[k - 1]:start]):
            continue  # the place after `in`, left to the register
        name = _title_name(piece[start:end])
        if name is not None:
            offset = pos + start + piece[start:end].find(name)
            out.append((offset, offset + len(name)))
    return out


def _is_in(word: str) -> bool:
    return word.strip().casefold() in {w.casefold() for w in _words()["in"]}


def _title_name(piece: str) -> str | None:
    """A piece that is only a name: capitalised words after a title of address (`Cde.`), no office words."""
    words = piece.split()
    titles = {str(w).casefold() for w in load_data("body.yaml")["person_titles"]}
    while words and words[0].casefold() in titles:
        words = words[1:]
    if not 0 < len(words) <= _NAME_WORDS:
        return None
    if not all(w[0].isupper() and w.casefold() not in _offices() for w in words):
        return None
    return " ".join(words) if " ".join(words) in piece else None
