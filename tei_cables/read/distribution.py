"""Distribution lists: who received a copy, how many, and the stated total.

Three syntaxes are read: counted lists (`Stalin - 2, Molotov - 1`), bracketed lists (`Copies: Stalin (2),
Molotov`, one copy where no count is given) and per-copy lines (`Copy N° 1 to Cde. Stalin`,
`Экз. № 1  ТОВ. СТАЛИНУ`, also laid out as a table with tabs), which are grouped by addressee.
"""

from __future__ import annotations

import re
from functools import cache

from tei_cables.model import CopyLine, Distribution, Text
from tei_cables.read.paragraphs import Line, Paragraph, make_text
from tei_cables.read.phrases import find_phrases
from tei_cables.regex import alternation
from tei_cables.resources import load_data

_MARK = r"(?:N°|Nº|No\.?|Nos\.?|№|#)"
# A copy number or a range of them, after `Copy`/`Copies`/`Экз.` (`Copy Nº 3`, `copies NºNº 1-2`, `Экз. № 1`).
_COPY_CELL = re.compile(rf"(?:Cop(?:y|ies)|Экз\.?)\s*(?:{_MARK}\s*){{1,2}}(?P<n>\d+)(?:\s*[-–]\s*(?P<n2>\d+))?",
                        re.IGNORECASE)
# The same without its word, inside a head's sentence (`Two copies printed. Nº 2 to file.`).
_BARE_CELL = re.compile(rf"(?:{_MARK}\s*){{1,2}}(?P<n>\d+)(?:\s*[-–]\s*(?P<n2>\d+))?\s+(?:to|в)\s", re.IGNORECASE)
# A numbered copy line under a `Copies:` head (`1. Comr. Stalin`).
_NUMBERED = re.compile(r"^\s*(?P<n>\d{1,2})[.)]\s+(?P<rest>\S.{0,60})$")
_NUMBERED_WORDS = 6


@cache
def _count() -> str:
    """A count of copies: digits or a number word (`17`, `Three`, `два`)."""
    words = load_data("numbers.yaml")["number_words"]
    return rf"(?:\d+|{alternation(words)})"


@cache
def _total() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?P<n>{_count()})\s*(?:copies|copy|экз\w*|экземпляр\w*)", re.IGNORECASE)


@cache
def _head_only() -> re.Pattern[str]:
    return re.compile(rf"^\s*{_count()}\s+(?:copies|экземпляр\w*)\b", re.IGNORECASE)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else int(load_data("numbers.yaml")["number_words"][word.casefold()])
_COUNTED = re.compile(r"(?P<name>[^,;:\n()]+?)\s*(?:[-–—]\s*(?P<n>\d+)|\((?P<m>\d+)\))\s*(?=[,;.]|$)")
# What stands before a copy's addressee (`– to Cde.`, `Comr.`, `ТОВ.`).
_TITLE = re.compile(r"^[\s\-–—:]*(?:to\s+)?(?:Cde\.|Comr?\.|Comrade|тов\.|товарищу?)?\s*", re.IGNORECASE)


def is_head(p: Paragraph) -> bool:
    """A paragraph that opens a distribution list (`Distribution list - 12 copies:`, `12 copies printed`)."""
    first = p.lines[0].text.lstrip(" *")
    if _COPY_CELL.match(first):
        return False  # `copies NºNº 1-2 to …` is a copy line, not a head
    matches = find_phrases(first)
    return bool(matches and matches[0].phrase.type == "distribution" and matches[0].start == 0) \
        or bool(_head_only().match(first))


def is_copy_lines(p: Paragraph) -> bool:
    """A paragraph of per-copy lines (every line opens with a copy number)."""
    return all(_COPY_CELL.match(ln.text.strip()) for ln in p.lines)


def is_numbered_copies(p: Paragraph) -> bool:
    """Short numbered lines (`1. Comr. Stalin`), which under a `Copies:` head are one copy each."""
    return all((m := _NUMBERED.match(ln.text)) and len(m.group("rest").split()) <= _NUMBERED_WORDS
               for ln in p.lines)


def is_counted(p: Paragraph) -> bool:
    """A paragraph that is a comma list of names with copy counts."""
    text = " ".join(ln.text for ln in p.lines)
    items = [s for s in re.split(r"[,;]", text) if s.strip(" .")]
    return bool(items) and all(_COUNTED.fullmatch(s.strip(" .")) for s in items)


def read_distribution(head: Paragraph | None, more: list[Paragraph]) -> Distribution:
    """Read a head paragraph (None for per-copy lines with no heading) and the item paragraphs that follow it."""
    head_text, total, total_span = None, None, None
    item_lines: list[Line] = []
    if head is not None:
        head_line = head.lines[0]
        colon = head_line.text.find(":")
        cell = _BARE_CELL.search(head_line.text) if colon < 0 else None
        if cell is not None:
            colon = cell.start() - 1  # the head's sentence ends where its first copy number starts
        head_text = make_text([Line(head_line.number, head_line.text[:colon + 1] if colon >= 0 else head_line.text)])
        total_m = _total().search(head_text.value)
        total = _number(total_m.group("n")) if total_m else None
        total_span = (total_m.start("n"), total_m.end("n")) if total_m else None
        if colon >= 0 and head_line.text[colon + 1:].strip():
            item_lines.append(Line(head_line.number, head_line.text[colon + 1:]))
        item_lines.extend(head.lines[1:])
    for p in more:
        item_lines.extend(p.lines)
    if item_lines and all(_COPY_CELL.search(ln.text) or _BARE_CELL.match(ln.text.strip() + " ") for ln in item_lines):
        items, unassigned = _per_copy(item_lines)
    elif item_lines and all(_NUMBERED.match(ln.text) for ln in item_lines):
        items, unassigned = _numbered(item_lines), ()
    else:
        items, unassigned = _listed(item_lines), ()
    return Distribution(head=head_text, total=total, total_span=total_span, items=tuple(items),
                        unassigned=tuple(unassigned))


def _listed(lines: list[Line]) -> list[tuple[Text, CopyLine]]:
    """Comma-separated entries; a count after a dash or in brackets, else one copy.

    An entry broken over a line end (`…, 8th MDGS` / `file - 1.`) is one entry: a last entry with no count on a
    line that does not end with a comma is joined to the first entry of the next line when that one ends in a
    count.
    """
    items: list[tuple[Text, CopyLine]] = []
    held: Line | None = None
    for k, ln in enumerate(lines):
        chunks = [m.group().strip(" .\t") for m in re.finditer(r"[^,;]+", ln.text) if m.group().strip(" .\t")]
        for i, stripped in enumerate(chunks):
            here = Line(ln.number, stripped)
            counted = _COUNTED.fullmatch(stripped)
            if held is not None and i == 0:
                items.append(_entry([held, here] if counted else [held], counted if counted else None))
                held = None
                if counted:
                    continue
            if i == len(chunks) - 1 and not counted and k + 1 < len(lines) \
                    and not ln.text.rstrip().endswith((",", ";")):
                held = here
                continue
            items.append(_entry([here], counted))
    if held is not None:
        items.append(_entry([held], None))
    return items


def _entry(parts: list[Line], counted: re.Match[str] | None) -> tuple[Text, CopyLine]:
    """One entry from its line (or two lines, the count on the second), with its name and copies."""
    text = make_text(parts)
    if counted is None:
        return text, CopyLine((0, len(text.value)), 1)
    # where the second line starts in the joined text (after one line end, or more across blank lines)
    shift = len(text.value) - len(parts[1].text) if len(parts) == 2 else 0
    n_group = "n" if counted.group("n") else "m"
    name = (0 if shift else counted.start("name"), shift + counted.end("name"))
    return text, CopyLine(name, int(counted.group(n_group)), (shift + counted.start(n_group),
                                                               shift + counted.end(n_group)))


def _per_copy(lines: list[Line]) -> tuple[list[tuple[Text, CopyLine]], list[Text]]:
    """Per-copy cells (`Экз. № 1 ТОВ. СТАЛИНУ`, `copies NºNº 1-2 to Cde. Poskrebyshev`), one item each in the
    order of the source (a table's cells left to right, row by row); a range of copy numbers counts each copy.
    Items to the same addressee add up (the encoding contract), so nothing is reordered or merged here."""
    items: list[tuple[Text, CopyLine]] = []
    unassigned: list[Text] = []
    for ln in lines:
        found = list(_COPY_CELL.finditer(ln.text)) or list(_BARE_CELL.finditer(ln.text + " "))
        for i, m in enumerate(found):
            end = found[i + 1].start() if i + 1 < len(found) else len(ln.text)
            cell = Line(ln.number, ln.text[m.start():end].rstrip().replace("\t", " "))  # a table's tab: a space
            first, last = int(m.group("n")), int(m.group("n2") or m.group("n"))
            after = min(m.end(), len(ln.text)) - m.start()
            name_at = after + _TITLE.match(cell.text[after:]).end()
            if not cell.text[name_at:].strip(" ."):
                unassigned.append(make_text([cell]))
                continue
            copies = last - first + 1 if last >= first else 1
            items.append((make_text([cell]), CopyLine((name_at, len(cell.text.rstrip(" ."))), copies)))
    return items, unassigned


def _numbered(lines: list[Line]) -> list[tuple[Text, CopyLine]]:
    """Numbered copy lines (`1. Comr. Stalin`): one copy each, one item a line in the order of the source."""
    items = []
    for ln in lines:
        m = _NUMBERED.match(ln.text)
        name_at = m.start("rest") + _TITLE.match(m.group("rest")).end()
        items.append((make_text([ln]), CopyLine((name_at, len(ln.text.rstrip(" ."))), 1)))
    return items
