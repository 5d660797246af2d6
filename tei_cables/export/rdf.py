"""Linked data: the corpus as one RDF graph in CIDOC-CRM, written as Turtle (or, with `rdf_format=jsonld`, JSON-LD).

Vocabulary (crm: http://www.cidoc-crm.org/cidoc-crm/, CIDOC-CRM 7.1):

- a cable is a `crm:E31_Document` (and `crm:E73_Information_Object`, so a store without reasoning finds it either
  way) with `rdfs:label` its title, `crm:P1_is_identified_by` a `crm:E42_Identifier` per number it has (the telegram
  number, the sender's number: `crm:P190_has_symbolic_content`, `crm:P2_has_type` <base>type/telegram-number or
  type/sender-number), `rdfs:seeAlso` its online source, and `crm:P67_refers_to` every register entry its text
  names (the mentions; once per entity, not once per occurrence);
- its sending and its receiving are each a `crm:E7_Activity` (an E5_Event done by someone) with `crm:P2_has_type`
  <base>type/sending or type/receiving, `crm:P16_used_specific_object` the cable, `crm:P14_carried_out_by` the
  persons and organisations of the TEI `correspAction`, `crm:P7_took_place_at` its place and `crm:P4_has_time-span`
  a `crm:E52_Time-Span`; a relay's intermediaries (`transmitted`, `forwarded`, `redirected`) make a third activity,
  type/transmission;
- a time-span has `rdfs:label` the TEI `@when` and `crm:P82a_begin_of_the_begin` = `crm:P82b_end_of_the_end` = that
  value typed `xsd:dateTime` (a time, with its time zone when the TEI gives one), `xsd:date`, `xsd:gYearMonth` or
  `xsd:gYear`, as precise as the TEI is; a value that is not a valid ISO date keeps only its label;
- a letter the cable encloses is a `crm:E31_Document` the cable `crm:P106_is_composed_of`, with its own sending and
  receiving as above;
- a person is a `crm:E21_Person`, a place a `crm:E53_Place`, an organisation a `crm:E74_Group`, a name the TEI does
  not link to an entry a `crm:E39_Actor` (or E53_Place); each with `rdfs:label` its regularised name, `skos:altLabel`
  its variants, and `owl:sameAs` its identifiers in other authorities: Wikidata http://www.wikidata.org/entity/Q…,
  GeoNames https://sws.geonames.org/…/, VIAF http://viaf.org/viaf/….

URIs are minted under a base (option `base`, default `urn:tei-cables:`; a base ending in a letter or digit gets a
`/`): `cable/<file stem>`, its parts below it (`/sending`, `/receiving`, `/transmission`, `/letter/<n>`, `…/time-span`,
`/number/<type>`), `entity/<register id>` for an entry of the project's authority register (the same node in every
cable that names it), `entity/<file stem>/<xml:id>` for an entry of one file only (`cert="low"`: not in the register,
so two cables' "Mikhaylenko" stay two nodes), `entity/<file stem>/name/<name>` for a name linked to no entry.
All URIs are minted, no blank nodes, so a re-export gives the same file: Turtle is written cable by cable in the
order of the files (each cable's triples sorted by rdflib), JSON-LD sorted here.

Dropped: the text itself, the routing stamps beyond the sending and receiving they date, the distribution list,
the archive reference, the languages, the `cert`/`evidence` of inferred values (written as read), identifiers of
authorities other than the three above, and mentions of ids that are not an entry of the file.

Turtle is written as the cables stream through, in flat memory (`_write_turtle`). JSON-LD is one framed document,
so its graph is built in memory first and written at the end.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef

from tei_cables.export.record import Action, CableRecord, Entry, Letter, Named

CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
DEFAULT_BASE = "urn:tei-cables:"
_AUTHORITY_URI = {"wikidata": ("http://www.wikidata.org/entity/{}", r"Q\d+"),
                  "geonames": ("https://sws.geonames.org/{}/", r"\d+"),
                  "viaf": ("http://viaf.org/viaf/{}", r"\d+")}
_CLASS = {"person": CRM.E21_Person, "place": CRM.E53_Place, "org": CRM.E74_Group}
_DATES = ((r"\d{4}-\d{2}-\d{2}T.+", XSD.dateTime), (r"\d{4}-\d{2}-\d{2}", XSD.date),
          (r"\d{4}-\d{2}", XSD.gYearMonth), (r"\d{4}", XSD.gYear))
_PREFIXES = {"crm": CRM, "rdfs": RDFS, "owl": OWL, "skos": SKOS, "xsd": XSD}


def write(records: Iterator[CableRecord], path: Path, options: dict[str, str]) -> None:
    """Write the corpus as one RDF file: Turtle, or JSON-LD with `rdf_format=jsonld`."""
    rdf_format = options.get("rdf_format") or "turtle"
    if rdf_format not in ("turtle", "jsonld"):
        raise ValueError(f"rdf_format must be turtle or jsonld, not {rdf_format!r}")
    base = options.get("base") or DEFAULT_BASE
    if rdf_format == "turtle":
        _write_turtle(records, path, base)
    else:
        path.write_text(_jsonld(corpus_graph(records, base)), encoding="utf-8")


def _write_turtle(records: Iterable[CableRecord], path: Path, base: str) -> None:
    """Turtle written a cable at a time, so that memory stays flat however many cables there are: the prefixes
    once, then each cable's triples as rdflib writes them. A node several cables share (a register entry, a type)
    is described where it is first named, and a later cable adds only what was not said yet (another variant of a
    name): the file holds the triples `corpus_graph` holds, and what is remembered is bounded by the register."""
    minter = Minter(base)
    said: set[tuple] = set()
    with path.open("w", encoding="utf-8") as out:
        out.write("".join(f"@prefix {p}: <{n}> .\n" for p, n in sorted(_PREFIXES.items())))
        for record in records:
            graph = _bound(Graph(bind_namespaces="none"))
            add_cable(graph, record, minter)
            own = (str(minter.cable(record)), str(minter.uri("entity", record.id)) + "/")
            for triple in list(graph):
                subject = str(triple[0])
                if subject == own[0] or subject.startswith((own[0] + "/", own[1])):
                    continue
                if triple in said:
                    graph.remove(triple)
                else:
                    said.add(triple)
            out.write(_statements(graph.serialize(format="turtle")))


def _statements(turtle: str) -> str:
    """A Turtle document without its prefix lines (the file declares them once, and a chunk may use no prefix
    the file does not declare)."""
    lines = turtle.splitlines(keepends=True)
    head = [line for line in lines if line.startswith("@prefix")]
    if any(line.split()[1][:-1] not in _PREFIXES for line in head):
        raise ValueError(f"rdflib wrote a prefix the file does not declare: {head}")
    return "".join(line for line in lines if not line.startswith("@prefix"))


def _bound(graph: Graph) -> Graph:
    for prefix, namespace in _PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def corpus_graph(records: Iterable[CableRecord], base: str = DEFAULT_BASE) -> Graph:
    """The graph of all cables, each added as it comes so that no record is kept."""
    graph = _bound(Graph(bind_namespaces="none"))
    minter = Minter(base)
    for record in records:
        add_cable(graph, record, minter)
    return graph


class Minter:
    """Stable URIs under one base, so that exports of the same TEI give the same nodes and link across files."""

    def __init__(self, base: str) -> None:
        # A base like https://example.org/cables would glue `cable` onto its last segment.
        self.base = base if base[-1:] in ":/#" else base + "/"

    def uri(self, *parts: str) -> URIRef:
        """A URI of path segments, each percent-encoded (file stems and names may hold any character)."""
        return URIRef(self.base + "/".join(quote(p, safe="") for p in parts))

    def cable(self, record: CableRecord) -> URIRef:
        """The cable's node, keyed by its file stem (the one id every cable has, numbered or not)."""
        return self.uri("cable", record.id)

    def entry(self, record: CableRecord, entry: Entry) -> URIRef:
        """A register entry is one node across cables; an entry of one file only is that cable's own."""
        register_id = _register_id(entry)
        if register_id:
            return self.uri("entity", register_id)
        return self.uri("entity", record.id, entry.id)

    def named(self, record: CableRecord, named: Named) -> URIRef:
        """The node of a name in a correspAction: its entry's, else one for the bare name in this cable."""
        entry = record.entries.get(named.ref) if named.ref else None
        if entry is not None:
            return self.entry(record, entry)
        return self.uri("entity", record.id, "name", named.name)

    def type(self, name: str) -> URIRef:
        """A project type (sending, receiving, …), one node shared by every cable."""
        return self.uri("type", name)


def add_cable(graph: Graph, record: CableRecord, minter: Minter) -> None:
    """Add one cable: the document, its correspondence, its enclosed letters, the entities it names."""
    cable = minter.cable(record)
    graph.add((cable, RDF.type, CRM.E31_Document))
    graph.add((cable, RDF.type, CRM.E73_Information_Object))
    graph.add((cable, RDFS.label, Literal(record.title)))
    for kind, number in (("telegram-number", record.number), ("sender-number", record.sender_number)):
        if number:
            _identifier(graph, cable, minter, kind, number)
    if record.url and _is_iri(record.url):
        graph.add((cable, RDFS.seeAlso, URIRef(record.url)))
    for entry in record.entries.values():
        _entity(graph, minter.entry(record, entry), entry)
    _letter(graph, record, minter, cable, record.cable)
    for n, letter in enumerate(record.letters, 1):
        enclosed = minter.uri("cable", record.id, "letter", str(n))
        graph.add((cable, CRM.P106_is_composed_of, enclosed))
        graph.add((enclosed, RDF.type, CRM.E31_Document))
        graph.add((enclosed, RDF.type, CRM.E73_Information_Object))
        graph.add((enclosed, RDFS.label, Literal(f"Letter {n} enclosed in {record.title}")))
        _letter(graph, record, minter, enclosed, letter)
    for mention in record.mentions:
        entry = record.entries.get(mention.entity)
        if entry is not None:  # a ref to no entry of the file names nothing we can type
            graph.add((cable, CRM.P67_refers_to, minter.entry(record, entry)))


def _identifier(graph: Graph, document: URIRef, minter: Minter, kind: str, value: str) -> None:
    """A number of the cable as an E42_Identifier, so the telegram and sender numbers are told apart."""
    node = URIRef(f"{document}/number/{kind}")
    graph.add((document, CRM.P1_is_identified_by, node))
    graph.add((node, RDF.type, CRM.E42_Identifier))
    graph.add((node, CRM.P190_has_symbolic_content, Literal(value)))
    graph.add((node, CRM.P2_has_type, _type(graph, minter, kind)))
    graph.add((node, RDFS.label, Literal(value)))


def _letter(graph: Graph, record: CableRecord, minter: Minter, document: URIRef, letter: Letter) -> None:
    """The sending and receiving of a document (and a relay's transmission), each its own activity."""
    _activity(graph, record, minter, document, "sending", letter.sent)
    _activity(graph, record, minter, document, "receiving", letter.received)
    if letter.transmitted:
        _activity(graph, record, minter, document, "transmission", Action(letter.transmitted))


def _activity(graph: Graph, record: CableRecord, minter: Minter, document: URIRef, kind: str,
              action: Action) -> None:
    """One correspAction as an E7_Activity; an action the TEI says nothing about is left out, not left empty."""
    if not (action.persons or action.place or action.when):
        return
    node = URIRef(f"{document}/{kind}")
    graph.add((node, RDF.type, CRM.E7_Activity))
    graph.add((node, CRM.P2_has_type, _type(graph, minter, kind)))
    graph.add((node, CRM.P16_used_specific_object, document))
    graph.add((node, RDFS.label, Literal(f"{kind} of {graph.value(document, RDFS.label)}")))
    for person in action.persons:
        graph.add((node, CRM.P14_carried_out_by, _named(graph, record, minter, person)))
    if action.place is not None:
        graph.add((node, CRM.P7_took_place_at, _named(graph, record, minter, action.place)))
    if action.when:
        _time_span(graph, URIRef(f"{node}/time-span"), node, action.when)


def _type(graph: Graph, minter: Minter, name: str) -> URIRef:
    """A project type as an E55_Type with its name, so a reader of the file sees what the type node means."""
    node = minter.type(name)
    graph.add((node, RDF.type, CRM.E55_Type))
    graph.add((node, RDFS.label, Literal(name.replace("-", " "))))
    return node


def _named(graph: Graph, record: CableRecord, minter: Minter, named: Named) -> URIRef:
    """The node of a name; a name without an entry still gets a class and a label, so it reads on its own."""
    node = minter.named(record, named)
    if not (named.ref and named.ref in record.entries):
        graph.add((node, RDF.type, _CLASS.get(named.kind, CRM.E39_Actor)))
        graph.add((node, RDFS.label, Literal(named.name)))
    return node


def _entity(graph: Graph, node: URIRef, entry: Entry) -> None:
    """A register entry: class, names, and its identifiers in other authorities as owl:sameAs."""
    graph.add((node, RDF.type, _CLASS.get(entry.kind, CRM.E39_Actor)))
    graph.add((node, RDFS.label, Literal(entry.name)))
    for variant in entry.variants:
        if variant != entry.name:
            graph.add((node, SKOS.altLabel, Literal(variant)))
    for authority, ident in entry.authority:
        uri = _authority_uri(authority, ident)
        if uri is not None:
            graph.add((node, OWL.sameAs, uri))


def _time_span(graph: Graph, node: URIRef, activity: URIRef, when: str) -> None:
    """A time-span as precise as the TEI: its begin and end are the same value, typed by its precision."""
    graph.add((activity, CRM["P4_has_time-span"], node))
    graph.add((node, RDF.type, CRM["E52_Time-Span"]))
    graph.add((node, RDFS.label, Literal(when)))
    datatype = _date_type(when)
    if datatype is not None:
        graph.add((node, CRM.P82a_begin_of_the_begin, Literal(when, datatype=datatype)))
        graph.add((node, CRM.P82b_end_of_the_end, Literal(when, datatype=datatype)))


def _date_type(when: str) -> URIRef | None:
    """The XSD type of an ISO date, or None for a value that is none (a hand edit gone wrong stays a label)."""
    for pattern, datatype in _DATES:
        if re.fullmatch(pattern, when):
            try:
                if datatype == XSD.dateTime:
                    dt.datetime.fromisoformat(when)
                elif datatype == XSD.date:
                    dt.date.fromisoformat(when)
                elif datatype == XSD.gYearMonth:
                    dt.date.fromisoformat(when + "-01")
            except ValueError:
                return None
            return datatype
    return None


def _authority_uri(authority: str, ident: str) -> URIRef | None:
    """The URI of an identifier in an authority we know, if it has that authority's form."""
    known = _AUTHORITY_URI.get(authority)
    if known is None or not re.fullmatch(known[1], ident):
        return None
    return URIRef(known[0].format(ident))


def _register_id(entry: Entry) -> str | None:
    """The id of an entry in the project's register (`register:pers_stalin` → `pers_stalin`), if it is in it."""
    if entry.same_as and entry.same_as.startswith("register:"):
        return entry.same_as.removeprefix("register:")
    return entry.id if entry.linked and not entry.same_as else None


def _is_iri(text: str) -> bool:
    """An absolute IRI without the characters an IRI cannot hold (a hand-edited @target may have them)."""
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+", text))


def _jsonld(graph: Graph) -> str:
    """JSON-LD with the prefixes as its context, nodes and values sorted (rdflib's order varies between runs)."""
    data = json.loads(graph.serialize(format="json-ld", context={p: str(n) for p, n in _PREFIXES.items()},
                                      auto_compact=True))
    nodes = data.get("@graph", [data] if "@id" in data else [])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True))
    out = {"@context": data["@context"], "@graph": sorted(nodes, key=lambda n: n.get("@id", ""))}
    return json.dumps(out, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


__all__ = ["CRM", "DEFAULT_BASE", "Minter", "corpus_graph", "write"]
