"""Russian forms of register names in every grammatical case, and Latin spellings of Cyrillic names.

Cables write `СТАЛИНУ`, `КИМ-ИР-СЕНА`, `ПАК-ХЕН-ЕНОМ`, `Северную Корею`. The register lists the nominative
only; pymorphy3 (with its OpenCorpora dictionary and its guesser for unknown words such as Korean names)
inflects each word, and iuliia gives the Latin spelling (Wikipedia system: Михайленко → Mikhaylenko) for names
that are not in the register.
"""

from __future__ import annotations

from functools import cache
from itertools import product

import iuliia
import pymorphy3

from tei_cables.errors import DataError
from tei_cables.resources import load_data

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_NAME_TAGS = ("Surn", "Name", "Patr", "Geox", "Orgn")


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    """One analyzer per process: loading the dictionary takes a moment."""
    return pymorphy3.MorphAnalyzer()


@cache
def _parses(word: str) -> tuple:
    """pymorphy's parses of a word (lower case), once per word: a parse costs a dictionary walk, and the register's
    names share their words (`Верховного`, `Совета`, `ЦК`) across hundreds of forms."""
    return tuple(analyzer().parse(word.lower()))


def is_cyrillic(text: str) -> bool:
    """True when most letters of the text are Cyrillic."""
    cyr = sum(1 for c in text if "\u0400" <= c <= "\u04ff")
    return cyr > 0 and cyr >= sum(1 for c in text if c.isalpha()) / 2


def inflections(phrase: str) -> set[str]:
    """Every case form of a Cyrillic name: all words inflected together, and the last word alone."""
    words = phrase.replace("-", " ").split()
    forms = {" ".join(words)}
    for case in _CASES:
        options = [_inflect(w, case) for w in words]
        forms.update(" ".join(combo) for combo in product(*options))
        forms.update(" ".join(words[:-1] + [last]) for last in options[-1])
        # the head word alone, before its genitive: `Президиум Верховного народного собрания` → `Президиумом …`
        forms.update(" ".join([first] + words[1:]) for first in options[0])
    return forms


@cache
def _inflect(word: str, case: str) -> tuple[str, ...]:
    """One word in one case, keeping its gender. An ordinary word of the dictionary has its one form; a foreign
    name has both pymorphy's form and the form by analogy with a model name, because cables decline such names
    either way: the dictionary declines `Тэджон` like `сон` (dative `тэджну`), while cables write `ТЭДЖОНУ`."""
    if not any(c.isalpha() for c in word) or len(word) < 2:
        return (word,)
    form = _inflect_known(word, case)
    if form is not None and _ordinary(word):
        return (form,)
    analogy = _by_analogy(word.lower(), case)
    return (form, analogy) if form is not None and form != analogy else (analogy,)


def _ordinary(word: str) -> bool:
    """True when the dictionary knows the word as an ordinary word (not a name, not a guess)."""
    parses = _parses(word.lower())
    return bool(parses) and parses[0].is_known and not any(t in parses[0].tag for t in _NAME_TAGS)


@cache
def _inflect_known(word: str, case: str) -> str | None:
    """The case form pymorphy gives a word it can parse as a name or a known noun; None when it cannot."""
    parses = _parses(word.lower())
    best = next((p for p in parses if any(t in p.tag for t in _NAME_TAGS) and "nomn" in p.tag), None)
    if best is None:
        best = next((p for p in parses if "nomn" in p.tag and p.is_known), None)
    if best is None:
        return None
    if "Fixd" in best.tag:
        return word
    number = "plur" if "plur" in best.tag and "Sgtm" not in best.tag else "sing"  # `добровольцы` stays plural
    inflected = best.inflect({case, number}) or best.inflect({case})
    return inflected.word if inflected else word


@cache
def models() -> tuple[str, ...]:
    """The model names of morph.yaml that pymorphy can inflect; a model it cannot parse would have no endings
    to lend (and lending from itself would never end), so it is refused when the data is loaded."""
    listed = load_data("morph.yaml")["models"]
    unusable = [m for m in listed if _inflect_known(m, "gent") is None]
    if unusable:
        raise DataError(f"model names pymorphy3 cannot inflect: {', '.join(unusable)}", path="morph.yaml")
    return tuple(listed)


def _by_analogy(word: str, case: str) -> str:
    """Give an unknown name the case ending of the model name that ends most like it."""
    model = max(models(), key=lambda m: (_common_suffix(m, word), -len(m)))
    form = _inflect_known(model, case) or model
    prefix = 0
    while prefix < min(len(model), len(form)) and model[prefix] == form[prefix]:
        prefix += 1
    cut = len(model) - prefix
    if cut > len(word) - 1:
        return word
    return word[:len(word) - cut] + form[prefix:]


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


@cache
def lemma(word: str) -> str:
    """The dictionary form of a Russian word (for telling a known word from a name)."""
    return _parses(word.lower())[0].normal_form


def is_common_word(word: str) -> bool:
    """A Russian word the dictionary knows as an ordinary word, not a name."""
    parses = _parses(word.lower())
    return bool(parses) and parses[0].is_known and not any(t in parses[0].tag for t in _NAME_TAGS)


def latin(text: str) -> str:
    """A Cyrillic name in Latin letters (Wikipedia system), in title case where it was in capitals."""
    out = iuliia.WIKIPEDIA.translate(text)
    return out.title() if text.isupper() else out
