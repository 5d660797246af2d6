"""Numbers a telegram carries outside its stamp phrases, in the layout of the State Department's series.

- The decimal file number under the heading (`795.00/6–2550: Telegram`): the archive's file, a stamp of its own.
- The telegram number that opens the first paragraph of the message (`925. According Korean Army reports …`,
  also with a series prefix: `Niact 12.`, `A-35.`), read only right after the dateline or the receipt line,
  where a list's first point cannot stand.
"""

from __future__ import annotations

import re

from tei_cables.model import Stamp

# A State Department decimal file number, alone on its line, optionally followed by the document type.
_FILE_NUMBER = re.compile(r"\s*\d{3}\.\d{2,}[\w./–\-]*(?:\s*:\s*[A-Za-z ]{2,20})?\.?\s*")
# A telegram number opening a paragraph: digits, perhaps after a series prefix, then a full stop and a capital.
_LEADING_NUMBER = re.compile(r"(?P<prefix>[A-Z][A-Za-z]{0,9}[ \-])?(?P<num>\d{1,5})\.(?=\s+[A-Z\"“])")


def file_number(text: str) -> Stamp | None:
    """A line that is only a decimal file number: a registration stamp holding it."""
    if not _FILE_NUMBER.fullmatch(text):
        return None
    value = text.strip().split(":")[0].strip()
    return Stamp(type="registration", start=0, end=len(text), value=value)


def leading_number(text: str) -> Stamp | None:
    """The telegram number at the start of a paragraph (`925.`, `Niact 12.`), as a number stamp over it."""
    m = _LEADING_NUMBER.match(text)
    if not m:
        return None
    value = text[:m.end() - 1].strip()
    return Stamp(type="number", start=0, end=m.end(), value=value)
