"""Folding text for name matching, with a map back to the original characters.

Names are matched on a folded form: lower case, no diacritics (Hŏn → hon), no apostrophes (P'unggi → punggi),
hyphens and punctuation as spaces, letter-spaced words closed up (S H T Y K O V → shtykov), Latin look-alike
letters in Russian text read as Cyrillic (`HAM ИР` → `нам ир`). Every folded
character remembers which source character it came from, so a match becomes a span on the source text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
    text = cyrillic_lookalikes(text)
    chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        if i in drop or c in _APOSTROPHES:
            continue
        folded = fold_char(c) if c.isalnum() else c if c == "_" else " "  # `_UN` is one word, as \w reads it
        for f in folded:
            if f == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(f)
            index.append(i)
    while chars and chars[-1] == " ":
        chars.pop()
        index.pop()
    return "".join(chars), index


# Latin letters that look like Cyrillic ones, as typists and OCR mix them into Russian text (`HAM ИР` for `НАМ ИР`).
_LOOKALIKES = str.maketrans("ABCEHKMOPTXYaceopxy", "АВСЕНКМОРТХУасеорху")
_WORD = re.compile(r"[^\W\d_]+")


def cyrillic_lookalikes(text: str) -> str:
    """Latin look-alike letters read as the Cyrillic ones they stand for, where the text shows they are: inside a
    word that has Cyrillic letters, or as a whole word of look-alikes next to a Cyrillic word. The length is kept,
    so offsets into the text stay right; the source text itself is never changed (only what is matched)."""
    words = list(_WORD.finditer(text))
    if not any(_cyrillic(w.group()) for w in words):
        return text
    out = list(text)
    for n, w in enumerate(words):
        word = w.group()
        mixed = _cyrillic(word) and any("a" <= c.casefold() <= "z" for c in word)
        neighbours = [words[k].group() for k in (n - 1, n + 1) if 0 <= k < len(words)]
        alike = not _cyrillic(word) and word.translate(_LOOKALIKES) != word and all(
            c in "ABCEHKMOPTXYaceopxy" for c in word) and any(_cyrillic(x) for x in neighbours)
        if mixed or alike:
            out[w.start():w.end()] = word.translate(_LOOKALIKES)
    return "".join(out)


def _cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


@lru_cache(maxsize=1 << 16)
def fold_name(name: str) -> str:
    """The folded form of a register variant (remembered: the same forms are folded for every file)."""
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
