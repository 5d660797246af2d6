"""The documentation shows what the tool does: every XML example of docs/encoding.md is produced by the
converter, and every example message of schema/README.md is given by the validator.

An XML example is an excerpt. It is preceded by a comment naming where it comes from
(`<!-- example: encoded/NAME.xml -->`, or a transcription in `docs/examples/` with the convert options it needs),
and it must be found in that conversion: each element with its attributes, its elements in order (an excerpt may
leave siblings out), and the words of its innermost elements, where `…` stands for words left out.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from lxml import etree

from tei_cables.encode.publication import Publication
from tei_cables.pipeline import DEFAULT, convert_text
from tei_cables.validate import iter_findings

from .conftest import ROOT

DOCS = ROOT / "docs" / "encoding.md"
_EXAMPLE = re.compile(r"<!-- example: (?P<source>[^\n]*?) -->\n```xml\n(?P<xml>.*?)\n```", re.S)
_FENCE = re.compile(r"```xml\n")
TEI = "http://www.tei-c.org/ns/1.0"


def examples() -> list[tuple[str, str, str]]:
    text = DOCS.read_text(encoding="utf-8")
    return [(f"line {text.count(chr(10), 0, m.start()) + 2}", m["source"], m["xml"]) for m in _EXAMPLE.finditer(text)]


def test_every_xml_example_of_the_encoding_page_says_where_it_comes_from():
    text = DOCS.read_text(encoding="utf-8")
    assert len(_FENCE.findall(text)) == len(examples())


def _pattern(words: str) -> re.Pattern[str]:
    """Words with `…` for words left out, whitespace-insensitive."""
    parts = [re.escape(" ".join(p.split())) for p in words.split("…")]
    return re.compile(r"\s*" + r".*?".join(parts).replace(r"\ ", r"\s*") + r"\s*", re.S)


def _words(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _matches(example: etree._Element, found: etree._Element) -> bool:
    if example.tag != found.tag:
        return False
    for key, value in example.attrib.items():
        if found.get(key) is None or not _pattern(value).fullmatch(found.get(key)):
            return False
    children = [c for c in example if isinstance(c.tag, str)]
    if not children:
        return bool(_pattern(_words(example)).fullmatch(_words(found)))
    candidates = iter([c for c in found if isinstance(c.tag, str)])
    return all(any(_matches(child, c) for c in candidates) for child in children)


def _converted(source: str) -> bytes:
    """The TEI an example comes from: a committed encoding, or a transcription of docs/examples converted."""
    path, *options = shlex.split(source)
    if path.startswith("encoded/"):
        return (ROOT / path).read_bytes()
    settings = dict(zip(options[::2], options[1::2], strict=True))
    publication = Publication(DEFAULT.schema_href, DEFAULT.register_href, settings.get("--publisher"),
                              settings.get("--licence"), settings.get("--pub-date"))
    return convert_text((ROOT / path).read_text(encoding="utf-8"), Path(path).name, publication).tei


@pytest.mark.parametrize(("where", "source", "xml"), examples(), ids=[e[0] for e in examples()])
def test_each_xml_example_is_what_the_converter_writes(where, source, xml):
    data = _converted(source)
    pis = re.findall(r"<\?(.*?)\?>", xml)
    head = data[:2000].decode()
    for pi in pis:
        assert _pattern(pi).search(head), f"{where}: <?{pi}?> is not at the top of {source}"
    body = re.sub(r"<\?.*?\?>", "", xml)
    if not body.strip():
        return
    wrapper = etree.fromstring(f'<wrap xmlns="{TEI}" xmlns:xml="http://www.w3.org/XML/1998/namespace">{body}</wrap>',
                               etree.XMLParser(remove_comments=True))
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    for example in wrapper:
        if not isinstance(example.tag, str):
            continue
        assert any(_matches(example, el) for el in root.iter(example.tag)), (
            f"{where}: {etree.tostring(example, encoding='unicode')[:200]} is not in the conversion of {source}")


def _rule_examples() -> list[tuple[str, str]]:
    text = (ROOT / "schema" / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(CAB-[A-Z-]+)` \|.*\| `([^|]*)` \|$", text, re.M)
    return [(rule, example) for rule, example in rows if example.strip()]


def _all_findings() -> list:
    files = sorted((ROOT / "tests" / "fixtures" / "validate").glob("*.xml")) + sorted((ROOT / "encoded").glob("*.xml"))
    return [f for p in files for f in iter_findings(p)]


def test_every_rule_of_the_schema_readme_has_an_example():
    assert len(_rule_examples()) >= 20


@pytest.mark.parametrize(("rule", "example"), _rule_examples(), ids=[r for r, _ in _rule_examples()])
def test_each_rule_example_is_a_message_the_validator_gives(rule, example):
    pattern = _pattern(example.rstrip("…").rstrip() + "…" if example.endswith("…") else example)
    texts = [f.text for f in _findings() if f.rule_id == rule]
    assert any(pattern.fullmatch(t) for t in texts), f"{rule}: {example!r} not among {texts[:3]}"


_CACHE: list = []


def _findings() -> list:
    if not _CACHE:
        _CACHE.extend(_all_findings())
    return _CACHE


def test_the_stamp_types_the_encoding_page_lists_are_the_schemas():
    from .test_schema_vocabulary import vocabulary

    text = DOCS.read_text(encoding="utf-8")
    paragraph = text[text.index("Each stamp is one element"):text.index("The first `date/@when` in it")]
    assert set(re.findall(r"`([a-z-]+)`", paragraph)) - {"text"} == set(vocabulary("vocab.stamp"))


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "docs" / "examples").glob("*.txt")))
def test_the_examples_transcriptions_convert_to_valid_tei(name, tei_all):
    data = _converted(f"docs/examples/{name}")
    assert [f.text for f in iter_findings(data, name=name) if f.severity == "error"] == []
    assert tei_all.validate(etree.fromstring(data, etree.XMLParser(collect_ids=False))), tei_all.error_log
