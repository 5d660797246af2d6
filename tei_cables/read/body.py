"""The body of one language part: cipher form, message, closing stamps and the letters the cable encloses.

Paragraphs are read in order by a small state machine per level of quotation:
- `form`: the cipher form before the message (stamps, numbers, addressee lines);
- `message`: the text of the cable (paragraphs, lists, signature);
- `closing`: stamps after the signature (sender's number, enclosure, typist).
A paragraph that opens a quotation (`"Dear Comrade STALIN…`) starts an enclosure; so does a letter that begins
after the cable's own closing (a separator, then `Moscow, Kremlin.` and a salutation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from tei_cables.model import Block, Enclosure, Stamp
from tei_cables.read import distribution as dist
from tei_cables.read import numbers, shapes, signoff
from tei_cables.read.paragraphs import Line, Paragraph, make_text, strip_markup
from tei_cables.read.phrases import find_phrases, number_regex
from tei_cables.read.stamps import LineStamps, read_line
from tei_cables.resources import load_data

_ITEM = re.compile(r"^\s*(?P<n>\d{1,2})[.)]\s+\S")
_SENDER_NUMBER = re.compile(r"^\s*(?:No\.?|N°|Nº|№|#)\s*\d[\w/\-]*[.,]?\s*$", re.IGNORECASE)
_SALUTE_NAME = 5  # words: the name under a salutation on its own line


@cache
def _vocab() -> dict:
    return load_data("body.yaml")


@dataclass
class _Level:
    """One level of quotation: the cable itself, or an enclosure inside it."""

    zone: str
    line: int
    quoted: bool
    blocks: list = field(default_factory=list)
    lines: list = field(default_factory=list)  # source lines of each block, to merge continued stamps
    signed: bool = False

    def blocks_since_salute_prose(self) -> bool:
        """True once running text has been read at this level (a salutation comes before it)."""
        return any(isinstance(b, Block) and b.kind in {"p", "item"} for b in self.blocks)


def _is_sender_number(before: Line, line: Line) -> bool:
    """A line of only a number (`№ 2417`) that does not finish a heading such as `CIPHERED TELEGRAM`."""
    only_number = number_regex().fullmatch(line.text.strip(" ."))
    return bool(only_number) and not any(m.phrase.type == "number" for m in find_phrases(before.text))


def read_body(paragraphs: list[Paragraph]) -> tuple[Block | Enclosure, ...]:
    """Read the paragraphs of one language part into blocks and enclosures."""
    paragraphs = [q for p in paragraphs for q in _split_paragraph(p)]
    top = _Level("form", paragraphs[0].line if paragraphs else 1, quoted=False)
    stack = [top]
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        level = stack[-1]
        if p.page_break:  # a form feed of the source: the page break stands before the paragraph
            _add(level, Block("page-break"), [])
        quote = _quote_state(p)
        if quote == "open":
            level = _open(stack, p.line, quoted=True)
        elif level is top and top.zone == "closing" and _starts_letter(paragraphs, i):
            level = _open(stack, p.line, quoted=False)
            _pull_opener(top, level)
        consumed = _read_paragraph(paragraphs, i, level)
        if quote == "close" and len(stack) > 1:
            _close(stack)
        i += consumed
    while len(stack) > 1:
        _close(stack)
    _mark_form_addressees(top)
    return tuple(top.blocks)


def _open(stack: list[_Level], line: int, *, quoted: bool) -> _Level:
    level = _Level("start", line, quoted=quoted)
    stack.append(level)
    return level


def _close(stack: list[_Level]) -> None:
    level = stack.pop()
    if level.blocks:
        stack[-1].blocks.append(Enclosure(tuple(level.blocks), level.quoted, level.line))
        stack[-1].lines.append([])


def _quote_state(p: Paragraph) -> str | None:
    """`open` for a paragraph that opens a quotation it does not close, `close` for one that closes it."""
    raw = p.raw.strip()
    opens = raw[:1] in shapes.OPEN_QUOTES
    closes = raw.rstrip(".,;")[-1:] in shapes.CLOSE_QUOTES
    straight = raw.count('"')
    if opens and (straight % 2 == 1 or raw[:1] in "«„“" and not closes):
        return "open"
    if closes and not opens and (straight % 2 == 1 or raw.rstrip(".,;")[-1:] in "»”"):
        return "close"
    return None


def _starts_letter(paragraphs: list[Paragraph], i: int) -> bool:
    """After the cable's closing stamps, a separator or salutation opens an enclosed letter."""
    p = paragraphs[i]
    if shapes.is_separator(p) or shapes.is_dateline(p) or dist.is_head(p) or _quote_state(p) or _is_stamp_line(p):
        return False
    for q in paragraphs[i:i + 3]:
        if shapes.is_salute(q):
            return True
        if len(q.raw.split()) > 6 or shapes.is_separator(q):
            break
    return shapes.is_prose(p)


def _is_stamp_line(p: Paragraph) -> bool:
    """A paragraph that opens with a stamp phrase or is a sender's number."""
    return read_line(p.lines[0].text, continues_ok=False) is not None or bool(_SENDER_NUMBER.match(p.raw))


def _pull_opener(top: _Level, level: _Level) -> None:
    """Move the short address lines just before a letter's salutation (`Moscow, Kremlin.`) into the letter."""
    while top.blocks and isinstance(top.blocks[-1], Block) and top.blocks[-1].kind == "address":
        level.blocks.insert(0, top.blocks.pop())
        level.lines.insert(0, top.lines.pop())


def _read_paragraph(paragraphs: list[Paragraph], i: int, level: _Level) -> int:
    """Read paragraph i into the level's blocks; return how many paragraphs were used."""
    p = paragraphs[i]
    if shapes.is_separator(p):
        _add(level, Block("separator", make_text(p.lines)), p.lines)
        return 1
    filed = numbers.file_number(make_text(p.lines).value) if len(p.lines) == 1 else None
    if filed is not None:
        _add(level, Block("stamps", make_text(p.lines), stamps=(filed,)), p.lines)
        return 1
    bracketed = p.raw.lstrip(shapes.OPEN_QUOTES + " ").startswith("[") and shapes.whole_bracket(p.raw)
    if bracketed and not _bracketed_stamp(p):
        _add(level, Block("note", make_text(p.lines), note_type=shapes.note_type(p.raw)), p.lines)
        return 1
    if dist.is_head(p) or dist.is_copy_lines(p):
        return _read_distribution(paragraphs, i, level)
    if _read_stamps(p, level):
        return 1
    if _ITEM.match(p.lines[0].text) and level.zone != "form":
        _read_items(p, level)
        return 1
    _add(level, _plain_block(p, level), p.lines)
    return 1


def _plain_block(p: Paragraph, level: _Level) -> Block:
    """A paragraph that is neither stamps nor a list: its kind, the signers of a sign-off, and the telegram number
    opening the first paragraph after the dateline (`925. According …`)."""
    after_dateline = _after_dateline(level)
    kind = _classify(p, level)
    text = make_text(p.lines)
    names = (signoff.signers(text.value) or ()) if kind == "signed" else ()
    number = numbers.leading_number(text.value) if kind == "p" and after_dateline else None
    return Block(kind, text, names=names, stamps=(number,) if number else ())


def _after_dateline(level: _Level) -> bool:
    """The block before is a dateline, or a sent or received stamp right under one."""
    kinds = [b.kind if isinstance(b, Block) else "enclosure" for b in level.blocks[-2:]]
    last = level.blocks[-1] if level.blocks else None
    routed = isinstance(last, Block) and any(s.type in {"sent", "received"} for s in last.stamps)
    return bool(kinds) and (kinds[-1] == "dateline" or routed and "dateline" in kinds)


def _bracketed_stamp(p: Paragraph) -> bool:
    """An editor's bracket that holds a routing stamp (`[Received June 24—9:26 p.m.]`), read as that stamp."""
    got = read_line(p.lines[0].text, continues_ok=False)
    return got is not None and bool(got.stamps) and got.stamps[0].type in {"sent", "received", "arrived"}


def _add(level: _Level, block: Block, lines) -> None:
    level.blocks.append(block)
    level.lines.append(list(lines))


def _read_distribution(paragraphs: list[Paragraph], i: int, level: _Level) -> int:
    """A distribution head and the item paragraphs after it."""
    head = paragraphs[i]
    more: list[Paragraph] = []
    j = i + 1
    ends_open = head.raw.rstrip().endswith((":", ","))
    numbered = head.raw.rstrip().endswith(":") and not _has_items(head)  # `Copies:` then `1. Comr. Stalin` …
    while j < len(paragraphs):
        q = paragraphs[j]
        if numbered and dist.is_numbered_copies(q) and all(dist.is_numbered_copies(m) for m in more):
            more.append(q)
            j += 1
            continue
        if dist.is_copy_lines(q) or (ends_open or not more and not _has_items(head)) and dist.is_counted(q):
            more.append(q)
            ends_open = q.raw.rstrip().endswith(",")
            j += 1
            continue
        if more and more[-1].raw.rstrip().endswith(",") and _looks_listed(q):
            more.append(q)
            ends_open = q.raw.rstrip().endswith(",")
            j += 1
            continue
        break
    lines = [ln for p in [head, *more] for ln in p.lines]
    headed = dist.is_head(head)  # per-copy lines may come with no heading
    d = dist.read_distribution(head if headed else None, more if headed else [head, *more])
    _add(level, Block("distribution", d.head, distribution=d), lines)
    if level.zone == "start":
        level.zone = "form"
    return j - i


def _split_paragraph(p: Paragraph) -> list[Paragraph]:
    """Parts of the form typed with no blank line before them become paragraphs of their own: a distribution list
    under the stamps (`Deciphered by …` then `Copies: Stalin (2), …`, or `Расшифровал …` then `Экз. № 1 ТОВ.
    СТАЛИНУ`), the sender's number under the signature (`РОЩИН` then `№ 2417`) or above a date, and a strong
    stamp under lines that are not stamps (`17 copies. vg` then `Typed on 21 October at 1325`)."""
    stamped = False  # a line above is a stamp line (kept as we go: asking again for every line is quadratic)
    for k in range(1, len(p.lines)):
        stamped = stamped or read_line(p.lines[k - 1].text, continues_ok=False) is not None
        rest = Paragraph(p.lines[k:])
        if dist.is_head(Paragraph(p.lines[k:k + 1])) or _is_sender_number(p.lines[k - 1], p.lines[k]) or (
                dist.is_copy_lines(rest) and not dist.is_copy_lines(Paragraph(p.lines[k - 1:k]))) or (
                not stamped and _opens_strong_stamp(p.lines[k])) or (
                k == 1 and _SENDER_NUMBER.match(p.lines[0].text)):
            return [Paragraph(p.lines[:k], p.page_break), *_split_paragraph(rest)]
    return [p]


def _opens_strong_stamp(line: Line) -> bool:
    """A line that opens with a phrase that is a stamp wherever it stands (`Typed by …`, `Deciphered by …`)."""
    got = read_line(line.text, continues_ok=False)
    return got is not None and bool(got.stamps) and _strong(got.stamps[0]) and got.stamps[0].start == 0


def _has_items(p: Paragraph) -> bool:
    colon = p.raw.find(":")
    return colon >= 0 and bool(p.raw[colon + 1:].strip())


def _looks_listed(p: Paragraph) -> bool:
    """Comma-separated short names: the rest of a list that ran over a paragraph break."""
    parts = [s.strip(" .") for s in p.raw.replace("\n", " ").split(",")]
    return all(0 < len(s.split()) <= 4 for s in parts if s)


def _read_stamps(p: Paragraph, level: _Level) -> bool:
    """Read a paragraph of stamps into a stamps block (merging a continuation into the block above)."""
    in_form = level.zone == "form"
    read: list[tuple[Line, LineStamps | None]] = []
    prev_is_stamp = bool(level.blocks) and isinstance(level.blocks[-1], Block) and level.blocks[-1].kind == "stamps"
    for n, ln in enumerate(p.lines):
        continues_ok = (n > 0 and read[-1][1] is not None) or (n == 0 and prev_is_stamp)
        got = read_line(_clean(ln), continues_ok=continues_ok)
        if got is not None and not in_form and not _allowed_outside_form(got, level):
            got = None
        read.append((ln, got))
    if _sender_number(p, level):
        _add(level, Block("stamps", make_text(p.lines), stamps=(_whole(p, "sender-number"),)), p.lines)
        return True
    if read[0][1] is None:
        return False
    stamp_lines = [r for r in read if r[1] is not None]
    if len(stamp_lines) < len(read):
        return _split_mixed(read, level)
    merge = read[0][1].continues and prev_is_stamp and bool(read[0][1].stamps)
    if read[0][1].continues and not merge:
        return False
    _add_stamps(level, [ln for ln, _ in read], [s for _, s in read], merge=merge)
    if level.zone == "message" and not merge and any(s.type != "page" for _, g in read if g for s in g.stamps):
        level.zone = "closing"
    return True


def _allowed_outside_form(got: LineStamps, level: _Level) -> bool:
    """In the message only strong phrases are stamps; after the signature, every phrase is."""
    if level.zone == "closing":
        return True
    return bool(got.stamps) and all(_strong(s) for s in got.stamps)


def _strong(stamp: Stamp) -> bool:
    return stamp.type in {"deciphered", "typed", "cabled", "registration", "enclosure", "distribution", "page"}


def _sender_number(p: Paragraph, level: _Level) -> bool:
    return len(p.lines) == 1 and bool(_SENDER_NUMBER.match(p.lines[0].text)) and level.zone != "form"


def _whole(p: Paragraph, stamp_type: str) -> Stamp:
    text = make_text(p.lines)
    num = re.search(r"\d[\w/\-]*", text.value)
    return Stamp(type=stamp_type, start=0, end=len(text.value), value=num.group() if num else None)  # type: ignore[arg-type]


def _split_mixed(read: list[tuple[Line, LineStamps | None]], level: _Level) -> bool:
    """A paragraph whose lines are partly stamps (`Ciphered Telegram # …` then `To Comrade STALIN`)."""
    run: list[tuple[Line, LineStamps | None]] = []
    for ln, got in read + [(None, None)]:
        kind = got is not None
        if run and (ln is None or kind != (run[-1][1] is not None)):
            lines = [r[0] for r in run]
            if run[-1][1] is not None:
                _add_stamps(level, lines, [r[1] for r in run], merge=False)
            else:
                _add(level, _plain_block(Paragraph(tuple(lines)), level), lines)
            run = []
        if ln is not None:
            run.append((ln, got))
    return True


def _add_stamps(level: _Level, lines: list[Line], got: list[LineStamps | None], *, merge: bool) -> None:
    """Turn per-line stamps into one block; offsets move from lines to the block's text."""
    if merge:
        prev_lines = level.lines[-1]
        prev_block = level.blocks[-1]
        all_lines = prev_lines + lines
        text = make_text(all_lines)
        base = len(text.value) - len(make_text(lines).value)
        stamps = list(prev_block.stamps)
        new = _offset_stamps(lines, got, base)
        if new and got[0] is not None and got[0].continues and stamps:
            first_new = [s for s in new if s.start == base]
            if first_new:
                stamps[-1] = _extend(stamps[-1], first_new[0].start)
        stamps = _extend_last(stamps, new)
        level.blocks[-1] = Block("stamps", text, stamps=tuple(stamps))
        level.lines[-1] = all_lines
        return
    text = make_text(lines)
    stamps = _offset_stamps(lines, got, 0)
    _add(level, Block("stamps", text, stamps=tuple(stamps)), lines)


def _offset_stamps(lines: list[Line], got: list[LineStamps | None], base: int) -> list[Stamp]:
    """Stamps of each line moved to block offsets; a continuation line extends the stamp before it."""
    out: list[Stamp] = []
    pos = base
    for n, (ln, ls) in enumerate(zip(lines, got, strict=False)):
        if n:
            pos += max(1, ln.number - lines[n - 1].number)
        if ls is not None:
            for s in ls.stamps:
                moved = _shift(s, pos)
                if ls.continues and out and s is ls.stamps[0]:
                    out[-1] = _extend(out[-1], moved.start)
                elif ls.continues and not out and s is ls.stamps[0]:
                    moved = Stamp(moved.type, pos + _first_phrase_start(_clean(ln), s), moved.end, moved.person,
                                  moved.place, moved.value)
                out.append(moved)
            if not ls.stamps and out:
                out[-1] = _extend(out[-1], pos + len(_clean(ln)))
        pos += len(_clean(ln))
    return out


def _clean(ln: Line) -> str:
    """A line as its Text will hold it (markdown bold and link brackets removed), so offsets agree."""
    return strip_markup(ln.text, ln.number).value


def _first_phrase_start(line: str, s: Stamp) -> int:
    """Where a continued line's own first stamp starts (after the fragment that continues the stamp above)."""
    from tei_cables.read.stamps import valid_matches

    matches = valid_matches(line)
    return matches[0].start if matches else s.start


def _extend(s: Stamp, end: int) -> Stamp:
    return Stamp(s.type, s.start, max(s.end, end), s.person, s.place, s.value)


def _extend_last(stamps: list[Stamp], new: list[Stamp]) -> list[Stamp]:
    """Join the stamps of a continuation paragraph to those above, extending the last one to the gap."""
    if stamps and new:
        stamps[-1] = _extend(stamps[-1], new[0].start)
    return stamps + new


def _shift(s: Stamp, by: int) -> Stamp:
    def move(span):
        return ((span[0] + by, span[1] + by) if span else None)
    return Stamp(s.type, s.start + by, s.end + by, move(s.person), move(s.place), s.value)


def _read_items(p: Paragraph, level: _Level) -> None:
    """Numbered points: one item block a number (a paragraph may hold several)."""
    current: list[Line] = []
    for ln in list(p.lines) + [None]:
        if ln is None or (_ITEM.match(ln.text) and current):
            m = _ITEM.match(current[0].text)
            _add(level, Block("item", make_text(current), n=m.group("n") if m else None), current)
            current = []
        if ln is not None:
            current.append(ln)
    if level.zone in {"form", "start"}:
        level.zone = "message"


def _classify(p: Paragraph, level: _Level) -> str:
    """The kind of an ordinary paragraph, by its place in the cable and its shape; moves the zone on."""
    words = len(shapes.unspaced(p.raw).split())
    if level.zone in {"form", "start"}:
        if shapes.is_salute(p) and p.raw.split()[0].casefold() not in _vocab()["address_words"]:  # not `Comrade X`
            level.zone = "message"
            return "salute"
        if level.zone == "form" and words <= shapes.SHORT and shapes.is_address_line(p.raw):
            return "address"
        if shapes.is_dateline(p) and (re.match(r"[^\W\d_]", p.raw.strip()) or not level.blocks):
            return "dateline"  # a place and date, or a date opening the text (`Seoul, June 25, 1950—10 a.m.`)
        if shapes.is_salute(p):
            level.zone = "message"
            return "salute"
        if shapes.is_prose(p):
            level.zone = "message"
            return "p"
        if level.zone == "form" and (words <= shapes.SHORT or shapes.is_heading(p)):
            return "address"
        if level.zone == "start" and words <= shapes.SHORT and not shapes.is_dateline(p):
            return "address"
        level.zone = "message"
        return "dateline" if shapes.is_dateline(p) else "p"
    if _ends_bare_salute(level) and words <= _SALUTE_NAME and not shapes.is_prose(p):
        return "salute"  # the name under a salutation of its own line (`DEAR` / `Iosif Vissarionovich STALIN`)
    signed = signoff.signers(p.raw) is not None
    if shapes.is_closing_formula(p) and not signed:
        return "closer-p"
    if shapes.is_salute(p) and not level.blocks_since_salute_prose():
        return "salute"
    if shapes.is_dateline(p) and not signed:
        return "dateline"
    if signed or shapes.is_signature(p):
        level.signed = True
        if level.zone == "message":
            level.zone = "closing"
        return "signed"
    if shapes.is_dateline(p):
        return "dateline"
    if level.zone == "closing" and not shapes.is_prose(p):
        return "p"
    level.zone = "message"
    return "p"


def _ends_bare_salute(level: _Level) -> bool:
    """The level's last block is a salutation of words of address only (`DEAR`, `Многоуважаемый`)."""
    last = level.blocks[-1] if level.blocks else None
    if not isinstance(last, Block) or last.kind != "salute" or last.text is None:
        return False
    words = {w for lang in _vocab()["salutes"].values() for w in lang}
    rest = last.text.value.strip(shapes.OPEN_QUOTES + " ,!").casefold()
    return bool(rest) and all(w in words for w in rest.split())


def _mark_form_addressees(level: _Level) -> None:
    """Addressee lines inside the cipher form (between stamps) are its `to` field, not the letter's opener."""
    last_stamp = max((n for n, b in enumerate(level.blocks) if isinstance(b, Block) and b.kind in
                      {"stamps", "distribution"} and _in_form_prefix(level, n)), default=0)
    for n, b in enumerate(level.blocks[:last_stamp]):  # none when the form has no stamp
        if isinstance(b, Block) and b.kind == "address":
            kind = "to" if shapes.is_address_line(b.text.value) else "other"
            level.blocks[n] = Block("stamps", b.text, stamps=(Stamp(kind, 0, len(b.text.value)),))


def _in_form_prefix(level: _Level, n: int) -> bool:
    """True while no message block (paragraph, salutation, list item) comes before block n."""
    return not any(isinstance(b, Block) and b.kind in {"p", "salute", "item", "signed"} or isinstance(b, Enclosure)
                   for b in level.blocks[:n])
