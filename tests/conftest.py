"""Shared fixtures: paths to the shared development set and schemas, and a one-call converter."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from lxml import etree

from tei_cables.pipeline import convert_text

ROOT = Path(__file__).resolve().parent.parent
# What the project does not ship (the official TEI schema, the development set and its scorer) is found in the
# folder `shared/` beside the checkout, or where TEI_CABLES_SHARED points.
SHARED = Path(os.environ.get("TEI_CABLES_SHARED") or ROOT.parent / "shared")
TEI_NS = {"t": "http://www.tei-c.org/ns/1.0"}
_WHERE = ("put the project's shared folder (tei/, seeds/, gold/, real/, eval/) beside the checkout or set "
          "TEI_CABLES_SHARED to it; the TEI P5 schema tei_all.rng is published at "
          "https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng")


def shared(*parts: str) -> Path:
    """A file of the shared folder; where it is missing, the test skips saying where to get it (in CI it fails:
    CI always has the folder, and a skipped test there would hide a broken checkout)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} not found: {_WHERE}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """The official TEI P5 tei_all schema (loads in about five seconds, so once per session)."""
    return etree.RelaxNG(file=str(shared("tei", "p5-4.8.0", "tei_all.rng")))


_SKIPPED: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _SKIPPED.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI (`CI` set, as `.ci/run` and CI services do) a skipped test fails the run."""
    if os.environ.get("CI") and _SKIPPED and exitstatus == 0:
        session.exitstatus = 1
        print(f"\nCI: {len(_SKIPPED)} test(s) skipped, which CI does not allow: {', '.join(_SKIPPED[:5])}")


def message(sentence: str, *, russian: bool = False) -> str:
    """The smallest cable whose message is one paragraph around `sentence` (an address, the paragraph, a
    signature), in English or in Russian: what a test of the tagger's running text needs."""
    if russian:
        return f"Товарищу СТАЛИНУ\n\nДокладываю: {sentence} Положение на фронте без изменений.\n\nШТЫКОВ\n"
    return (f"To Comrade GROMYKO\n\nI report on the situation at the front as of this morning. {sentence} Our units "
            "are withdrawing to new lines of defence.\n\nSHTYKOV\n")


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
