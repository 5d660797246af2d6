"""GraphML and GEXF files written element by element, so that a network of any size goes out in flat memory.

`network.py` decides what the nodes and edges are; this module only writes them, nodes first, then edges, each as
it comes from a spool on disk. The files are those networkx writes and reads (`networkx.read_graphml`,
`read_gexf`): GraphML declares a key per attribute (the edge weight a `long`, the rest strings) and gives each edge
its key as `id`; GEXF 1.2draft gives the node label and the edge label and weight as XML attributes, the rest as
`attvalues`, and the edge key as the attribute `networkx_key`, as networkx does, so a multigraph reads back with its
keys. An attribute a node or edge does not have is left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

Attrs = dict[str, str | int]

GRAPHML = "http://graphml.graphdrawing.org/xmlns"
GEXF = "http://www.gexf.net/1.2draft"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NODE_ATTRIBUTES = ("label", "kind", "scope", "wikidata")
EDGE_ATTRIBUTES = ("relation", "label", "cable", "number", "enclosure", "day", "when", "weight")


def write_graphml(path: Path, nodes: Iterable[tuple[str, Attrs]], edges: Iterable[tuple[int, str, str, Attrs]]) -> None:
    """A directed GraphML graph: the keys, the nodes, then the edges."""
    keys = {(kind, name): f"d{n}" for n, (kind, name) in
            enumerate([("node", a) for a in NODE_ATTRIBUTES] + [("edge", a) for a in EDGE_ATTRIBUTES])}
    with etree.xmlfile(str(path), encoding="utf-8") as xf:
        xf.write_declaration()
        root = {f"{{{XSI}}}schemaLocation": f"{GRAPHML} {GRAPHML}/1.0/graphml.xsd"}
        with xf.element(_g("graphml"), nsmap={None: GRAPHML, "xsi": XSI}, attrib=root):
            for (kind, name), key in keys.items():
                xf.write("\n")
                _empty(xf, _g("key"), {"id": key, "for": kind, "attr.name": name,
                                       "attr.type": "long" if name == "weight" else "string"})
            xf.write("\n")
            with xf.element(_g("graph"), edgedefault="directed"):
                for node_id, attrs in nodes:
                    with xf.element(_g("node"), id=node_id):
                        _graphml_data(xf, keys, "node", NODE_ATTRIBUTES, attrs)
                    xf.write("\n")
                for key, source, target, attrs in edges:
                    with xf.element(_g("edge"), source=source, target=target, id=str(key)):
                        _graphml_data(xf, keys, "edge", EDGE_ATTRIBUTES, attrs)
                    xf.write("\n")


def _graphml_data(xf, keys: dict, kind: str, names: tuple[str, ...], attrs: Attrs) -> None:
    for name in names:
        if name in attrs:
            with xf.element(_g("data"), key=keys[(kind, name)]):
                xf.write(str(attrs[name]))


def write_gexf(path: Path, nodes: Iterable[tuple[str, Attrs]], edges: Iterable[tuple[int, str, str, Attrs]]) -> None:
    """A directed GEXF 1.2 graph: the attribute declarations, the nodes, then the edges."""
    node_ids = {name: str(n) for n, name in enumerate(a for a in NODE_ATTRIBUTES if a != "label")}
    edge_names = [a for a in EDGE_ATTRIBUTES if a not in {"label", "weight"}] + ["networkx_key"]
    edge_ids = {name: str(n + len(node_ids)) for n, name in enumerate(edge_names)}
    with etree.xmlfile(str(path), encoding="utf-8") as xf:
        xf.write_declaration()
        root = {f"{{{XSI}}}schemaLocation": f"{GEXF} {GEXF}/gexf.xsd", "version": "1.2"}
        with xf.element(_x("gexf"), nsmap={None: GEXF, "xsi": XSI}, attrib=root):
            with xf.element(_x("meta"), lastmodifieddate=dt.date.today().isoformat()), xf.element(_x("creator")):
                xf.write("tei-cables")
            with xf.element(_x("graph"), defaultedgetype="directed", mode="static", name=""):
                for kind, ids in (("edge", edge_ids), ("node", node_ids)):
                    with xf.element(_x("attributes"), mode="static", **{"class": kind}):
                        for name, attr_id in ids.items():
                            _empty(xf, _x("attribute"), {"id": attr_id, "title": name,
                                                         "type": "long" if name == "networkx_key" else "string"})
                with xf.element(_x("nodes")):
                    for node_id, attrs in nodes:
                        with xf.element(_x("node"), id=node_id, label=str(attrs.get("label", node_id))):
                            _attvalues(xf, node_ids, attrs)
                        xf.write("\n")
                with xf.element(_x("edges")):
                    for key, source, target, attrs in edges:
                        xml = {"source": source, "target": target, "id": str(key)}
                        xml.update({name: str(attrs[name]) for name in ("label", "weight") if name in attrs})
                        with xf.element(_x("edge"), **xml):
                            _attvalues(xf, edge_ids, {**attrs, "networkx_key": key})
                        xf.write("\n")


def _attvalues(xf, ids: dict[str, str], attrs: Attrs) -> None:
    present = [name for name in ids if name in attrs]
    if present:
        with xf.element(_x("attvalues")):
            for name in present:
                _empty(xf, _x("attvalue"), {"for": ids[name], "value": str(attrs[name])})


def _empty(xf, tag: str, attrib: dict[str, str]) -> None:
    """An element with attributes only, in the namespace of the file (declared once, on the root)."""
    with xf.element(tag, attrib=attrib):
        pass


def _g(name: str) -> str:
    return f"{{{GRAPHML}}}{name}"


def _x(name: str) -> str:
    return f"{{{GEXF}}}{name}"
