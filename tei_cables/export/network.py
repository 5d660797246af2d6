"""GEXF and GraphML: the correspondence network of the corpus, for Gephi, Cytoscape and networkx.

One directed multigraph for the whole corpus, written element by element (`graph_files.py`) in flat memory, in
the files Gephi, Cytoscape and networkx read.

Nodes are the persons, organisations and places the cables name. An entity linked to the project's authority
register is one node across the corpus, its id the register's (`pers_stalin`), so the same person in every cable
is one node. An entity the register does not know (an entry of the file marked `cert="low"`, a name without an
entry) is a node of its cable only, its id the cable's id and its local id (`<cable id>#pers_local_morozov`), since
two cables' unknown "Morozov"s need not be one man. Node attributes: `label` (the register's regularised name, else
the words as written), `kind` (person, place, org; `name` for an unlinked name whose kind the text does not say),
`scope` (`register`: one node for the corpus; `cable`: a node of one cable), `wikidata` (where the entry has it).
All attributes are strings (a boolean would be written `True`, which GraphML's schema does not allow).

Edges are kept one per cable (not summed over the corpus), so that every edge says which cable it comes from; a
reader that wants one edge per pair sums them (Gephi may do so on import, summing the weights). Within one cable,
an edge is one relation between two nodes, once. Relations (`relation`, repeated as `label` for Gephi's display):

- `sent`: sender → each addressee, of the cable and of each letter it encloses;
- `transmitted`: the path through an intermediary (a relay, a forwarder): sender → intermediary → each addressee;
- `sent-from`: sender → the place the cable was sent from; `received-at`: addressee → the place it was received;
- `copied-to`: the cable's sender → each addressee of its distribution list (weight: the copies they got);
- `mentioned`: the cable's sender → each entity the text names with a reference (weight: how many times, counting
  address lines, stamps and the distribution list too), from the sender rather than from a node for the cable since
  the network is one of persons, not of documents; the sender's own name (the signature) is not counted.

Edge attributes, all strings but the weight (an integer): `cable` (the file's id), `number` (the telegram number),
`enclosure` (the id of an enclosed letter's element), `day` (ISO date; for `received-at` the day received, else the
day sent), `when` (the full timestamp as the TEI gives it); an attribute the cable has no value for is left out.

What the network drops: a letter without a known sender has no `sent`, `copied-to` or `mentioned` edges (there is
nothing to draw them from); stamps, the text, archive references and inferred-value certainty are not carried. The
GEXF file is GEXF 1.2draft; the register's nodes are written sorted by id, then each cable's own nodes and the
edges in the order of the cables, so the same corpus gives the same file (but for the date GEXF stamps in its
header).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from tei_cables.export.graph_files import write_gexf, write_graphml
from tei_cables.export.record import Action, CableRecord, Entry, Letter, Named
from tei_cables.export.spool import Spool

_WRITERS = {"gexf": write_gexf, "graphml": write_graphml}
_REGISTER_PREFIX = "register:"

Attrs = dict[str, str | int]


@dataclass
class _Network:
    """The network being built: the register's nodes, which cables share (as many as the register has), and the
    current cable's own nodes and edges, spooled to disk when the cable is done."""

    nodes: dict[str, Attrs]
    local: dict[str, Attrs] = field(default_factory=dict)
    edges: list[tuple[str, str, Attrs]] = field(default_factory=list)


def write(records: Iterator[CableRecord], path: Path, options: dict[str, str]) -> None:
    """Write the corpus's correspondence network as GEXF or GraphML, as `options["format"]` says, in flat memory:
    each cable's own nodes and its edges go to a spool as the cable is read, and the file is written from it,
    the register's nodes first (sorted by id), then the cables' own nodes and the edges, in the order of the
    cables, edges keyed 0, 1, … so that every edge id is unique in the file. The same corpus gives the same file."""
    fmt = options.get("format", "graphml")
    if fmt not in _WRITERS:
        raise ValueError(f"the network exporter writes gexf or graphml, not {fmt!r}")
    network = _Network({})
    with Spool() as nodes, Spool() as edges:
        for record in records:
            _add_cable(network, record)
            nodes.add(sorted(network.local.items()))
            edges.add(network.edges)
            network.local, network.edges = {}, []
        all_nodes = chain(sorted(network.nodes.items()), nodes)
        keyed = ((key, source, target, attrs) for key, (source, target, attrs) in enumerate(edges))
        _WRITERS[fmt](path, all_nodes, keyed)


# --- one cable -----------------------------------------------------------------------------------------------------


def _add_cable(network: _Network, record: CableRecord) -> None:
    """The edges of one cable: its correspondence, its enclosed letters', its distribution list and its mentions."""
    base: Attrs = {"cable": record.id}
    if record.number:
        base["number"] = record.number
    for letter in (record.cable, *record.letters):
        _add_letter(network, record, letter, base)
    senders = [_node(network, record, p) for p in record.cable.sent.persons]
    sent = _dates(record.cable.sent)
    _add_copies(network, record, senders, {**base, **sent})
    _add_mentions(network, record, senders, {**base, **sent})


def _add_letter(network: _Network, record: CableRecord, letter: Letter, base: Attrs) -> None:
    """`sent`, `transmitted`, `sent-from` and `received-at` edges of the cable or of one letter it encloses."""
    attrs = dict(base)
    if letter.corresp:
        attrs["enclosure"] = " ".join(ref.lstrip("#") for ref in letter.corresp.split())
    senders = [_node(network, record, p) for p in letter.sent.persons]
    addressees = [_node(network, record, p) for p in letter.received.persons]
    through = [_node(network, record, p) for p in letter.transmitted]
    sent = {**attrs, **_dates(letter.sent)}
    _add_pairs(network, "sent", senders, addressees, sent)
    _add_pairs(network, "transmitted", senders, through, sent)
    _add_pairs(network, "transmitted", through, addressees, sent)
    if letter.sent.place:
        _add_pairs(network, "sent-from", senders, [_node(network, record, letter.sent.place)], sent)
    if letter.received.place:
        received = {**attrs, **_dates(letter.received)}
        _add_pairs(network, "received-at", addressees, [_node(network, record, letter.received.place)], received)


def _add_copies(network: _Network, record: CableRecord, senders: list[str], attrs: Attrs) -> None:
    """`copied-to` edges, one per addressee of the list (items to the same addressee add up, as in the TEI)."""
    copies: Counter[str] = Counter()
    for item in record.distribution:
        copies[_node(network, record, item.name)] += item.copies
    for sender in _unique(senders):
        for addressee, count in copies.items():
            _add_edge(network, "copied-to", sender, addressee, {**attrs, "weight": count})


def _add_mentions(network: _Network, record: CableRecord, senders: list[str], attrs: Attrs) -> None:
    """`mentioned` edges from the cable's sender to each entity the text names, weighted by the times it is named.
    The sender's own name is left out: it is his signature far more often than a mention."""
    counts: Counter[str] = Counter(_mentioned(network, record, m.entity, m.kind, m.text) for m in record.mentions)
    for sender in _unique(senders):
        for entity, count in counts.items():
            if entity != sender:
                _add_edge(network, "mentioned", sender, entity, {**attrs, "weight": count})


def _add_pairs(network: _Network, relation: str, sources: list[str], targets: list[str], attrs: Attrs) -> None:
    """One edge from each source to each target (a name listed twice in one action gives one edge)."""
    for source in _unique(sources):
        for target in _unique(targets):
            _add_edge(network, relation, source, target, {**attrs, "weight": 1})


def _add_edge(network: _Network, relation: str, source: str, target: str, attrs: Attrs) -> None:
    """An edge with its relation first, so that every file lists the attributes in the same order. Strings are made
    plain `str` (the reader's dates are lxml's string results), so that the spool pickles no tree."""
    plain = {name: str(value) if isinstance(value, str) else value for name, value in attrs.items()}
    network.edges.append((source, target, {"relation": relation, "label": relation, **plain}))


def _dates(action: Action) -> Attrs:
    """The day and the full timestamp of an action, those it has (a missing value is left out, not written empty,
    so that Gephi and Cytoscape read it as unknown)."""
    out: Attrs = {}
    if action.day:
        out["day"] = action.day
    if action.when:
        out["when"] = action.when
    return out


# --- nodes ---------------------------------------------------------------------------------------------------------


def _node(network: _Network, record: CableRecord, named: Named) -> str:
    """The node of a name in the correspondence or the distribution list, added if new; its id."""
    entry = record.entries.get(named.ref) if named.ref else None
    if entry is not None:
        return _entry_node(network, record, entry)
    node_id = f"{record.id}#{named.ref or _slug(named.name)}"
    _add_node(network, node_id, {"label": named.name, "kind": named.kind, "scope": "cable"})
    return node_id


def _mentioned(network: _Network, record: CableRecord, entity: str, kind: str, text: str) -> str:
    """The node of a name in the text; a reference to no entry of the file is a node of the cable, named as
    written (the reader does not check references)."""
    entry = record.entries.get(entity)
    if entry is not None:
        return _entry_node(network, record, entry)
    node_id = f"{record.id}#{entity}"
    _add_node(network, node_id, {"label": text, "kind": kind, "scope": "cable"})
    return node_id


def _entry_node(network: _Network, record: CableRecord, entry: Entry) -> str:
    """The node of a register entry of the file: the register's id when linked, so that cables share it."""
    node_id = _register_id(entry) if entry.linked else f"{record.id}#{entry.id}"
    attrs: Attrs = {"label": entry.name, "kind": entry.kind, "scope": "register" if entry.linked else "cable"}
    wikidata = dict(entry.authority).get("wikidata")
    if wikidata:
        attrs["wikidata"] = wikidata
    _add_node(network, node_id, attrs)
    return node_id


def _register_id(entry: Entry) -> str:
    """The project register's id of a linked entry (`register:pers_stalin` → `pers_stalin`), else the file's id."""
    if entry.same_as and entry.same_as.startswith(_REGISTER_PREFIX):
        return entry.same_as[len(_REGISTER_PREFIX):]
    return entry.id


def _add_node(network: _Network, node_id: str, attrs: Attrs) -> None:
    """Add a node, or fill in what an earlier mention did not say of it (the first label stays). A register node
    is the corpus's; any other is its cable's own."""
    nodes = network.nodes if attrs.get("scope") == "register" else network.local
    known = nodes.setdefault(node_id, {})
    for name, value in attrs.items():
        known.setdefault(name, str(value) if isinstance(value, str) else value)


def _slug(name: str) -> str:
    """A key for a name without an entry (`on file` → `name_on_file`), stable for the same words."""
    return "name_" + (re.sub(r"\W+", "_", name.casefold()).strip("_") or "unnamed")


def _unique(ids: list[str]) -> list[str]:
    """The ids in order, each once."""
    return list(dict.fromkeys(ids))
