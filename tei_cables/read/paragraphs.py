"""Text to paragraphs: runs of non-blank lines, each line keeping its source line number.

Markdown bold (`**ШИФРОВКА**`) and `<https://…>` links, which transcriptions copied from web pages carry, are
taken out of the text here and kept as spans, so later stages see clean words and the TEI keeps the emphasis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from tei_cables.model import Span, Text

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.S)
_URL = re.compile(r"<(https?://[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+)>")  # RFC 3986 characters only


@dataclass(frozen=True)
class Line:
    """One source line, without its line end and trailing spaces (a markdown hard break)."""

    number: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A run of non-blank lines; `page_break` when a form feed of the source starts a new page before it."""

    lines: tuple[Line, ...]
    page_break: bool = False

    @property
    def line(self) -> int:
        """The first source line, for error messages and the model."""
        return self.lines[0].number

    @property
    def raw(self) -> str:
        """The paragraph's lines joined by newlines, markup included."""
        return "\n".join(ln.text for ln in self.lines)


_PROSE_LINE = 100  # characters: a line this long is a whole paragraph typed on one line, not a wrapped line


def split_paragraphs(text: str) -> list[Paragraph]:
    """Group the lines of a transcription into paragraphs separated by blank lines.

    Pages saved from the web often end each paragraph with a single line break and use no blank lines at all;
    a run of lines holding two or more such one-line paragraphs of prose (one, when the whole text is one run) is
    split at every line, so the stamps, address and signature lines between them are read on their own.
    """
    runs = _runs(text)
    return [q for p in runs for q in _one_line_paragraphs(p, alone=len(runs) == 1)]


def _one_line_paragraphs(p: Paragraph, *, alone: bool) -> list[Paragraph]:
    """A run with two or more long prose lines (or one, when the whole text has no blank line at all) was typed
    one paragraph a line: split it at every line."""
    if sum(1 for ln in p.lines if len(ln.text) >= _PROSE_LINE) < (1 if alone else 2):
        return [p]
    return [Paragraph((ln,), p.page_break and n == 0) for n, ln in enumerate(p.lines)]


def _runs(text: str) -> list[Paragraph]:
    """Runs of non-blank lines. A form feed ends the paragraph before it and marks the next one as opening a new
    page; the character itself is not kept (XML cannot hold it), the page break is."""
    paragraphs: list[Paragraph] = []
    current: list[Line] = []
    page_break = False  # the next paragraph opens a new page

    def close() -> None:
        nonlocal current, page_break
        if current:
            paragraphs.append(Paragraph(tuple(current), page_break))
            current, page_break = [], False

    for number, raw in enumerate(text.split("\n"), start=1):
        pieces = raw.split("\f")
        for k, piece in enumerate(pieces):
            if k:
                close()
                page_break = True
            if piece.strip():
                current.append(Line(number, piece.rstrip()))
            elif len(pieces) == 1:
                close()
    close()
    return paragraphs


def make_text(lines: list[Line] | tuple[Line, ...]) -> Text:
    """Join lines into a Text, turning markdown bold and angle-bracket links into spans.

    Lines that are not consecutive in the source (a stamp continued in the next paragraph) are joined with as
    many newlines as the source had, so that line numbers stay right.
    """
    parts: list[str] = []
    for i, ln in enumerate(lines):
        if i:
            parts.append("\n" * max(1, ln.number - lines[i - 1].number))
        parts.append(ln.text)
    return strip_markup("".join(parts), lines[0].number)


def strip_markup(raw: str, line: int) -> Text:
    """Remove `**` and `<…>` around links, recording what they marked as spans on the clean text."""
    spans: list[Span] = []
    out: list[str] = []
    pos = 0
    for m in _markup_matches(raw):
        out.append(raw[pos:m.start()])
        start = sum(len(s) for s in out)
        inner = m.group(1)
        out.append(inner)
        kind = "bold" if m.group(0).startswith("**") else "url"
        attrs = (("target", inner),) if kind == "url" else (("rend", "bold"),)
        spans.append(Span(start, start + len(inner), kind, attrs))
        pos = m.end()
    out.append(raw[pos:])
    return Text("".join(out), line, tuple(spans))


def _markup_matches(raw: str) -> list[re.Match[str]]:
    """Bold and link matches in source order, dropping any that overlap an earlier one."""
    urls = [m for m in _URL.finditer(raw) if _is_url(m.group(1))]
    found = sorted(list(_BOLD.finditer(raw)) + urls, key=lambda m: m.start())
    kept: list[re.Match[str]] = []
    for m in found:
        if not kept or m.start() >= kept[-1].end():
            kept.append(m)
    return kept


def _is_url(text: str) -> bool:
    """A link TEI's `@target` accepts: a host, and a port that is a number if there is one."""
    try:
        parts = urlsplit(text)
        _ = parts.port
    except ValueError:
        return False
    return bool(parts.hostname)
