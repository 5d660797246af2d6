"""The authority register and its data files: loaded by code that checks them, so a slip in the data is an error
that names the file, not a silent miss."""

from __future__ import annotations

import re

import pytest

from tei_cables.errors import DataError
from tei_cables.tag import morph
from tei_cables.tag.register import Entry, Variant, check_shared_variants, load_register


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


def _person(entry_id: str, *variants: Variant) -> Entry:
    return Entry(entry_id, "person", entry_id, "person", "", variants)


def test_a_variant_shared_by_two_entries_is_refused_unless_both_mark_it_ambiguous():
    a = _person("pers_a", Variant("Kuznetsov", "surname"))
    b = _person("pers_b", Variant("Kuznetsov", "surname", ambiguous=True))
    with pytest.raises(DataError, match="kuznetsov"):
        check_shared_variants({"pers_a": a, "pers_b": b})


def test_a_variant_both_entries_mark_ambiguous_is_allowed():
    a = _person("pers_a", Variant("Kuznetsov", "surname", ambiguous=True))
    b = _person("pers_b", Variant("KUZNETSOV", "surname", ambiguous=True))
    check_shared_variants({"pers_a": a, "pers_b": b})


def test_the_shipped_register_shares_no_variant_without_marking_it():
    check_shared_variants(load_register().entries)


def test_the_committed_register_export_is_fresh():
    from tei_cables.encode.register import register_tei

    from .conftest import ROOT

    assert (ROOT / "register" / "register.xml").read_bytes() == register_tei(), \
        "register/register.xml is stale: run tei-cables register export -o register/register.xml"


def test_the_register_export_is_valid_tei_with_every_variant(tei_all):
    from lxml import etree

    from tei_cables.encode.register import register_tei

    doc = etree.ElementTree(etree.fromstring(register_tei(), etree.XMLParser(collect_ids=False)))
    assert tei_all.validate(doc), tei_all.error_log
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    stalin = doc.xpath("//t:person[@xml:id='pers_stalin']/t:persName/text()", namespaces=ns)
    assert "Filippov" in stalin and "Сталин" in stalin
