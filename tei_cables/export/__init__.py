"""Stage 5: cable TEI → the formats other archive projects and researchers load.

Every exporter reads TEI through one reader (`record.py`), so a cable corrected by hand exports with its
corrections, and takes the records one at a time, so a corpus streams. The registry below maps a format's name
to its module; `tei-cables export` lists the formats from it. A corpus format writes one file, a per-cable format
one file per cable into a folder; both write atomically, so a failed run leaves nothing half-written.

A corpus format's module has `write(records, path, options)` (records: an iterator of `CableRecord`; path: the
file to write, a temporary one that becomes OUT when the export is complete); a per-cable format's module has
`render(record, options) -> bytes`. `options` holds the command's options and `format`, the format's name.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class Format:
    """One export format: its name, what it is for, where it writes, and the module that writes it."""

    name: str
    title: str
    module: str
    suffix: str
    per_cable: bool = False  # OUT is a folder with one file per cable

    def load(self) -> ModuleType:
        """The module that writes the format (imported when asked for, so each format's library is optional)."""
        return importlib.import_module(f"tei_cables.export.{self.module}")


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("cmif", "Correspondence Metadata Interchange Format 1.1 (correspSearch)", "cmif", ".xml"),
    Format("csv", "one row per cable (--profile correspsearch: correspSearch's columns)", "_csv", ".csv"),
    Format("json", "one JSON document per cable, with a JSON Schema", "_json", ".json", per_cable=True),
    Format("sqlite", "an SQLite database with a full-text index, for Datasette or any SQL client", "sqlite",
           ".sqlite"),
    Format("gexf", "the correspondence network for Gephi", "network", ".gexf"),
    Format("graphml", "the correspondence network for Cytoscape and networkx", "network", ".graphml"),
    Format("rdf", "linked data, Turtle (--rdf-format jsonld: JSON-LD)", "rdf", ".ttl"),
    Format("md", "a reading version of each cable in Markdown", "reading", ".md", per_cable=True),
    Format("txt", "a reading version of each cable in plain text", "reading", ".txt", per_cable=True),
)}
