"""Names in a cable: linked to the authority register where it knows them, recorded locally where it does not.

Order of work, all over the whole document so that one mention can explain another:
1. register forms, found by the multi-pattern matcher (longest first);
2. ambiguous forms decided by the other mentions of the document;
3. short forms of people already named in full (`Kim` after `Kim Il Sung`);
4. names the register does not know but the cable shows to be names: the person of a stamp, a signature,
   `Comrade X`, initials and a surname, capitals in running text, places after `toward` or before `river`, and
   `NAME [GLOSS]` pairs; each gets a local register entry, marked unlinked for an editor;
5. names in Cyrillic that are garbled forms of register names (`ГРОМЬКО`, `ШТЯКОВ`), where a slot says a name
   must stand and the Latin spelling is within a letter or two of one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache, lru_cache

from tei_cables.model import Entity, Span, Text
from tei_cables.regex import alternation
from tei_cables.resources import load_data
from tei_cables.tag.east_asian import east_asian_names, family_names
from tei_cables.tag.gazetteer import gazetteer_place
from tei_cables.tag.matcher import Hit, Intervals, find_hits
from tei_cables.tag.morph import is_common_word, is_cyrillic, latin
from tei_cables.tag.normalize import fold_name
from tei_cables.tag.register import Entry, load_register

_FUZZY = 0.84  # similarity of Latin spellings for a garbled Cyrillic name in a name slot
_KIND_OF = {"person": "person", "place": "place", "org": "org"}
_WORD = r"[A-ZА-ЯЁ][\w'’\-]*"
_CAPS_WORD = r"[A-ZА-ЯЁ][A-ZА-ЯЁÒÓŎŬÙÚ'’\-]+"


@cache
def _vocab() -> dict:
    return load_data("body.yaml")


@dataclass
class Slot:
    """A place in a text where the cable's form says a name stands (a stamp's clerk, a signature)."""

    start: int
    end: int
    kind: str  # person, place, org, name


@dataclass
class Mentions:
    """Everything the tagger decided for one document."""

    spans: dict[tuple[int, str], list[Span]] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    local_keys: dict[tuple[str, str], str] = field(default_factory=dict)
    taken: dict[tuple[int, str], Intervals] = field(default_factory=dict)

    def add(self, key: tuple[int, str], span: Span) -> None:
        """Record a span of a text, and the stretch of the text it takes."""
        self.spans.setdefault(key, []).append(span)
        self.taken.setdefault(key, Intervals()).add(span.start, span.end)


def _key(text: Text) -> tuple[int, str]:
    return text.line, text.value


def tag_entities(texts: list[tuple[Text, str]], slots: dict[tuple[int, str], list[Slot]]) -> Mentions:
    """Find and link every name of a document; see the module docstring for the order of work."""
    register = load_register()
    result = Mentions()
    hits = {_key(t): find_hits(t.value) for t, _ in texts}
    counts: dict[str, int] = {}
    for hs in hits.values():
        for h in hs:
            if len(h.ids) == 1:
                counts[h.ids[0]] = counts.get(h.ids[0], 0) + 1
    for t, _ in texts:
        for h in hits[_key(t)]:
            entry_id = _decide(h, counts)
            if entry_id and not _names_an_instrument(register.entries[entry_id], t.value, h.end):
                _link(result, t, h.start, h.end, register.entries[entry_id])
    short = _short_forms([register.entries[i] for i in counts if register.entries[i].kind == "person"])
    for t, role in texts:
        _short_form_mentions(result, t, short, register)
        _local_names(result, t, role, slots.get(_key(t), []))
    return result


def _decide(h: Hit, counts: dict[str, int]) -> str | None:
    """The entry a hit stands for: the only one, or the one the document names elsewhere."""
    if len(h.ids) == 1:
        return h.ids[0]
    named = [i for i in h.ids if counts.get(i)]
    return named[0] if len(named) == 1 else None


def _names_an_instrument(entry: Entry, text: str, end: int) -> bool:
    """`the Geneva convention`: a place name that is part of the name of an agreement, not the place."""
    if entry.kind != "place":
        return False
    nxt = re.match(r"\s+(\w+)", text[end:])
    return bool(nxt) and nxt.group(1).casefold() in _vocab()["instrument_words"]


def _link(result: Mentions, t: Text, start: int, end: int, entry: Entry) -> None:
    """Record a mention of a register entry."""
    if _overlaps(result, t, start, end):
        return
    ent = result.entities.get(entry.id)
    form = t.value[start:end]
    if ent is None:
        ent = Entity(id=entry.id, kind=entry.kind, name=entry.name, register_id=entry.id)  # type: ignore[arg-type]
    if form not in ent.forms:
        ent = Entity(ent.id, ent.kind, ent.name, ent.forms + (form,), ent.register_id)
    result.entities[entry.id] = ent
    result.add(_key(t), Span(start, end, entry.kind, (("ref", f"#{entry.id}"),)))


def _overlaps(result: Mentions, t: Text, start: int, end: int) -> bool:
    taken = result.taken.get(_key(t))
    return taken is not None and taken.overlaps(start, end)


def _short_forms(people: list[Entry]) -> dict[str, str]:
    """Family names of East Asian people named in full (`kim` → Kim Il Sung), when only one person has it."""
    owners: dict[str, set[str]] = {}
    for e in people:
        if not e.east_asian:
            continue
        for v in e.forms():
            parts = fold_name(v.form).split()
            if len(parts) >= 2 and not is_cyrillic(v.form) and parts[0] in family_names():
                owners.setdefault(parts[0], set()).add(e.id)
    return {k: next(iter(ids)) for k, ids in owners.items() if len(ids) == 1 and len(k) >= 2}


def _short_form_mentions(result: Mentions, t: Text, short: dict[str, str], register) -> None:
    for m in re.finditer(rf"(?<![\w\-]){_WORD}(?![\w\-])", t.value):
        entry_id = short.get(fold_name(m.group()))
        if entry_id and not _overlaps(result, t, m.start(), m.end()):
            _link(result, t, m.start(), m.end(), register.entries[entry_id])


def _local_names(result: Mentions, t: Text, role: str, slots: list[Slot]) -> None:
    """Names the register does not know, found by what the cable says around them."""
    for slot in slots:
        _slot_name(result, t, slot)
    kind = role.rsplit(":", 1)[-1]
    if kind in {"p", "salute", "address", "signed", "closer-p", "stamps", "note", "item"} or role.startswith("header:"):
        for start, end in _titled_names(t.value):
            _local(result, t, start, end, "person")
        for start, end in east_asian_names(t.value):
            if not _in_gloss(t.value, start):  # a gloss names what it glosses (`_glosses`)
                _local(result, t, start, end, "person")
        for start, end in _initialled_names(t.value):
            _local(result, t, start, end, "person")
        for start, end in _feature_places(t.value):
            _local(result, t, start, end, "place")
    if kind == "signed" and not any(s.kind == "person" for s in slots):  # the reader found no signer's name
        for m in re.finditer(r"[^,;]+", t.value):
            seg = m.group().strip(" .\"'»”")
            if seg and not _overlaps(result, t, m.start(), m.end()):
                start = m.start() + m.group().find(seg)
                _fuzzy_or_local(result, t, start, start + len(seg), "person")
    _glosses(result, t)
    if kind in {"p", "item", "closer-p"}:
        _running_text_caps(result, t)
        _glosses(result, t)


def _slot_name(result: Mentions, t: Text, slot: Slot) -> None:
    """A name the form puts in a slot: a register name, a garbled one, or a local entry."""
    if _overlaps(result, t, slot.start, slot.end):
        return
    if slot.kind == "cover":
        result.add(_key(t), Span(slot.start, slot.end, "cover"))
        return
    _fuzzy_or_local(result, t, slot.start, slot.end, slot.kind)


def _fuzzy_or_local(result: Mentions, t: Text, start: int, end: int, kind: str) -> None:
    form = t.value[start:end]
    if not re.search(r"[^\W\d_]{2}", form.replace(" ", "")):
        return
    entry = _fuzzy(form, kind)
    if entry is not None:
        _link(result, t, start, end, entry)
    elif kind == "place":
        _place_beyond_register(result, t, start, end)
    elif kind in {"person", "org"}:
        _local(result, t, start, end, kind)


def _fuzzy(form: str, kind: str) -> Entry | None:
    """A register entry whose Latin spelling is a letter or two from a Cyrillic name (ШТЯКОВ ~ Shtykov)."""
    if not is_cyrillic(form):
        return None
    entry_id = _fuzzy_id(fold_name(latin(form.strip(" ."))), kind)
    return load_register().entries[entry_id] if entry_id else None


@lru_cache(maxsize=1 << 14)
def _fuzzy_id(spelled: str, kind: str) -> str | None:
    """The id of the one entry a folded Latin spelling is close to (remembered: a corpus names the same officials
    in every cable). Spellings too short or too long to reach the threshold are passed over before `ratio`, and
    `real_quick_ratio` and `quick_ratio` are bounds of it, so the answer is the full comparison's."""
    if len(spelled) < 5:
        return None
    matcher = SequenceMatcher(None, spelled)
    best: list[tuple[float, str]] = []
    for latin_form, entry_id in _latin_forms(kind):
        if 2.0 * min(len(spelled), len(latin_form)) / (len(spelled) + len(latin_form)) < _FUZZY:
            continue  # difflib's real_quick_ratio, before the matcher is set up
        matcher.set_seq2(latin_form)
        if matcher.quick_ratio() < _FUZZY:
            continue
        score = matcher.ratio()
        if score >= _FUZZY:
            best.append((score, entry_id))
    best.sort(key=lambda b: -b[0])
    if best and (len(best) == 1 or best[0][1] == best[-1][1] or best[0][0] > best[1][0] + 0.05):
        return best[0][1]
    return None


@cache
def _latin_forms(kind: str) -> tuple[tuple[str, str], ...]:
    """The folded Latin forms of the register entries of a kind (every kind for "name"), with their ids."""
    return tuple((fold_name(v.form), entry.id) for entry in load_register().entries.values()
                 if kind == "name" or entry.kind == kind for v in entry.forms() if not is_cyrillic(v.form))


def _local(result: Mentions, t: Text, start: int, end: int, kind: str) -> None:
    """A name the register does not know: one local entry per name in the document, marked unlinked."""
    if _overlaps(result, t, start, end):
        return
    form = t.value[start:end].strip()
    if not form:
        return
    local_id = local_entity(result, kind, form)
    result.add(_key(t), Span(start, end, kind, (("ref", f"#{local_id}"), ("cert", "low"))))  # type: ignore[arg-type]


def _place_beyond_register(result: Mentions, t: Text, start: int, end: int) -> None:
    """A place the register lacks: a town of the gazetteer (cert="medium", with its GeoNames id) when it is one,
    else a local entry for an editor (cert="low")."""
    if _overlaps(result, t, start, end):
        return
    place = gazetteer_place(t.value[start:end])
    if place is None:
        _local(result, t, start, end, "place")
        return
    local_id = local_entity(result, "place", t.value[start:end].strip())
    result.entities[local_id] = replace(result.entities[local_id], gazetteer=place)
    result.add(_key(t), Span(start, end, "place", (("ref", f"#{local_id}"), ("cert", "medium"))))


def local_entity(result: Mentions, kind: str, form: str, part_of: str | None = None) -> str:
    """The id of the local entry of a name the register does not know (made on its first mention)."""
    name = _display(form)
    key = (kind, " ".join(w for w in fold_name(name).split() if len(w) > 1) or fold_name(name))
    local_id = result.local_keys.get(key)
    if local_id is None:
        local_id = _local_id(kind, name, result)
        result.local_keys[key] = local_id
        result.entities[local_id] = Entity(local_id, kind, name, (), part_of=part_of)  # type: ignore[arg-type]
    ent = result.entities[local_id]
    if form not in ent.forms:
        result.entities[local_id] = replace(ent, forms=ent.forms + (form,))
    return local_id


def _display(form: str) -> str:
    """The regularised form of a local name: Latin letters, letter spacing closed, capitals as a name."""
    form = re.sub(r"(?<=\b\w) (?=\w\b)", "", form)
    form = re.sub(r"(?<=\w)\[(\w+)\]", r"\1", form)  # an editor's completion is part of the name: Sadov[in]
    if is_cyrillic(form):
        form = latin(form)
    if form.isupper():
        form = " ".join(w.capitalize() for w in form.split())
    return form


def _local_id(kind: str, name: str, result: Mentions) -> str:
    prefix = {"person": "pers", "place": "place", "org": "org"}[kind]
    slug = re.sub(r"[^a-z0-9]+", "_", fold_name(name)).strip("_") or "x"
    candidate = f"{prefix}_local_{slug}"
    n = 2
    while candidate in result.entities:
        candidate = f"{prefix}_local_{slug}_{n}"
        n += 1
    return candidate


def _titled_names(text: str) -> list[tuple[int, int]]:
    """`Comrade GROMYKO`, `Cde. Stalin`, `тов. СТАЛИНУ`: the name after a title of address."""
    out = []
    for m in _titled_regex().finditer(text):
        name = m.group("n")
        if name[0].isupper() and name.split()[0] not in _vocab()["not_names"]:
            out.append((m.start("n"), m.start("n") + len(name.rstrip(" ."))))
    return out


def _initialled_names(text: str) -> list[tuple[int, int]]:
    """`Т. Михайленко`, `A. Vasilevsky`, `A.Ia. Vyshinsky`: initials and a surname."""
    out = []
    for m in re.finditer(r"(?<![\w.])(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?){1,2}(?P<s>[A-ZА-ЯЁ][a-zа-яё]{2,}|[A-ZА-ЯЁ]{3,})"
                         r"(?![\w.])", text):
        out.append((m.start(), m.end()))
    return out


def _feature_places(text: str) -> list[tuple[int, int]]:
    """`the Syarye mountain range`, `the Imjin river`: a name before a word for a geographic feature."""
    return [(m.start(), m.end()) for m in _feature_regex().finditer(text)]


@cache
def _titled_regex() -> re.Pattern[str]:
    titles = alternation(_vocab()["person_titles"])
    return re.compile(rf"(?<!\w)(?i:{titles})\s+(?P<n>{_WORD}(?:\s+(?:[A-ZА-ЯЁ]\.\s?)+|\s+{_CAPS_WORD})*)")


@cache
def _feature_regex() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){_WORD}\s+(?:{alternation(_vocab()['place_suffixes'])})(?!\w)")


@cache
def _place_cue_regex() -> re.Pattern[str]:
    """A place cue ending the text before a name (`near`, `the town of`), as one pattern."""
    return re.compile(rf"(?<!\w)(?:{alternation(_vocab()['place_cues'])})\s+(?:the\s+)?$")


@cache
def _person_verbs() -> frozenset[str]:
    return frozenset(w.casefold() for w in _vocab()["person_verbs"])


def _running_text_caps(result: Mentions, t: Text) -> None:
    """Names in capitals in running text that the register lacks (`toward P'UNGGI`, `took CHEONGSONG`): places by
    their cues or the gazetteer. A capitalised word with no cue is left as it is: it becomes a person only with a
    person cue (a verb of saying after it, a title or rank, initials, the shape of a Korean or Chinese name, a
    stamp's clerk slot, a signature), because an all-capitals word of a telegram is as often a code word, an
    acronym or a heading."""
    text = t.value
    for m in re.finditer(rf"(?<![\w\-'’]){_CAPS_WORD}(?:[ \-]{_CAPS_WORD})*(?![\w\-])", text):
        start, end = m.start(), m.end()
        if re.search(r"['’][sS]$", m.group()):
            end -= 2
        if _in_gloss(t.value, start):
            continue
        words = re.split(r"[ \-]", t.value[start:end])
        if _overlaps(result, t, start, end) or all(w in _vocab()["not_names"] for w in words):
            continue
        if len(words) == 1 and len(words[0].strip("'’")) < 4:
            continue
        if is_cyrillic(m.group()) and all(is_common_word(w) for w in words):
            continue
        if _place_context(result, t, start, end) or gazetteer_place(t.value[start:end]) is not None:
            _place_beyond_register(result, t, start, end)
        elif _person_verb_after(text, end):
            _local(result, t, start, end, "person")


def _person_verb_after(text: str, end: int) -> bool:
    """`ZABOROVSKY told me`, `МИХАЙЛЕНКО доложил`: a verb only a person does follows the name."""
    nxt = re.match(r"\s+(\w+)", text[end:])
    return bool(nxt) and nxt.group(1).casefold() in _person_verbs()


def _in_gloss(text: str, start: int) -> bool:
    """Inside a bracket that directly follows a word (`P'UNGGI [BUNKEI]`): a gloss, named by what it glosses."""
    opened = text.rfind("[", 0, start)
    return opened >= 0 and text.find("]", opened) >= start and text[:opened].rstrip()[-1:].isalnum()


def _place_context(result: Mentions, t: Text, start: int, end: int) -> bool:
    """A name after a place cue, or listed with a place (`P'UNGGI [BUNKEI] and JIJYON`)."""
    before = t.value[max(0, start - 40):start].casefold()
    if _place_cue_regex().search(before):
        return True
    spans = result.spans.get(_key(t), [])
    for s in spans:
        if s.kind != "place":
            continue
        between = t.value[s.end:start] if s.end <= start else t.value[end:s.start]
        between = re.sub(r"\[[^\]]*\]", "", between)
        if re.fullmatch(r"\s*(?:,|and|и|or)?\s*(?:,|and|и)?\s*", between):
            return True
    return False


def _glosses(result: Mentions, t: Text) -> None:
    """`NAME [GLOSS]`: an editor's gloss names the same entity as the name before it."""
    spans = result.spans.setdefault(_key(t), [])
    if "[" not in t.value:
        return
    for m in re.finditer(r"\[(?P<g>[^\[\]]+)\]", t.value):
        g_start, g_end = m.start("g"), m.end("g")
        gloss = m.group("g").strip()
        if not gloss[:1].isupper() or len(gloss.split()) > 4 or " - " in gloss:
            continue
        before = [s for s in spans if s.end <= m.start() and not t.value[s.end:m.start()].strip()
                  and s.kind in {"person", "place", "org"}]
        inner = [s for s in spans if g_start <= s.start and s.end <= g_end]
        if before and not inner:
            ref = before[-1].get("ref")
            attrs = tuple(a for a in before[-1].attrs)
            result.add(_key(t), Span(g_start, g_start + len(gloss), before[-1].kind, attrs))
            ent_id = (ref or "#")[1:]
            ent = result.entities.get(ent_id)
            if ent and gloss not in ent.forms:
                result.entities[ent_id] = Entity(ent.id, ent.kind, ent.name, ent.forms + (gloss,), ent.register_id)


def align_parallel(result: Mentions, pairs: list[tuple[tuple[tuple[int, str], Slot], tuple[tuple[int, str], Slot]]]
                   ) -> None:
    """An original and its translation name the same thing in the same stamp: where the original's name is
    unknown (`Из ПУХЕНЬНА`) and the translation's is linked (`from PYONGYANG`), the original is linked too."""
    for (key_a, slot_a), (key_b, slot_b) in pairs:
        ref_a = _ref_in(result, key_a, slot_a)
        ref_b = _ref_in(result, key_b, slot_b)
        if not ref_a or not ref_b or ref_a == ref_b:
            continue
        local, linked = (ref_a, ref_b) if _is_local(result, ref_a) else (ref_b, ref_a)
        if not _is_local(result, local) or _is_local(result, linked):
            continue
        _repoint(result, local, linked)


def _ref_in(result: Mentions, key: tuple[int, str], slot: Slot) -> str | None:
    for s in result.spans.get(key, []):
        if s.kind in {"person", "place", "org"} and slot.start <= s.start and s.end <= slot.end:
            return s.get("ref")
    return None


def _is_local(result: Mentions, ref: str) -> bool:
    ent = result.entities.get(ref[1:])
    return ent is not None and ent.register_id is None


def _repoint(result: Mentions, local: str, linked: str) -> None:
    """Point every mention of a local entry at a register entry, keeping its forms as attested variants."""
    old = result.entities.pop(local[1:])
    target = result.entities[linked[1:]]
    forms = target.forms + tuple(f for f in old.forms if f not in target.forms)
    result.entities[target.id] = Entity(target.id, target.kind, target.name, forms, target.register_id)
    for key, spans in result.spans.items():
        result.spans[key] = [Span(s.start, s.end, target.kind, (("ref", linked),)) if s.get("ref") == local else s
                             for s in spans]
    result.local_keys = {k: v for k, v in result.local_keys.items() if v != local[1:]}
