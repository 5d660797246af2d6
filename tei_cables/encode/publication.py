"""What a converted file says of its own publication (`publicationStmt`), and the settings that say it.

A conversion is not a publication: unless the user names a publisher (`tei-cables convert --publisher`), the
statement says the file is unpublished. A licence (`--licence`, a URL or a name) and a date (`--pub-date`) go
into `availability` and `date`; a rights statement of the archive record is kept in `availability` as well.
Nothing here depends on the clock, so the same input gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from tei_cables import __version__
from tei_cables.encode.tei import E

if TYPE_CHECKING:  # the command line reads `Publication` for its defaults without loading the model
    from tei_cables.model import Cable


@dataclass(frozen=True)
class Publication:
    """Settings of `convert` that go into every file it writes."""

    schema_href: str = "../schema"  # encoded/ beside schema/, as in the project's own layout
    register_href: str = "../register/register.xml"  # the register's TEI export, as seen from the output folder
    publisher: str | None = None
    licence: str | None = None  # a URL (becomes @target) or the licence's name
    date: str | None = None  # ISO 8601 date of publication


DEFAULT = Publication()  # the settings of a convert run given no option


def build_publication_stmt(cable: Cable, publication: Publication) -> etree._Element:
    """`<publicationStmt>`: publisher, date and availability, or a paragraph saying the file is unpublished."""
    rights = _rights(cable)
    if publication.publisher is None:
        stmt = E.publicationStmt(E.p(f"Unpublished: converted from a plain-text transcription by tei_cables "
                                     f"{__version__}."))
        if rights:
            stmt.append(E.p("Rights of the source: " + rights))
        return stmt
    stmt = E.publicationStmt(E.publisher(publication.publisher))
    if publication.date:
        stmt.append(E.date(publication.date, when=publication.date))
    if publication.licence or rights:
        availability = E.availability(status="free" if publication.licence else "unknown")
        if publication.licence:
            url = publication.licence.startswith(("http://", "https://"))
            availability.append(E.licence(publication.licence, **({"target": publication.licence} if url else {})))
        if rights:
            availability.append(E.p(rights))
        stmt.append(availability)
    return stmt


def _rights(cable: Cable) -> str | None:
    """The rights statement of the archive record, if it gives one."""
    field = cable.header.field("rights") if cable.header else None
    return " ".join(" ".join(v.value.split()) for v in field.values) if field and field.values else None
