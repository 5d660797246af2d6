"""Folding text for name matching, with a map back to the original characters.

Names are matched on a folded form: lower case, no diacritics (Hŏn → hon), no apostrophes (P'unggi → punggi),
hyphens and punctuation as spaces, letter-spaced words closed up (S H T Y K O V → shtykov), Latin look-alike
letters in Russian text read as Cyrillic (`HAM ИР` → `нам ир`). Every folded
character remembers which source character it came from, so a match becomes a span on the source text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property, lru_cache

_APOSTROPHES = "'’ʼ`‘"
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}][sS](?!\w)")
_LETTER_SPACED = re.compile(r"(?<!\w)(?:\w[ \u00a0]){3,}\w(?!\w)")


def fold_char(c: str) -> str:
    """One character folded: decomposed, marks dropped, case folded; `ё` is `е`."""
    out = []
    for d in unicodedata.normalize("NFKD", c):
        if unicodedata.combining(d):
            continue
        out.append(d.casefold())
    return "".join(out).replace("ё", "е")


class _CharFolds(dict):
    """What each character folds to, worked out the first time the character is met: texts are folded character
    by character, and a corpus uses a few hundred characters. `irregular` holds those that do not fold to exactly
    one character (an apostrophe folds to none, `ß` to two), for which offsets need counting."""

    def __init__(self) -> None:
        super().__init__({a: "" for a in _APOSTROPHES})
        self.irregular = set(_APOSTROPHES)

    def __missing__(self, c: str) -> str:
        folded = fold_char(c) if c.isalnum() else c if c == "_" else " "  # `_UN` is one word, as \w reads it
        self[c] = folded
        if len(folded) != 1:
            self.irregular.add(c)
        return folded


_FOLDS = _CharFolds()
_RUN = re.compile(r"[^ ]+")
_SPACE_RUN = re.compile(r"  +")


class _Table(dict):
    """`_FOLDS` by code point, as `str.translate` reads a table: a text is folded in one call instead of one
    lookup per character in Python."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _FOLDS[chr(code)]
        return folded


_TABLE = _Table()


def fold(text: str) -> tuple[str, Sequence[int]]:
    """Fold a text; return the folded string and, for each of its characters, the source offset.

    Each character is folded alone, then spaces are closed up word by word (a run of spaces keeps its first)."""
    drop = _letter_spacing(text) | _possessive_s(text)
    text = cyrillic_lookalikes(text)
    joined = text.translate(_TABLE)
    if drop or not _FOLDS.irregular.isdisjoint(text):
        return _fold_irregular(text, drop)
    folded = " ".join(_RUN.findall(joined))
    return folded, _ClosedUp(joined, len(folded))


def _fold_irregular(text: str, drop: set[int]) -> tuple[str, list[int]]:
    """`fold` where characters fold to none or to several, so each folded one's source is counted out."""
    parts = [_FOLDS[c] for c in text]
    for i in drop:
        parts[i] = ""
    joined = "".join(parts)
    offsets = [i for i, f in enumerate(parts) for _ in f]
    words: list[str] = []
    index: list[int] = []
    prev_end = 0
    for m in _RUN.finditer(joined):
        if words:
            index.append(offsets[prev_end])  # the first space of the run before this word
        words.append(m.group())
        index.extend(offsets[m.start():m.end()])
        prev_end = m.end()
    return " ".join(words), index


class _ClosedUp(Sequence[int]):
    """The source offsets of a text folded character for character, where only closing up spaces moved them:
    worked out when first asked for, and only for the offsets asked for (a text's names, if it has any), not for
    every character of every text."""

    def __init__(self, joined: str, length: int) -> None:
        self._joined = joined
        self._length = length

    @cached_property
    def _shifts(self) -> tuple[list[int], list[int]]:
        """Where each stretch of spaces that closing up removed falls in the folded text, and how many characters
        were removed up to its end. Removed: the spaces before the first word and after the last, and all but the
        first of a run between two words."""
        joined = self._joined
        first, last = len(joined) - len(joined.lstrip(" ")), len(joined.rstrip(" "))
        removed = [(0, first)] if first else []
        removed += [(m.start() + 1, m.end()) for m in _SPACE_RUN.finditer(joined, first, last)]
        if first < last < len(joined):
            removed.append((last, len(joined)))
        at: list[int] = []
        total: list[int] = []
        for start, end in removed:
            at.append(start - (total[-1] if total else 0))
            total.append((total[-1] if total else 0) + end - start)
        return at, total

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._length))]
        if not -self._length <= i < self._length:
            raise IndexError(i)
        i %= self._length
        at, total = self._shifts
        k = bisect_right(at, i)  # the stretches removed before this character
        return i + (total[k - 1] if k else 0)


# Latin letters that look like Cyrillic ones, as typists and OCR mix them into Russian text (`HAM ИР` for `НАМ ИР`).
_LOOKALIKES = str.maketrans("ABCEHKMOPTXYaceopxy", "АВСЕНКМОРТХУасеорху")
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def cyrillic_lookalikes(text: str) -> str:
    """Latin look-alike letters read as the Cyrillic ones they stand for, where the text shows they are: inside a
    word that has Cyrillic letters, or as a whole word of look-alikes next to a Cyrillic word. The length is kept,
    so offsets into the text stay right; the source text itself is never changed (only what is matched)."""
    if not _CYRILLIC.search(text):
        return text
    words = list(_WORD.finditer(text))
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
    return _CYRILLIC.search(word) is not None


@lru_cache(maxsize=1 << 16)
def fold_name(name: str) -> str:
    """The folded form of a register variant (remembered: the same forms are folded for every file)."""
    return fold(name)[0]


def _possessive_s(text: str) -> set[int]:
    """The `s` of a possessive `'s` (MATVEYEV'S, Worker's): folded away with its apostrophe."""
    return {m.start() + 1 for m in _POSSESSIVE.finditer(text)}


def _letter_spacing(text: str) -> set[int]:
    """Offsets of the spaces inside letter-spaced words, which folding removes."""
    drop: set[int] = set()
    for m in _LETTER_SPACED.finditer(text):
        drop.update(m.start() + k for k, c in enumerate(m.group()) if c in " \u00a0")
    return drop
