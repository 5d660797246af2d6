"""The compiled cable rules find what ISO Schematron's reference implementation finds, and refuse what they do
not run.

`tei_cables/validate/schematron.py` compiles `schema/tei_cables.sch` to one XSLT that visits only the elements a
rule is about; `lxml.isoschematron` runs the same file the standard way. They must agree on every fixture and on
every bundled encoding: same rule ids, same elements, same messages.
"""

from __future__ import annotations

import pytest
from lxml import etree, isoschematron

from tei_cables.errors import DataError
from tei_cables.validate.schemas import RULES, schema_path
from tei_cables.validate.schematron import CompiledRules, compile_schematron
from tei_cables.validate.source import element_at

from .conftest import ROOT

SVRL = "{http://purl.oclc.org/dsdl/svrl}"
DOCUMENTS = sorted((ROOT / "tests" / "fixtures" / "validate").glob("*.xml")) + sorted((ROOT / "encoded").glob("*.xml"))
SCHEMA = etree.parse(str(schema_path(RULES)))
COMPILED = CompiledRules(SCHEMA)
REFERENCE = isoschematron.Schematron(SCHEMA, store_report=True)


def _parse(path):
    try:
        return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError:
        return None


def _reference(tree) -> list[tuple[str, str, str]]:
    REFERENCE.validate(tree)
    return sorted((n.get("id"), tree.getpath(element_at(tree, n.get("location"))),
                   " ".join(n.findtext(f"{SVRL}text").split()))
                  for n in REFERENCE.validation_report.iter(f"{SVRL}failed-assert", f"{SVRL}successful-report"))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_compiled_rules_find_what_the_reference_implementation_finds(path):
    tree = _parse(path)
    if tree is None:
        return  # not well-formed: neither engine sees it
    ours = sorted((f.rule_id, tree.getpath(f.element), f.message) for f in COMPILED(tree))
    assert ours == _reference(tree)


def test_the_fixtures_give_findings_to_compare():
    found = {f.rule_id for p in DOCUMENTS if (t := _parse(p)) is not None for f in COMPILED(t)}
    assert {"CAB-REF", "CAB-UNUSED", "CAB-WHEN", "CAB-STAMP-ORDER", "CAB-COPIES", "CAB-CORRESP-DATE"} <= found


def _schema(body: str) -> etree._Element:
    return etree.fromstring(f'<schema xmlns="http://purl.oclc.org/dsdl/schematron"><ns prefix="t" uri="urn:t"/>'
                            f"{body}</schema>")


def test_the_first_rule_of_a_pattern_that_matches_an_element_is_the_one_that_fires():
    rules = CompiledRules(etree.ElementTree(_schema(
        '<pattern><rule context="t:a[@x]"><report id="FIRST" test="true()">x</report></rule>'
        '<rule context="t:a"><report id="SECOND" test="true()">a</report></rule></pattern>')))
    tree = etree.ElementTree(etree.fromstring('<r xmlns="urn:t"><a x="1"/><a/></r>'))
    assert [(f.rule_id, f.element.get("x")) for f in rules(tree)] == [("FIRST", "1"), ("SECOND", None)]


def test_a_rule_about_attributes_is_run_by_selecting_its_context():
    rules = CompiledRules(etree.ElementTree(_schema(
        '<pattern><rule context="@when"><assert id="ISO" test="string-length(.) = 10">short: '
        '<value-of select="."/></assert></rule></pattern>')))
    tree = etree.ElementTree(etree.fromstring('<r xmlns="urn:t"><d when="1950"/><d when="1950-01-01"/></r>'))
    [failure] = rules(tree)
    assert (failure.rule_id, failure.message, failure.element.get("when")) == ("ISO", "short: 1950", "1950")


@pytest.mark.parametrize("body, named", [
    ('<phase id="quick"/>', "<phase>"),
    ('<pattern abstract="true" id="a"/>', "<pattern>"),
    ('<pattern><rule abstract="true" id="r"/></pattern>', "<rule>"),
    ('<pattern><rule context="t:a"><extends rule="r"/></rule></pattern>', "<extends>"),
    ('<pattern><rule context="t:a"><assert test="1">see <emph>this</emph></assert></rule></pattern>', "<emph>"),
])
def test_a_schematron_feature_the_engine_does_not_run_is_refused_with_its_name_and_line(body, named):
    with pytest.raises(DataError) as caught:
        compile_schematron(_schema(body), "rules.sch")
    assert str(caught.value).startswith(f"rules.sch:1: {named}")
