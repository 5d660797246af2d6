"""Searching the register by any form of a name (`Pak Hon Yong`, `ПАК-ХЕН-ЕНОМ`, `Filippov`)."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from tei_cables.tag.east_asian import family_names
from tei_cables.tag.matcher import find_hits
from tei_cables.tag.morph import is_cyrillic
from tei_cables.tag.normalize import fold, fold_name
from tei_cables.tag.register import Entry, load_register

# How alike two spellings must be for a look-up to offer the entry (difflib's ratio of the folded forms): below
# this, `Mao` would answer Manpo and `Kim` Gimpo.
_CLOSE = 0.85
# The score of an entry whose family name the query is (`Mao` → Mao Zedong): less than a whole form, more than a
# spelling merely alike.
_FAMILY = 0.9


@dataclass(frozen=True)
class Found:
    """A register entry that answers a query, with the form that matched and how closely."""

    entry: Entry
    form: str
    score: float


def find_entries(query: str, *, limit: int = 10) -> list[Found]:
    """The entries a name stands for, ranked, read as the tagger reads names in running text.

    A form of an entry in any case or script (`ТЭДЖОНУ`, `Pak Hon Yong`) answers with score 1.0, every entry
    that bears it when it is ambiguous; the family name of East Asian people in the register (`Mao`, `Kim`)
    answers with those people; otherwise the entries with a spelling at least `_CLOSE` alike, best first.
    """
    register = load_register()
    folded = fold(query)[0]
    exact = [h for h in find_hits(query) if fold(query[h.start:h.end])[0] == folded]
    if exact:
        ids = list(dict.fromkeys(i for h in exact for i in h.ids))
        return [Found(register.entries[i], query, 1.0) for i in ids][:limit]
    family = _family_names().get(folded, ())
    if family:  # the best-attested first: the entry with the most forms is the one cables name most
        people = sorted((register.entries[i] for i in family), key=lambda e: (-len(e.forms()), e.id))
        return [Found(e, e.name, _FAMILY) for e in people][:limit]
    scored: dict[str, Found] = {}
    for entry in register.entries.values():
        for v in entry.forms():
            score = SequenceMatcher(None, folded, fold_name(v.form)).ratio()
            if score >= _CLOSE and (entry.id not in scored or scored[entry.id].score < score):
                scored[entry.id] = Found(entry, v.form, score)
    return sorted(scored.values(), key=lambda f: (-f.score, f.entry.id))[:limit]


@cache
def _family_names() -> dict[str, tuple[str, ...]]:
    """The family names of the register's East Asian people (the first word of a full Latin form), each with
    the people who bear it, as the tagger reads a family name alone once the cable names the person in full."""
    owners: dict[str, list[str]] = {}
    for entry in load_register().entries.values():
        if entry.kind != "person" or not entry.east_asian:
            continue
        for v in entry.forms():
            parts = fold_name(v.form).split()
            if len(parts) >= 2 and parts[0] in family_names() and not is_cyrillic(v.form) \
                    and entry.id not in owners.get(parts[0], []):
                owners.setdefault(parts[0], []).append(entry.id)
    return {k: tuple(sorted(v)) for k, v in owners.items()}
