"""The authority register as one TEI file (`tei-cables register export`).

Converted files carry only what they need of an entry (the forms they use, dates, description, external ids) and
point at the full entry here with `@sameAs="register:ID"`; the prefix is declared in their `encodingDesc`. The file
is valid TEI (tei_all) and deterministic: the same register gives the same bytes.
"""

from __future__ import annotations

from tei_cables import __version__
from tei_cables.encode.document import serialize
from tei_cables.encode.standoff import build_register_lists
from tei_cables.encode.tei import E
from tei_cables.tag.register import load_register


def register_tei() -> bytes:
    """The whole register: every person, place and organisation with every variant of its name."""
    count = len(load_register().entries)
    header = E.teiHeader(E.fileDesc(
        E.titleStmt(E.title("Authority register of tei_cables"),
                    E.respStmt(E.resp("exported by"), E.name(f"tei_cables {__version__}"))),
        E.publicationStmt(E.p(f"{count} entries: persons, places and organisations named in ciphered telegrams "
                              "of 1949-1953, with the variants of their names.")),
        E.sourceDesc(E.p("The register files of tei_cables: tei_cables/data/persons.yaml, places.yaml, "
                         "orgs.yaml."))))
    return serialize(E.TEI(header, E.standOff(*build_register_lists())))
