"""The typed model of a cable, shared by every stage of the pipeline.

`read/` turns text into these objects, `tag/` adds spans to their texts, and `encode/` turns them into TEI.
Nothing here knows about XML, so each stage can be tested on plain Python values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

SpanKind = Literal[
    "date", "person", "place", "org", "bold", "url", "bracket", "copies", "idno", "stamp-person", "stamp-place",
]


@dataclass(frozen=True)
class Span:
    """A stretch `[start, end)` of a Text that the builder wraps in one element.

    `attrs` carries what the element needs: ISO values for dates, the register id for names, the bracket's
    reading (gap, supplied, gloss, note) and its responsibility.
    """

    start: int
    end: int
    kind: SpanKind
    attrs: tuple[tuple[str, str], ...] = ()

    def get(self, key: str, default: str | None = None) -> str | None:
        """Look up one attribute; spans keep attrs as a tuple so that they stay hashable and ordered."""
        return dict(self.attrs).get(key, default)


@dataclass(frozen=True)
class Text:
    """A run of source text (line breaks kept as newlines) with the spans found in it."""

    value: str
    line: int
    spans: tuple[Span, ...] = ()

    def with_spans(self, spans: list[Span] | tuple[Span, ...]) -> Text:
        """Return a copy with more spans; spans are kept sorted so output is deterministic."""
        merged = sorted(set(self.spans) | set(spans), key=lambda s: (s.start, -s.end, s.kind, s.attrs))
        return replace(self, spans=tuple(merged))

    def line_of(self, offset: int) -> int:
        """The source line number of a character offset, for error messages."""
        return self.line + self.value.count("\n", 0, offset)


StampType = Literal[
    "sent", "received", "arrived", "deciphered", "typed", "verified", "cabled", "number", "sender-number", "from", "to",
    "urgency", "classification", "enclosure", "handling", "registration", "page", "transmission", "copy",
    "distribution", "other",
]


@dataclass(frozen=True)
class Stamp:
    """One routing stamp inside a block's text: its type, its extent, and where its person and place stand.

    Offsets are into the text of the Block that holds the stamp, so one line may hold several stamps
    ("From Correspondent 20 Sent 17.7.52") and one stamp may run over a line end.
    """

    type: StampType
    start: int
    end: int
    person: tuple[int, int] | None = None
    place: tuple[int, int] | None = None
    value: str | None = None  # telegram number, urgency or classification, as normalised


@dataclass(frozen=True)
class CopyLine:
    """One addressee of a distribution list, with every source line that sends them a copy."""

    name: tuple[int, int]
    copies: int
    copies_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Distribution:
    """A distribution list: its heading (with the stated total), its addressees, and unassigned copy numbers."""

    head: Text | None
    total: int | None
    total_span: tuple[int, int] | None
    items: tuple[tuple[Text, CopyLine], ...]
    unassigned: tuple[Text, ...] = ()


BlockKind = Literal[
    "stamp", "stamps", "distribution", "p", "address", "salute", "signed", "dateline", "separator", "item",
    "page", "note", "closer-p", "page-break",
]


@dataclass(frozen=True)
class Block:
    """One unit of the body: a paragraph, a routing stamp line, a signature, a list item, an enclosure."""

    kind: BlockKind
    text: Text | None = None
    stamps: tuple[Stamp, ...] = ()
    distribution: Distribution | None = None
    children: tuple[Block, ...] = ()
    n: str | None = None  # number of a list item
    note_type: str | None = None
    names: tuple[tuple[int, int], ...] = ()  # the signers of a sign-off, as offsets into the text


@dataclass(frozen=True)
class Enclosure:
    """A letter or telegram quoted inside the cable, with its own blocks (and enclosures)."""

    blocks: tuple[Block | Enclosure, ...]
    quoted: bool
    line: int


@dataclass(frozen=True)
class Part:
    """One language version of the cable: the original, or a translation of it."""

    lang: str
    blocks: tuple[Block | Enclosure, ...]
    role: Literal["original", "translation", "single"] = "single"


@dataclass(frozen=True)
class ArchiveRef:
    """An archival reference split into its parts (`APRF, fond 45, opis 1, delo 347, listy 46-49`)."""

    text: Text
    repository: tuple[int, int] | None
    parts: tuple[tuple[str, str, tuple[int, int]], ...]  # (unit, value, span of value)


@dataclass(frozen=True)
class HeaderField:
    """One labelled field of an archive record (`Summary:` and its text)."""

    name: str
    label: Text | None
    values: tuple[Text, ...]


@dataclass(frozen=True)
class TitleRoles:
    """What a title says of the cable: its number, and the extents (offsets into the title) naming the sender
    and the addressees, with the bare names in them that the tagger must take for persons."""

    number: str | None
    sender: tuple[int, int] | None
    addressees: tuple[int, int] | None
    names: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class ArchiveHeader:
    """The record an archive publishes with a cable: date, title, citation, summary, credits and so on."""

    date: Text | None
    title: Text | None
    fields: tuple[HeaderField, ...]
    refs: tuple[ArchiveRef, ...] = ()
    url: str | None = None
    title_roles: TitleRoles | None = None

    def field(self, name: str) -> HeaderField | None:
        """The field of that name, if the record has it."""
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class Warning_:
    """Something the reader or tagger could not read with confidence; shown to the user, never fatal."""

    line: int
    message: str


@dataclass(frozen=True)
class GazetteerPlace:
    """A town of the gazetteer: its GeoNames id, its name there, its country and size. A name that towns of
    several countries bear (Yanggu in Korea and in China) is a place all the same, but which one the cable means
    is not known: its `geonames` is None and `countries` lists them."""

    geonames: str | None
    name: str
    countries: tuple[str, ...]
    population: int


@dataclass(frozen=True)
class Entity:
    """A person, place or organisation mentioned in the cable, for the file's own register.

    `register_id` is set when the authority register knows it; otherwise the entity is local to the file,
    built from the forms seen, and marked for an editor to review.
    """

    id: str
    kind: Literal["person", "place", "org"]
    name: str
    forms: tuple[str, ...] = ()
    register_id: str | None = None
    part_of: str | None = None  # a unit's institution (`tag/units.py`), as the id of its entity
    gazetteer: GazetteerPlace | None = None  # a place the register lacks but the gazetteer knows


WitnessSource = Literal["stamp", "address", "relay", "sign-off", "dateline", "title", "date-heading", "cover"]
Role = Literal["sender", "addressee", "intermediary", "from", "to", "sent", "received", "number"]


@dataclass(frozen=True)
class Witness:
    """One statement of who, where, when or which number, with where the cable (or its record) makes it.

    `values` are register references (`#pers_stalin`) for persons and places, the ISO value for a date, the
    number as written for a number; `text` is the date or number as written.
    """

    role: Role
    source: WitnessSource
    line: int
    values: tuple[str, ...]
    text: str = ""
    part: int = -1  # the language part it was read in; -1 for the archive record
    cert: str | None = None  # "medium" for a date whose day-month order the cable does not tell

    @property
    def inferred(self) -> bool:
        """Read from a sign-off, a dateline, the title or the date heading rather than stated by a stamp."""
        return self.source not in {"stamp", "address", "relay", "cover"}


@dataclass(frozen=True)
class Correspondence:
    """The chosen witness for each role (see `tag/correspondence.py` for the precedence)."""

    chosen: tuple[Witness, ...] = ()

    def get(self, role: Role) -> Witness | None:
        """The witness chosen for a role, if any witness gave one."""
        return next((w for w in self.chosen if w.role == role), None)

    @property
    def inferred(self) -> int:
        """How many chosen values were inferred, for the convert summary."""
        return sum(1 for w in self.chosen if w.inferred)


@dataclass(frozen=True)
class Cable:
    """A whole transcription: its archive header (if any) and its language parts."""

    source: str
    header: ArchiveHeader | None
    parts: tuple[Part, ...]
    warnings: tuple[Warning_, ...] = field(default=())
    entities: tuple[Entity, ...] = field(default=())
    correspondence: Correspondence = field(default_factory=Correspondence)
    enclosures: tuple[Correspondence, ...] = field(default=())  # the letters it encloses, in document order


TextFn = Callable[[Text, str], Text]


def iter_texts(cable: Cable) -> Iterator[tuple[Text, str]]:
    """Every text of a cable in document order, with its role (`header:summary`, `stamps`, `signed`, …)."""
    header = cable.header
    if header is not None:
        if header.date:
            yield header.date, "header:date"
        if header.title:
            yield header.title, "header:title"
        for f in header.fields:
            for v in f.values:
                yield v, f"header:{f.name}"
    for p in cable.parts:
        yield from _block_texts(p.blocks, p.role)


def _block_texts(blocks: tuple[Block | Enclosure, ...], where: str) -> Iterator[tuple[Text, str]]:
    """The texts of a run of blocks, in the order `map_texts` visits them (a test keeps the two in step)."""
    for b in blocks:
        if isinstance(b, Enclosure):
            yield from _block_texts(b.blocks, where + "/enclosure")
            continue
        if b.text is not None:
            yield b.text, f"{where}:{b.kind}"
        if b.distribution is not None:
            yield from ((t, f"{where}:copy") for t, _ in b.distribution.items)
            yield from ((t, f"{where}:unassigned") for t in b.distribution.unassigned)


def map_texts(cable: Cable, fn: TextFn) -> Cable:
    """A copy of the cable with every text replaced by fn(text, role), visited in document order."""
    header = cable.header
    if header is not None:
        header = replace(
            header,
            date=fn(header.date, "header:date") if header.date else None,
            title=fn(header.title, "header:title") if header.title else None,
            fields=tuple(replace(f, values=tuple(fn(v, f"header:{f.name}") for v in f.values)) for f in header.fields),
        )
    parts = tuple(replace(p, blocks=_map_blocks(p.blocks, fn, p.role)) for p in cable.parts)
    return replace(cable, header=header, parts=parts)


def _map_blocks(blocks: tuple[Block | Enclosure, ...], fn: TextFn, where: str) -> tuple[Block | Enclosure, ...]:
    out: list[Block | Enclosure] = []
    for b in blocks:
        if isinstance(b, Enclosure):
            out.append(replace(b, blocks=_map_blocks(b.blocks, fn, where + "/enclosure")))
            continue
        role = f"{where}:{b.kind}"
        text = fn(b.text, role) if b.text is not None else None
        dist = b.distribution
        if dist is not None:
            dist = replace(dist, head=text, items=tuple((fn(t, f"{where}:copy"), c) for t, c in dist.items),
                           unassigned=tuple(fn(t, f"{where}:unassigned") for t in dist.unassigned))
        out.append(replace(b, text=text, distribution=dist))
    return tuple(out)


def iter_enclosures(blocks: tuple[Block | Enclosure, ...]) -> Iterator[Enclosure]:
    """The enclosures of a run of blocks in document order, each before the ones inside it (the order in which
    the builder numbers them and `tag/correspondence.py` describes them)."""
    for b in blocks:
        if isinstance(b, Enclosure):
            yield b
            yield from iter_enclosures(b.blocks)
