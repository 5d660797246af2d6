"""Texts with spans → mixed content: names, dates, brackets, emphasis and line breaks inside an element.

Spans may nest (a name inside a gloss, a date inside a stamp); a span that crosses another is left out, so the
result is always well-formed and no word is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from tei_cables.encode.tei import append_text, tei
from tei_cables.model import Span, Text

# Outer before inner when two spans have the same extent.
_PRIORITY = {"stamp": 0, "bracket": 1, "bold": 2, "url": 2, "name-slot": 3, "cover": 4, "person": 4, "place": 4,
             "org": 4, "copies": 5, "total": 5, "date": 6}


@dataclass
class _Node:
    span: Span | None
    children: list[_Node] = field(default_factory=list)


def render_into(parent: etree._Element, text: Text, extra: list[Span] | None = None) -> None:
    """Write a text with its spans (and any extra structural spans) as the content of `parent`."""
    spans = list(text.spans) + list(extra or [])
    tree = _nest(spans)
    _emit(parent, text.value, tree, 0, len(text.value))


def _nest(spans: list[Span]) -> _Node:
    """Build the nesting tree; spans that cross an enclosing span are dropped."""
    root = _Node(None)
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, _PRIORITY.get(s.kind, 9)))
    for s in ordered:
        if s.end <= s.start:
            continue
        # Spans come in order of start, and siblings never overlap: only the last child can hold or cross s.
        node = root
        while node.children and node.children[-1].span.start <= s.start and s.end <= node.children[-1].span.end:
            node = node.children[-1]
        if node.children and s.start < node.children[-1].span.end:
            continue  # crosses a sibling
        if node.span is not None and _forbidden_inside(node.span, s):
            continue
        node.children.append(_Node(s))
    return root


def _forbidden_inside(outer: Span, inner: Span) -> bool:
    """A gap's description and a plain name hold words only; dates stay outside names."""
    if outer.kind == "bracket" and outer.get("reading") == "gap" or outer.kind in {"name-slot", "cover"}:
        return True
    if outer.kind == "person" and inner.kind == "bracket" and inner.get("initials"):
        return False  # `<persName><supplied>[A.I.]</supplied> SHABSHIN</persName>`
    return outer.kind in {"person", "place", "org", "date"} and inner.kind in {"date", "person", "place", "org",
                                                                                 "bracket"}


def _emit(parent: etree._Element, value: str, node: _Node, start: int, end: int) -> None:
    pos = start
    for child in sorted(node.children, key=lambda c: c.span.start):
        _text(parent, value[pos:child.span.start])
        el = _add_element(parent, child.span)
        target = el[0] if el.tag == _GAP else el  # a gap's words go in its <desc>
        _emit(target, value, child, child.span.start, child.span.end)
        pos = child.span.end
    _text(parent, value[pos:end])


def _text(parent: etree._Element, text: str) -> None:
    """Plain text, with each line break as `<lb/>` (the break stays in the text as a newline)."""
    lines = text.split("\n")
    append_text(parent, lines[0])
    for line in lines[1:]:
        _sub(parent, "lb").tail = "\n" + line


def _sub(parent: etree._Element, name: str, attrib: dict[str, str] | None = None) -> etree._Element:
    """A TEI element made in place, as the last child of `parent`: an element made apart and then appended has its
    namespace declarations reconciled with its new parent's, which costs more than making it."""
    return etree.SubElement(parent, tei(name), attrib)


_GAP = tei("gap")
_NAMES = {"person": "persName", "place": "placeName", "org": "orgName"}
_FIXED = {"bold": ("hi", {"rend": "bold"}), "name-slot": ("name", {}), "cover": ("name", {"type": "cover"})}
_VALUED = {"url": ("ref", "target", {}), "stamp": ("seg", "subtype", {"type": "stamp"}),
           "copies": ("num", "value", {"type": "copies"}), "total": ("num", "value", {"type": "total"}),
           "idno": ("idno", "type", {})}  # kind: element, the attribute that carries the span's value, the fixed ones


def _add_element(parent: etree._Element, s: Span) -> etree._Element:
    """The TEI element for one span, added to `parent`."""
    attrs = dict(s.attrs)
    if s.kind in _NAMES:
        return _sub(parent, _NAMES[s.kind], {k: v for k, v in attrs.items() if k in {"ref", "cert"}})
    if s.kind == "date":
        el = _sub(parent, "time" if attrs.get("element") == "time" else "date", {"when": attrs["when"]})
        if attrs.get("cert"):
            el.set("cert", attrs["cert"])  # the day-month order was not told by the cable (tag/dates.py)
        if attrs.get("resp") or attrs.get("cert"):
            el.set("resp", attrs.get("resp") or "#tei_cables")  # the encoder's interpretation (tag/timezones.py)
        return el
    if s.kind == "bracket":
        return _bracket(parent, attrs)
    if s.kind in _FIXED:
        name, fixed = _FIXED[s.kind]
        return _sub(parent, name, fixed)
    if s.kind in _VALUED:
        name, key, fixed = _VALUED[s.kind]
        return _sub(parent, name, {**fixed, key: attrs[key]})
    raise ValueError(f"no element for span kind {s.kind!r}")


HAND = "hand_1"  # the hand of handwriting on the document, declared in profileDesc/handNotes


def _bracket(parent: etree._Element, attrs: dict[str, str]) -> etree._Element:
    reading = attrs.get("reading")
    if reading == "gap":
        gap = _sub(parent, "gap", {"reason": "illegible"})
        _sub(gap, "desc")
        return gap
    if reading in _READINGS:
        name, fixed = _READINGS[reading]
        return _sub(parent, name, fixed)
    note = _sub(parent, "note", {"type": attrs.get("type", "editorial")})
    if attrs.get("resp"):
        note.set("resp", f"#ed_{attrs['resp']}")
    return note


_READINGS = {"supplied": ("supplied", {"reason": "editorial"}),
             "sic": ("note", {"type": "editorial", "subtype": "sic"}),
             "stamp": ("stamp", {}), "add": ("add", {"hand": f"#{HAND}"})}
