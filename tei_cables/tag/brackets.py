"""Editorial brackets: `[illegible]`, `[sic]`, `[captured in South Korea - AM]`, `[Highest Authority]`, `[us]`.

Each bracket (nested ones too) becomes a span saying how to read it; the words inside stay as they are.
"""

from __future__ import annotations

import re
from functools import cache

from tei_cables.model import Span
from tei_cables.resources import load_data

_INITIALS = re.compile(r"\s[-–]\s?(?P<resp>[A-Z][A-Za-z]{0,3})\s*$")
_BRACKET = re.compile(r"[\[\]]")
# A person's initials an editor supplied before a surname (`[A.I.] SHABSHIN`, `[N.V.] Roshchin`).
_GIVEN_INITIALS = re.compile(r"[A-ZА-ЯЁ]\.(?:\s?[A-ZА-ЯЁ]\.){0,2}")


@cache
def _rules() -> dict:
    return load_data("brackets.yaml")


def find_brackets(text: str, *, skip_whole: bool = False) -> list[Span]:
    """Spans for every bracket of a text, outermost first; an unclosed bracket runs to the end of the text."""
    if "[" not in text:
        return []  # most texts: a closing bracket alone opens nothing
    spans = []
    stack: list[int] = []
    for m in _BRACKET.finditer(text):
        i, c = m.start(), m.group()
        if c == "[":
            stack.append(i)
        elif stack:
            start = stack.pop()
            spans.append(_span(text, start, i + 1))
    for start in stack:
        spans.append(_span(text, start, len(text)))
    if skip_whole:
        spans = [s for s in spans if not (s.start == _lead(text) and s.end >= len(text.rstrip()))]
    return sorted(spans, key=lambda s: (s.start, -s.end))


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip(" \"«„“"))


def _span(text: str, start: int, end: int) -> Span:
    """Classify one bracket by its words and by what stands before it."""
    inner = text[start + 1:end].strip("[] ")
    folded = inner.casefold()
    attrs: list[tuple[str, str]] = []
    for rule in _rules()["rules"]:
        if any(folded.startswith(w) for w in rule["opens"]):
            attrs.append(("reading", rule["reading"]))
            if rule.get("type"):
                attrs.append(("type", rule["type"]))
            return Span(start, end, "bracket", tuple(attrs))
    if _GIVEN_INITIALS.fullmatch(inner) and re.match(r"\s+[A-ZА-ЯЁ]", text[end:]):
        return Span(start, end, "bracket", (("reading", "supplied"), ("initials", "yes")))  # `[A.I.] SHABSHIN`
    m = _INITIALS.search(inner)
    if m:
        return Span(start, end, "bracket", (("reading", "note"), ("type", "editorial"), ("resp", m.group("resp"))))
    words = inner.split()
    before = text[:start].rstrip()
    if inner[:1].isupper() and len(words) <= _rules()["gloss_max_words"] and before[-1:].isalnum():
        return Span(start, end, "bracket", (("reading", "note"), ("type", "gloss")))
    if inner[:1].islower() and len(words) <= _rules()["supplied_max_words"]:
        return Span(start, end, "bracket", (("reading", "supplied"),))
    return Span(start, end, "bracket", (("reading", "note"), ("type", "editorial")))
