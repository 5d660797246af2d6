"""Stage 4: checking TEI files against the project's schema (`schema/tei_cables.rng` + `schema/tei_cables.sch`).

`iter_findings` is the one primitive (a file → its findings); everything else wraps it: `validate_paths` for
files and folders, the formatters for people and CI systems, the summary for the command line. The names below
are imported when first used, so that the command line starts without loading the schemas' machinery.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOME = {"find_xml_files": "check", "is_valid": "check", "iter_findings": "check", "validate_paths": "check",
         "FileReport": "findings", "Finding": "findings", "FORMATS": "formats", "exit_code": "summary",
         "summary_table": "summary"}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(import_module(f"tei_cables.validate.{_HOME[name]}"), name)
    raise AttributeError(name)
