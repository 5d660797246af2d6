"""The `<teiHeader>`: title, publication, the archive record, the sources, encoding, correspondence.

Every word of the archive record stays in the header (`notesStmt`, one labelled note per field); what other
programs read is also given its own element: the telegram number as `idno type="telegram"`, the archival
reference in `msDesc` (`source.py`), the correspondence (`correspondence.py`). A cable whose archive gives no title
gets one composed from what was read (`Ciphered telegram No. 600308 from Terentii Shtykov (Pyongyang) to Andrei
Gromyko (Moscow), 30 September 1950`), never from its file name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from lxml import etree

from tei_cables import __version__
from tei_cables.encode.correspondence import build_correspondence
from tei_cables.encode.encoding import build_encoding_desc
from tei_cables.encode.inline import render_into
from tei_cables.encode.publication import Publication, build_publication_stmt
from tei_cables.encode.source import build_source_desc, telegram_number, translator_of
from tei_cables.encode.tei import XML_ID, E
from tei_cables.model import Cable, Span, Witness


def build_header(cable: Cable, source_name: str, publication: Publication) -> etree._Element:
    """The whole teiHeader of a cable."""
    file_desc = E.fileDesc(_title_stmt(cable), build_publication_stmt(cable, publication))
    notes = _notes_stmt(cable)
    if notes is not None:
        file_desc.append(notes)
    file_desc.append(build_source_desc(cable, source_name))
    profile = E.profileDesc(_lang_usage(cable))
    for corresp in build_correspondence(cable):
        profile.append(corresp)
    return E.teiHeader(file_desc, build_encoding_desc(publication.schema_href, publication.register_href), profile)


def _title_stmt(cable: Cable) -> etree._Element:
    if cable.header and cable.header.title:
        title = E.title()  # without the web page's bold: a title is not emphasis
        plain = cable.header.title
        render_into(title, replace(plain, spans=tuple(s for s in plain.spans if s.kind != "bold")))
    else:
        title = E.title(composed_title(cable), type="desc")
    stmt = E.titleStmt(title)
    translator = translator_of(cable)
    if translator:
        stmt.append(E.respStmt(E.resp("translated by"), E.name(translator)))
    tool = E.respStmt(E.resp("converted to TEI by"), E.name(f"tei_cables {__version__}"))
    tool.set(XML_ID, "tei_cables")
    stmt.append(tool)
    for initials in sorted(_editors(cable)):
        stmt.append(E.respStmt(E.resp("editorial notes by"), E.name(initials), **{XML_ID: f"ed_{initials}"}))
    return stmt


def composed_title(cable: Cable) -> str:
    """A title from what was read: number, sender (place), addressees (place), date sent."""
    c = cable.correspondence
    names = {e.id: e.name for e in cable.entities}
    number = telegram_number(cable)
    title = "Ciphered telegram" + (f" No. {number}" if number else "")
    for role, place_role, word in (("sender", "from", "from"), ("addressee", "to", "to")):
        party = _names(c.get(role), names)
        place = _names(c.get(place_role), names)
        if party:
            title += f" {word} {party}" + (f" ({place})" if place else "")
        elif place and word == "from":
            title += f" from {place}"
        elif place:
            title += f" to {place}"
    sent = c.get("sent")
    if sent is not None:
        title += f", {_day(sent.values[0])}"
    return title


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _names(w: Witness | None, names: dict[str, str]) -> str:
    if w is None:
        return ""
    found = [names.get(v[1:], v[1:]) for v in w.values]
    return " and ".join(found) if len(found) < 3 else ", ".join(found[:-1]) + " and " + found[-1]


def _day(when: str) -> str:
    """`1950-09-30T20:35:00` → `30 September 1950`."""
    try:
        day = dt.date.fromisoformat(when[:10])
    except ValueError:
        return when
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"  # English whatever the locale


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


