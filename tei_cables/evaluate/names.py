"""When two written names mean the same one: the matching rule of the evaluation.

Names are compared after folding (accents, case, hyphens and apostrophes, punctuation) and without titles
(`Comrade`, `Marshal`). Two names match when they fold to the same words, or when they share a distinctive word
(four letters or more, or a number) and every distinctive word of one is in the other: `SHTYKOV` matches
`Terentii Shtykov`, but `South Korea` does not match `North Korea`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Words that say what a person is, not who: left out before names are compared.
TITLES = frozenset({"comrade", "cde", "tov", "general", "marshal", "the", "of", "and", "to", "mr", "ambassador",
                    "minister", "chairman", "premier", "president"})


def folded(name: str | None) -> str:
    """The name without accents, case, hyphens, apostrophes and punctuation, its words one space apart."""
    if not name:
        return ""
    text = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    text = text.casefold().replace("-", " ")
    text = re.sub("['\u2019]", "", text)
    return " ".join(re.sub(r"[^\w\s/]", " ", text).split())


def words(name: str | None) -> set[str]:
    """The folded words of a name that say who, not what."""
    return {w for w in folded(name).split() if w not in TITLES}


def distinctive(found: set[str]) -> set[str]:
    """Words long enough (or numbers) to tell names apart; `Il` and `Kim` alone tell little."""
    return {w for w in found if len(w) >= 4 or w.isdigit()}


def same_name(gold: str, forms: Iterable[str]) -> bool:
    """Whether a gold name is one of the forms of an entity (its words as written, its register names)."""
    mine = words(gold)
    for form in forms:
        theirs = words(form)
        if not theirs:
            continue
        if folded(gold) == folded(form):
            return True
        shared = distinctive(mine) & distinctive(theirs)
        if shared and (distinctive(mine) <= theirs or distinctive(theirs) <= mine):
            return True
    return False


def matched(gold: list[str], found: list[list[str]]) -> int:
    """How many gold names match an entity found, each entity used once: a maximum matching (augmenting paths),
    so that `Kim Il Sung` and `Kim Chaek` are not both given to one entity named `Kim`."""
    edges = [[i for i, forms in enumerate(found) if same_name(g, forms)] for g in gold]
    owner: dict[int, int] = {}

    def assign(g: int, tried: set[int]) -> bool:
        for i in edges[g]:
            if i not in tried:
                tried.add(i)
                if i not in owner or assign(owner[i], tried):
                    owner[i] = g
                    return True
        return False

    return sum(assign(g, set()) for g in range(len(gold)))
