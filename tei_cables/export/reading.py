"""Reading versions of a cable: Markdown (`md`) and plain text (`txt`), one file per cable, for people to read.

Both formats keep, in this order: the title; the routing block (the cipher and the sender's numbers, who sent the
cable from where and when, to whom where and when, the intermediaries it went through, the letters it encloses,
then every stamp of the form in document order: its words as written, with the time normalised to ISO 8601 and the
clerk or person it names); the text in reading order (address lines, salutations, paragraphs, list items,
signatures, datelines, page headings and editors' notes), every enclosed letter set off (a Markdown blockquote, text
indented by four spaces) and introduced by its correspondence where that can be told; the distribution list with
the copies of each entry and the total the list states; the archive reference, the address of the online copy, the
languages and the TEI file read. Markdown adds the register entries the cable links to: name, kind, the forms the
cable writes them in, and their Wikidata, GeoNames or VIAF links; an entry the project's register does not know yet
is marked so.

They drop what a reader does not need or the TEI already says elsewhere: the stamp lines inside the text (they are
in the routing block), the distribution list's lines as written (the list gives them with register names), a second
distribution list (a translation's, the record reads only the first), the header's summary and citation notes, the
certainty and evidence of inferred values, line breaks of the source, and every markup that is not a block. The
editors' brackets stay as they are in the words (`[sic]`, `[...]`, `[the situation]`). Markdown escapes every
character of the cable's words that Markdown would read as syntax, so the words render as written. Output is UTF-8
with one trailing newline, and the same TEI file always gives the same bytes (no export date, no set order).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from tei_cables.export.record import Action, Block, CableRecord, Entry, Letter, Named, StampRecord

WIDTH = 78  # plain text is wrapped to this width, the width terminals and mail readers show without scrolling
_INDENT = "    "  # an enclosed letter's indentation in plain text
_STAMP_LABELS = {
    "number": "Cipher number", "sender-number": "Sender's number", "from": "From", "to": "To", "sent": "Sent",
    "received": "Received", "arrived": "Arrived", "deciphered": "Deciphered", "typed": "Typed",
    "cabled": "Cabled on", "urgency": "Urgency", "classification": "Classification",
    "transmission": "Transmission", "enclosure": "Enclosure", "handling": "Handling",
    "registration": "Registration", "page": "Page", "copy": "Copy", "distribution": "Distribution",
    "other": "Other mark",
}
_KIND_ORDER = {"person": 0, "place": 1, "org": 2}
_KIND_NAMES = {"person": "person", "place": "place", "org": "organisation"}
_AUTHORITY_URL = {"wikidata": ("Wikidata", "https://www.wikidata.org/wiki/{}"),
                  "geonames": ("GeoNames", "https://www.geonames.org/{}"),
                  "viaf": ("VIAF", "https://viaf.org/viaf/{}")}
_WEB = re.compile(r"https?://[^\s<>]+")
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]+")
_WHEN = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")
_ENUMERATOR = re.compile(r"\(?(\d+|[a-zA-Z]|[ivxlcIVXLC]+)[.)]\s")
# Markdown reads these anywhere in a line: emphasis, code, links, raw HTML, tables, strikethrough, escapes.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")  # `&amp;` would render as `&`
# At the start of a line, followed by a space or nothing: a heading, a list item, a rule or a setext underline.
_MD_LINE_START = re.compile(r"^(?:[#+=-]|\d+(?=[.)]))(?=[#=.)-]*(?:\s|$))")


def render(record: CableRecord, options: dict[str, str]) -> bytes:
    """The reading version of one cable in the format `options["format"]` (`md` or `txt`), as UTF-8 bytes."""
    fmt = options.get("format", "md")
    if fmt not in _STYLES:
        raise ValueError(f"reading versions are written as md or txt, not {fmt!r}")
    style = _STYLES[fmt]
    chunks = [style.title(record.title)]
    stamps = [_fields(style, _stamps(record))] if record.stamps else []
    chunks += _section(style, "Routing", [_fields(style, _routing(record)), *_subsection(style, "Stamps", stamps)])
    chunks += _section(style, "Text", _text(style, record))
    chunks += _section(style, "Distribution", _distribution(style, record))
    chunks += _section(style, "Source", [_fields(style, _source(style, record), escape=False)])
    if style.markdown:
        chunks += _section(style, "Names", _names(style, record))
    return _join(chunks).encode("utf-8")


# --- the two styles ---------------------------------------------------------------------------------------------


def escape_md(text: str) -> str:
    """The cable's words with what Markdown would read as syntax escaped, so they render as written: `[sic]`
    stays `[sic]` (not a link), `*` stays a star (not emphasis), `1.` opening an item stays text."""
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_ENTITY.sub(r"\\&", text)
    return _MD_LINE_START.sub(lambda m: m.group() + "\\" if m.group()[0].isdigit() else "\\" + m.group(), text)


@dataclass(frozen=True)
class _Style:
    """What differs between Markdown and plain text: how a heading, a field, a paragraph and a quotation look, and
    whether the cable's words are escaped. Everything else (what is said, in what order) is shared."""

    markdown: bool

    def words(self, text: str) -> str:
        """The cable's words as the format shows them (escaped in Markdown, as written in plain text)."""
        return escape_md(text) if self.markdown else text

    def title(self, text: str) -> str:
        """The document's title: a Markdown heading; in plain text the title over a rule (not `===`, which is
        Markdown's underline syntax)."""
        if self.markdown:
            return f"# {self.words(text)}"
        return "\n".join([*_wrap(text, WIDTH), "─" * min(len(text), WIDTH)])

    def heading(self, text: str) -> str:
        """A section heading (ours, never the cable's words)."""
        return f"## {text}" if self.markdown else text.upper()

    def field(self, label: str, value: str, pad: int = 17) -> str:
        """One labelled line: a Markdown list item with a bold label; in plain text the label padded so the values
        line up, the value wrapped under itself."""
        if self.markdown:
            return f"- **{label}:** {value}"
        lead = f"{label}: ".ljust(pad)
        return "\n".join(_wrap(value, WIDTH, lead, " " * len(lead)))

    def link(self, label: str, url: str) -> str:
        """A link to an address we built or checked (an authority's page, the archive's copy)."""
        return f"[{label}]({url})" if self.markdown else f"{label} {url}"

    def quote(self, text: str) -> str:
        """An enclosed letter set off from the cable that encloses it."""
        prefix = "> " if self.markdown else _INDENT
        return "\n".join((prefix + line).rstrip() if line else prefix.rstrip() for line in text.split("\n"))

    def paragraph(self, text: str, width: int) -> str:
        """A paragraph of the cable's words (wrapped in plain text; a Markdown paragraph is one line)."""
        return self.words(text) if self.markdown else "\n".join(_wrap(text, width))


_STYLES = {"md": _Style(markdown=True), "txt": _Style(markdown=False)}


# --- routing ----------------------------------------------------------------------------------------------------


def _routing(record: CableRecord) -> list[tuple[str, str]]:
    """The routing block as (label, words) pairs: the numbers, the correspondence as the header reads it (the
    stamps come under it); words are unescaped here, the caller escapes them."""
    fields = []
    if record.number or record.sender_number:
        numbers = [f"No. {record.number}"] if record.number else []
        numbers += [f"sender's No. {record.sender_number}"] if record.sender_number else []
        fields.append(("Cipher telegram", ", ".join(numbers)))
    fields += _correspondence(record.cable)
    fields += [("Encloses", f"a letter {_letter(letter)}".rstrip()) for letter in record.letters]
    return fields


def _stamps(record: CableRecord) -> list[tuple[str, str]]:
    """Every stamp of the form in document order, labelled by its type (a bilingual cable has each twice)."""
    return [(_STAMP_LABELS.get(s.type, s.type.replace("-", " ").capitalize()), _stamp(s)) for s in record.stamps]


def _correspondence(letter: Letter) -> list[tuple[str, str]]:
    """From, to and via of one letter, each only where the TEI says something of it."""
    to = "Addressees" if len(letter.received.persons) > 1 else "Addressee"
    fields = [(label, _action(action)) for label, action in (("Sender", letter.sent), (to, letter.received))]
    if letter.transmitted:
        fields.append(("Via", _names_of(letter.transmitted)))
    return [(label, value) for label, value in fields if value]


def _action(action: Action) -> str:
    """Who, where, when: `Terentii Shtykov in Pyongyang, 1950-09-29 20:23 (UTC+09:00)`."""
    who = _names_of(action.persons)
    where = action.place.name if action.place else ""
    said = f"{who} in {where}" if who and where else who or where
    when = format_when(action.when)
    return ", ".join(part for part in (said, when) if part)


def _letter(letter: Letter) -> str:
    """An enclosed letter's correspondence in one phrase: `from Kim Il Sung to Joseph Stalin in Moscow, dated
    1950-09-29` (its dates last, so they do not read as the next name's)."""
    parts = []
    for word, action in (("from", letter.sent), ("to", letter.received)):
        if said := _action(Action(action.persons, action.place)):
            parts.append(f"{word} {said}")
    if letter.transmitted:
        parts.append(f"via {_names_of(letter.transmitted)}")
    dates = [f"{word} {format_when(action.when)}" for word, action in (("dated", letter.sent),
                                                                        ("received", letter.received))
             if action.when]
    return ", ".join(part for part in (" ".join(parts), ", ".join(dates)) if part)


def _stamp(stamp: StampRecord) -> str:
    """A stamp: its normalised time and person first (what a reader compares across cables), then its words as
    written, quoted (what the clerk wrote, which may say more)."""
    facts = [fact for fact in (format_when(stamp.when), stamp.person.name if stamp.person else "") if fact]
    return f"{', '.join(facts)}: “{stamp.text}”" if facts else f"“{stamp.text}”"


def _names_of(names: Iterable[Named]) -> str:
    """Names as a reader says them: `A`, `A and B`, `A, B and C`."""
    names = [n.name for n in names]
    return " and ".join(names) if len(names) < 3 else f"{', '.join(names[:-1])} and {names[-1]}"


def format_when(when: str | None) -> str:
    """An ISO 8601 time as a reader reads it: `1950-09-29 20:23 (UTC+09:00)`; a date or a year as it is. The
    offset is shown because the cables cross time zones (sent in Pyongyang, received in Moscow)."""
    if not when:
        return ""
    match = _WHEN.fullmatch(when)
    if not match:
        return when
    day, hour, minute, offset = match.groups()
    zone = f" (UTC{'' if offset == 'Z' else offset})" if offset else ""
    return f"{day} {hour}:{minute}{zone}"


def _fields(style: _Style, fields: list[tuple[str, str]], *, escape: bool = True) -> str:
    """Labelled lines, the words escaped for the style unless the caller did (labels are ours and need none)."""
    return "\n".join(style.field(label, style.words(value) if escape else value) for label, value in fields)


# --- the text ---------------------------------------------------------------------------------------------------


def _text(style: _Style, record: CableRecord) -> list[str]:
    """The text in reading order, each run of enclosed blocks set off as one quotation, introduced by the letter it
    is where the record says (one letter per run; the record does not tie a block to its letter)."""
    runs = list(_runs(_reading_blocks(record)))
    labels = iter(_enclosure_labels(record.letters, sum(1 for enclosed, _ in runs if enclosed)))
    out = []
    for enclosed, blocks in runs:
        width = WIDTH - len(_INDENT) if enclosed else WIDTH
        body = "\n\n".join(_chunk(style, chunk, width) for chunk in _chunks(blocks))
        if enclosed:
            out.append(style.paragraph(next(labels), WIDTH))
            body = style.quote(body)
        out.append(body)
    return out


def _enclosure_labels(letters: tuple[Letter, ...], runs: int) -> list[str]:
    """What introduces each enclosed run. A letter's `corresp` lists its text once per part (a bilingual cable
    encloses it in Russian and in English), so the letters, repeated per part, pair with the runs where the counts
    agree; one run holding several letters (a letter enclosing another) names them all; otherwise it is an
    enclosure, unnamed, rather than a wrong name."""
    parts = [letter for letter in letters for _ in (letter.corresp or "#").split()]
    if len(parts) == runs:
        return [f"Enclosed letter {_letter(letter)}:".replace(" :", ":") for letter in parts]
    if runs == 1 and letters:
        return ["Enclosed letters: " + "; ".join(f"a letter {_letter(letter)}".rstrip() for letter in letters)]
    return ["Enclosure:"] * runs


def _reading_blocks(record: CableRecord) -> list[Block]:
    """The blocks a reader reads as the text: not the stamps (the routing block has them) and not the distribution
    list's lines and heading (the distribution section has them)."""
    stamp_types = {s.type for s in record.stamps} | {"stamps"}
    blocks = list(record.blocks)
    kept = []
    for i, block in enumerate(blocks):
        if block.kind == "stamp" and block.subtype in stamp_types or block.kind == "copy":
            continue
        if block.kind == "head" and i + 1 < len(blocks) and blocks[i + 1].kind == "copy":
            continue  # the heading of a distribution list (`Distribution list - 12 copies:`)
        kept.append(block)
    return kept


def _runs(blocks: list[Block]) -> Iterator[tuple[bool, list[Block]]]:
    """Consecutive blocks inside an enclosure, or outside, together: each run inside is one quotation."""
    run: list[Block] = []
    for block in blocks:
        if run and run[-1].enclosure != block.enclosure:
            yield run[-1].enclosure, run
            run = []
        run.append(block)
    if run:
        yield run[-1].enclosure, run


def _chunks(blocks: list[Block]) -> Iterator[list[Block]]:
    """Blocks that read as one: the lines of an address, the items of a list; any other block stands alone."""
    chunk: list[Block] = []
    for block in blocks:
        if chunk and not (block.kind == chunk[-1].kind and block.kind in ("address", "item")):
            yield chunk
            chunk = []
        chunk.append(block)
    if chunk:
        yield chunk


def _chunk(style: _Style, blocks: list[Block], width: int) -> str:
    """One chunk of the text as the style writes it."""
    kind = blocks[0].kind
    if kind == "address":  # one line each, as on the form (a Markdown hard break is a backslash at the line end)
        return ("\\\n" if style.markdown else "\n").join(style.paragraph(b.text, width) for b in blocks)
    if kind == "item":
        return "\n".join(_item(style, b.text, width) for b in blocks)
    return _RENDER.get(kind, _plain)(style, blocks[0].text, width)


def _item(style: _Style, text: str, width: int) -> str:
    """A list item: in Markdown a bullet whose words keep their own number (`1\\.`, escaped so it is not a second
    list); in plain text indented, with a bullet only where the source has no number of its own."""
    if style.markdown:
        return f"- {style.words(text)}"
    number = _ENUMERATOR.match(text)
    lead = "  " if number else "  • "
    return "\n".join(_wrap(text, width, lead, " " * (len(lead) + (len(number.group()) if number else 0))))


def _plain(style: _Style, text: str, width: int) -> str:
    return style.paragraph(text, width)


def _head(style: _Style, text: str, width: int) -> str:
    return f"### {style.words(text)}" if style.markdown else style.paragraph(text, width)


def _page(style: _Style, text: str, width: int) -> str:
    """A page heading of the form (`Лист № 2`): kept, so a reader can cite the sheet, but marked as no part of
    the sentence it interrupts."""
    return f"*— {style.words(text)} —*" if style.markdown else style.paragraph(f"— {text} —", width)


def _note(style: _Style, text: str, width: int) -> str:
    """An editor's or a hand's note outside a paragraph, in italics in Markdown (the words keep their brackets)."""
    return f"*{style.words(text)}*" if style.markdown else style.paragraph(text, width)


_RENDER: dict[str, Callable[[_Style, str, int], str]] = {"head": _head, "page": _page, "note": _note}


# --- distribution, source, names ------------------------------------------------------------------------------


def _distribution(style: _Style, record: CableRecord) -> list[str]:
    """The distribution list: who got how many copies, and the total the list states where it differs from the
    sum or stands alone."""
    out = []
    if record.copies_stated is not None:
        said = f"The list states {record.copies_stated} copies"
        if record.distribution and record.copies != record.copies_stated:
            said += f"; its entries give out {record.copies}"
        out.append(style.paragraph(said + ".", WIDTH))
    if record.distribution:
        pad = max(len(c.name.name) for c in record.distribution) + 3
        lines = [style.field(style.words(c.name.name), _copies(c.copies), pad) for c in record.distribution]
        out.append("\n".join(lines))
    return out


def _copies(count: int) -> str:
    return f"{count} copy" if count == 1 else f"{count} copies"


def _source(style: _Style, record: CableRecord) -> list[tuple[str, str]]:
    """Where the cable is kept and where it was read, escaped for the style. The address is a link only when it is
    a web address: a hand-edited file could hold any target, and a reading version should not link to a script."""
    fields = []
    if record.archive:
        fields.append(("Archive", style.words(record.archive)))
    if record.url:
        web = _WEB.fullmatch(record.url)
        fields.append(("Address", f"<{record.url}>" if web and style.markdown else style.words(record.url)))
    if record.languages:
        fields.append(("Languages", style.words(", ".join(record.languages))))
    fields.append(("TEI file", style.words(record.file)))
    return fields


def _names(style: _Style, record: CableRecord) -> list[str]:
    """The register entries the cable links to (in its text, its correspondence, its stamps or its distribution
    list): persons, then places, then organisations, each by name."""
    entries = sorted((record.entries[ref] for ref in _linked_refs(record) if ref in record.entries),
                     key=lambda e: (_KIND_ORDER.get(e.kind, 9), e.name.casefold(), e.id))
    forms = _forms(record)
    return ["\n".join(_entry(style, e, forms.get(e.id, [])) for e in entries)] if entries else []


def _linked_refs(record: CableRecord) -> set[str]:
    """The ids of every entry the cable points to, wherever it points from."""
    named: list[Named | None] = []
    for letter in (record.cable, *record.letters):
        for action in (letter.sent, letter.received):
            named += [*action.persons, action.place]
        named += letter.transmitted
    named += [s.person for s in record.stamps] + [c.name for c in record.distribution]
    return {n.ref for n in named if n is not None and n.ref} | {m.entity for m in record.mentions}


def _forms(record: CableRecord) -> dict[str, list[str]]:
    """The forms the text writes each entry in, in the order they first occur (`STALIN`, `Instantsia`)."""
    forms: dict[str, list[str]] = {}
    for mention in record.mentions:
        seen = forms.setdefault(mention.entity, [])
        if mention.text and mention.text not in seen:
            seen.append(mention.text)
    return forms


def _entry(style: _Style, entry: Entry, forms: list[str]) -> str:
    """One entry: name, kind, the forms written, its links; marked where the project's register lacks it."""
    kind = _KIND_NAMES.get(entry.kind, entry.kind)
    line = f"- **{style.words(entry.name)}** ({kind}{'' if entry.linked else ', not in the register yet'})"
    if forms:
        line += " — written " + ", ".join(style.words(f) for f in forms)
    links = [_authority(style, name, ident) for name, ident in entry.authority]
    return line + (" — " + ", ".join(links) if links else "")


def _authority(style: _Style, authority: str, ident: str) -> str:
    """An identifier in another authority, a link where we know the authority's address and the id is one."""
    known = _AUTHORITY_URL.get(authority)
    if known and _SAFE_ID.fullmatch(ident):
        label, url = known
        return style.link(f"{label} {ident}", url.format(ident))
    return style.words(f"{authority} {ident}")


# --- layout -----------------------------------------------------------------------------------------------------


def _section(style: _Style, name: str, chunks: list[str]) -> list[str]:
    """A heading and its chunks, or nothing where the cable has nothing for the section."""
    chunks = [c for c in chunks if c.strip()]
    return [style.heading(name), *chunks] if chunks else []


def _subsection(style: _Style, name: str, chunks: list[str]) -> list[str]:
    """A heading under a section's heading, with its chunks, or nothing."""
    chunks = [c for c in chunks if c.strip()]
    return [f"### {name}" if style.markdown else f"{name}:", *chunks] if chunks else []


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Plain text wrapped between words only (a name, a number or `600301/sh` is never split)."""
    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest, break_long_words=False,
                         break_on_hyphens=False) or [first.rstrip()]


def _join(chunks: list[str]) -> str:
    """Chunks separated by one blank line, no trailing spaces, one newline at the end."""
    text = "\n\n".join(c.strip("\n") for c in chunks if c.strip())
    return "\n".join(line.rstrip() for line in text.split("\n")) + "\n"


__all__ = ["escape_md", "format_when", "render"]
