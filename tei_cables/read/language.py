"""Which language a paragraph is in, and where an original gives way to its translation.

A transcription may hold the Russian original and then the English translation of the same cable. Script is
enough to tell them apart; short runs in the other script (a Russian stamp quoted in an English file) stay in
the part around them.
"""

from __future__ import annotations

import re

from tei_cables.read.paragraphs import Paragraph

_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z]")
_MIN_PART_WORDS = 40  # a run shorter than this is a quotation, not a language part


def script_of(text: str) -> str | None:
    """`ru` for mostly Cyrillic letters, `en` for mostly Latin, None where there are few letters."""
    cyr = len(_CYRILLIC.findall(text))
    lat = len(_LATIN.findall(text))
    if cyr + lat < 3:
        return None
    return "ru" if cyr > lat else "en"


def split_parts(paragraphs: list[Paragraph]) -> list[tuple[str, list[Paragraph]]]:
    """Cut the cable into language runs; runs too short to be a part merge into their neighbours."""
    runs: list[tuple[str | None, list[Paragraph]]] = []
    for p in paragraphs:
        lang = script_of(p.raw)
        if runs and (lang is None or lang == runs[-1][0] or runs[-1][0] is None):
            prev_lang = runs[-1][0] or lang
            runs[-1] = (prev_lang, runs[-1][1] + [p])
        else:
            runs.append((lang, [p]))
    merged: list[tuple[str, list[Paragraph]]] = []
    for lang, paras in runs:
        words = sum(len(p.raw.split()) for p in paras)
        if merged and (words < _MIN_PART_WORDS or lang == merged[-1][0]):
            merged[-1] = (merged[-1][0], merged[-1][1] + paras)
        else:
            merged.append((lang or "en", paras))
    if len(merged) > 1 and sum(len(p.raw.split()) for p in merged[0][1]) < _MIN_PART_WORDS:
        merged[1] = (merged[1][0], merged[0][1] + merged[1][1])
        merged.pop(0)
    return merged
