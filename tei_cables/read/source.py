"""Bytes to text: the one place that decides how a transcription file is decoded.

Transcriptions arrive as UTF-8, UTF-8 with a BOM, UTF-16, or a legacy Russian code page; a file that is not
text at all must fail with a clear message instead of turning into mojibake.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from tei_cables.errors import SourceError

# Characters XML 1.0 forbids (C0 controls except tab, newline and carriage return). A form feed (U+000C), the page
# break of text exported from scanned pages, is allowed here: the paragraph reader turns it into a page break.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, path: str = "") -> tuple[str, list[str]]:
    """Decode a transcription and normalise its line ends; return the text and notes on what was done."""
    notes: list[str] = []
    return checked_text(_decode_bytes(data, path, notes), path), notes


def checked_text(text: str, path: str = "") -> str:
    """Text with its line ends normalised, refused if XML cannot hold it or if there is nothing in it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _FORBIDDEN.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise SourceError(f"character U+{ord(bad.group()):04X} is not allowed in XML; is this a text file?",
                          path=path, line=line)
    if not text.strip():
        raise SourceError("the file is empty", path=path)
    return text


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
