"""A folder of TEI files as a whole: the names left unlinked across it, so editors know what to add next."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tei_cables.safexml import parse_file

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@dataclass(frozen=True)
class Unlinked:
    """A name recorded locally (not in the register) and how often the corpus mentions it."""

    kind: str
    name: str
    mentions: int
    files: int


def tei_files(paths: list[Path]) -> list[Path]:
    """The XML files named, and those in the folders named, in a stable order."""
    out: list[Path] = []
    for p in paths:
        out += sorted(p.rglob("*.xml")) if p.is_dir() else [p]
    return out


def unlinked_names(paths: list[Path]) -> list[Unlinked]:
    """Every local (unlinked) entry of the files, merged by kind and name, most mentioned first."""
    mentions: Counter[tuple[str, str]] = Counter()
    files: Counter[tuple[str, str]] = Counter()
    for path in tei_files(paths):
        root = parse_file(path).getroot()
        seen: set[tuple[str, str]] = set()
        refs = Counter(r for el in root.xpath("//t:text//*[@ref] | //t:teiHeader//*[@ref]", namespaces=TEI)
                       for r in el.get("ref").split())
        for entry in root.xpath("//t:standOff//*[(self::t:person or self::t:place or self::t:org)][@cert='low']",
                                namespaces=TEI):
            kind = entry.tag.rsplit("}", 1)[1]
            name = entry.xpath("string(*[@type='regularised'])", namespaces=TEI)
            key = (kind, name)
            mentions[key] += refs.get(f"#{entry.get(_XML_ID)}", 0)
            seen.add(key)
        for key in seen:
            files[key] += 1
    return sorted((Unlinked(k, n, c, files[(k, n)]) for (k, n), c in mentions.items()),
                  key=lambda u: (-u.mentions, u.kind, u.name))
