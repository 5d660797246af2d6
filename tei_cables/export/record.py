"""The one reader every exporter uses: a cable's TEI file → a light record of what exports carry.

It reads the TEI as written (so a cable corrected by hand in an XML editor exports with its corrections), never the
converter's own objects, and one file at a time (so a corpus streams). It reads the places the encoding contract
fixes (`../shared/ENCODING-CONTRACT.md`, docs/encoding.md) and a few more: the register entries with their external
identifiers, the enclosed letters' correspondence, the text in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree

from tei_cables.safexml import parse_file

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_REGISTER = "ancestor::t:standOff or ancestor::t:listPerson or ancestor::t:listPlace or ancestor::t:listOrg"
_REGISTER_LISTS = tuple(f"{{{NS['t']}}}{n}" for n in ("standOff", "listPerson", "listPlace", "listOrg"))
_TEXT, _FLOATING, _DIV = (f"{{{NS['t']}}}{n}" for n in ("text", "floatingText", "div"))
# Block elements of the text in reading order, and what each is.
_BLOCKS = {"ab": "stamp", "p": "p", "item": "item", "head": "head", "salute": "salute", "signed": "signed",
           "dateline": "dateline", "addrLine": "address", "fw": "page", "note": "note"}
_BLOCK_TAGS = tuple(f"{{{NS['t']}}}{n}" for n in _BLOCKS)


@dataclass(frozen=True)
class Named:
    """A person, place or organisation as a cable names it: its entry in the file (if any) and its name.

    `ref` is the id of the entry in this file; the project register's id is that entry's `same_as` (for a linked
    entry the two are the same id today, but a hand-edited file may differ)."""

    ref: str | None  # the entry's id in the file (`pers_stalin`), None for a name without an entry
    name: str  # the regularised name of the entry, else the words as written
    kind: str = "person"


@dataclass(frozen=True)
class Action:
    """One correspAction: who, where, when."""

    persons: tuple[Named, ...] = ()
    place: Named | None = None
    when: str | None = None

    @property
    def day(self) -> str | None:
        """The date to the day (`1950-09-30`), as day-precision exchange formats want it."""
        return self.when[:10] if self.when and re.match(r"\d{4}-\d{2}-\d{2}", self.when) else None


@dataclass(frozen=True)
class Letter:
    """The correspondence of one cable or of one letter it encloses."""

    sent: Action = Action()
    received: Action = Action()
    transmitted: tuple[Named, ...] = ()
    corresp: str | None = None  # for an enclosure: the id of its element in the text


@dataclass(frozen=True)
class StampRecord:
    """One routing stamp of the text: its type, its words, its time and its person."""

    type: str
    text: str
    when: str | None = None
    person: Named | None = None
    enclosure: bool = False  # a stamp of a telegram the cable quotes, not of the cable itself


@dataclass(frozen=True)
class CopyRecord:
    """One entry of a distribution list."""

    name: Named
    copies: int


@dataclass(frozen=True)
class Entry:
    """A register entry of the file: name, variants, and identifiers in other authorities."""

    id: str
    kind: str  # person, place, org
    name: str
    variants: tuple[str, ...] = ()
    authority: tuple[tuple[str, str], ...] = ()  # (wikidata, Q855), (geonames, …)
    same_as: str | None = None  # the project register's id (`register:pers_stalin`)
    linked: bool = True  # in the project's authority register


@dataclass(frozen=True)
class Mention:
    """A name in the text, in document order."""

    entity: str
    kind: str
    text: str


@dataclass(frozen=True)
class NameRecord:
    """A name anywhere in the file outside the register (header, text, summary, source line): the entry it points
    at (if it has a pointer), its words, and whether it stands in the text."""

    kind: str  # person, place, org
    ref: str | None
    text: str
    in_text: bool = False


@dataclass(frozen=True)
class DateRecord:
    """A date of the text with its @when, and whether it stands in a routing stamp (not running text)."""

    when: str
    in_stamp: bool


@dataclass(frozen=True)
class Block:
    """A block of the text in reading order (`p`, `stamp`, `signed`, …), inside an enclosure or not."""

    kind: str
    text: str
    enclosure: bool = False
    subtype: str | None = None


@dataclass(frozen=True)
class CableRecord:
    """What the exporters carry of one cable."""

    id: str
    file: str
    title: str
    number: str | None
    sender_number: str | None
    languages: tuple[str, ...]
    cable: Letter
    letters: tuple[Letter, ...]
    stamps: tuple[StampRecord, ...]
    distribution: tuple[CopyRecord, ...]
    copies_stated: int | None
    archive: str | None
    url: str | None
    entries: dict[str, Entry] = field(default_factory=dict)
    blocks: tuple[Block, ...] = ()
    names: tuple[NameRecord, ...] = ()
    dates: tuple[DateRecord, ...] = ()
    dangling: tuple[str, ...] = ()  # @ref pointers to no element of the file

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """The names of the text that point at an entry, in document order."""
        return tuple(Mention(n.ref, n.kind, n.text) for n in self.names if n.in_text and n.ref)

    def stamp(self, stamp_type: str) -> StampRecord | None:
        """The cable's own first stamp of a type (`deciphered`, `urgency`), if it has one."""
        return next((s for s in self.stamps if s.type == stamp_type and not s.enclosure), None)

    @property
    def copies(self) -> int:
        """The copies the distribution list gives out (items to the same addressee add up)."""
        return sum(c.copies for c in self.distribution)

    @property
    def text(self) -> str:
        """The words of the text, block by block, for full-text search."""
        return "\n".join(b.text for b in self.blocks)


def read_record(path: Path) -> CableRecord:
    """Read one cable's TEI file (safely: no DTD, no entities, no network) into a record."""
    return record_of(tei_root(path), path)


def tei_root(path: Path) -> etree._Element:
    """The `<TEI>` element of a file, parsed safely; a file of another kind is an error naming it."""
    root = parse_file(path).getroot()
    if root.tag != f"{{{NS['t']}}}TEI":
        from tei_cables.errors import SourceError

        raise SourceError(f"not a TEI file: its root is <{etree.QName(root).localname}>, not <TEI>", path=str(path))
    return root


def record_of(root: etree._Element, path: Path) -> CableRecord:
    """The record of a parsed TEI document."""
    entries = _entries(root)
    own = _x(root, "t:teiHeader/t:profileDesc/t:correspDesc[not(@corresp)]")  # the cable's own (contract: first)
    enclosed = _x(root, "t:teiHeader/t:profileDesc/t:correspDesc[@corresp]")
    number = _first_text(root, "t:teiHeader//t:idno[@type='telegram']")
    lst = _x(root, "t:text//t:list[@type='distribution']")
    total = _x(root, "t:text//t:list[@type='distribution']/t:head/t:num[@type='total']/@value | "
                     "t:text//*[@subtype='distribution']/t:num[@type='total']/@value")
    return CableRecord(
        id=path.stem,
        file=path.name,
        title=_words(_x(root, "t:teiHeader/t:fileDesc/t:titleStmt/t:title")[0]) if _x(
            root, "t:teiHeader/t:fileDesc/t:titleStmt/t:title") else path.stem,
        number=number,
        sender_number=_first_text(root, "t:teiHeader//t:idno[@type='sender']"),
        languages=tuple(_x(root, "t:teiHeader/t:profileDesc/t:langUsage/t:language/@ident")),
        cable=_letter(own[0], entries) if own else Letter(),
        letters=tuple(_letter(d, entries) for d in enclosed),
        stamps=tuple(_stamps(root, entries)),
        distribution=tuple(_copies(item, entries) for item in (_x(lst[0], "t:item") if lst else [])),
        copies_stated=int(float(total[0])) if total and total[0].strip() else None,
        archive=_archive(root),
        url=_first_attr(root, "t:teiHeader//t:sourceDesc/t:bibl/t:ref/@target"),
        entries=entries,
        blocks=tuple(_blocks(root)),
        names=tuple(_names(root)),
        dates=tuple(DateRecord(d.get("when"), bool(_x(d, "ancestor::*[@type='stamp']")))
                    for d in _x(root, "t:text//t:date[@when]")),
        dangling=tuple(_dangling(root)),
    )


def iter_records(paths: list[Path], errors: list[tuple[Path, str]]) -> Iterator[CableRecord]:
    """The records of TEI files one at a time; a file that cannot be read is reported in `errors` and skipped."""
    from tei_cables.errors import TeiCablesError

    for path in paths:
        try:
            yield read_record(path)
        except TeiCablesError as exc:
            where = f"{path}:{exc.line}" if exc.line else str(path)
            errors.append((path, f"{where}: {exc.message}"))
        except Exception as exc:  # noqa: BLE001 - any file the reader cannot make sense of is that file's error
            errors.append((path, f"{path}: not a cable's TEI file ({exc.__class__.__name__}: {exc})"))


# --- parts of a record -------------------------------------------------------------------------------------------


def _entries(root: etree._Element) -> dict[str, Entry]:
    out = {}
    for el in _x(root, "//t:person | //t:place | //t:org"):
        ident = el.get(XML_ID)
        if not ident:
            continue
        kind = etree.QName(el).localname
        name_els = _x(el, "t:persName | t:placeName | t:orgName")
        regularised = [n for n in name_els if n.get("type") == "regularised"]
        names = [_words(n) for n in regularised + [n for n in name_els if n not in regularised]]
        authority = tuple((i.get("type"), _words(i)) for i in _x(el, "t:idno[@type]"))
        out[ident] = Entry(ident, kind, names[0] if names else ident, tuple(names[1:]), authority,
                           el.get("sameAs"), el.get("cert") != "low")
    return out


def _ref(el: etree._Element) -> str | None:
    """The entry a name points at: the first pointer of its `@ref`, without its `#`."""
    refs = (el.get("ref") or "").split()
    return refs[0][1:] if refs and refs[0].startswith("#") else None


def _named(el: etree._Element, entries: dict[str, Entry]) -> Named:
    ref = _ref(el)
    kind = {"persName": "person", "placeName": "place", "orgName": "org"}.get(etree.QName(el).localname, "name")
    entry = entries.get(ref) if ref else None
    return Named(ref if entry else None, entry.name if entry else _words(el), entry.kind if entry else kind)


def _action(d: etree._Element, kind: str, entries: dict[str, Entry]) -> Action:
    found = _x(d, f"t:correspAction[@type='{kind}']")
    if not found:
        return Action()
    a = found[0]
    places = _x(a, "t:placeName")
    dates = _x(a, "t:date/@when")
    return Action(tuple(_named(p, entries) for p in _x(a, "t:persName | t:orgName")),
                  _named(places[0], entries) if places else None, dates[0] if dates else None)


def _letter(d: etree._Element, entries: dict[str, Entry]) -> Letter:
    through = _x(d, "t:correspAction[@type='transmitted' or @type='forwarded' or @type='redirected']"
                    "/*[self::t:persName or self::t:orgName]")
    return Letter(_action(d, "sent", entries), _action(d, "received", entries),
                  tuple(_named(p, entries) for p in through), d.get("corresp"))


def _stamps(root: etree._Element, entries: dict[str, Entry]) -> Iterator[StampRecord]:
    for el in _x(root, "t:text//*[@type='stamp' and @subtype]"):
        dates = _x(el, "descendant::t:date/@when")
        persons = _x(el, "descendant::t:persName")
        yield StampRecord(el.get("subtype"), _words(el), dates[0] if dates else None,
                          _named(persons[0], entries) if persons else None, _in_enclosure(el))


def _copies(item: etree._Element, entries: dict[str, Entry]) -> CopyRecord:
    names = _x(item, ".//t:persName | .//t:orgName | .//t:placeName | .//t:name")
    num = _x(item, ".//t:num[@type='copies']/@value")
    name = _named(names[0], entries) if names else Named(None, _words(item), "name")
    return CopyRecord(name, int(float(num[0])) if num else 1)


def _archive(root: etree._Element) -> str | None:
    ident = _x(root, "t:teiHeader//t:sourceDesc/t:msDesc/t:msIdentifier")
    if not ident:
        return None
    parts = [_words(e) for e in _x(ident[0], "t:repository | t:collection")]
    parts += [f"{i.get('type')} {_words(i)}" for i in _x(ident[0], "t:idno")]
    parts += [_words(loc) for loc in _x(root, "t:teiHeader//t:msContents/t:msItem/t:locus")]
    return ", ".join(p for p in parts if p) or None


def _names(root: etree._Element) -> Iterator[NameRecord]:
    kinds = {"persName": "person", "placeName": "place", "orgName": "org"}
    for el in _x(root, f"//*[(self::t:persName or self::t:placeName or self::t:orgName) and not({_REGISTER})]"):
        yield NameRecord(kinds[etree.QName(el).localname], _ref(el), _words(el), _has_ancestor(el, _TEXT))


def _dangling(root: etree._Element) -> Iterator[str]:
    ids = set(_x(root, "//@xml:id"))
    for value in _x(root, "//@ref"):
        yield from (r for r in value.split() if r.startswith("#") and r[1:] not in ids)


def _blocks(root: etree._Element) -> Iterator[Block]:
    """The text's blocks in reading order; a block inside another (a note in a paragraph) is part of it."""
    for el in root.iter(*(f"{{{NS['t']}}}{name}" for name in _BLOCKS)):
        if not _in_text(el) or _inside_block(el):
            continue
        kind = _BLOCKS[etree.QName(el).localname]
        if kind == "stamp" and el.get("type") not in {"stamp", "stamps"}:
            # a separator line, or a signature, salutation or address outside its opener or closer
            kind = {"closer-p": "salute"}.get(el.get("type"), el.get("type") or "separator")
        if kind == "item" and el.getparent().get("type", "").startswith("distribution"):
            kind = "copy"
        yield Block(kind, _words(el), _in_enclosure(el), el.get("subtype") or el.get("type"))


def _in_enclosure(el: etree._Element) -> bool:
    return _has_ancestor(el, _FLOATING) or any(d.get("type") == "enclosure" for d in el.iterancestors(_DIV))


def _in_text(el: etree._Element) -> bool:
    return _has_ancestor(el, _TEXT) and not _has_ancestor(el, *_REGISTER_LISTS)


def _inside_block(el: etree._Element) -> bool:
    return _has_ancestor(el, *_BLOCK_TAGS)


def _has_ancestor(el: etree._Element, *tags: str) -> bool:
    """Whether an element stands inside one of these (walked in C: an XPath per element cost more than the rest
    of reading a record)."""
    return next(el.iterancestors(*tags), None) is not None


def _x(el: etree._Element, path: str) -> list:
    """XPath with plain strings for attribute values (lxml's "smart" strings would keep the whole tree alive in
    every record, and some writers refuse them)."""
    return _xpath(path)(el)


@lru_cache(maxsize=256)
def _xpath(path: str) -> etree.XPath:
    """A path compiled once (compiling took most of the time of reading a record: the same few dozen paths are
    evaluated on every file)."""
    return etree.XPath(path, namespaces=NS, smart_strings=False)


def _words(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _first_text(root: etree._Element, path: str) -> str | None:
    found = _x(root, path)
    return _words(found[0]) if found else None


def _first_attr(root: etree._Element, path: str) -> str | None:
    found = _x(root, path)
    return str(found[0]) if found else None
