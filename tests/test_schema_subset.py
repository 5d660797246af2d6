"""The customisation is a strict subset of TEI: whatever `schema/tei_cables.rng` accepts, tei_all accepts too.

Checked three ways: on the valid fixtures, on the converted corpus, and on documents generated at random from
the project's grammar itself, so that a content model written looser than TEI's is caught even where no fixture
happens to use it.
"""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest
from lxml import etree

from tei_cables.pipeline import convert_bytes
from tei_cables.safexml import parse_bytes
from tei_cables.validate.schemas import grammar, grammar_document

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "validate"
VALID_FIXTURES = ["cable-valid.xml", "bilingual-valid.xml", "when-real-dates.xml",
                  "stamps-in-order-across-time-zones.xml", "copies-not-adding-up.xml", "entry-unlinked.xml",
                  "stamps-received-before-sent.xml", "stamps-received-before-sent-in-utc.xml",
                  "stamps-typed-before-deciphered.xml"]
RNG = "{http://relaxng.org/ns/structure/1.0}"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
GENERATED = 300


def parse(path: Path) -> etree._ElementTree:
    return parse_bytes(path.read_bytes(), str(path))


def encoded_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The committed `encoded/` files, or a fresh conversion of `sources/` when none are committed yet."""
    committed = sorted((ROOT / "encoded").glob("*.xml"))
    if committed:
        return committed
    out = tmp_path_factory.mktemp("encoded")
    for src in sorted((ROOT / "sources").glob("*.txt")):
        (out / f"{src.stem}.xml").write_bytes(convert_bytes(src.read_bytes(), src.name).tei)
    return sorted(out.glob("*.xml"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return encoded_files(tmp_path_factory)


@pytest.mark.parametrize("name", VALID_FIXTURES)
def test_valid_fixture_is_valid_against_the_project_schema_and_tei_all(name, tei_all):
    doc = parse(FIXTURES / name)
    assert grammar().validate(doc), grammar().error_log
    assert tei_all.validate(doc), tei_all.error_log


def test_every_converted_cable_is_valid_against_the_project_schema_and_tei_all(corpus, tei_all):
    assert corpus
    for path in corpus:
        doc = parse(path)
        assert grammar().validate(doc), f"{path.name}: {grammar().error_log}"
        assert tei_all.validate(doc), f"{path.name}: {tei_all.error_log}"


def test_documents_generated_from_the_project_grammar_are_valid_tei(tei_all):
    generator = Generator(grammar_document().getroot())
    for seed in range(GENERATED):
        doc = etree.ElementTree(generator.document(seed))
        text = etree.tostring(doc, pretty_print=True, encoding="unicode")
        assert grammar().validate(doc), f"generator bug, seed {seed}: {grammar().error_log}\n{text}"
        assert tei_all.validate(doc), f"looser than TEI, seed {seed}: {tei_all.error_log}\n{text}"


class Generator:
    """Random instances of a RELAX NG grammar (the constructs `tei_cables.rng` uses), to depth `limit`.

    Optional and repeated parts are taken at random until the limit, then left out, so every document is finite;
    attribute values are drawn from each datatype (real calendar dates, unique ids).
    """

    def __init__(self, grammar_root: etree._Element, limit: int = 12) -> None:
        self.defines = {d.get("name"): d for d in grammar_root.iter(f"{RNG}define")}
        self.start = grammar_root.find(f"{RNG}start")
        self.ns = grammar_root.get("ns")
        self.limit = limit

    def document(self, seed: int) -> etree._Element:
        self.rnd = random.Random(seed)
        self.ids = 0
        holder = etree.Element("holder")
        self.fill(holder, self.start, 0)
        return holder[0]

    def fill(self, target: etree._Element, node: etree._Element, depth: int) -> None:
        for child in node:
            if isinstance(child.tag, str) and child.tag.startswith(RNG):
                self.pattern(target, child, depth)

    def pattern(self, target: etree._Element, node: etree._Element, depth: int) -> None:
        kind = etree.QName(node).localname
        deep = depth >= self.limit
        if kind == "element":
            el = etree.SubElement(target, f"{{{node.get('ns', self.ns)}}}{node.get('name')}", nsmap={None: TEI_NS})
            self.fill(el, node, depth + 1)
        elif kind == "attribute":
            name = node.get("name")
            key = f"{{{XML_NS}}}{name[4:]}" if name.startswith("xml:") else name
            target.set(key, self.value(node))
        elif kind in {"group", "interleave"}:
            self.fill(target, node, depth)
        elif kind == "mixed":
            self.text(target)
            self.fill(target, node, depth)
            self.text(target)
        elif kind == "ref":
            self.fill(target, self.defines[node.get("name")], depth)
        elif kind == "text":
            self.text(target)
        elif kind == "choice":
            options = [c for c in node if isinstance(c.tag, str) and c.tag.startswith(RNG)]
            self.pattern(target, self.rnd.choice(options), depth)
        elif kind == "optional":
            if not deep and self.rnd.random() < 0.6:
                self.fill(target, node, depth)
        elif kind in {"zeroOrMore", "oneOrMore"}:
            low = 1 if kind == "oneOrMore" else 0
            for _ in range(low if deep else self.rnd.randint(low, 3)):
                self.fill(target, node, depth)

    def text(self, target: etree._Element) -> None:
        word = self.rnd.choice(["", "Stalin", " 30.9.50 ", "Экз. № 1", "[sic]"])
        if len(target):
            target[-1].tail = (target[-1].tail or "") + word
        else:
            target.text = (target.text or "") + word

    def value(self, node: etree._Element) -> str:
        """A value for the content of an attribute pattern."""
        options = self.values(node)
        return self.rnd.choice(options)()

    def values(self, node: etree._Element) -> list:
        out = []
        for child in node:
            if not isinstance(child.tag, str) or not child.tag.startswith(RNG):
                continue
            kind = etree.QName(child).localname
            if kind == "value":
                out.append(lambda v=child.text: v)
            elif kind == "data":
                out.append(lambda d=child: self.datum(d))
            elif kind == "text":
                out.append(lambda: "1")
            elif kind == "ref":
                out += self.values(self.defines[child.get("name")])
            else:
                out += self.values(child)
        return out

    def datum(self, data: etree._Element) -> str:
        rnd = self.rnd
        kind = data.get("type")
        pattern = data.findtext(f"{RNG}param[@name='pattern']") or ""
        year, month = rnd.randint(1900, 1999), rnd.randint(1, 12)
        day = rnd.randint(1, [31, 29 if year % 4 == 0 and year != 1900 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
                              31][month - 1])
        clock = f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}"
        zone = rnd.choice(["", "Z", "+09:00", "-05:00"])
        if kind == "ID":
            self.ids += 1
            return f"id_{self.ids}"
        if kind == "anyURI":
            if pattern.startswith("register:"):
                return "register:pers_x"
            return "#" + rnd.choice(string.ascii_lowercase) + "_x" if pattern.startswith("#") else "https://example.org/a"
        return {
            "date": f"{year}-{month:02d}-{day:02d}",
            "dateTime": f"{year}-{month:02d}-{day:02d}T{clock}{zone}",
            "gYear": str(year),
            "gYearMonth": f"{year}-{month:02d}",
            "gMonthDay": f"--{month:02d}-{min(day, 28):02d}",
            "time": clock + zone,
            "language": rnd.choice(["en", "ru", "ko"]),
            "nonNegativeInteger": str(rnd.randint(0, 12)),
            "token": "0.1.0" if pattern.startswith("[\\d]") else rnd.choice(["city", "wikidata", "delo"]),
        }[kind]
