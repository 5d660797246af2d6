"""The typed model of a cable: walking its texts."""

from __future__ import annotations

import pytest

from tei_cables.model import iter_texts, map_texts
from tei_cables.read import read_cable

from .conftest import ROOT

SOURCES = sorted((ROOT / "sources").glob("*.txt"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_iter_texts_visits_the_texts_map_texts_visits_in_the_same_order(path):
    cable = read_cable(path.read_text(encoding="utf-8"), path.name)
    mapped = []
    map_texts(cable, lambda t, role: mapped.append((t, role)) or t)
    assert list(iter_texts(cable)) == mapped


def test_the_sources_walked_hold_header_fields_distribution_copies_and_enclosures():
    roles = {role for p in SOURCES for _, role in iter_texts(read_cable(p.read_text(encoding="utf-8"), p.name))}
    assert {"header:citation", "header:title"} <= roles
    assert any(r.endswith(":copy") for r in roles) and any("/enclosure" in r for r in roles)
