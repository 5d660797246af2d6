"""Shared fixtures: paths to the shared development set and schemas, and a one-call converter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from tei_cables.pipeline import convert_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TEI_NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """The official TEI P5 tei_all schema (loads in about five seconds, so once per session)."""
    return etree.RelaxNG(file=str(SHARED / "tei" / "p5-4.8.0" / "tei_all.rng"))


def tei_of(text: str, name: str = "cable.txt") -> etree._Element:
    """Convert a transcription given inline and parse the TEI it gives."""
    data = convert_text(text, name).tei
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def xp(root: etree._Element, path: str) -> list:
    """XPath with the TEI namespace bound to `t`."""
    return root.xpath(path, namespaces=TEI_NS)


def xml_text_words(tei: bytes) -> list[str]:
    """The words of a TEI document's text (case folded), as the scorer counts them to check nothing was lost."""
    root = etree.fromstring(tei, etree.XMLParser(resolve_entities=False, no_network=True))
    return re.findall(r"\w+", " ".join(root.itertext()).casefold())
