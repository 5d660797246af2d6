"""The `<text>` of a cable: language parts, cipher form, message, enclosures, routing stamps.

Blocks are grouped into `<div>`s by what they are: the cipher form (`div type="cipher-form"`: stamps and lists),
the message (`div type="message"`: opener, paragraphs, closer) and enclosed letters (`floatingText` inside the
message when quoted, `div type="enclosure"` when they follow the cable). A message that goes on after its closer
starts a new div, as TEI wants the closer last.
"""

from __future__ import annotations

from lxml import etree

from tei_cables.encode.correspondence import enclosure_id
from tei_cables.encode.inline import HAND, render_into
from tei_cables.encode.tei import XML_ID, XML_LANG, E, tei
from tei_cables.model import Block, Cable, Enclosure, Span, Stamp, Text

_NS = {"tei": "http://www.tei-c.org/ns/1.0"}
_OPENER = {"address", "salute"}
_CLOSER = {"signed", "closer-p", "dateline"}
_FORM = {"stamps", "distribution"}


def build_text(cable: Cable) -> etree._Element:
    """`<text><body>…</body></text>` for all parts of a cable."""
    body = E.body()
    bilingual = len(cable.parts) > 1
    for n, part in enumerate(cable.parts):
        divs = _group(part.blocks, primary=n == 0, ids=_EnclosureIds(n))
        if bilingual:
            wrapper = E.div(type=part.role)
            wrapper.set(XML_LANG, part.lang)
            wrapper.set(XML_ID, f"part_{n + 1}_{part.lang}")
            other = 2 if n == 0 else 1
            wrapper.set("corresp", f"#part_{other}_{cable.parts[other - 1].lang}")
            wrapper.extend(divs)
            body.append(wrapper)
        else:
            body.extend(divs)
    if bilingual:
        align_parts(body[0], body[1])
    if not len(body):
        body.append(E.div(E.p()))
    return E.text(body, **({XML_LANG: cable.parts[0].lang} if cable.parts and not bilingual else {}))


def align_parts(original: etree._Element, translation: etree._Element) -> None:
    """Tie the original and the translation together below the top level, so that an edition can show them side
    by side: message to message where both parts have as many messages, and within two such messages paragraph to
    paragraph where they have as many paragraphs (`@corresp` both ways). Where the counts differ nothing is
    guessed."""
    xpath = "descendant::tei:div[@type='message']"
    ours = original.xpath(xpath, namespaces=_NS)
    theirs = translation.xpath(xpath, namespaces=_NS)
    if not ours or len(ours) != len(theirs):
        return
    for k, (a, b) in enumerate(zip(ours, theirs, strict=True), start=1):
        _pair(a, b, f"{original.get(XML_ID)}_m{k}", f"{translation.get(XML_ID)}_m{k}")
        pa, pb = a.findall(tei("p")), b.findall(tei("p"))
        if pa and len(pa) == len(pb):
            for j, (x, y) in enumerate(zip(pa, pb, strict=True), start=1):
                _pair(x, y, f"{a.get(XML_ID)}_p{j}", f"{b.get(XML_ID)}_p{j}")


def _pair(a: etree._Element, b: etree._Element, id_a: str, id_b: str) -> None:
    a.set(XML_ID, id_a)
    b.set(XML_ID, id_b)
    a.set("corresp", f"#{id_b}")
    b.set("corresp", f"#{id_a}")


class _EnclosureIds:
    """Numbers the enclosures of a language part in document order, as `correspondence.py` points at them."""

    def __init__(self, part: int) -> None:
        self.part = part
        self.count = 0

    def next(self) -> str:
        self.count += 1
        return enclosure_id(self.part, self.count)


def _group(blocks: tuple[Block | Enclosure, ...], *, primary: bool, ids: _EnclosureIds) -> list[etree._Element]:
    """Split a run of blocks into divs by the kind of each block."""
    divs: list[etree._Element] = []
    state = _DivState(divs, primary, ids)
    for b in blocks:
        if isinstance(b, Enclosure):
            state.enclosure(b)
        elif b.kind in _FORM and not _only_pages(b):
            state.form(b)
        else:
            state.message(b)
    return divs


def _only_pages(b: Block) -> bool:
    return b.kind == "stamps" and bool(b.stamps) and all(s.type == "page" for s in b.stamps)


class _DivState:
    """Which div is open and what may still follow in it."""

    def __init__(self, divs: list[etree._Element], primary: bool, ids: _EnclosureIds) -> None:
        self.divs = divs
        self.primary = primary
        self.ids = ids
        self.signed = False  # the text at this level has been signed: what follows is not inside its message
        self.div: etree._Element | None = None
        self.kind = ""
        self.phase = ""  # opener, body, closer
        self.opener: etree._Element | None = None
        self.closer: etree._Element | None = None
        self.list: etree._Element | None = None

    def _open(self, kind: str) -> etree._Element:
        self.div = E.div(type=kind)
        self.divs.append(self.div)
        self.kind, self.phase, self.opener, self.closer, self.list = kind, "opener", None, None, None
        return self.div

    def form(self, b: Block) -> None:
        if self.div is None or self.kind != "cipher-form":
            self._open("cipher-form")
        self.list = None
        self.div.append(block_element(b, primary=self.primary))

    def enclosure(self, enc: Enclosure) -> None:
        """A letter quoted inside the message is a floatingText there; a letter after the cable's own closing
        (quoted or not: originals and translations differ in that) is a div of its own, so that the same letter
        is encoded the same way in both."""
        ident = self.ids.next()  # before the enclosures inside it
        inner = _group(enc.blocks, primary=self.primary, ids=self.ids) or [E.div(E.p())]
        inside = (self.div is not None and self.kind in {"message", "enclosure"} and self.phase != "closer"
                  and not self.signed)
        if enc.quoted and inside:
            self.phase = "body"
            self.list = None
            self.div.append(E.floatingText(E.body(*inner), type="enclosure", **{XML_ID: ident}))
        else:
            div = self._open("enclosure")
            div.set(XML_ID, ident)
            div.extend(inner)
            self.div = None

    def message(self, b: Block) -> None:
        if b.kind in {"note", "separator", "page-break"} or _only_pages(b):
            self._global(b)
            return
        if self.div is None or self.kind not in {"message"} or (self.phase == "closer" and b.kind not in _CLOSER):
            self._open("message")
        if b.kind in _OPENER and self.phase == "opener":
            self._opener_part(b)
        elif b.kind in _CLOSER and self.phase == "opener" and b.kind != "dateline":
            self._body_part(b, as_ab=True)  # a closer needs a message before it (TEI); keep it as a block
        elif b.kind in _CLOSER and (self.phase != "opener" or b.kind != "dateline"):
            self._closer_part(b)
        elif b.kind == "dateline" and self.phase == "opener":
            self._opener_part(b)
        elif b.kind in _OPENER:
            self._body_part(b, as_ab=True)  # an address or salutation after the message began: no opener there
        else:
            self._body_part(b)

    def _global(self, b: Block) -> None:
        """Notes, separators, page breaks and page headings may stand anywhere; a page heading starts a new page
        (`<pb/>`) unless a page break of the source stands right before it."""
        if self.div is None:
            self._open("message")
        el = block_element(b, primary=self.primary)
        last = self.div[-1] if len(self.div) else None
        if el.tag == tei("fw") and (last is None or last.tag not in {tei("pb"), tei("fw")}):
            self.div.append(E.pb())
        if el.tag.endswith("}ab") and self.phase == "closer":
            self._open("message")
        if el.tag.endswith("}ab") and self.phase == "opener":
            self.phase = "body"  # an opener can no longer come first in this div
        self.div.append(el)
        self.list = None

    def _opener_part(self, b: Block) -> None:
        if self.opener is None:
            self.opener = E.opener()
            self.div.append(self.opener)
        el = block_element(b, primary=self.primary)
        last = self.opener[-1] if len(self.opener) else None
        if el.tag == tei("address") and last is not None and last.tag == tei("address"):
            last.extend(list(el))  # consecutive address lines are one address block
            return
        if el.tag == tei("salute") and last is not None and last.tag == tei("salute"):
            _join_lines(last, el)  # a salutation over two lines (`DEAR` / `Iosif Vissarionovich STALIN`) is one
            return
        self.opener.append(el)

    def _closer_part(self, b: Block) -> None:
        self.signed = self.signed or b.kind == "signed"
        if self.closer is None:
            self.closer = E.closer()
            self.div.append(self.closer)
        self.phase = "closer"
        self.closer.append(block_element(b, primary=self.primary))

    def _body_part(self, b: Block, *, as_ab: bool = False) -> None:
        self.phase = "body"
        if as_ab:
            self.list = None
            el = E.ab(type=b.kind)
            render_into(el, b.text)
            self.div.append(el)
            return
        if b.kind == "item":
            if self.list is None:
                self.list = E.list(type="numbered")
                self.div.append(self.list)
            self.list.append(block_element(b, primary=self.primary))
            return
        self.list = None
        self.div.append(block_element(b, primary=self.primary))


def block_element(b: Block, *, primary: bool = True) -> etree._Element:
    """The TEI element for one block."""
    maker = {
        "p": E.p, "salute": E.salute, "signed": E.signed, "dateline": E.dateline, "closer-p": E.salute,
    }.get(b.kind)
    if maker is not None:
        el = maker()
        render_into(el, b.text, [x for s in b.stamps for x in _stamp_extras(s, b)])
        return el
    if b.kind == "address":
        return _address(b)
    if b.kind == "item":
        el = E.item(n=b.n) if b.n else E.item()
        render_into(el, b.text)
        return el
    if b.kind == "page-break":
        return E.pb()
    if b.kind == "separator":
        el = E.ab(type="separator")
        render_into(el, b.text)
        return el
    if b.kind == "note" and b.note_type in {"stamp", "handwritten"}:
        # a stamp or handwriting the transcription describes in a paragraph of its own
        el = E.note(type=b.note_type)
        inner = E.stamp() if b.note_type == "stamp" else E.add(hand=f"#{HAND}")
        render_into(inner, b.text)
        el.append(inner)
        return el
    if b.kind == "note":
        el = E.note(type=b.note_type or "editorial")
        render_into(el, b.text)
        return el
    if b.kind == "distribution":
        return _distribution(b, primary)
    if b.kind == "stamps":
        return _stamps(b)
    raise ValueError(f"no element for block kind {b.kind!r}")


def _join_lines(first: etree._Element, second: etree._Element) -> None:
    """Append the content of `second` to `first` after a line break, as one element of two lines."""
    lb = E.lb()
    first.append(lb)
    lb.tail = "\n" + (second.text or "")
    first.extend(list(second))


def _address(b: Block) -> etree._Element:
    """An address: one `<addrLine>` per source line."""
    address = E.address()
    offset = 0
    for line in b.text.value.split("\n"):
        el = E.addrLine()
        spans = [_shift(s, -offset) for s in b.text.spans if offset <= s.start and s.end <= offset + len(line)]
        render_into(el, Text(line, b.text.line, tuple(spans)))
        address.append(el)
        offset += len(line) + 1
    return address


def _shift(s: Span, by: int) -> Span:
    return Span(s.start + by, s.end + by, s.kind, s.attrs)


def _stamps(b: Block) -> etree._Element:
    """One stamp: `<ab type="stamp" subtype="…">`; several on a line: `<seg>`s inside `<ab type="stamps">`."""
    if _only_pages(b):
        el = E.fw(type="header")
        render_into(el, b.text)
        return el
    stamps = b.stamps
    if len(stamps) == 1 and _covers(stamps[0], b):
        el = E.ab(type="stamp", subtype=stamps[0].type)
        render_into(el, b.text, _stamp_extras(stamps[0], b))
        return el
    el = E.ab(type="stamps")
    extras: list[Span] = []
    for s in stamps:
        extras.append(Span(s.start, _trim_end(b.text.value, s.end), "stamp", (("subtype", s.type),)))
        extras += _stamp_extras(s, b)
    render_into(el, b.text, extras)
    return el


def _covers(s: Stamp, b: Block) -> bool:
    return s.start <= len(b.text.value) - len(b.text.value.lstrip()) and s.end >= len(b.text.value.rstrip())


def _trim_end(value: str, end: int) -> int:
    end = min(end, len(value))
    while end > 0 and value[end - 1] in " \t\n":
        end -= 1
    return end


def _stamp_extras(s: Stamp, b: Block) -> list[Span]:
    """The telegram number of a number stamp as `<idno>`."""
    if s.type in {"number", "sender-number"} and s.value:
        at = b.text.value.find(s.value.split("/")[0], s.start)
        if at >= 0:
            end = at + len(s.value)
            end = end if b.text.value[at:end].replace(" ", "") == s.value else at + len(s.value.split("/")[0])
            kind = "telegram" if s.type == "number" else "sender"
            return [Span(at, end, "idno", (("type", kind),))]
    return []


def _head_alone(b: Block) -> etree._Element:
    """A distribution head with no list under it (`17 copies. vg`): a stamp that states the total, not a list
    (a TEI list needs an item, and an empty one would count as an addressee)."""
    d = b.distribution
    el = E.ab(type="stamp", subtype="distribution")
    if d.head is not None:
        extra = [Span(*d.total_span, "total", (("value", str(d.total)),))] if d.total_span else []
        render_into(el, d.head, extra)
    return el


def _distribution(b: Block, primary: bool) -> etree._Element:
    """`<list type="distribution">`: head with the stated total, one item per addressee with its copies."""
    d = b.distribution
    if not d.items and not d.unassigned:
        return _head_alone(b)
    lst = E.list(type="distribution" if primary else "distribution-translation")
    if d.head is not None:
        head = E.head()
        extra = [Span(*d.total_span, "total", (("value", str(d.total)),))] if d.total_span else []
        render_into(head, d.head, extra)
        lst.append(head)
    for text, line in d.items:
        item = E.item()
        extra = []
        covered = any(s.kind in {"person", "place", "org"} and line.name[0] <= s.start and s.end <= line.name[1]
                      or s.kind in {"bracket", "bold", "url"} and s.start < line.name[1] and line.name[0] < s.end
                      for s in text.spans)
        if not covered:
            extra.append(Span(*line.name, "name-slot"))
        if line.copies_span:
            extra.append(Span(*line.copies_span, "copies", (("value", str(line.copies)),)))
        render_into(item, text, extra)
        if not line.copies_span:
            item.append(E.num(type="copies", value=str(line.copies)))
        lst.append(item)
    if not d.items:  # only copy numbers with no addressee: each is a copy line of its own (no empty item)
        for t in d.unassigned:
            item = E.item()
            render_into(item, t)
            lst.append(item)
        return lst
    if d.unassigned:
        note = E.note(type="unassigned-copies")
        for t in d.unassigned:
            seg = E.seg()
            render_into(seg, t)
            seg.tail = " "
            note.append(seg)
        note[-1].tail = None
        lst.append(note)
    return lst
