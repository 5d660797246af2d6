"""The multi-pattern matcher: every register form at once, over folded text, longest match first.

An Aho–Corasick automaton (pyahocorasick) holds every folded form of every register entry (with the Russian case
forms from `morph.py` and the forms with hyphens closed up, `Heon-yeong` → `heonyeong`). One pass over a text
finds all of them; overlapping matches are resolved longest first, so `Korean People's Army` wins over `Korea`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from tei_cables.cache import cached
from tei_cables.tag.morph import inflections, is_cyrillic
from tei_cables.tag.normalize import fold, fold_name
from tei_cables.tag.register import Register, load_register

_ABBREVIATION = re.compile(r"[A-Z]{2,6}")


@dataclass(frozen=True)
class Hit:
    """A form of one or more entries found in a text (offsets into the source text)."""

    start: int
    end: int
    ids: tuple[str, ...]
    ambiguous: bool
    kinds: tuple[str, ...]


@cache
def automaton() -> ahocorasick.Automaton:
    """The automaton for the whole register: built once, then read from the cache (`tei_cables/cache.py`)."""
    return cached("automaton", lambda: build_automaton(load_register()))


def build_automaton(register: Register) -> ahocorasick.Automaton:
    """Add every folded form of every entry; a key shared by entries keeps them all."""
    table: dict[str, dict[str, tuple[bool, str]]] = {}
    for entry in register.entries.values():
        for v in entry.forms():
            for key in _keys(v.form):
                owners = table.setdefault(key, {})
                old = owners.get(entry.id)
                owners[entry.id] = (v.ambiguous and (old[0] if old else True), v.kind)
    auto = ahocorasick.Automaton()
    for key, owners in table.items():
        ids = tuple(sorted(owners))
        ambiguous = len(ids) > 1 or all(a for a, _ in owners.values())
        kinds = tuple(owners[i][1] for i in ids)
        auto.add_word(f" {key} ", (len(key), ids, ambiguous, kinds))
    auto.make_automaton()
    return auto


def _keys(form: str) -> set[str]:
    """The folded keys of one form: as written, hyphens closed up, and every Russian case form."""
    forms = inflections(form) if is_cyrillic(form) else {form}
    forms |= {f.replace("s'", "'s").replace("s’", "’s") for f in forms}
    keys = set()
    for f in forms:
        keys.add(fold_name(f))
        if _ABBREVIATION.fullmatch(f):
            keys.add(fold_name(f) + "s")  # WPKs Political Council: a possessive typed without its apostrophe
        if "-" in f:
            keys.add(fold_name(f.replace("-", "")))
    keys.discard("")
    return {k for k in keys if len(k) >= 2}


class Intervals:
    """Disjoint intervals, sorted, so that a new one is checked against its one neighbour (a long text has
    thousands of names; checking each against all would be quadratic)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) shares a character with an interval already taken."""
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> bool:
        """Take [start, end) unless it overlaps one already taken; say whether it was taken."""
        if self.overlaps(start, end):
            return False
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True


def _close_bracket(text: str, start: int, end: int) -> int:
    """Take in the `)` of a form such as `ВКП(б)`: folding makes it a space, so the key stops before it."""
    if text.count("(", start, end) > text.count(")", start, end) and text.startswith(")", end):
        return end + 1
    return end


def find_hits(text: str, auto: ahocorasick.Automaton | None = None) -> list[Hit]:
    """Every register form in a text, non-overlapping, longest first."""
    auto = auto or automaton()
    if auto.kind != ahocorasick.AHOCORASICK:
        return []  # an empty register
    folded, index = fold(text)
    found = []
    for end, (length, ids, ambiguous, kinds) in auto.iter(f" {folded} "):
        f_start = end - length - 1  # the key's first character, as an offset into `folded`
        found.append((f_start, f_start + length, ids, ambiguous, kinds))
    found.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken = Intervals()
    hits = []
    for f_start, f_end, ids, ambiguous, kinds in found:
        if not taken.add(f_start, f_end):
            continue
        start, end = index[f_start], index[f_end - 1] + 1
        hits.append(Hit(start, _close_bracket(text, start, end), ids, ambiguous, kinds))
    return sorted(hits, key=lambda h: h.start)
