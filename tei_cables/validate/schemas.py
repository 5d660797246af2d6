"""The project's schema files, found where they ship and loaded once per process.

The sources live in the repository's top-level `schema/` folder, where editors find them through the
`<?xml-model?>` instructions of the encoded files (`../schema/tei_cables.rng`). The package reaches the same
files through `tei_cables/validate/schema`, a link to that folder, which setuptools copies into the wheel as
package data; so an editable install, a source checkout and an installed wheel all read one set of files.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from lxml import etree

from tei_cables.errors import DataError
from tei_cables.validate.schematron import CompiledRules

GRAMMAR = "tei_cables.rng"
RULES = "tei_cables.sch"


def schema_path(name: str) -> Path:
    """The path of a schema file: inside the installed package, else in the source tree's `schema/`."""
    candidates = [Path(str(resources.files("tei_cables.validate") / "schema" / name)),
                  Path(__file__).resolve().parents[2] / "schema" / name]
    for path in candidates:
        if path.is_file():
            return path
    raise DataError(f"schema file {name} is missing from the installation", path=str(candidates[0]))


def schema_files() -> list[Path]:
    """The files an editor's XML editor needs beside a corpus: the grammar, the rules and their README."""
    return [schema_path(name) for name in (GRAMMAR, RULES, "README.md")]


def copy_schema(folder: Path) -> list[Path]:
    """Copy the schema files into a folder (atomically, file by file), so that a corpus kept outside this
    repository validates in oXygen or VS Code through its `<?xml-model?>` lines."""
    from tei_cables.files import write_atomic

    written = []
    for path in schema_files():
        write_atomic(folder / path.name, path.read_bytes())
        written.append(folder / path.name)
    return written


@cache
def grammar_document() -> etree._ElementTree:
    """The RELAX NG grammar as XML, for the explanations of `patterns.py`."""
    return etree.parse(str(schema_path(GRAMMAR)), etree.XMLParser(resolve_entities=False, no_network=True))


@cache
def grammar() -> etree.RelaxNG:
    """The compiled grammar (a few milliseconds)."""
    return etree.RelaxNG(grammar_document())


@cache
def rules() -> CompiledRules:
    """The cable rules, compiled (`schematron.py`); called on a parsed document, they return its failures."""
    path = schema_path(RULES)
    return CompiledRules(etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)), str(path))
