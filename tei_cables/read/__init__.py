"""Stage 1: plain text → a typed model of the cable (no XML, no names or dates yet)."""

from __future__ import annotations

from tei_cables.model import Cable, Part
from tei_cables.read.body import read_body
from tei_cables.read.header import read_header
from tei_cables.read.language import split_parts
from tei_cables.read.paragraphs import split_paragraphs


def read_cable(text: str, source: str) -> Cable:
    """Read a decoded transcription: archive header, then one part per language (original, translation)."""
    paragraphs = split_paragraphs(text)
    header, rest = read_header(paragraphs)
    runs = split_parts(rest) if rest else []
    parts = []
    for n, (lang, paras) in enumerate(runs):
        role = "single" if len(runs) == 1 else ("original" if n == 0 else "translation")
        parts.append(Part(lang=lang, blocks=read_body(paras), role=role))
    return Cable(source=source, header=header, parts=tuple(parts))
