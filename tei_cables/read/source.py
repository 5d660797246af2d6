"""Bytes to text: the one place that decides how a transcription file is decoded.

Transcriptions arrive as UTF-8, UTF-8 with a BOM, UTF-16, or a legacy Russian code page; a file that is not
text at all must fail with a clear message instead of turning into mojibake.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from tei_cables.errors import SourceError
from tei_cables.model import Warning_

# Characters XML 1.0 forbids (C0 controls except tab, newline and carriage return). A form feed (U+000C), the page
# break of text exported from scanned pages, is kept here: the paragraph reader turns it into a page break. A NUL
# means binary data and refuses the file; the others are strays of OCR and old editors, dropped with a warning.
_FORBIDDEN = re.compile("[\x01-\x08\x0b\x0e-\x1f\ufffe\uffff]")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, path: str = "") -> tuple[str, list[str]]:
    """Decode a transcription; return the text and notes on how it was decoded."""
    notes: list[str] = []
    return _decode_bytes(data, path, notes), notes


def checked_text(text: str, path: str = "") -> tuple[str, list[Warning_]]:
    """Text with its line ends normalised and the characters XML cannot hold dropped (a warning per line), refused
    if it holds a NUL (binary data, not a transcription) or nothing at all.

    A space stands in for a dropped character: a vertical tab or a record separator parts two words, and the
    words on either side must stay two (every word of the source is kept, as the scorer counts them)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise SourceError("binary data (a NUL byte): not a text transcription", path=path,
                          line=text.count("\n", 0, text.index("\x00")) + 1)
    warnings = _dropped(text)
    text = _FORBIDDEN.sub(" ", text) if warnings else text
    if not text.strip():
        raise SourceError("the file is empty", path=path)
    return text, warnings


def _dropped(text: str) -> list[Warning_]:
    """One warning per line that holds characters XML cannot hold, naming them."""
    if not _FORBIDDEN.search(text):
        return []
    out = []
    for number, line in enumerate(text.split("\n"), 1):
        codes = list(dict.fromkeys(f"U+{ord(c):04X}" for c in _FORBIDDEN.findall(line)))
        if codes:
            out.append(Warning_(number, f"dropped the control character{'s' * (len(codes) > 1)} {', '.join(codes)}, "
                                        "which XML cannot hold (a space stands in its place)"))
    return out


def _decode_bytes(data: bytes, path: str, notes: list[str]) -> str:
    """Try the BOM, then strict UTF-8, then detection; refuse binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data:
        if _looks_like_utf16(data):
            return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        line = data[:data.index(b"\x00")].count(b"\n") + 1
        raise SourceError("binary data (a NUL byte): not a text transcription", path=path, line=line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise SourceError("cannot tell the text encoding; save the file as UTF-8", path=path)
    notes.append(f"decoded as {best.encoding}, not UTF-8")
    return str(best)


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte is NUL in Latin or Cyrillic text."""
    sample = data[:2000]
    return len(sample) >= 4 and (sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4)
