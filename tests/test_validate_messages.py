"""A hand-broken cable is rejected with messages a person can act on: file, line, column, the element, the value.

The broken copy is made from a converted cable (the committed `encoded/`, or a fresh conversion of `sources/`),
as an editor would break it in an XML editor.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_cables.cli import main
from tei_cables.validate import iter_findings
from tei_cables.validate.findings import Finding
from tei_cables.validate.source import SourceMap

from .test_schema_subset import FIXTURES, encoded_files

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning) \[(?P<rule>[A-Z-]+)\]: "
                  r"(?P<text>.+)$")


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    """A converted cable with a dangling ref, an unknown element, 31 February and a duplicate xml:id.

    Returns the file and, for each break, the line it is on.
    """
    source = encoded_files(tmp_path_factory)[0]
    text = source.read_text(encoding="utf-8")
    body = text.index("<text")
    # a name in the text pointing nowhere
    ref = re.compile(r'ref="#[^"]+"').search(text, body)
    text = text[:ref.start()] + 'ref="#p_foo"' + text[ref.end():]
    # an element the encoding does not know, at the start of the first paragraph of the text
    p = text.index("<p>", body)
    text = text[:p + 3] + "<cipherGroup>48213</cipherGroup>" + text[p + 3:]
    # a day that does not exist
    when = re.compile(r'when="\d{4}-\d\d-\d\d').search(text, body)
    text = text[:when.start()] + 'when="1950-02-31' + text[when.end():]
    # the second register entry takes the first one's id
    ids = re.findall(r'<person xml:id="([^"]+)"', text)
    second = text.index(f'<person xml:id="{ids[1]}"')
    text = text[:second] + text[second:].replace(ids[1], ids[0], 1)
    lines = text.splitlines()

    def line_of(marker: str, start: int = 0) -> int:
        return next(n for n, line in enumerate(lines, 1) if n > start and marker in line)

    where = {"CAB-REF": line_of('ref="#p_foo"'), "CAB-SCHEMA-ELEMENT": line_of("<cipherGroup>"),
             "CAB-WHEN": line_of('when="1950-02-31'),
             "CAB-ID-UNIQUE": line_of(f'<person xml:id="{ids[0]}"', line_of(f'<person xml:id="{ids[0]}"'))}
    path = tmp_path_factory.mktemp("broken") / "broken.xml"
    path.write_text(text, encoding="utf-8")
    return path, where


def test_each_break_is_an_error_at_its_own_line(broken):
    path, where = broken
    found = {(f.rule_id, f.line) for f in iter_findings(path) if f.severity == "error"}
    for rule, line in where.items():
        assert (rule, line) in found, (rule, line, sorted(found))


def test_the_text_lines_name_file_line_column_the_element_and_the_bad_value(broken):
    path, where = broken
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    matches = [m for m in map(LINE.match, result.stdout.splitlines()) if m and m["severity"] == "error"]
    lines = {m["rule"]: m for m in matches if int(m["line"]) == where.get(m["rule"])}
    assert set(lines) == set(where), result.stdout
    assert lines["CAB-REF"]["text"].startswith('<persName ref="#p_foo"') or '"#p_foo"' in lines["CAB-REF"]["text"]
    assert '"#p_foo"' in lines["CAB-REF"]["text"] and "register" in lines["CAB-REF"]["text"]
    assert lines["CAB-SCHEMA-ELEMENT"]["text"].startswith("<cipherGroup> is not part of the cable encoding")
    assert 'when="1950-02-31' in lines["CAB-WHEN"]["text"]
    assert "is already used" in lines["CAB-ID-UNIQUE"]["text"]
    assert all(m["file"] == str(path) and int(m["col"]) >= 1 for m in lines.values())


def test_the_column_is_where_the_start_tag_opens():
    finding = next(iter_findings(FIXTURES / "ref-dangling.xml"))
    line = (FIXTURES / "ref-dangling.xml").read_text(encoding="utf-8").splitlines()[finding.line - 1]
    assert line.index('<persName ref="#p_foo">') + 1 == finding.column
    assert finding.element == '<persName ref="#p_foo">'
    assert finding.xpath == "/tei:TEI/tei:text/tei:body/tei:div[2]/tei:closer/tei:signed/tei:persName"


def test_the_rule_message_reads_on_from_the_element():
    finding = next(iter_findings(FIXTURES / "ref-dangling.xml"))
    assert finding.text == ('<persName ref="#p_foo"> points at no register entry ("#p_foo") — add it to '
                            "<listPerson> or fix the ref")


def test_a_start_tag_over_several_lines_is_shown_on_one():
    text = (FIXTURES / "ref-dangling.xml").read_text(encoding="utf-8")
    text = text.replace('<persName ref="#p_foo">', '<persName\n            ref="#p_foo">')
    finding = next(iter_findings(text.encode(), name="x.xml"))
    assert finding.element == '<persName ref="#p_foo">'
    assert finding.line == text.splitlines().index("          <signed><persName") + 1


def test_an_unknown_stamp_type_lists_the_types_the_encoding_knows():
    finding = next(iter_findings(FIXTURES / "stamp-subtype-unknown.xml"))
    assert finding.element == '<ab type="stamp" subtype="decoded">'
    assert finding.message.startswith('subtype="decoded" is not allowed here — use one of: sent, received, arrived')


def test_a_name_without_ref_is_told_to_point_at_the_register():
    finding = next(iter_findings(FIXTURES / "name-without-ref.xml"))
    assert finding.text.startswith("<persName> lacks ref, which the encoding requires on <persName> here")
    assert '"#id"' in finding.message


def test_an_element_in_the_wrong_place_is_told_where_it_belongs():
    finding = next(iter_findings(FIXTURES / "element-misplaced.xml"))
    assert finding.text == ("<closer> is not allowed inside <p> — the encoding puts <closer> inside <div>; move or "
                            "remove it")


def test_words_straight_inside_a_div_are_quoted():
    finding = next(iter_findings(FIXTURES / "text-in-div.xml"))
    assert '"Page 2"' in finding.message


def test_children_out_of_order_show_what_the_element_holds():
    finding = next(iter_findings(FIXTURES / "content-out-of-order.xml"))
    assert finding.element == '<div type="message">'
    assert "<div> holds: (opener | pb | note | fw)*" in finding.message


def test_a_duplicate_id_names_the_earlier_element():
    finding = next(iter_findings(FIXTURES / "id-duplicate.xml"))
    assert finding.text.startswith('<place xml:id="place_moscow" type="city"> xml:id="place_moscow" is already used '
                                   "by an earlier <place>")


def test_a_file_not_well_formed_gives_the_parsers_line_and_column():
    finding = next(iter_findings(FIXTURES / "not-well-formed.xml"))
    assert (finding.rule_id, finding.line) == ("CAB-XML", 107)
    assert finding.column is not None
    assert "Opening and ending tag mismatch" in finding.message


@pytest.mark.parametrize("name", ["entity-bomb.xml", "xxe.xml"])
def test_a_hostile_file_is_refused_with_one_finding(name):
    findings = list(iter_findings(FIXTURES / name))
    assert [f.rule_id for f in findings] == ["CAB-XML-UNSAFE"]
    assert findings[0].unreadable
    assert "<!ENTITY" in findings[0].message


def test_a_missing_file_is_one_finding():
    findings = list(iter_findings(Path("no/such/file.xml")))
    assert [(f.rule_id, f.file, f.line) for f in findings] == [("CAB-READ", "no/such/file.xml", None)]


def test_what_only_the_whole_document_check_sees_is_still_reported(monkeypatch):
    # The element-by-element walk explains everything the grammar rejects; should it ever find nothing, the
    # validator's own words are reported rather than a silent pass.
    from tei_cables.validate import grammar

    monkeypatch.setattr(grammar._Walk, "document", lambda self, root: [])
    findings = list(iter_findings(FIXTURES / "element-unknown.xml"))
    assert [f.rule_id for f in findings] == ["CAB-SCHEMA"]
    assert "the validator says" in findings[0].message


def test_a_finding_is_a_plain_value():
    f = Finding("CAB-REF", "error", "x.xml", "points at no register entry", line=3, column=5)
    assert f.as_dict() == {"rule_id": "CAB-REF", "severity": "error", "file": "x.xml", "line": 3, "column": 5,
                           "xpath": None, "element": None, "message": "points at no register entry"}


def test_the_column_skips_comments_cdata_instructions_and_a_quoted_greater_than():
    data = (b'<?xml version="1.0"?>\n<?xml-model href="x.rng"?>\n<r><!-- <a> --><![CDATA[<a>]]><?pi <a>?>'
            b'<b n="1 > 0"/><a/></r>')
    tree = etree.ElementTree(etree.fromstring(data))
    smap = SourceMap(data, tree)
    assert smap.position(tree.find("a")) == (3, data.split(b"\n")[2].index(b"<a/>") + 1)
    assert smap.start_tag(tree.find("b")) == '<b n="1 > 0"/>'


def test_a_long_file_gives_the_same_line_and_column():
    """Past 100,000 characters the lines are looked up in a table of where they start instead of counted."""
    filler = "".join(f"<p>{'x' * 60}</p>\n" for _ in range(2_000))
    data = f'<?xml version="1.0"?>\n<r>\n{filler}  <a/><b/>\n</r>'.encode()
    tree = etree.ElementTree(etree.fromstring(data))
    smap = SourceMap(data, tree)
    assert len(data) > 100_000
    assert smap.position(tree.find("a")) == (2_003, 3) and smap.position(tree.find("b")) == (2_003, 7)
