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

# libyaml's safe loader where PyYAML was built with it (its wheels are): the same documents, ten times faster than
# the pure-Python one on the register's files.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_data(name: str) -> Any:
    """Parse `tei_cables/data/<name>` once per process; the files never change while a batch runs."""
    path = resources.files("tei_cables") / "data" / name
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read data file: {exc}", path=f"tei_cables/data/{name}") from exc


def data_path(name: str) -> str:
    """The path of a data file, for error messages."""
    return f"tei_cables/data/{name}"


def word_lists(name: str, section: str, keys: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The word lists under `section` of a data file, checked: every key there, each a non-empty list of words.

    A mistyped key or an empty list in an edited vocabulary fails at once with the file named, instead of
    silently matching nothing.
    """
    data = load_data(name)
    block = data.get(section) if isinstance(data, dict) else None
    if not isinstance(block, dict):
        raise DataError(f"no section {section!r}", path=data_path(name))
    out = {}
    for key in keys:
        words = block.get(key)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise DataError(f"{section}.{key} must be a non-empty list of words", path=data_path(name))
        out[key] = tuple(words)
    return out
