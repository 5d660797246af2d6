"""The `<teiHeader>`: title, the archive record, the archival reference, the cipher numbers, correspondence.

Every word of the archive record stays in the header (`notesStmt`, one labelled note per field), and the parts
other programs read are also given their own elements: the telegram number as `idno type="telegram"`, the
archival reference split into repository, collection and item identifiers.
"""

from __future__ import annotations

import re

from lxml import etree

from tei_cables import __version__
from tei_cables.build.correspondence import build_correspondence
from tei_cables.build.inline import render_into
from tei_cables.build.tei import XML_ID, E
from tei_cables.model import ArchiveRef, Block, Cable, Span
from tei_cables.resources import load_data

_LANGUAGES = {"russian": "ru", "english": "en", "korean": "ko", "chinese": "zh", "german": "de", "french": "fr"}


def build_header(cable: Cable, source_name: str) -> etree._Element:
    """The whole teiHeader of a cable."""
    file_desc = E.fileDesc(_title_stmt(cable), _publication_stmt(source_name))
    notes = _notes_stmt(cable)
    if notes is not None:
        file_desc.append(notes)
    file_desc.append(E.sourceDesc(_ms_desc(cable, source_name)))
    profile = E.profileDesc(_lang_usage(cable))
    corresp = build_correspondence(cable)
    if corresp is not None:
        profile.append(corresp)
    encoding = E.encodingDesc(E.appInfo(E.application(E.label("tei_cables"), ident="tei_cables",
                                                      version=__version__)))
    return E.teiHeader(file_desc, encoding, profile)


def _title_stmt(cable: Cable) -> etree._Element:
    title = E.title()
    if cable.header and cable.header.title:
        render_into(title, cable.header.title)
    else:
        number = telegram_number(cable)
        title.text = f"Ciphered telegram {number}" if number else f"Cable transcribed in {cable.source}"
    stmt = E.titleStmt(title)
    translator = _translator(cable)
    if translator:
        stmt.append(E.respStmt(E.resp("translated by"), E.name(translator)))
    tool = E.respStmt(E.resp("converted to TEI by"), E.name(f"tei_cables {__version__}"))
    tool.set(XML_ID, "tei_cables")
    stmt.append(tool)
    for initials in sorted(_editors(cable)):
        stmt.append(E.respStmt(E.resp("editorial notes by"), E.name(initials), **{XML_ID: f"ed_{initials}"}))
    return stmt


def _publication_stmt(source_name: str) -> etree._Element:
    return E.publicationStmt(E.p("Converted from the plain-text transcription ", E.idno(source_name, type="source"),
                                 "; not published."))


def _notes_stmt(cable: Cable) -> etree._Element | None:
    """The archive record, field by field, each with its own label."""
    h = cable.header
    if h is None:
        return None
    notes = E.notesStmt()
    if h.date is not None:
        note = E.note(type="record-date")
        render_into(note, h.date)
        notes.append(note)
    for f in h.fields:
        note = E.note(type=f.name)
        if f.label is not None and f.label.value:
            label = E.label()
            render_into(label, f.label)
            note.append(label)
            label.tail = " "
        if f.name == "contents" and f.values:
            lst = E.list()
            for v in f.values:
                item = E.item()
                render_into(item, v)
                lst.append(item)
            note.append(lst)
        else:
            for n, v in enumerate(f.values):
                if n:
                    note.append(E.lb())
                holder = E.bibl() if f.name == "citation" else None
                if holder is not None:
                    render_into(holder, v)
                    note.append(holder)
                else:
                    span_holder = E.seg()
                    render_into(span_holder, v)
                    note.append(span_holder)
        notes.append(note)
    return notes if len(notes) else None


def _ms_desc(cable: Cable, source_name: str) -> etree._Element:
    """`msDesc/msIdentifier`: the archival reference in parts, and the cable's own numbers."""
    ident = E.msIdentifier()
    refs = cable.header.refs if cable.header else ()
    if refs:
        _reference(ident, refs[0], cable)
    number = telegram_number(cable)
    sender = _stamp_value(cable, "sender-number")
    alts = []
    for ref in refs[1:]:
        alt = E.altIdentifier(type="archive")
        _reference(alt, ref, cable, single_idno=True)
        alts.append(alt)
    if number:
        alts.append(E.altIdentifier(E.idno(number, type="telegram"), type="telegram"))
    if sender:
        alts.append(E.altIdentifier(E.idno(sender, type="sender"), type="sender"))
    if not refs:
        ident.append(E.idno(source_name, type="source"))
    ident.extend(alts)
    desc = E.msDesc(ident)
    if cable.header and cable.header.field("language"):
        lang = " ".join(v.value for v in cable.header.field("language").values).strip()
        code = _LANGUAGES.get(lang.casefold().split()[0]) if lang else None
        if code:
            desc.append(E.msContents(E.textLang(lang, mainLang=code)))
    return desc


def _reference(parent: etree._Element, ref: ArchiveRef, cable: Cable, *, single_idno: bool = False) -> None:
    """`APRF, fond 45, opis 1, delo 347, listy 46-49` as repository, collection and idnos.

    An `altIdentifier` (a second reference) holds one idno, so there the item units share it.
    """
    if ref.repository:
        repo = E.repository()
        s, e = ref.repository
        org = _entity_at(cable, ref.text.value, s, e)
        name = E.orgName(ref.text.value[s:e], ref=f"#{org}") if org else E.name(ref.text.value[s:e])
        repo.append(name)
        parent.append(repo)
    units = [(u, v) for u, v, _ in ref.parts]
    collections = [f"{u} {v}" for u, v in units if u in {"fond", "opis"}]
    if collections:
        parent.append(E.collection(", ".join(collections), type="fond-opis"))
    items = [(u, v) for u, v in units if u not in {"fond", "opis"}]
    if single_idno and items:
        parent.append(E.idno(", ".join(f"{u} {v}" for u, v in items), type="item"))
        return
    for unit, value in items:
        parent.append(E.idno(value, type=unit))


def _entity_at(cable: Cable, value: str, start: int, end: int) -> str | None:
    """The register id tagged at this place of the citation, if any."""
    if not cable.header:
        return None
    for f in cable.header.fields:
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


def _translator(cable: Cable) -> str | None:
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


def _editors(cable: Cable) -> set[str]:
    """Initials of the editors whose bracketed notes the transcription carries (`- AM`)."""
    out: set[str] = set()

    def visit(spans: tuple[Span, ...]) -> None:
        out.update(s.get("resp") for s in spans if s.kind == "bracket" and s.get("resp"))

    from tei_cables.model import iter_texts

    for t, _ in iter_texts(cable):
        visit(t.spans)
    return out


def _lang_usage(cable: Cable) -> etree._Element:
    langs = []
    for p in cable.parts:
        if p.lang not in langs:
            langs.append(p.lang)
    names = {"ru": "Russian", "en": "English"}
    return E.langUsage(*[E.language(names.get(code, code), ident=code) for code in langs or ["en"]])


