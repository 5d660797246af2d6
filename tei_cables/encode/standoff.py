"""The file's own register (`standOff`): one entry per person, place and organisation it mentions.

An entry linked to the authority register carries its regularised name first, then its variant forms (with their
kind and, for another script, its `xml:lang`: `ru`, `ko`, `zh`, `ko-Hani`), the forms this file uses, dates, a
description and external identifiers. An entry the register does not know is marked `cert="low"` for an editor to
review.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache

from lxml import etree

from tei_cables.encode.tei import XML_ID, XML_LANG, E
from tei_cables.model import Cable, Entity, GazetteerPlace
from tei_cables.tag.morph import is_cyrillic
from tei_cables.tag.normalize import fold_name
from tei_cables.tag.register import Entry, load_register

_NAME = {"person": E.persName, "place": E.placeName, "org": E.orgName}
_ENTRY = {"person": E.person, "place": E.place, "org": E.org}
_LIST = {"person": E.listPerson, "place": E.listPlace, "org": E.listOrg}


REGISTER_PREFIX = "register"  # `sameAs="register:pers_stalin"`, resolved by the prefixDef of encodingDesc


def build_standoff(cable: Cable, referenced: set[str]) -> etree._Element | None:
    """`<standOff>` with a list per kind (the entries some name of the file points at), or None when there are
    none."""
    by_id = {e.id: e for e in cable.entities}
    wanted = set(referenced)
    for e in cable.entities:  # a unit's institution stands in the register of the file with it
        while e is not None and e.id in wanted and e.part_of and e.part_of not in wanted:
            wanted.add(e.part_of)
            e = by_id.get(e.part_of)
    named = [e for e in cable.entities if e.id in wanted]
    if not named:
        return None
    register = load_register()
    standoff = E.standOff()
    for kind in ("person", "place", "org"):
        entities = [e for e in named if e.kind == kind]
        if entities:
            standoff.append(_LIST[kind](*[_entry(e, register.get(e.register_id) if e.register_id else None)
                                          for e in entities]))
    parts = [e for e in named if e.part_of and e.part_of in by_id]
    if parts:  # `Special Section of the Central Committee of the VKP(b)` is part of the party's CC
        standoff.append(E.listRelation(*[E.relation(name="part-of", active=f"#{e.id}", passive=f"#{e.part_of}")
                                         for e in parts]))
    return standoff


def build_register_lists() -> list[etree._Element]:
    """The whole authority register as TEI lists, every variant of every entry (`tei-cables register export`)."""
    entries = list(load_register().entries.values())
    lists = []
    for kind in ("person", "place", "org"):
        members = [_entry(Entity(e.id, e.kind, e.name, register_id=e.id), e, full=True)  # type: ignore[arg-type]
                   for e in entries if e.kind == kind]
        lists.append(_LIST[kind](*members))
    return lists


@lru_cache(maxsize=4096)
def _variant_kinds(entry: Entry) -> dict[str, str]:
    """The kind of each variant of a register entry, by its folded form (remembered: a corpus names the same
    people in every cable). Read only."""
    return {fold_name(v.form): v.kind for v in entry.variants}


def _entry(entity: Entity, entry: Entry | None, *, full: bool = False) -> etree._Element:
    """One `person`, `place` or `org`: in a cable's file, the forms the file uses and a `@sameAs` pointing at the
    project register's entry (which holds every variant); in the register itself (`full`), every variant.

    A copy of the one built the first time: a corpus names the same officials with the same forms in cable after
    cable, and copying a built element costs a fraction of building it. The register's own lists are built once
    and not remembered."""
    return _build_entry(entity, entry, full) if full else copy.deepcopy(_remembered_entry(entity, entry))


@lru_cache(maxsize=4096)
def _remembered_entry(entity: Entity, entry: Entry | None) -> etree._Element:
    """A cable file's entry, as `_entry` built it the first time (read only: `_entry` hands out copies)."""
    return _build_entry(entity, entry, False)


def _build_entry(entity: Entity, entry: Entry | None, full: bool) -> etree._Element:
    kind = entity.kind
    el = _ENTRY[kind](**{XML_ID: entity.id})
    if entry is not None and not full:
        el.set("sameAs", f"{REGISTER_PREFIX}:{entry.id}")
    name = _NAME[kind]
    el.append(name(entity.name, type="regularised"))
    seen = {fold_name(entity.name)}
    known = _variant_kinds(entry) if entry else {}
    if full and entry is not None:
        forms = [(v.form, v.kind) for v in entry.variants]
    else:
        # a form as the file writes it, without an editor's brackets inside it (`[A.I.] SHABSHIN`)
        forms = [(f.replace("[", "").replace("]", ""), known.get(fold_name(f), "attested")) for f in entity.forms]
    for form, variant_kind in forms:
        key = fold_name(form)
        if not key or key in seen:
            continue
        seen.add(key)
        variant = name(" ".join(form.split()), type="variant", subtype=_token(variant_kind))
        lang = _script_lang(form, entry)
        if lang:
            variant.set(XML_LANG, lang)
        el.append(variant)
    if entry is None and entity.gazetteer is not None:
        return _gazetteer_entry(el, entity.gazetteer)
    if entry is None:
        el.set("cert", "low")
        el.set("resp", "#tei_cables")
        el.append(E.note("Not in the authority register: recognised from its context in this cable; "
                         "review and add it to the register.", type="unlinked"))
        return el
    if entry.dates and kind == "person":
        born, _, died = entry.dates.partition("/")
        if re.fullmatch(r"\d{4}", born):
            el.append(E.birth(when=born))
        if re.fullmatch(r"\d{4}", died):
            el.append(E.death(when=died))
    if entry.description:
        el.append(E.note(entry.description, type="description"))
    for authority, value in entry.authority:
        el.append(E.idno(value, type=authority))
    if kind != "person":
        el.set("type", _token(entry.type))
    return el


def _gazetteer_entry(el: etree._Element, place: GazetteerPlace) -> etree._Element:
    """A place the register lacks but the gazetteer knows: surer than a name read from its context alone, with
    the GeoNames id where the name is one town's."""
    el.set("cert", "medium")
    el.set("resp", "#tei_cables")
    if place.geonames is None:
        said = f"a town name of the GeoNames gazetteer in {', '.join(place.countries)}, which one is not known"
    else:
        said = f"a town of the GeoNames gazetteer ({place.name}, {place.countries[0]})"
    el.append(E.note(f"Not in the authority register: {said}; review and add it to the register.", type="unlinked"))
    if place.geonames is not None:
        el.append(E.idno(place.geonames, type="geonames"))
    return el


def _script_lang(form: str, entry: Entry | None) -> str | None:
    """The language of a name written in another script: Cyrillic `ru`, Hangul `ko`, Chinese characters `zh`, or
    `ko-Hani` for the hanja of a Korean name (an entry that also has a Hangul form)."""
    if is_cyrillic(form):
        return "ru"
    if any("\uac00" <= c <= "\ud7a3" or "\u1100" <= c <= "\u11ff" for c in form):
        return "ko"
    if any("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in form):
        korean = entry is not None and any(v.kind == "hangul" for v in entry.variants)
        return "ko-Hani" if korean else "zh"
    return None


def _token(value: str) -> str:
    """A value for `@type`/`@subtype` (no spaces)."""
    return re.sub(r"\s+", "-", value.strip()) or "other"
