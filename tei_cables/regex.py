"""Regular expressions made from the word lists of the data files."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """Words as one alternation, escaped, longest first (so `Cde.` is tried before `Cd`), each once."""
    return "|".join(re.escape(w) for w in sorted(dict.fromkeys(str(w) for w in words), key=len, reverse=True))
