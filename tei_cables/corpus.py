"""A folder of TEI files as a whole: the names left unlinked across it, so editors know what to add next."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tei_cables.files import find_xml_files
from tei_cables.safexml import parse_file
from tei_cables.tag.normalize import fold_name

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@dataclass(frozen=True)
class Unlinked:
    """A name the register lacks (a local entry, or a town of the gazetteer), with the forms the corpus writes it
    in, and how often it is mentioned and in how many files."""

    kind: str
    name: str
    mentions: int
    files: int
    forms: tuple[str, ...] = ()


def unlinked_names(paths: list[Path]) -> list[Unlinked]:
    """Every entry without a register link (`@sameAs`), merged by kind and name across files, most mentioned first.

    Forms of one name merge (`T. Mikhaylenko`, `Mikhaylenko`, `MIKHAYLENKO`): they are compared folded and without
    initials, so the editor adds one entry with all its forms.
    """
    mentions: Counter[tuple[str, str]] = Counter()
    files: Counter[tuple[str, str]] = Counter()
    forms: dict[tuple[str, str], Counter[str]] = {}
    for path in find_xml_files(paths):
        root = parse_file(path).getroot()
        seen: set[tuple[str, str]] = set()
        refs = Counter(r for el in root.xpath("//t:text//*[@ref] | //t:teiHeader//*[@ref]", namespaces=TEI)
                       for r in el.get("ref").split())
        for entry in root.xpath("//t:standOff//*[(self::t:person or self::t:place or self::t:org)][not(@sameAs)]",
                                namespaces=TEI):
            kind = entry.tag.rsplit("}", 1)[1]
            names = [" ".join(n.split()) for n in entry.xpath("*[@type='regularised' or @type='variant']/text()",
                                                              namespaces=TEI)]
            if not names:
                continue
            key = (kind, _merge_key(names[0]))
            count = refs.get(f"#{entry.get(_XML_ID)}", 0)
            mentions[key] += count
            forms.setdefault(key, Counter()).update({n: count or 1 for n in names})
            seen.add(key)
        for key in seen:
            files[key] += 1
    rows = []
    for key, count in mentions.items():
        ranked = [f for f, _ in sorted(forms[key].items(), key=lambda fc: (-fc[1], -len(fc[0]), fc[0]))]
        rows.append(Unlinked(key[0], ranked[0], count, files[key], tuple(ranked)))
    return sorted(rows, key=lambda u: (-u.mentions, u.kind, u.name))


def _merge_key(name: str) -> str:
    """A name folded, without initials: the forms of one person written with and without them meet."""
    words = fold_name(name).split()
    return " ".join(w for w in words if len(w) > 1) or " ".join(words)
