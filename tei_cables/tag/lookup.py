"""Searching the register by any form of a name (`Pak Hon Yong`, `ПАК-ХЕН-ЕНОМ`, `Filippov`)."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from tei_cables.tag.matcher import find_hits
from tei_cables.tag.normalize import fold, fold_name
from tei_cables.tag.register import Entry, load_register

_CLOSE = 0.75


@dataclass(frozen=True)
class Found:
    """A register entry that answers a query, with the form that matched and how closely."""

    entry: Entry
    form: str
    score: float


def find_entries(query: str, *, limit: int = 10) -> list[Found]:
    """Entries whose forms match the whole query (as the tagger would), else the closest spellings."""
    register = load_register()
    folded = fold(query)[0]
    exact = [h for h in find_hits(query) if fold(query[h.start:h.end])[0] == folded]
    if exact:
        return [Found(register.entries[i], query, 1.0) for h in exact for i in h.ids]
    scored: dict[str, Found] = {}
    for entry in register.entries.values():
        for v in entry.forms():
            score = SequenceMatcher(None, folded, fold_name(v.form)).ratio()
            if score >= _CLOSE and (entry.id not in scored or scored[entry.id].score < score):
                scored[entry.id] = Found(entry, v.form, score)
    return sorted(scored.values(), key=lambda f: (-f.score, f.entry.id))[:limit]
