"""`<sourceDesc>`: what the text was taken from.

Two descriptions, as editors of diplomatic documents give them: a `bibl` for the published transcription or
translation the file was converted from (its title, publisher, address, translator, date and the transcription's
file name), and an `msDesc` for the archival original (repository, collection and file as `msIdentifier`, the
cable's own numbers as `altIdentifier`s, the folios as `<locus from="46" to="49">`, the language).
"""

from __future__ import annotations

import re

from lxml import etree

from tei_cables.encode.tei import E
from tei_cables.model import ArchiveRef, Block, Cable
from tei_cables.resources import load_data

_LANGUAGES = {"russian": "ru", "english": "en", "korean": "ko", "chinese": "zh", "german": "de", "french": "fr"}
_FOLIOS = "listy"  # the unit of an archival reference that counts folios


def build_source_desc(cable: Cable, source_name: str) -> etree._Element:
    """The bibl of the transcription and, where the cable names one, the msDesc of the original."""
    desc = E.sourceDesc(_bibl(cable, source_name))
    ms = _ms_desc(cable)
    if ms is not None:
        desc.append(ms)
    return desc


def _bibl(cable: Cable, source_name: str) -> etree._Element:
    """The published transcription: what its record says of it, and the file it was saved as."""
    bibl = E.bibl(type="transcription")
    header = cable.header
    if header is not None and header.title is not None:
        bibl.append(E.title(plain_title(cable)))
    publisher = _publisher(cable)
    if publisher:
        bibl.append(E.publisher(publisher))
    if header is not None and header.date is not None:
        when = next((s.get("when") for s in header.date.spans if s.kind == "date" and s.get("when")), None)
        text = " ".join(header.date.value.split())
        bibl.append(E.date(text, when=when) if when else E.date(text))
    translator = translator_of(cable)
    if translator:
        bibl.append(E.respStmt(E.resp("translated by"), E.name(translator)))
    if header is not None and header.url:
        bibl.append(E.ref(header.url, target=header.url))
    bibl.append(E.idno(source_name, type="file"))
    return bibl


def plain_title(cable: Cable) -> str:
    """The archive's title as plain words, else the title composed from what was read."""
    if cable.header is not None and cable.header.title is not None:
        return " ".join(cable.header.title.value.split())
    from tei_cables.encode.header import composed_title  # the header composes it; only needed here without one

    return composed_title(cable)


def _publisher(cable: Cable) -> str | None:
    """The publisher named in the record's citation: an organisation there that is not the archive."""
    field = cable.header.field("citation") if cable.header else None
    if field is None:
        return None
    repositories = {ref.text.value[slice(*ref.repository)] for ref in cable.header.refs if ref.repository}
    for value in field.values:
        for s in value.spans:
            name = value.value[s.start:s.end]
            if s.kind == "org" and name not in repositories:
                return " ".join(name.split())
    return None


def _ms_desc(cable: Cable) -> etree._Element | None:
    """`msDesc`: the archival reference in parts, the cable's own numbers, the folios and the language."""
    refs = cable.header.refs if cable.header else ()
    ident = E.msIdentifier()
    if refs:
        _reference(ident, refs[0], cable)
    for ref in refs[1:]:
        alt = E.altIdentifier(type="archive")
        _reference(alt, ref, cable, single_idno=True)
        ident.append(alt)
    number = telegram_number(cable)
    if number:
        ident.append(E.altIdentifier(E.idno(number, type="telegram"), type="telegram"))
    sender = _stamp_value(cable, "sender-number")
    if sender:
        ident.append(E.altIdentifier(E.idno(sender, type="sender"), type="sender"))
    if not len(ident):
        return None
    desc = E.msDesc(ident)
    contents = _ms_contents(cable, refs[0] if refs else None)
    if contents is not None:
        desc.append(contents)
    return desc


def _ms_contents(cable: Cable, ref: ArchiveRef | None) -> etree._Element | None:
    """The language of the original (from the record) and the folios the cable takes."""
    contents = E.msContents()
    if cable.header and cable.header.field("language"):
        lang = " ".join(v.value for v in cable.header.field("language").values).strip()
        code = _LANGUAGES.get(lang.casefold().split()[0]) if lang else None
        if code:
            contents.append(E.textLang(lang, mainLang=code))
    folios = [value for unit, value, _ in (ref.parts if ref else ()) if unit == _FOLIOS]
    if folios:
        bounds = [b for b in re.split(r"\s*[-–]\s*", folios[0]) if b]
        locus = E.locus(f"{_FOLIOS} {folios[0]}", **{"from": bounds[0], "to": bounds[-1]})
        contents.append(E.msItem(locus, E.title(plain_title(cable))))  # TEI wants the item named after its locus
    return contents if len(contents) else None


def _reference(parent: etree._Element, ref: ArchiveRef, cable: Cable, *, single_idno: bool = False) -> None:
    """`APRF, fond 45, opis 1, delo 347` as repository, collection and idnos (folios go to the locus).

    An `altIdentifier` (a second reference) holds one idno, so there the item units share it, folios included.
    """
    if ref.repository:
        s, e = ref.repository
        org = _entity_at(cable, ref.text.value, s, e)
        name = E.orgName(ref.text.value[s:e], ref=f"#{org}") if org else E.name(ref.text.value[s:e])
        parent.append(E.repository(name))
    units = [(u, v) for u, v, _ in ref.parts]
    collections = [f"{u} {v}" for u, v in units if u in {"fond", "opis"}]
    if collections:
        parent.append(E.collection(", ".join(collections), type="fond-opis"))
    items = [(u, v) for u, v in units if u not in {"fond", "opis"}]
    if single_idno and items:
        parent.append(E.idno(", ".join(f"{u} {v}" for u, v in items), type="item"))
        return
    for unit, value in items:
        if unit != _FOLIOS:
            parent.append(E.idno(value, type=unit))


def _entity_at(cable: Cable, value: str, start: int, end: int) -> str | None:
    """The register id tagged at this place of the record's reference, if any."""
    for f in cable.header.fields if cable.header else ():
        for v in f.values:
            if v.value == value:
                for s in v.spans:
                    if s.kind == "org" and s.start <= start and end <= s.end + 1:
                        return s.get("ref", "#")[1:]
    return None


def telegram_number(cable: Cable) -> str | None:
    """The cipher telegram number (`600308/ш` → `600308/sh`): the cipher form's, else the archive title's."""
    chosen = cable.correspondence.get("number")
    return transliterate_suffix(chosen.values[0]) if chosen else None


def transliterate_suffix(number: str) -> str:
    """A Cyrillic series suffix in Latin letters, as the contract wants (`600308/ш` → `600308/sh`)."""
    table = load_data("numbers.yaml")["suffix_letters"]
    return "".join(table.get(c, table.get(c.lower(), c)) for c in number)


def _stamp_value(cable: Cable, stamp_type: str) -> str | None:
    for part in cable.parts:
        for b in part.blocks:
            if isinstance(b, Block):
                for s in b.stamps:
                    if s.type == stamp_type and s.value:
                        return s.value
    return None


def translator_of(cable: Cable) -> str | None:
    """The translator the record names (`Translated by Gary Goldberg`)."""
    if not cable.header:
        return None
    phrases = load_data("header.yaml")["translator_phrases"]
    for f in cable.header.fields:
        for v in f.values:
            for p in phrases:
                m = re.search(rf"{re.escape(p)}\s+(?P<n>[^.\n]+)", v.value, re.IGNORECASE)
                if m:
                    return m.group("n").strip()
    return None
