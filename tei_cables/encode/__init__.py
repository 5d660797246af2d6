"""Stage 3: a tagged cable → a TEI document (lxml), serialised deterministically.

`document.py` builds the whole `<TEI>` and serialises it; the other modules build its parts. The names below are
imported when first used, so that `tei-cables --help` does not pay for the whole stage.
"""

from __future__ import annotations

from typing import Any

__all__ = ["build_tei", "serialize"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from tei_cables.encode import document

        return getattr(document, name)
    raise AttributeError(name)
