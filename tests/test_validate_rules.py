"""Every rule fires on its failing fixture, with exactly the expected rule id, and stays silent on a valid one.

Fixtures are in `tests/fixtures/validate/`: `cable-valid.xml` is a small valid cable, and every other file is a
copy of it broken in one way, named for the way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_cables.validate import iter_findings

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "validate"
BASE = (FIXTURES / "cable-valid.xml").read_text(encoding="utf-8")

# failing fixture → the rule ids it gives, all errors unless listed in WARNINGS
FAILING = {
    # the rules (schema/tei_cables.sch)
    "ref-dangling.xml": {"CAB-REF"},
    "ref-wrong-kind.xml": {"CAB-REF-KIND"},
    "entry-unused.xml": {"CAB-UNUSED"},
    "resp-dangling.xml": {"CAB-RESP"},
    "corresp-dangling.xml": {"CAB-CORRESP"},
    "id-duplicate.xml": {"CAB-ID-UNIQUE"},
    "when-february-31.xml": {"CAB-WHEN"},
    "when-not-a-leap-year.xml": {"CAB-WHEN"},
    "when-month-13.xml": {"CAB-WHEN"},
    "when-not-iso.xml": {"CAB-WHEN"},
    "time-hour-25.xml": {"CAB-WHEN"},
    "telegram-twice.xml": {"CAB-TELEGRAM-ONE"},
    "sent-missing.xml": {"CAB-SENT"},
    "stamps-received-before-sent.xml": {"CAB-STAMP-ORDER"},
    "stamps-received-before-sent-in-utc.xml": {"CAB-STAMP-ORDER"},
    "stamps-typed-before-deciphered.xml": {"CAB-STAMP-ORDER"},
    "stamps-arrived-before-sent.xml": {"CAB-STAMP-ORDER"},
    "header-sent-in-another-year.xml": {"CAB-CORRESP-DATE"},
    "header-sender-another-person.xml": {"CAB-CORRESP-SENDER"},
    "copies-not-adding-up.xml": {"CAB-COPIES"},
    "entry-unlinked.xml": {"CAB-UNLINKED"},
    # the grammar (schema/tei_cables.rng)
    "element-unknown.xml": {"CAB-SCHEMA-ELEMENT"},
    "element-misplaced.xml": {"CAB-SCHEMA-ELEMENT"},
    "element-not-tei.xml": {"CAB-SCHEMA-ELEMENT"},
    "attribute-unknown.xml": {"CAB-SCHEMA-ATTRIBUTE"},
    "stamp-subtype-unknown.xml": {"CAB-SCHEMA-VALUE"},
    "cert-unknown.xml": {"CAB-SCHEMA-VALUE"},
    "name-without-ref.xml": {"CAB-SCHEMA-REQUIRED"},
    "date-without-when.xml": {"CAB-SCHEMA-REQUIRED"},
    "text-in-div.xml": {"CAB-SCHEMA-TEXT"},
    "content-out-of-order.xml": {"CAB-SCHEMA-CONTENT"},
    # reading the file
    "not-well-formed.xml": {"CAB-XML"},
    "entity-bomb.xml": {"CAB-XML-UNSAFE"},
    "xxe.xml": {"CAB-XML-UNSAFE"},
}
WARNINGS = {"CAB-STAMP-ORDER", "CAB-COPIES", "CAB-UNLINKED", "CAB-SENT", "CAB-CORRESP-DATE", "CAB-CORRESP-SENDER"}

# rule id → the fixture on which it must stay silent (a valid file, with no finding at all)
PASSING = {
    "CAB-REF": "cable-valid.xml",
    "CAB-REF-KIND": "cable-valid.xml",
    "CAB-UNUSED": "cable-valid.xml",
    "CAB-RESP": "cable-valid.xml",
    "CAB-CORRESP": "bilingual-valid.xml",
    "CAB-ID-UNIQUE": "bilingual-valid.xml",
    "CAB-WHEN": "when-real-dates.xml",
    "CAB-TELEGRAM-ONE": "cable-valid.xml",
    "CAB-SENT": "cable-valid.xml",
    "CAB-STAMP-ORDER": "stamps-in-order-across-time-zones.xml",
    "CAB-CORRESP-DATE": "cable-valid.xml",
    "CAB-CORRESP-SENDER": "cable-valid.xml",
    "CAB-COPIES": "cable-valid.xml",
    "CAB-UNLINKED": "cable-valid.xml",
    "CAB-SCHEMA-ELEMENT": "cable-valid.xml",
    "CAB-SCHEMA-ATTRIBUTE": "cable-valid.xml",
    "CAB-SCHEMA-VALUE": "cable-valid.xml",
    "CAB-SCHEMA-REQUIRED": "cable-valid.xml",
    "CAB-SCHEMA-TEXT": "cable-valid.xml",
    "CAB-SCHEMA-CONTENT": "cable-valid.xml",
    "CAB-XML": "cable-valid.xml",
    "CAB-XML-UNSAFE": "cable-valid.xml",
}


def rule_ids(path: Path) -> set[str]:
    return {f.rule_id for f in iter_findings(path)}


@pytest.mark.parametrize(("name", "expected"), sorted(FAILING.items()))
def test_failing_fixture_gives_exactly_its_rule(name, expected):
    assert rule_ids(FIXTURES / name) == expected


@pytest.mark.parametrize(("name", "expected"), sorted(FAILING.items()))
def test_failing_fixture_has_the_rules_severity(name, expected):
    severities = {f.severity for f in iter_findings(FIXTURES / name)}
    assert severities == {"warning" if expected <= WARNINGS else "error"}


@pytest.mark.parametrize(("rule", "name"), sorted(PASSING.items()))
def test_passing_fixture_gives_no_finding(rule, name):
    assert list(iter_findings(FIXTURES / name)) == []


def test_every_rule_has_a_failing_and_a_passing_fixture():
    fired = set().union(*FAILING.values())
    assert fired == set(PASSING)


def test_every_fixture_is_listed():
    listed = set(FAILING) | set(PASSING.values())
    assert {p.name for p in FIXTURES.glob("*.xml")} == listed


def with_when(value: str, element: str = "date") -> bytes:
    """The valid cable with the closer's date given another @when."""
    old = '<date when="1950-10-09">9 October 1950</date>'
    assert old in BASE
    return BASE.replace(old, f'<{element} when="{value}">9 October 1950</{element}>').encode()


@pytest.mark.parametrize("value", ["1952-02-29", "2000-02-29", "1950-12-31", "1950-04-30", "1950-09", "1950",
                                   "--02-29", "--12-31", "1950-09-30T23:59:59", "1950-09-30T20:35:00+09:00",
                                   "1950-09-30T00:00:00Z"])
def test_a_real_date_passes(value):
    assert [f.rule_id for f in iter_findings(with_when(value), name="x.xml")] == []


@pytest.mark.parametrize("value", ["1950-02-29", "1900-02-29", "1950-02-30", "1950-04-31", "1950-09-31", "1950-00-10",
                                   "1950-13", "1950-09-00", "--02-30", "--13-01", "1950-09-30T24:30:00",
                                   "1950-09-30T20:60:00", "30.9.50", "1950-9-30", "September 1950", ""])
def test_a_date_that_does_not_exist_fails_with_its_value_quoted(value):
    findings = list(iter_findings(with_when(value), name="x.xml"))
    assert [f.rule_id for f in findings] == ["CAB-WHEN"]
    assert f'when="{value}"' in findings[0].message


@pytest.mark.parametrize("value", ["00:00:00", "23:59:59", "20:35:00+09:00"])
def test_a_real_time_passes(value):
    assert list(iter_findings(with_when(value, "time"), name="x.xml")) == []


@pytest.mark.parametrize("value", ["24:01:00", "12:60:00", "20.35"])
def test_a_time_that_does_not_exist_fails(value):
    assert [f.rule_id for f in iter_findings(with_when(value, "time"), name="x.xml")] == ["CAB-WHEN"]


SENT = '<ab type="stamp" subtype="sent">Sent on <date when="1950-10-09T07:05:00">'
RECEIVED = '<date when="1950-10-09T09:38:00">10/09/50 at 9:38 a.m.</date></ab>'


def stamps(sent: str, received: str) -> bytes:
    """The valid cable with other times on its sent and received stamps (and its header, which agrees with them),
    and no deciphered or typed stamp."""
    assert SENT in BASE and RECEIVED in BASE
    text = BASE.replace(SENT, SENT.replace("1950-10-09T07:05:00", sent))
    text = text.replace(RECEIVED, RECEIVED.replace("1950-10-09T09:38:00", received))
    text = text.replace('<date when="1950-10-09T07:05:00">10/09/50', f'<date when="{sent}">10/09/50', 1)
    text = text.replace('<date when="1950-10-09T09:38:00">10/09/50', f'<date when="{received}">10/09/50', 1)
    return "".join(line for line in text.splitlines(keepends=True)
                   if 'subtype="deciphered"' not in line and 'subtype="typed"' not in line).encode()


@pytest.mark.parametrize(("sent", "received"), [
    ("1950-10-09T07:05:00", "1950-10-09T07:05:00"),  # the same minute
    ("1950-10-09T07:05:00", "1950-10-08T19:05:00"),  # 12 hours earlier: a time-zone difference at most
    ("1950-10-08T23:50:00", "1950-10-09T00:10:00"),  # over midnight
    ("1952-02-28T23:00:00", "1952-03-01T00:30:00"),  # over a leap day
    ("1949-12-31T23:50:00", "1950-01-01T00:10:00"),  # over the new year
    ("1950-10-09T07:05:00+09:00", "1950-10-09T01:10:00+03:00"),  # in UTC: 22:05 before 22:10
    ("1950-10-09", "1950-10-08T09:38:00"),  # a sent date without a time is not compared
])
def test_stamps_in_order_give_no_warning(sent, received):
    assert list(iter_findings(stamps(sent, received), name="x.xml")) == []


@pytest.mark.parametrize(("sent", "received"), [
    ("1950-10-09T07:05:00", "1950-10-08T19:04:00"),  # 12 hours and a minute earlier
    ("1950-10-09T07:05:00", "1950-09-09T09:38:00"),  # a month earlier
    ("1952-03-01T00:30:00", "1952-02-28T12:00:00"),  # across the leap day
    ("1950-10-09T07:05:00+09:00", "1950-10-09T01:00:00+03:00"),  # in UTC: 22:00 before 22:05
])
def test_received_before_sent_is_a_warning(sent, received):
    findings = list(iter_findings(stamps(sent, received), name="x.xml"))
    assert [(f.rule_id, f.severity) for f in findings] == [("CAB-STAMP-ORDER", "warning")]
    assert received in findings[0].message and sent in findings[0].message


def test_a_stamp_inside_a_quoted_letter_is_not_compared_with_the_cables_own():
    quoted = ('<floatingText type="enclosure"><body><div type="cipher-form">'
              '<ab type="stamp" subtype="received">Received <date when="1950-01-01T00:00:00">1.1.50</date></ab>'
              "</div></body></floatingText>")
    text = BASE.replace("<p>I transmit", quoted + "<p>I transmit")
    assert list(iter_findings(text.encode(), name="x.xml")) == []


@pytest.mark.parametrize(("total", "copies", "warned"), [(3, 2, False), (4, 2, True), (2, 2, True), (4, 3, False)])
def test_copies_must_add_up_to_the_stated_total_counting_an_item_without_num_as_one(total, copies, warned):
    text = BASE.replace('<num type="total" value="3">3</num>', f'<num type="total" value="{total}">{total}</num>')
    text = text.replace('<num type="copies" value="2">2</num>', f'<num type="copies" value="{copies}">{copies}</num>')
    findings = list(iter_findings(text.encode(), name="x.xml"))
    assert [f.rule_id for f in findings] == (["CAB-COPIES"] if warned else [])
