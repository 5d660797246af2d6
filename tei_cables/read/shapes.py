"""What a paragraph looks like: running text, a salutation, a closing formula, a signature, a dateline, a
separator, an office's heading, an address line, a whole editorial bracket.

Shapes only, by the words and the vocabulary of `data/body.yaml`: where a paragraph stands in the cable (the form,
the message, the closing) is `body.py`'s to decide.
"""

from __future__ import annotations

import re
from functools import cache

from tei_cables.read.paragraphs import Paragraph
from tei_cables.resources import load_data

OPEN_QUOTES = "\"«„“"
CLOSE_QUOTES = "\"»”"
_DATELINE_DATE = re.compile(r"\d{1,2}[./][\dIVX]{1,4}[./]\d{2,4}|\b\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},\s+\d{4}")
_DATELINE_TIME = re.compile(r"[—–-]?\s*(?:\d{1,2}(?:[:.]\d{2})?\s*[ap]\.\s?m\.|noon|midnight)", re.IGNORECASE)
SHORT = 12  # words: address lines, salutations and signatures are shorter than this
_PROSE = 8  # words: a paragraph this long with lower-case words is running text


@cache
def _vocab() -> dict:
    return load_data("body.yaml")


def unspaced(text: str) -> str:
    """Letter-spaced words written together (`М о с к в а` → `Москва`), to count words as they are read."""
    return re.sub(r"(?<=\b\w) (?=\w\b)", "", text)


def is_prose(p: Paragraph) -> bool:
    """Running text: long enough, with lower-case words that are not mere function words (letter-spaced words,
    `М о с к в а`, counted as the words they spell)."""
    words = re.findall(r"(?<!\w)[^\W\d_]+(?!\w)", unspaced(re.sub(r"\[[^\]]*\]?", " ", p.raw)))
    function = set(_vocab()["function_words"])
    lower = sum(1 for w in words if w[0].islower() and w.casefold() not in function)
    return len(words) >= _PROSE and lower >= max(3, len(words) // 4)


def is_heading(p: Paragraph) -> bool:
    """A line of capitalised words (`8th Department of the General Staff of the Armed Forces of the USSR`): the
    heading of an office on the form, however long, never running text."""
    words = re.findall(r"(?<!\w)[^\W\d_]+(?!\w)", p.raw)
    function = set(_vocab()["function_words"])
    return len(p.lines) == 1 and bool(words) and all(w[0].isupper() or w.casefold() in function for w in words)


def is_salute(p: Paragraph) -> bool:
    """A salutation: a short line that opens with a word of address (`DEAR`, `Многоуважаемому`)."""
    raw = p.raw.strip().lstrip(OPEN_QUOTES + " ").casefold()
    if len(raw.split()) > 7:
        return False
    return _opening("salutes").match(raw) is not None


def is_closing_formula(p: Paragraph) -> bool:
    raw = p.raw.strip().casefold()
    if len(raw.split()) > SHORT:
        return False
    return _opening("closing_formulas").match(raw) is not None


@cache
def _opening(group: str) -> re.Pattern[str]:
    """Any word of a vocabulary group (in any language) at the start of a text, ending at a word boundary."""
    words = [w for lang in _vocab()[group].values() for w in lang]
    return re.compile("|".join(rf"{re.escape(w)}\b" for w in words))


def is_signature(p: Paragraph) -> bool:
    """A signature: a few words in capitals (letter-spaced `S H T Y K O V` too), after the message began."""
    raw = p.raw.strip().strip(CLOSE_QUOTES + OPEN_QUOTES + " .")
    if len(raw.split()) > 16:
        return False
    letters = [c for c in raw if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return False
    return len(re.sub(r"(?<=\b\w) (?=\w\b)", "", raw).split()) <= 8


def is_dateline(p: Paragraph) -> bool:
    """A place and date, or a date alone (`Pyongyang 16.7.52.`, `29 September 1950`), perhaps with the time
    (`Washington, June 27, 1950—3 p. m.`)."""
    raw = p.raw.strip().strip(CLOSE_QUOTES + " ")
    core = _DATELINE_TIME.sub(" ", raw)
    return len(core.split()) <= 5 and bool(_DATELINE_DATE.search(raw))


def is_separator(p: Paragraph) -> bool:
    chars = set(p.raw.replace(" ", ""))
    return bool(chars) and chars <= set(_vocab()["separator_chars"])


def whole_bracket(raw: str) -> bool:
    """A paragraph that is one editorial bracket (closed at its end, or left open to the end)."""
    body = raw.strip().lstrip(OPEN_QUOTES)
    depth = 0
    for n, c in enumerate(body):
        depth += {"[": 1, "]": -1}.get(c, 0)
        if depth == 0 and n < len(body) - 1:
            return False
    return True


def note_type(raw: str) -> str:
    """What a whole-paragraph bracket describes: handwriting, a stamp, or an editor's note."""
    head = raw.strip().lstrip("[").casefold()
    for word in ("handwritten", "handwriting", "stamp", "illegible", "signature", "резолюция", "штамп"):
        if head.startswith(word):
            return {"handwriting": "handwritten", "штамп": "stamp", "резолюция": "handwritten"}.get(word, word)
    return "editorial"


def is_address_line(text: str) -> bool:
    """An addressee line: it opens with `To`, `Comrade`, `товарищу`… or is a name in capitals without digits."""
    first = text.strip().split()[0].casefold() if text.strip() else ""
    letters = [c for c in text if c.isalpha()]
    caps = bool(letters) and all(c.isupper() for c in letters)
    return first in _vocab()["address_words"] or (caps and not any(c.isdigit() for c in text))
