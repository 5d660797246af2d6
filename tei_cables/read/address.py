"""Relays: the words by which a cable hands its message on (`Convey to Mao Zedong the following`).

A cable addressed to an intermediary for someone else names both: the intermediary in its address line (`To
Terebin`, `TO KRASOVSKY`), the final addressee after a relay phrase (`Convey to …`, `Pass the following to …`,
`Transmit the following answer to …`, `For immediate report to …`, `передайте …`). Both are addressees. The
phrases are in `data/parties.yaml`.
"""

from __future__ import annotations

import re
from functools import cache

from tei_cables.resources import word_lists

# The end of a relay's sentence: a colon, or a full stop after a word (not after a title such as `Cde.`).
_SENTENCE_END = re.compile(r"[:;!?\n]|(?:(?<=[^\W\d_]{4})|(?<=[\])]))\.(?:\s|$)")


@cache
def _relay() -> re.Pattern[str]:
    phrases = [p for forms in word_lists("parties.yaml", "relay", ("en", "ru")).values() for p in forms]
    alts = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


def relay_targets(text: str) -> list[tuple[int, int]]:
    """The stretches of a text that name who the message is to be handed to: from each relay phrase to the end
    of its sentence (`Convey to Mao Zedong the following:` → `Mao Zedong the following`)."""
    out = []
    for m in _relay().finditer(text):
        end = _SENTENCE_END.search(text, m.end())
        out.append((m.end(), end.start() if end else len(text)))
    return out
