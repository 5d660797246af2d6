"""`<encodingDesc>`: the tool, the register's prefix, the schema, the editorial declaration, the stamp types.

The editorial declaration (`data/editorial.yaml`) says how dates are normalised, what is inferred and how it is
marked, how copies are counted, and that line breaks and editorial brackets are kept. The taxonomy declares every
stamp type the encoding uses (`ab type="stamp" subtype="…"`), with its gloss in English and Russian
(`data/stamps.yaml`), so a reader of the file learns what each stamp is from the file itself.
"""

from __future__ import annotations

import copy
from functools import cache, lru_cache
from typing import get_args

from lxml import etree

from tei_cables import __version__
from tei_cables.encode.standoff import REGISTER_PREFIX
from tei_cables.encode.tei import XML_ID, XML_LANG, E
from tei_cables.errors import DataError
from tei_cables.model import StampType
from tei_cables.resources import data_path, load_data

_EDITORIAL = ("normalization", "interpretation", "segmentation")  # TEI elements of editorialDecl, in TEI's order


def build_encoding_desc(schema_href: str, register_href: str) -> etree._Element:
    """The whole encodingDesc (the same for every file but for the addresses of the schema and the register): a
    copy of the one built for the first file with these addresses."""
    return copy.deepcopy(_built_encoding_desc(schema_href, register_href))


@lru_cache(maxsize=16)
def _built_encoding_desc(schema_href: str, register_href: str) -> etree._Element:
    """`build_encoding_desc`, built (remembered, read only)."""
    application = E.application(E.label("tei_cables"), ident="tei_cables", version=__version__)
    prefix = E.prefixDef(E.p("register:ID points at the entry of that id in the project's authority register "
                             "(tei-cables register export)."),
                         ident=REGISTER_PREFIX, matchPattern="([a-z][a-z0-9_]*)",
                         replacementPattern=f"{register_href}#$1")
    return E.encodingDesc(
        E.appInfo(application),
        E.listPrefixDef(prefix),
        E.schemaRef(type="interchange", url=f"{schema_href.rstrip('/')}/tei_cables.rng"),
        _editorial_decl(),
        E.classDecl(_stamp_taxonomy()),
    )


def _editorial_decl() -> etree._Element:
    texts = _editorial_texts()
    decl = E.editorialDecl(*[E(part, E.p(texts[part])) for part in _EDITORIAL])
    decl.append(E.p(texts["copies"]))
    return decl


def _stamp_taxonomy() -> etree._Element:
    taxonomy = E.taxonomy(**{XML_ID: "stamps"})
    for stamp_type, gloss in stamp_glosses().items():
        category = E.category(**{XML_ID: f"stamp-{stamp_type}"})
        for lang in ("en", "ru"):
            desc = E.catDesc(gloss[lang])
            desc.set(XML_LANG, lang)
            category.append(desc)
        taxonomy.append(category)
    return taxonomy


@cache
def stamp_glosses() -> dict[str, dict[str, str]]:
    """The gloss of every stamp type, checked: one per type of the model, each in English and Russian."""
    glosses = load_data("stamps.yaml").get("glosses") or {}
    types = list(get_args(StampType))
    if set(glosses) != set(types):
        raise DataError(f"glosses must list exactly the stamp types {sorted(types)}", path=data_path("stamps.yaml"))
    for stamp_type, gloss in glosses.items():
        if not isinstance(gloss, dict) or not all(isinstance(gloss.get(k), str) and gloss[k] for k in ("en", "ru")):
            raise DataError(f"glosses.{stamp_type} needs an en and a ru text", path=data_path("stamps.yaml"))
    return {t: glosses[t] for t in types}


@cache
def _editorial_texts() -> dict[str, str]:
    texts = load_data("editorial.yaml")
    for key in (*_EDITORIAL, "copies"):
        if not isinstance(texts.get(key), str) or not texts[key].strip():
            raise DataError(f"{key} needs a paragraph of text", path=data_path("editorial.yaml"))
    return texts
