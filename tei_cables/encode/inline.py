"""Texts with spans → mixed content: names, dates, brackets, emphasis and line breaks inside an element.

Spans may nest (a name inside a gloss, a date inside a stamp); a span that crosses another is left out, so the
result is always well-formed and no word is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from tei_cables.encode.tei import E, append_text, tei
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
        el = _element(child.span, value)
        parent.append(el)
        target = el.find(tei("desc")) if el.tag == tei("gap") else el
        _emit(target, value, child, child.span.start, child.span.end)
        pos = child.span.end
    _text(parent, value[pos:end])


def _text(parent: etree._Element, text: str) -> None:
    """Plain text, with each line break as `<lb/>` (the break stays in the text as a newline)."""
    lines = text.split("\n")
    append_text(parent, lines[0])
    for line in lines[1:]:
        lb = E.lb()
        parent.append(lb)
        lb.tail = "\n" + line


_Maker = Callable[[Span], etree._Element]


def _element(s: Span, value: str) -> etree._Element:
    """The TEI element for one span."""
    attrs = dict(s.attrs)
    if s.kind in {"person", "place", "org"}:
        tag = {"person": E.persName, "place": E.placeName, "org": E.orgName}[s.kind]
        return tag(**{k: v for k, v in attrs.items() if k in {"ref", "cert"}})
    if s.kind == "date":
        maker = E.time if attrs.get("element") == "time" else E.date
        el = maker(when=attrs["when"])
        if attrs.get("cert"):
            el.set("cert", attrs["cert"])  # the day-month order was not told by the cable (tag/dates.py)
        if attrs.get("resp") or attrs.get("cert"):
            el.set("resp", attrs.get("resp") or "#tei_cables")  # the encoder's interpretation (tag/timezones.py)
        return el
    if s.kind == "bold":
        return E.hi(rend="bold")
    if s.kind == "url":
        return E.ref(target=attrs["target"])
    if s.kind == "bracket":
        return _bracket(attrs)
    if s.kind == "stamp":
        return E.seg(type="stamp", subtype=attrs["subtype"])
    if s.kind == "name-slot":
        return E.name()
    if s.kind == "cover":
        return E.name(type="cover")
    if s.kind == "copies":
        return E.num(type="copies", value=attrs["value"])
    if s.kind == "total":
        return E.num(type="total", value=attrs["value"])
    if s.kind == "idno":
        return E.idno(type=attrs["type"])
    raise ValueError(f"no element for span kind {s.kind!r}")


HAND = "hand_1"  # the hand of handwriting on the document, declared in profileDesc/handNotes


def _bracket(attrs: dict[str, str]) -> etree._Element:
    reading = attrs.get("reading")
    if reading == "gap":
        return E.gap(E.desc(), reason="illegible")
    if reading == "supplied":
        return E.supplied(reason="editorial")
    if reading == "sic":
        return E.note(type="editorial", subtype="sic")
    if reading == "stamp":
        return E.stamp()
    if reading == "add":
        return E.add(hand=f"#{HAND}")
    note = E.note(type=attrs.get("type", "editorial"))
    if attrs.get("resp"):
        note.set("resp", f"#ed_{attrs['resp']}")
    return note
