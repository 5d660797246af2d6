"""The whole conversion, stage by stage: bytes → text → model → tagged model → TEI bytes.

This is the only module that strings the stages together; `cli.py` calls it, and so do the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tei_cables.encode.document import build_tei, serialize
from tei_cables.encode.publication import DEFAULT, Publication
from tei_cables.errors import TeiCablesError
from tei_cables.fingerprint import add_fingerprint
from tei_cables.model import Cable, Warning_
from tei_cables.read import read_cable
from tei_cables.read.source import checked_text, decode
from tei_cables.tag import tag_cable


@dataclass(frozen=True)
class Converted:
    """The TEI of one source and what the user should hear about it."""

    tei: bytes
    cable: Cable
    warnings: tuple[Warning_, ...]

    @property
    def linked(self) -> int:
        """Entities linked to the authority register."""
        return sum(1 for e in self.cable.entities if e.register_id)

    @property
    def unlinked(self) -> int:
        """Entities recorded locally, for an editor to add to the register."""
        return sum(1 for e in self.cable.entities if not e.register_id)


def schema_instructions(schema_href: str) -> list[str]:
    """`<?xml-model?>` instructions, so XML editors validate a file with the project's grammar and rules."""
    base = schema_href.rstrip("/")
    return [f'xml-model href="{base}/tei_cables.rng" type="application/xml" '
            'schematypens="http://relaxng.org/ns/structure/1.0"',
            f'xml-model href="{base}/tei_cables.sch" type="application/xml" '
            'schematypens="http://purl.oclc.org/dsdl/schematron"']


def convert_text(text: str, source_name: str, publication: Publication = DEFAULT) -> Converted:
    """Convert a decoded transcription (Unicode in, UTF-8 TEI out)."""
    text, dropped = checked_text(text, source_name)
    cable = tag_cable(read_cable(text, source_name))
    root = build_tei(cable, source_name, publication)
    tei = add_fingerprint(serialize(root, schema_instructions(publication.schema_href)))
    return Converted(tei=tei, cable=cable, warnings=tuple(dropped) + cable.warnings)


def try_convert_file(path: Path, publication: Publication = DEFAULT) -> Converted | TeiCablesError | OSError:
    """Convert one file, returning the error instead of raising it, so a batch (and a worker pool) goes on."""
    try:
        return convert_bytes(path.read_bytes(), path.name, publication)
    except (TeiCablesError, OSError) as exc:
        return exc


def convert_bytes(data: bytes, source_name: str, publication: Publication = DEFAULT) -> Converted:
    """Convert the bytes of a transcription file, decoding them first."""
    text, notes = decode(data, source_name)
    converted = convert_text(text, source_name, publication)
    extra = tuple(Warning_(0, n) for n in notes)
    return Converted(converted.tei, converted.cable, extra + converted.warnings)
