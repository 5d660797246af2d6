"""Folding text for name matching, with a map back to the original characters.

Names are matched on a folded form: lower case, no diacritics (Hŏn → hon), no apostrophes (P'unggi → punggi),
hyphens and punctuation as spaces, letter-spaced words closed up (S H T Y K O V → shtykov). Every folded
character remembers which source character it came from, so a match becomes a span on the source text.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "'’ʼ`‘"
_LETTER_SPACED = re.compile(r"(?<!\w)(?:\w[ \u00a0]){3,}\w(?!\w)")


def fold_char(c: str) -> str:
    """One character folded: decomposed, marks dropped, case folded; `ё` is `е`."""
    out = []
    for d in unicodedata.normalize("NFKD", c):
        if unicodedata.combining(d):
            continue
        out.append(d.casefold())
    return "".join(out).replace("ё", "е")


def fold(text: str) -> tuple[str, list[int]]:
    """Fold a text; return the folded string and, for each of its characters, the source offset."""
    drop = _letter_spacing(text) | _possessive_s(text)
    chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        if i in drop or c in _APOSTROPHES:
            continue
        folded = fold_char(c) if c.isalnum() else " "
        for f in folded:
            if f == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(f)
            index.append(i)
    while chars and chars[-1] == " ":
        chars.pop()
        index.pop()
    return "".join(chars), index


def fold_name(name: str) -> str:
    """The folded form of a register variant."""
    return fold(name)[0]


def _possessive_s(text: str) -> set[int]:
    """The `s` of a possessive `'s` (MATVEYEV'S, Worker's): folded away with its apostrophe."""
    return {m.start() + 1 for m in re.finditer(rf"[{_APOSTROPHES}][sS](?!\w)", text)}


def _letter_spacing(text: str) -> set[int]:
    """Offsets of the spaces inside letter-spaced words, which folding removes."""
    drop: set[int] = set()
    for m in _LETTER_SPACED.finditer(text):
        drop.update(m.start() + k for k, c in enumerate(m.group()) if c in " \u00a0")
    return drop
