"""The authority register: persons, places and organisations, loaded from YAML and checked.

The files under `tei_cables/data/` are edited by people; this module is the gate that refuses a broken one with
a message naming the file and the entry (a duplicate id, an unknown variant kind, a malformed Wikidata id, a
variant that two entries share without saying it is ambiguous).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tei_cables.cache import cached
from tei_cables.errors import DataError
from tei_cables.resources import data_path, load_data
from tei_cables.tag.normalize import fold_name

FILES = {"person": "persons.yaml", "place": "places.yaml", "org": "orgs.yaml"}
VARIANT_KINDS = frozenset({
    "surname", "full", "initials", "mccune-reischauer", "revised-romanization", "wade-giles", "pinyin",
    "transliteration", "cyrillic", "code-name", "cover-name", "editorial-gloss", "abbreviation", "english",
    "japanese", "hangul", "hanzi", "garbled", "former-name", "other",
})
EAST_ASIAN_KINDS = frozenset({"mccune-reischauer", "revised-romanization", "wade-giles", "pinyin", "hangul", "hanzi"})
_ID = re.compile(r"^(pers|place|org)_[a-z][a-z0-9_]*$")
_AUTHORITY = {"wikidata": re.compile(r"^Q[1-9]\d*$"), "viaf": re.compile(r"^[1-9]\d*$"),
              "geonames": re.compile(r"^[1-9]\d*$")}
_KEYS = {"id", "name", "dates", "type", "description", "variants", "wikidata", "viaf", "geonames"}


@dataclass(frozen=True)
class Variant:
    """Another form of an entry's name, and what kind of form it is."""

    form: str
    kind: str
    ambiguous: bool = False


@dataclass(frozen=True)
class Entry:
    """One person, place or organisation of the register."""

    id: str
    kind: str  # person, place, org
    name: str
    type: str
    description: str
    variants: tuple[Variant, ...]
    dates: str | None = None
    authority: tuple[tuple[str, str], ...] = ()

    @property
    def east_asian(self) -> bool:
        """A Korean or Chinese name, written family name first."""
        return any(v.kind in EAST_ASIAN_KINDS for v in self.variants)

    def forms(self) -> list[Variant]:
        """The regularised name and every variant, as variants."""
        return [Variant(self.name, "full"), *self.variants]


@dataclass(frozen=True)
class Register:
    """All entries by id, in the order of their files."""

    entries: dict[str, Entry]

    def get(self, entry_id: str) -> Entry | None:
        """The entry of that id, or None."""
        return self.entries.get(entry_id)


@cache
def load_register() -> Register:
    """The register: the three files loaded and checked once, then read from the cache (`tei_cables/cache.py`)."""
    return cached("register", _load_register)


def _load_register() -> Register:
    """Load and check the three register files."""
    entries: dict[str, Entry] = {}
    for kind, name in FILES.items():
        for raw in load_data(name) or []:
            entry = _entry(raw, kind, name)
            if entry.id in entries:
                raise DataError(f"duplicate id {entry.id!r}", path=data_path(name))
            entries[entry.id] = entry
    check_shared_variants(entries)
    return Register(entries)


def _entry(raw: dict, kind: str, file: str) -> Entry:
    """Check one YAML entry and build it."""
    where = data_path(file)
    if not isinstance(raw, dict) or "id" not in raw or "name" not in raw:
        raise DataError(f"entry without id or name: {raw!r}", path=where)
    entry_id = str(raw["id"])
    unknown = set(raw) - _KEYS
    if unknown:
        raise DataError(f"{entry_id}: unknown keys {sorted(unknown)}", path=where)
    if not _ID.match(entry_id) or not entry_id.startswith({"person": "pers_", "place": "place_", "org": "org_"}[kind]):
        raise DataError(f"{entry_id}: id must look like {kind[:4]}_name (lower case, digits, _)", path=where)
    variants = []
    for v in raw.get("variants") or []:
        if v.get("kind") not in VARIANT_KINDS:
            raise DataError(f"{entry_id}: variant {v.get('form')!r} has unknown kind {v.get('kind')!r}", path=where)
        variants.append(Variant(str(v["form"]), v["kind"], bool(v.get("ambiguous", False))))
    authority = []
    for key, pattern in _AUTHORITY.items():
        if raw.get(key) is not None:
            value = str(raw[key])
            if not pattern.match(value):
                raise DataError(f"{entry_id}: {key} {value!r} is not well-formed", path=where)
            authority.append((key, value))
    return Entry(id=entry_id, kind=kind, name=str(raw["name"]), type=str(raw.get("type", kind)),
                 description=str(raw.get("description", "")), variants=tuple(variants),
                 dates=str(raw["dates"]) if raw.get("dates") else None, authority=tuple(authority))


def check_shared_variants(entries: dict[str, Entry]) -> None:
    """Refuse a folded form that two entries share unless both mark it ambiguous."""
    owners: dict[str, list[tuple[str, bool]]] = {}
    for entry in entries.values():
        seen = set()
        for v in entry.forms():
            key = fold_name(v.form)
            if key in seen:
                continue
            seen.add(key)
            owners.setdefault(key, []).append((entry.id, v.ambiguous))
    for key, who in owners.items():
        if len(who) > 1 and not all(amb for _, amb in who):
            ids = ", ".join(sorted(i for i, _ in who))
            raise DataError(f"variant {key!r} is shared by {ids}; mark it ambiguous: true on each",
                            path="tei_cables/data")
