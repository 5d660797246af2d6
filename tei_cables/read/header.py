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
from tei_cables.resources import load_data

_LOOKAHEAD = 14  # a record's first label stands within this many paragraphs of the top


@dataclass(frozen=True)
class _FieldSpec:
    name: str
    labels: tuple[str, ...]
    values: int | str


@cache
def _specs() -> tuple[_FieldSpec, ...]:
    return tuple(_FieldSpec(f["name"], tuple(f["labels"]), f["values"]) for f in load_data("header.yaml")["fields"])


def _bare(line: str) -> str:
    """A line without markdown bold, for label matching."""
    return line.replace("**", "").strip()


def match_label(line: str) -> tuple[_FieldSpec, int] | None:
    """The field a line's label opens, and where its inline value starts (or the line length)."""
    bare = _bare(line)
    for spec in _specs():
        for label in spec.labels:
            m = re.match(rf"{re.escape(label)}\s*:\s*", bare, re.IGNORECASE)
            if m and (m.end() == len(bare) or ":" in m.group()):
                offset = line.find(":") + 1 if ":" in line else len(line)
                while offset < len(line) and line[offset] in "* ":
                    offset += 1
                return spec, offset
    return None


def is_content_item(line: str) -> bool:
    """A line of a contents list, such as `Translation - English` or `Original Scan`."""
    bare = _bare(line).casefold()
    return any(bare.startswith(item) for item in load_data("header.yaml")["content_items"]) and len(bare) < 60


def read_header(paragraphs: list[Paragraph]) -> tuple[ArchiveHeader | None, list[Paragraph]]:
    """Split off the archive record; return it (or None) and the paragraphs of the cable."""
    first = next((i for i, p in enumerate(paragraphs[:_LOOKAHEAD]) if match_label(p.lines[0].text)), None)
    if first is None:
        return None, paragraphs
    date, title = _date_and_title(paragraphs[:first])
    fields: list[HeaderField] = []
    i = first
    while i < len(paragraphs) and (found := match_label(paragraphs[i].lines[0].text)):
        spec, offset = found
        i, field = _read_field(paragraphs, i, spec, offset)
        fields.append(field)
    citation = next((f for f in fields if f.name == "citation"), None)
    refs = tuple(r for v in citation.values for r in split_references(v)) if citation else ()
    url = next((s.get("target") for f in fields for v in f.values for s in v.spans if s.kind == "url"), None)
    header = ArchiveHeader(date=date, title=title, fields=tuple(fields), refs=refs, url=url)
    return header, paragraphs[i:]


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
