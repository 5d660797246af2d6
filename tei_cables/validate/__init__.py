"""Stage 4: checking TEI files against the project's schema (`schema/tei_cables.rng` + `schema/tei_cables.sch`).

`iter_findings` is the one primitive (a file → its findings); everything else wraps it: `validate_paths` for
files and folders, the formatters for people and CI systems, the summary for the command line.
"""

from tei_cables.validate.check import find_xml_files, is_valid, iter_findings, validate_paths
from tei_cables.validate.findings import FileReport, Finding
from tei_cables.validate.formats import FORMATS
from tei_cables.validate.summary import exit_code, summary_table

__all__ = ["FORMATS", "FileReport", "Finding", "exit_code", "find_xml_files", "is_valid", "iter_findings",
           "summary_table", "validate_paths"]
