"""`tei-cables validate --schema FILE`: TEI checked against any schema a project uses (RELAX NG, W3C XML Schema,
ISO Schematron), with the same file:line:column findings and output formats as the cable schema."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tei_cables.cli import main

from .conftest import ROOT, shared

TEI_NS = "http://www.tei-c.org/ns/1.0"
DOC = f'<TEI xmlns="{TEI_NS}">\n  <teiHeader/>\n  <text/>\n</TEI>\n'
RNG = f"""<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="{TEI_NS}">
  <start><element name="TEI"><element name="teiHeader"><empty/></element></element></start>
</grammar>"""
XSD = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{TEI_NS}"
    elementFormDefault="qualified">
  <xs:element name="TEI"><xs:complexType><xs:sequence>
    <xs:element name="teiHeader"><xs:complexType/></xs:element>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>"""
SCH = f"""<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">
  <ns prefix="tei" uri="{TEI_NS}"/>
  <pattern><rule context="tei:text"><assert id="HOUSE-TEXT" test="*">is empty</assert></rule></pattern>
</schema>"""


def validate(tmp_path: Path, schema: str, suffix: str, *args: str):
    (tmp_path / "doc.xml").write_text(DOC, encoding="utf-8")
    (tmp_path / f"house{suffix}").write_text(schema, encoding="utf-8")
    return CliRunner().invoke(main, ["validate", str(tmp_path / "doc.xml"), "--schema",
                                     str(tmp_path / f"house{suffix}"), *args])


def test_relax_ng_findings_name_file_line_column_and_schema(tmp_path: Path):
    result = validate(tmp_path, RNG, ".rng")
    assert result.exit_code == 1
    assert (f"{tmp_path / 'doc.xml'}:3:3: error [RNG:house.rng]: <text/> does not fit house.rng (RELAX NG): "
            "Did not expect element text there") in result.output


def test_xml_schema_is_checked_with_xmlschema(tmp_path: Path):
    result = validate(tmp_path, XSD, ".xsd")
    assert result.exit_code == 1
    line = next(x for x in result.output.splitlines() if "[XSD:house.xsd]" in x)
    assert line.startswith(f"{tmp_path / 'doc.xml'}:1:1: error [XSD:house.xsd]: <TEI xmlns=")
    assert "Unexpected child with tag '{http://www.tei-c.org/ns/1.0}text'" in line


def test_schematron_rules_keep_their_ids(tmp_path: Path):
    result = validate(tmp_path, SCH, ".sch")
    assert result.exit_code == 1
    assert f"{tmp_path / 'doc.xml'}:3:3: error [HOUSE-TEXT]: <text/> is empty" in result.output


def test_other_schemas_use_the_same_output_formats(tmp_path: Path):
    result = validate(tmp_path, RNG, ".rng", "--format", "json")
    finding = json.loads(result.stdout)["files"][0]["findings"][0]
    assert (finding["rule_id"], finding["line"], finding["column"]) == ("RNG:house.rng", 3, 3)


def test_a_file_of_another_kind_is_refused_with_exit_code_2(tmp_path: Path):
    result = validate(tmp_path, "element TEI { empty }", ".rnc")
    assert result.exit_code == 2
    assert "not a schema this tool reads" in result.output and "house.rnc" in result.output


def test_a_schema_that_does_not_compile_is_refused_with_exit_code_2(tmp_path: Path):
    result = validate(tmp_path, "<grammar xmlns='http://relaxng.org/ns/structure/1.0'/>", ".rng")
    assert result.exit_code == 2
    assert "cannot be read as RELAX NG" in result.output


def test_the_official_tei_all_xsd_accepts_the_bundled_encoding_and_finds_a_stray_element():
    xsd = shared("tei", "p5-4.8.0", "tei_all.xsd")
    good = CliRunner().invoke(main, ["validate", str(ROOT / "encoded"), "--schema", str(xsd)])
    assert good.exit_code == 0, good.output
    bad = CliRunner().invoke(main, ["validate", str(ROOT / "tests" / "fixtures" / "validate" / "element-unknown.xml"),
                                    "--schema", str(xsd)])
    assert bad.exit_code == 1
    line = next(x for x in bad.output.splitlines() if "[XSD:tei_all.xsd]" in x)
    assert "element-unknown.xml:107:9: error [XSD:tei_all.xsd]: <p> does not fit tei_all.xsd" in line
    assert "Unexpected child with tag '{http://www.tei-c.org/ns/1.0}cipherGroup'" in line
