"""Distribution lists: who received a copy, how many, and the stated total.

Three syntaxes are read: counted lists (`Stalin - 2, Molotov - 1`), bracketed lists (`Copies: Stalin (2),
Molotov`, one copy where no count is given) and per-copy lines (`Copy N° 1 to Cde. Stalin`,
`Экз. № 1  ТОВ. СТАЛИНУ`, also laid out as a table with tabs), which are grouped by addressee.
"""

from __future__ import annotations

import re

from tei_cables.model import CopyLine, Distribution, Text
from tei_cables.read.paragraphs import Line, Paragraph, make_text
from tei_cables.read.phrases import find_phrases

_TOTAL = re.compile(r"(?P<n>\d+)\s*(?:copies|copy|экз\w*|экземпляр\w*)", re.IGNORECASE)
_HEAD_ONLY = re.compile(r"^\s*\d+\s+(?:copies|экземпляр\w*)\b", re.IGNORECASE)
_COPY_CELL = re.compile(r"(?:Copy|Экз\.?)\s*(?:N°|Nº|No\.?|№)\s*(?P<n>\d+)", re.IGNORECASE)
_COUNTED = re.compile(r"(?P<name>[^,;:\n()]+?)\s*(?:[-–—]\s*(?P<n>\d+)|\((?P<m>\d+)\))\s*(?=[,;.]|$)")
_TITLE = re.compile(r"^(?:to\s+)?(?:Cde\.|Comrade|тов\.|товарищу?)?\s*", re.IGNORECASE)  # before a copy's addressee


def is_head(p: Paragraph) -> bool:
    """A paragraph that opens a distribution list (`Distribution list - 12 copies:`, `12 copies printed`)."""
    first = p.lines[0].text.lstrip(" *")
    matches = find_phrases(first)
    return bool(matches and matches[0].phrase.type == "distribution" and matches[0].start == 0) \
        or bool(_HEAD_ONLY.match(first))


def is_copy_lines(p: Paragraph) -> bool:
    """A paragraph of per-copy lines (every line opens with a copy number)."""
    return all(_COPY_CELL.match(ln.text.strip()) for ln in p.lines)


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
        head_text = make_text([Line(head_line.number, head_line.text[:colon + 1] if colon >= 0 else head_line.text)])
        total_m = _TOTAL.search(head_text.value)
        total = int(total_m.group("n")) if total_m else None
        total_span = (total_m.start("n"), total_m.end("n")) if total_m else None
        if colon >= 0 and head_line.text[colon + 1:].strip():
            item_lines.append(Line(head_line.number, head_line.text[colon + 1:]))
        item_lines.extend(head.lines[1:])
    for p in more:
        item_lines.extend(p.lines)
    if item_lines and all(_COPY_CELL.search(ln.text) for ln in item_lines):
        items, unassigned = _per_copy(item_lines)
    else:
        items, unassigned = _listed(item_lines), ()
    return Distribution(head=head_text, total=total, total_span=total_span, items=tuple(items),
                        unassigned=tuple(unassigned))


def _listed(lines: list[Line]) -> list[tuple[Text, CopyLine]]:
    """Comma-separated entries; a count after a dash or in brackets, else one copy."""
    items = []
    for ln in lines:
        for m in re.finditer(r"[^,;]+", ln.text):
            chunk = m.group()
            stripped = chunk.strip(" .\t")
            if not stripped:
                continue
            text = make_text([Line(ln.number, stripped)])
            counted = _COUNTED.fullmatch(stripped)
            if counted:
                n_group = "n" if counted.group("n") else "m"
                name = (counted.start("name"), counted.end("name"))
                items.append((text, CopyLine(name, int(counted.group(n_group)),
                                             (counted.start(n_group), counted.end(n_group)))))
            else:
                items.append((text, CopyLine((0, len(stripped)), 1)))
    return items


def _per_copy(lines: list[Line]) -> tuple[list[tuple[Text, CopyLine]], list[Text]]:
    """Per-copy cells (`Экз. № 1 ТОВ. СТАЛИНУ`), grouped by addressee in copy-number order."""
    cells: list[tuple[int, Line]] = []
    for ln in lines:
        starts = [m.start() for m in _COPY_CELL.finditer(ln.text)]
        for i, s in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(ln.text)
            cell = ln.text[s:end].strip()
            cells.append((int(_COPY_CELL.match(cell).group("n")), Line(ln.number, cell)))
    cells.sort(key=lambda c: c[0])
    groups: dict[str, list[Line]] = {}
    unassigned: list[Text] = []
    for _, cell in cells:
        rest = cell.text[_COPY_CELL.match(cell.text).end():].strip(" \t")
        key = rest[_TITLE.match(rest).end():].strip(" .").casefold()
        if not key:
            unassigned.append(make_text([cell]))
            continue
        groups.setdefault(key, []).append(cell)
    items = []
    for group in groups.values():
        text = make_text(group)
        first = group[0].text
        name_start = _COPY_CELL.match(first).end()
        name_start += len(first[name_start:]) - len(first[name_start:].lstrip(" \t"))
        name_start += _TITLE.match(first[name_start:]).end()
        name_end = len(first.rstrip(" ."))
        items.append((text, CopyLine((name_start, name_end), len(group))))
    return items, unassigned
