"""The stamp grammar: a table of phrases (data/stamps.yaml) and one matcher over it.

A routing stamp is recognised by the phrase that opens it ("Deciphered by", "Расшифровал", "Received in"); the
matcher finds every phrase in a line, longest first, at word boundaries, and says which stamp type it opens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tei_cables.errors import DataError
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
    """One alternation of every phrase, longest first, bounded by non-word characters."""
    alts = "|".join(_phrase_regex(p.text) for p in phrase_table())
    return re.compile(rf"(?<![\w.])(?:{alts})", re.IGNORECASE)


def _phrase_regex(text: str) -> str:
    """A phrase as a regex: spaces match any run of spaces, and a phrase ending in a letter needs a boundary."""
    body = r"\s+".join(re.escape(w) for w in text.split())
    return body + (r"(?!\w)" if text[-1].isalnum() else "")


@cache
def _by_text() -> dict[str, Phrase]:
    """Phrase lookup by its folded text (the first, longest, entry wins)."""
    out: dict[str, Phrase] = {}
    for p in phrase_table():
        out.setdefault(p.text, p)
    return out


def find_phrases(line: str) -> list[PhraseMatch]:
    """Every stamp phrase in a line, left to right, without overlaps."""
    table = _by_text()
    matches = []
    for m in _pattern().finditer(line):
        key = " ".join(m.group().casefold().split())
        phrase = table.get(key)
        if phrase is not None:
            matches.append(PhraseMatch(m.start(), m.end(), phrase))
    return matches


@cache
def number_marks() -> tuple[str, ...]:
    """Marks that introduce a document number (`No.`, `№`, `#`)."""
    return tuple(str(m) for m in load_data("stamps.yaml")["number_marks"])


@cache
def number_regex() -> re.Pattern[str]:
    """A number mark followed by a document number such as `600301/sh` or `3561/42`."""
    marks = "|".join(re.escape(m) for m in sorted(number_marks(), key=len, reverse=True))
    return re.compile(rf"(?:{marks})\s*(?P<num>\d[\d\-]*(?:/\s?[\w]+)?)", re.IGNORECASE)


@cache
def offices() -> tuple[str, ...]:
    """Names of the receiving cipher office, folded."""
    return tuple(str(o).casefold() for o in load_data("stamps.yaml")["offices"])
