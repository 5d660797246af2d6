"""Each closed list of the schema has one source: the data files and the model. These tests say when they part.

The lists are the `vocab.*` defines of `schema/tei_cables.rng`. When a test here fails, a vocabulary was changed
in one place only: add the value to the other (the schema, or `tei_cables/data/…`), or remove it from both.
"""

from __future__ import annotations

from typing import get_args

import pytest

from tei_cables.model import StampType
from tei_cables.resources import load_data
from tei_cables.tag import register
from tei_cables.validate.schemas import grammar_document

RNG = "{http://relaxng.org/ns/structure/1.0}"


def vocabulary(name: str) -> list[str]:
    """The values of one `vocab.*` define, in their order."""
    define = grammar_document().getroot().find(f"{RNG}define[@name='{name}']")
    assert define is not None, f"schema/tei_cables.rng has no define {name!r}"
    return [v.text for v in define.iter(f"{RNG}value")]


def test_vocabularies_have_no_duplicates():
    for define in grammar_document().getroot().iter(f"{RNG}define"):
        if define.get("name").startswith("vocab."):
            values = vocabulary(define.get("name"))
            assert len(values) == len(set(values)), define.get("name")


def test_stamp_types_are_the_models_stamp_types():
    assert set(vocabulary("vocab.stamp")) == set(get_args(StampType))


def test_stamp_types_are_the_phrase_tables_types_and_those_the_reader_assigns():
    # sender-number and other are assigned by the reader.
    from_data = set(load_data("stamps.yaml")["types"])
    assert set(vocabulary("vocab.stamp")) == from_data | {"sender-number", "other"}


def test_archive_record_notes_are_the_header_fields_and_the_record_date():
    fields = {f["name"] for f in load_data("header.yaml")["fields"]}
    assert set(vocabulary("vocab.note.record")) == fields | {"record-date"}


def test_editorial_note_types_are_the_bracket_rules_and_those_the_reader_assigns():
    from_data = {r["type"] for r in load_data("brackets.yaml")["rules"] if r.get("type")}
    assert set(vocabulary("vocab.note.text")) == from_data | {"editorial", "gloss", "illegible"}


def test_variant_kinds_are_the_registers_kinds_and_attested():
    assert set(vocabulary("vocab.variant")) == set(register.VARIANT_KINDS) | {"attested"}


def test_authority_identifiers_are_the_registers_authority_keys():
    assert set(vocabulary("vocab.authority")) == set(register._AUTHORITY)


@pytest.mark.parametrize(("name", "values"), [
    ("vocab.correspAction", {"sent", "transmitted", "received"}),
    ("vocab.distribution", {"distribution", "distribution-translation"}),
    ("vocab.cert", {"low", "medium", "high"}),
    ("vocab.div", {"cipher-form", "message", "enclosure"}),
    ("vocab.part", {"original", "translation"}),
])
def test_fixed_vocabularies_are_those_of_the_encoding(name, values):
    assert set(vocabulary(name)) == values
