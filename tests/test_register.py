"""The authority register and its data files: loaded by code that checks them, so a slip in the data is an error
that names the file, not a silent miss."""

from __future__ import annotations

import re

import pytest

from tei_cables.errors import DataError
from tei_cables.tag import morph
from tei_cables.tag.register import load_register


def test_the_register_holds_people_places_and_organisations_with_unique_ids():
    entries = load_register().entries
    kinds = {e.kind for e in entries.values()}
    assert kinds == {"person", "place", "org"}
    assert len(entries) > 500


def test_every_id_has_the_prefix_of_its_kind():
    prefix = {"person": "pers_", "place": "place_", "org": "org_"}
    assert [e.id for e in load_register().entries.values() if not e.id.startswith(prefix[e.kind])] == []


def test_code_names_of_the_cables_are_variants_of_the_person():
    forms = {v.form for v in load_register().entries["pers_stalin"].forms()}
    assert {"Filippov", "Fyn Si", "Фын Си"} <= forms


def test_external_authority_ids_are_well_formed():
    bad = []
    for e in load_register().entries.values():
        for key, value in e.authority:
            if key == "wikidata" and not re.fullmatch(r"Q\d+", value):
                bad.append((e.id, value))
    assert bad == []


def test_a_morph_model_pymorphy_cannot_inflect_is_refused(monkeypatch):
    morph.models.cache_clear()
    monkeypatch.setattr(morph, "load_data", lambda name: {"models": ["сталин", "гао"]})
    with pytest.raises(DataError, match="гао"):
        morph.models()
    morph.models.cache_clear()
