"""Loading the data files that ship inside the package (`tei_cables/data/`).

Data (registers, stamp phrases, vocabularies) lives in YAML so that editors can change it without touching
code; this module is the one place that reads those files, caches them, and turns a YAML error into a
DataError that names the file.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from tei_cables.errors import DataError


@cache
def load_data(name: str) -> Any:
    """Parse `tei_cables/data/<name>` once per process; the files never change while a batch runs."""
    path = resources.files("tei_cables") / "data" / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read data file: {exc}", path=f"tei_cables/data/{name}") from exc


def data_path(name: str) -> str:
    """The path of a data file, for error messages."""
    return f"tei_cables/data/{name}"
