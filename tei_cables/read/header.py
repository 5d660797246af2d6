"""The archive record at the top of a transcription: date, title and labelled fields.

Records copied from an online archive (`Citation:`, `Summary:`, `Original Language:`, `Contents:`) come before
the cable itself. A transcription without such labels has no header, and everything in it is cable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tei_cables.model import ArchiveHeader, ArchiveRef, HeaderField, Text
from tei_cables.read.paragraphs import Paragraph, make_text
from tei_cables.read.title import read_title
from tei_cables.resources import load_data

_LOOKAHEAD = 14  # a record's first label stands within this many paragraphs of the top
# An edition's number of the document or page above a heading (`52.`, `No. 52`, `[Page 125]`).
_DOCUMENT_NUMBER = re.compile(r"\s*(?:\[Page \d+\]|\[?(?:No\.\s*)?\d{1,4}\.?\]?)\s*")
_TITLE_WORDS = 40  # a page's title is one line of at most this many words
_SUMMARY_WORDS = 4  # the summary above the foot's record block is a sentence of at least this many words


@dataclass(frozen=True)
class _FieldSpec:
    name: str
    labels: tuple[str, ...]
    values: int | str
    footer: bool = False  # the heading of the record block at the foot of a page


@cache
def _specs() -> tuple[_FieldSpec, ...]:
    return tuple(_FieldSpec(f["name"], tuple(f["labels"]), f["values"], bool(f.get("footer")))
                 for f in load_data("header.yaml")["fields"])


def _bare(line: str) -> str:
    """A line without markdown bold, for label matching."""
    return line.replace("**", "").strip()


def match_label(line: str, *, colon: bool = True) -> tuple[_FieldSpec, int] | None:
    """The field a line's label opens, and where its inline value starts (or the line length).

    At the top of a file a label needs its colon (`Summary:`); in the record block at the foot of a page,
    a label alone on its line is one too (`Source`).
    """
    bare = _bare(line)
    for spec, label in _labels(colon):
        m = label.match(bare)
        if m and (m.end() == len(bare) or ":" in m.group()):
            offset = line.find(":") + 1 if ":" in line else len(line)
            while offset < len(line) and line[offset] in "* ":
                offset += 1
            return spec, offset
    return None


@cache
def _labels(colon: bool) -> tuple[tuple[_FieldSpec, re.Pattern[str]], ...]:
    """Each field's labels as patterns, in the table's order, with the colon required or optional."""
    return tuple((spec, re.compile(rf"{re.escape(label)}\s*{':' if colon else ':?'}\s*", re.IGNORECASE))
                 for spec in _specs() for label in spec.labels)


def is_content_item(line: str) -> bool:
    """A line of a contents list, such as `Translation - English` or `Original Scan`."""
    bare = _bare(line).casefold()
    return any(bare.startswith(item) for item in load_data("header.yaml")["content_items"]) and len(bare) < 60


def read_header(paragraphs: list[Paragraph]) -> tuple[ArchiveHeader | None, list[Paragraph]]:
    """Split off the archive record; return it (or None) and the paragraphs of the cable.

    Two layouts are read: a record of labelled fields at the top (`Citation:`, `Summary:`), and a page with a
    date heading and a title at the top and the record block (`Document Information`) at the foot.
    """
    footer_at = next((i for i, p in enumerate(paragraphs) if _is_footer(p)), len(paragraphs))
    date, title, fields, rest = _read_top(paragraphs[:footer_at])
    if footer_at < len(paragraphs):
        rest, foot = _read_footer(rest, paragraphs[footer_at:])
        fields += foot
    if date is None and title is None and not fields:
        return None, paragraphs
    citation = next((f for f in fields if f.name in {"citation", "source"} and f.values), None)
    refs = tuple(r for v in citation.values for r in split_references(v)) if citation else ()
    url = next((s.get("target") for f in fields for v in f.values for s in v.spans if s.kind == "url"), None)
    roles = read_title(title) if title is not None else None
    header = ArchiveHeader(date=date, title=title, fields=tuple(fields), refs=refs, url=url, title_roles=roles)
    return header, rest


def _is_footer(p: Paragraph) -> bool:
    found = match_label(p.lines[0].text, colon=False) if len(p.lines) == 1 else None
    return bool(found and found[0].footer)


def _read_top(paragraphs: list[Paragraph]) -> tuple[Text | None, Text | None, list[HeaderField], list[Paragraph]]:
    """The record at the top: labelled fields (with the date and title before them), or a date heading and a
    title alone (with the funding line that may follow them)."""
    first = next((i for i, p in enumerate(paragraphs[:_LOOKAHEAD]) if match_label(p.lines[0].text)), None)
    fields: list[HeaderField] = []
    if first is None:
        if paragraphs and is_parties_heading(paragraphs[0]):
            return None, make_text(paragraphs[0].lines), [], paragraphs[1:]
        if len(paragraphs) > 1 and _DOCUMENT_NUMBER.fullmatch(paragraphs[0].raw) and \
                is_parties_heading(paragraphs[1]):  # an edition's document number above the heading (`52.`)
            return None, make_text(paragraphs[1].lines), [], [paragraphs[0], *paragraphs[2:]]
        if len(paragraphs) < 3 or not (_is_date_heading(paragraphs[0]) and _is_title(paragraphs[1])):
            return None, None, [], paragraphs
        i = 2
        while i < len(paragraphs) and _is_credit(paragraphs[i]):
            fields.append(HeaderField("credits", None, (make_text(paragraphs[i].lines),)))
            i += 1
        return make_text(paragraphs[0].lines), make_text(paragraphs[1].lines), fields, paragraphs[i:]
    date, title = _date_and_title(paragraphs[:first])
    i = first
    while i < len(paragraphs) and (found := match_label(paragraphs[i].lines[0].text)):
        spec, offset = found
        i, field = _read_field(paragraphs, i, spec, offset)
        fields.append(field)
    return date, title, fields, paragraphs[i:]


def _read_footer(body: list[Paragraph], foot: list[Paragraph]) -> tuple[list[Paragraph], list[HeaderField]]:
    """The record block at the foot: the summary just above its heading, then its fields.

    A paragraph under the heading without a label of its own is the source line (`RGASPI, f. 558, …`).
    """
    fields: list[HeaderField] = []
    if body and _is_summary(body[-1]):
        fields.append(HeaderField("summary", None, (make_text(body[-1].lines),)))
        body = body[:-1]
    i = 0
    while i < len(foot):
        found = match_label(foot[i].lines[0].text, colon=False)
        if found:
            i, field = _read_field(foot, i, *found)
        else:
            field = HeaderField("source", None, (make_text(foot[i].lines),))
            i += 1
        fields.append(field)
    return body, fields


def _is_date_heading(p: Paragraph) -> bool:
    """A heading that is a date alone, in words (`January 6, 1949`, `6 January 1949`)."""
    words = re.findall(r"[^\W\d_]+", p.raw)
    months = {str(f) for forms in load_data("dates.yaml")["months"].values() for f in forms}
    return (len(p.lines) == 1 and len(p.raw.split()) <= 4 and bool(re.search(r"\b1[89]\d\d\b", p.raw))
            and len(words) == 1 and words[0].casefold() in months)


def _is_title(p: Paragraph) -> bool:
    """A title line: one line of a few words, not a sentence of the message."""
    return len(p.lines) == 1 and len(p.raw.split()) <= _TITLE_WORDS and not p.raw.rstrip().endswith((":", ","))


def is_parties_heading(p: Paragraph) -> bool:
    """An edition's heading that names the parties, as the State Department's series prints it (`The Ambassador
    in Korea (Muccio) to the Secretary of State`): one line opening with an office (`The …`, `Mr. …`), or naming
    a person in brackets, then `to` an addressee; no sentence."""
    raw = p.raw.strip()
    if len(p.lines) != 1 or len(raw.split()) > _TITLE_WORDS or raw.endswith((".", ":", ",", ";")):
        return False
    roles = read_title(make_text(p.lines))
    if roles.sender is None or roles.addressees is None:
        return False
    opener = raw.split()[0] in load_data("header.yaml")["heading_openers"]
    return opener or bool(re.search(r"\([A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)*\)", raw[:roles.sender[1]]))


def _is_credit(p: Paragraph) -> bool:
    folded = " ".join(p.raw.split()).casefold()
    return any(folded.startswith(phrase) for phrase in load_data("header.yaml")["credit_phrases"])


def _is_summary(p: Paragraph) -> bool:
    """The archive's summary: a sentence of running text (not a stamp, number or signature line)."""
    words = re.findall(r"[^\W\d_]+", p.raw)
    return len(words) >= _SUMMARY_WORDS and any(w[0].islower() for w in words)


def _date_and_title(before: list[Paragraph]) -> tuple[Text | None, Text | None]:
    """The paragraphs before the first label: a short one with a year is the date, the rest the title."""
    date = title = None
    rest = []
    for p in before:
        words = p.raw.replace("*", "").split()
        if date is None and len(words) <= 5 and re.search(r"\b1[89]\d\d\b", p.raw):
            date = make_text(p.lines)
        else:
            rest.extend(p.lines)
    if rest:
        title = make_text(rest)
    return date, title


def _read_field(paragraphs: list[Paragraph], i: int, spec: _FieldSpec, offset: int) -> tuple[int, HeaderField]:
    """Read one labelled field starting at paragraph i; return the next paragraph index and the field."""
    para = paragraphs[i]
    first = para.lines[0]
    label = make_text([type(first)(first.number, first.text[:offset].rstrip())])
    values: list[Text] = []
    inline = first.text[offset:].strip()
    tail = list(para.lines[1:])
    if inline:
        tail.insert(0, type(first)(first.number, first.text[offset:]))
    if tail:
        values.append(make_text(tail))
    i += 1
    if spec.values == "items":
        while i < len(paragraphs) and all(is_content_item(ln.text) for ln in paragraphs[i].lines):
            values.extend(make_text([ln]) for ln in paragraphs[i].lines)
            i += 1
    elif not values:
        for _ in range(int(spec.values)):
            if i < len(paragraphs) and not match_label(paragraphs[i].lines[0].text):
                values.append(make_text(paragraphs[i].lines))
                i += 1
    return i, HeaderField(spec.name, label, tuple(values))


@cache
def _unit_regex() -> re.Pattern[str]:
    units = load_data("header.yaml")["reference_units"]
    alts = "|".join(re.escape(form) for forms in units.values() for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?P<unit>{alts})(?!\w)\s*(?P<value>\d[\w\-–]*(?:\s*(?:-|–)\s*\d+)?)", re.I)


@cache
def _unit_of() -> dict[str, str]:
    units = load_data("header.yaml")["reference_units"]
    return {form.casefold(): unit for unit, forms in units.items() for form in forms}


def split_references(text: Text) -> list[ArchiveRef]:
    """Find archival references (`APRF, fond 45, opis 1, delo 347, listy 46-49`) and split them into units."""
    refs: list[ArchiveRef] = []
    group: list[re.Match[str]] = []
    matches = list(_unit_regex().finditer(text.value))
    for m in matches:
        if group and not re.fullmatch(r"[\s,;]*", text.value[group[-1].end():m.start()]):
            refs.append(_make_ref(text, group))
            group = []
        group.append(m)
    if group:
        refs.append(_make_ref(text, group))
    return [r for r in refs if len(r.parts) >= 2]


def _make_ref(text: Text, group: list[re.Match[str]]) -> ArchiveRef:
    """One reference: its repository is the name just before its first unit."""
    before = text.value[:group[0].start()]
    repo = re.search(r"([A-ZА-ЯЁ][\w\-]*(?:\s[A-ZА-ЯЁ][\w\-]*)*)[\s,]*$", before)
    repository = (repo.start(1), repo.end(1)) if repo else None
    parts = tuple((_unit_of()[m.group("unit").casefold()], m.group("value"), (m.start("value"), m.end("value")))
                  for m in group)
    start = repository[0] if repository else group[0].start()
    sub = Text(text.value, text.line)
    return ArchiveRef(text=sub, repository=repository, parts=parts) if start >= 0 else ArchiveRef(sub, None, parts)
