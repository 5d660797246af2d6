"""The stamp grammar: a table of phrases (data/stamps.yaml) and one matcher over it.

A routing stamp is recognised by the phrase that opens it ("Deciphered by", "Расшифровал", "Received in"); the
matcher finds every phrase in a line, longest first, at word boundaries, and says which stamp type it opens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tei_cables.errors import DataError
from tei_cables.regex import alternation
from tei_cables.resources import data_path, load_data

_OPTIONS = {"phrases", "start_only", "strong", "person", "place", "number", "whole", "number_only"}


@dataclass(frozen=True)
class Phrase:
    """One phrase of the table with the options of its group."""

    text: str
    type: str
    start_only: bool = False
    strong: bool = False
    person: str | None = None
    place: bool = False
    number: bool = False
    whole: bool = False
    number_only: bool = False


@dataclass(frozen=True)
class PhraseMatch:
    """Where a phrase was found in a line."""

    start: int
    end: int
    phrase: Phrase


@cache
def phrase_table() -> tuple[Phrase, ...]:
    """Load and check the stamp phrases, longest first so that the matcher prefers them."""
    data = load_data("stamps.yaml")
    phrases: list[Phrase] = []
    for stamp_type, groups in data["types"].items():
        for group in groups:
            unknown = set(group) - _OPTIONS
            if unknown:
                raise DataError(f"stamp type {stamp_type!r}: unknown options {sorted(unknown)}",
                                path=data_path("stamps.yaml"))
            opts = {k: v for k, v in group.items() if k != "phrases"}
            for text in group["phrases"]:
                phrases.append(Phrase(text=str(text).casefold(), type=stamp_type, **opts))
    return tuple(sorted(phrases, key=lambda p: (-len(p.text), p.text)))


@cache
def _pattern() -> re.Pattern[str]:
    """Every phrase in one regular expression, bounded by non-word characters.

    The phrases are merged word by word into a tree (`received` once for `received by` and `received in`), so the
    engine reads each word of a line against a few branches instead of against every phrase. Longer words are tried
    first and a phrase that goes on before one that ends, which is the order of the table (longest first): where
    two phrases match at one place, the one the table puts first is found."""
    tree: dict = {}
    for p in phrase_table():
        node = tree
        for word in p.text.split():
            node = node.setdefault(word, {})
        node[None] = True
    return re.compile(rf"(?<![\w.]){_branches(tree)}", re.IGNORECASE)


def _branches(node: dict) -> str:
    """The regex of a node of the phrase tree: each next word, then what may follow it."""
    alternatives = []
    for word in sorted((w for w in node if w is not None), key=lambda w: (-len(w), w)):
        child = node[word]
        tails = [r"\s+" + _branches(child)] if any(w is not None for w in child) else []
        if None in child:
            tails.append(r"(?!\w)" if word[-1].isalnum() else "")
        tail = tails[0] if len(tails) == 1 else f"(?:{'|'.join(tails)})"
        alternatives.append(re.escape(word) + tail)
    return f"(?:{'|'.join(alternatives)})"


@cache
def _by_text() -> dict[str, Phrase]:
    """Phrase lookup by its folded text (the first, longest, entry wins)."""
    out: dict[str, Phrase] = {}
    for p in phrase_table():
        out.setdefault(p.text, p)
    return out


@lru_cache(maxsize=4096)
def find_phrases(line: str) -> tuple[PhraseMatch, ...]:
    """Every stamp phrase in a line, left to right, without overlaps (remembered: the reader asks of one line
    whether it is a stamp, a distribution head or a number line)."""
    table = _by_text()
    matches = []
    for m in _pattern().finditer(line):
        key = " ".join(m.group().casefold().split())
        phrase = table.get(key)
        if phrase is not None:
            matches.append(PhraseMatch(m.start(), m.end(), phrase))
    return tuple(matches)


@cache
def number_marks() -> tuple[str, ...]:
    """Marks that introduce a document number (`No.`, `№`, `#`)."""
    return tuple(str(m) for m in load_data("stamps.yaml")["number_marks"])


@cache
def number_regex() -> re.Pattern[str]:
    """A number mark followed by a document number such as `600301/sh` or `3561/42`."""
    marks = alternation(number_marks())
    return re.compile(rf"(?:{marks})\s*(?P<num>\d[\d\-]*(?:/\s?[\w]+)?)", re.IGNORECASE)


@cache
def offices() -> tuple[str, ...]:
    """Names of the receiving cipher office, folded."""
    return tuple(str(o).casefold() for o in load_data("stamps.yaml")["offices"])
