"""Korean and Chinese personal names by their shape, for the people the register lacks.

A Korean or Chinese name is a family name from a short list and a given name of one or two romanised syllables:
`Nam Il`, `Pak Dong-cho`, `Choe Yong Gon`, `Liu Shaoqi`, `Ли Сан Чо`. The lists and the parts of a syllable
(initials, vowels, finals of McCune-Reischauer, revised romanisation, pinyin and Wade-Giles) are data
(`data/names.yaml`); a given name must be built of syllables, so `Han River` or `Kim reported` are not names.
"""

from __future__ import annotations

import re
from functools import cache

from tei_cables.errors import DataError
from tei_cables.regex import alternation
from tei_cables.resources import data_path, load_data
from tei_cables.tag.normalize import fold_name


@cache
def _data() -> dict:
    data = load_data("names.yaml")
    try:
        family = [w for group in data["family"].values() for w in group]
        parts = data["syllable"]
        assert all(isinstance(w, str) for w in family + parts["initials"] + parts["nuclei"] + parts["finals"])
        assert isinstance(data["max_given_letters"], int)
    except (KeyError, TypeError, AssertionError) as exc:
        raise DataError("needs family (lists of names), syllable (initials, nuclei, finals) and max_given_letters",
                        path=data_path("names.yaml")) from exc
    return data


@cache
def family_names() -> frozenset[str]:
    """The family names of the lists, folded: the first word of a register name that the tagger and the look-up
    may read alone (`Mao` for Mao Zedong), where `He` of He Long or `John` of John M. Chang may not be."""
    return frozenset(fold_name(w) for group in _data()["family"].values() for w in group)


@cache
def _not_given() -> frozenset[str]:
    """Words of name shape that are not given names (`Reported`, `Army`), folded."""
    return frozenset(w.casefold() for w in _data()["not_given"])


@cache
def _pattern() -> re.Pattern[str]:
    """Family name, then one or two given-name words of the right shape."""
    data = _data()
    family = [w for group in data["family"].values() for w in group]
    parts = data["syllable"]
    initials, nuclei, finals = (alternation(parts[k]) for k in ("initials", "nuclei", "finals"))
    syllable = f"(?:{initials})?(?:{nuclei})(?:{finals})?"
    latin_word = rf"(?:{syllable}){{1,3}}(?:-(?:{syllable}){{1,2}})?"
    cyrillic_word = r"[а-яё]{1,4}(?:-[а-яё]{1,4})?"
    word = rf"(?=[A-ZА-ЯЁŎŬ])(?i:{latin_word}|{cyrillic_word})"
    return re.compile(rf"(?<![\w\-'’.])(?P<family>(?i:{_tree(family)}))\s+(?P<given>{word}(?:\s+{word})?)(?![\w\-'’])")


def _tree(words: list[str]) -> str:
    """Words as one alternation merged letter by letter (`k(?:im|ang)`), which the regex engine tries at each
    place of a text in a few steps instead of once per word. A family name has no space and must be followed by
    one, so at most one of them can match at a place: the order of the branches cannot change a match."""
    tree: dict = {}
    for w in set(words):
        node = tree
        for c in w.casefold():
            node = node.setdefault(c, {})
        node[""] = {}
    return _branch(tree)


def _branch(node: dict) -> str:
    alternatives = [re.escape(c) + _branch(child) if c else "" for c, child in sorted(node.items(), reverse=True)]
    if len(alternatives) == 1:
        return alternatives[0]
    return f"(?:{'|'.join(alternatives)})"


def _too_long(word: str) -> bool:
    """A given-name word longer than the longest given names (`max_given_letters`: pinyin run together,
    `Jiaxiang`) is an English word of syllable shape (`Committee`), not a name."""
    return any(len(part) > _data()["max_given_letters"] for part in word.split("-"))


def east_asian_names(text: str) -> list[tuple[int, int]]:
    """The extents of the Korean and Chinese names of a text, by their shape."""
    not_given = _not_given()
    out = []
    for m in _pattern().finditer(text):
        family, given = m.group("family"), m.group("given").split()
        if not (family[0].isupper() and all(g[0].isupper() for g in given)):
            continue
        while given and (given[-1].casefold() in not_given or _too_long(given[-1])):
            given.pop()
        if not given or given[0].casefold() in not_given:
            continue
        if family.isupper() != all(g.replace("-", "").isupper() or len(g) == 1 for g in given):
            continue  # `KIM Reported`: the capitals of a name are all or none
        words = list(re.finditer(r"\S+", m.group("given")))
        end = m.start("given") + words[len(given) - 1].end()
        out.append((m.start(), end))
    return out
