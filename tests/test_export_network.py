"""The network formats (`tei-cables export gexf|graphml`): the correspondence network, read back with networkx.

Every test exports TEI files and reads the file written with networkx's own readers, so what is checked is what
Gephi, Cytoscape or a networkx script would load.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from tei_cables.export import FORMATS
from tei_cables.export.run import Outcome, run_export

from .conftest import ROOT

ENCODED = ROOT / "encoded"
SHTYKOV_600301 = ENCODED / "1950-09-29_cable-600301_shtykov-to-gromyko.xml"
KIM_600382 = ENCODED / "1950-10-09_cable-600382_kim-to-stalin.xml"
RUSSIAN_600308 = ENCODED / "1950-09-30_cable-600308_russian-english.xml"
TEI = {"t": "http://www.tei-c.org/ns/1.0"}

# GraphML is read as a multigraph even where no two edges join the same pair, as GEXF is.
READERS: dict[str, Callable[[Path], nx.MultiDiGraph]] = {
    "gexf": nx.read_gexf, "graphml": lambda path: nx.read_graphml(path, force_multigraph=True)}


def export(sources: list[Path], tmp_path: Path, fmt: str = "graphml") -> tuple[nx.MultiDiGraph, Outcome]:
    """Export the sources in a network format and read the file back with networkx."""
    out = tmp_path / f"network.{fmt}"
    outcome = run_export(FORMATS[fmt], sources, out, {})
    return READERS[fmt](out), outcome


def edges(graph: nx.MultiDiGraph, relation: str, cable: str | None = None) -> list[tuple[str, str, dict]]:
    """The edges of one relation (of one cable), as (source, target, attributes)."""
    return [(u, v, d) for u, v, d in graph.edges(data=True)
            if d["relation"] == relation and (cable is None or d["cable"] == cable)]


def edit(source: Path, tmp_path: Path, change: Callable[[etree._Element], None]) -> Path:
    """A copy of a TEI file with one change made, as an editor would make it by hand in an XML editor."""
    tree = etree.parse(str(source))
    change(tree.getroot())
    copy = tmp_path / "edited" / source.name
    copy.parent.mkdir(exist_ok=True)
    tree.write(str(copy), xml_declaration=True, encoding="UTF-8")
    return copy


def cable_correspondence(root: etree._Element) -> etree._Element:
    """The correspDesc of the cable itself (the first; the enclosed letters' follow)."""
    return root.xpath("//t:profileDesc/t:correspDesc[1]", namespaces=TEI)[0]


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_stalin_is_the_register_node_and_an_addressee_of_600301(fmt: str, tmp_path: Path) -> None:
    graph, outcome = export([ENCODED], tmp_path, fmt)

    assert outcome.errors == [] and outcome.exported == 5
    stalin = graph.nodes["pers_stalin"]
    assert (stalin["label"], stalin["kind"], stalin["scope"], stalin["wikidata"]) == (
        "Joseph Stalin", "person", "register", "Q855")
    sent = [(u, d) for u, v, d in edges(graph, "sent", SHTYKOV_600301.stem) if v == "pers_stalin"]
    assert len(sent) == 1
    sender, attrs = sent[0]
    assert sender == "pers_shtykov"
    assert (attrs["number"], attrs["day"], attrs["when"]) == ("600301/sh", "1950-09-29", "1950-09-29T20:23:00+09:00")
    addressees = {v for _, v, _ in edges(graph, "sent", SHTYKOV_600301.stem)}
    assert addressees == {"pers_gromyko", "pers_stalin"}


def test_stalin_is_the_addressee_of_the_cables_and_the_letters_sent_to_him(tmp_path: Path) -> None:
    graph, _ = export([ENCODED], tmp_path)

    as_cable = {d["cable"] for _, v, d in edges(graph, "sent") if v == "pers_stalin" and "enclosure" not in d}
    as_letter = {d["cable"] for _, v, d in edges(graph, "sent") if v == "pers_stalin" and "enclosure" in d}

    assert as_cable == {SHTYKOV_600301.stem, KIM_600382.stem}
    # Razuvaev's cable encloses a letter to Stalin too, but it names no sender: there is no edge to draw.
    assert as_letter == {"1950-09-30_cable-600308_english", RUSSIAN_600308.stem, KIM_600382.stem}


def test_the_same_person_in_two_cables_is_one_node(tmp_path: Path) -> None:
    graph, _ = export([SHTYKOV_600301, KIM_600382], tmp_path)

    shtykov = [n for n, d in graph.nodes(data=True) if d["label"] == "Terentii Shtykov"]
    assert shtykov == ["pers_shtykov"]
    assert {d["cable"] for u, _, d in edges(graph, "sent") if u == "pers_shtykov"} == {
        SHTYKOV_600301.stem, KIM_600382.stem}


def test_a_name_outside_the_register_is_a_node_of_its_cable_only(tmp_path: Path) -> None:
    graph, _ = export([ENCODED], tmp_path)

    shcherbakova = sorted(n for n, d in graph.nodes(data=True) if d["label"] == "Shcherbakova")

    assert shcherbakova == ["1950-09-30_cable-600308_english#pers_local_shcherbakova",
                            "1950-09-30_cable-600308_russian-english#pers_local_shcherbakova"]
    assert {graph.nodes[n]["scope"] for n in shcherbakova} == {"cable"}


def test_a_copied_to_edge_per_distribution_addressee(tmp_path: Path) -> None:
    graph, _ = export([SHTYKOV_600301], tmp_path)

    copies = {v: d["weight"] for u, v, d in edges(graph, "copied-to") if u == "pers_shtykov"}

    assert copies == {"pers_stalin": 2, "pers_molotov": 1, "pers_malenkov": 1, "pers_beria": 1, "pers_mikoyan": 1,
                      "pers_kaganovich": 1, "pers_bulganin": 1, "pers_gromyko": 1,
                      "org_general_staff_8th_directorate": 1, "org_ussr_mfa": 1,
                      f"{SHTYKOV_600301.stem}#name_on_file": 1}
    assert len(edges(graph, "copied-to")) == len(copies)


def test_items_of_a_distribution_list_to_the_same_addressee_make_one_edge(tmp_path: Path) -> None:
    graph, _ = export([RUSSIAN_600308], tmp_path)

    to_stalin = [d for _, v, d in edges(graph, "copied-to") if v == "pers_stalin"]

    assert [d["weight"] for d in to_stalin] == [2]  # "Экз. № 1" and "Экз. № 2", two items


def test_places_are_nodes_joined_to_who_sent_and_who_received_there(tmp_path: Path) -> None:
    graph, _ = export([SHTYKOV_600301], tmp_path)

    assert graph.nodes["place_pyongyang"]["kind"] == "place"
    assert {(u, v) for u, v, _ in edges(graph, "sent-from")} == {("pers_shtykov", "place_pyongyang")}
    received = {(u, v, d["day"]) for u, v, d in edges(graph, "received-at")}
    assert received == {("pers_gromyko", "place_moscow", "1950-09-30"), ("pers_stalin", "place_moscow", "1950-09-30")}


def test_mentions_go_from_the_sender_and_count_the_names_but_not_his_own(tmp_path: Path) -> None:
    graph, _ = export([SHTYKOV_600301], tmp_path)

    mentioned = {v: d["weight"] for u, v, d in edges(graph, "mentioned")}

    assert {u for u, _, _ in edges(graph, "mentioned")} == {"pers_shtykov"}
    assert "pers_shtykov" not in mentioned
    assert mentioned["pers_kim_il_sung"] >= 1 and mentioned["place_parallel_38th"] >= 1


def test_a_hand_edited_addressee_is_exported_as_edited(tmp_path: Path) -> None:
    def readdress(root: etree._Element) -> None:
        received = cable_correspondence(root).xpath("t:correspAction[@type='received']", namespaces=TEI)[0]
        received.xpath("t:persName[@ref='#pers_gromyko']", namespaces=TEI)[0].set("ref", "#pers_molotov")

    graph, _ = export([edit(SHTYKOV_600301, tmp_path, readdress)], tmp_path)

    assert {v for _, v, _ in edges(graph, "sent")} == {"pers_molotov", "pers_stalin"}


def test_a_hand_edited_register_name_is_the_node_label(tmp_path: Path) -> None:
    def rename(root: etree._Element) -> None:
        name = root.xpath("//t:person[@xml:id='pers_stalin']/t:persName[@type='regularised']", namespaces=TEI)[0]
        name.text = "Iosif Stalin"

    graph, _ = export([edit(SHTYKOV_600301, tmp_path, rename)], tmp_path)

    assert graph.nodes["pers_stalin"]["label"] == "Iosif Stalin"


def test_an_intermediary_makes_a_transmitted_path(tmp_path: Path) -> None:
    def relay(root: etree._Element) -> None:
        desc = cable_correspondence(root)
        action = etree.Element(f"{{{TEI['t']}}}correspAction", type="transmitted")
        etree.SubElement(action, f"{{{TEI['t']}}}persName", ref="#pers_molotov").text = "Molotov"
        desc.insert(1, action)  # between sent and received, where the converter writes it

    graph, _ = export([edit(SHTYKOV_600301, tmp_path, relay)], tmp_path)

    assert {(u, v) for u, v, _ in edges(graph, "transmitted")} == {
        ("pers_shtykov", "pers_molotov"), ("pers_molotov", "pers_gromyko"), ("pers_molotov", "pers_stalin")}


def test_an_unreadable_file_is_named_and_the_others_still_export(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SHTYKOV_600301, sources)
    broken = sources / "1951-01-01_broken.xml"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>', encoding="utf-8")

    graph, outcome = export([sources], tmp_path)

    assert [path.name for path, _ in outcome.errors] == [broken.name]
    assert broken.name in outcome.errors[0][1]
    assert outcome.exported == 1
    assert {d["cable"] for _, _, d in graph.edges(data=True)} == {SHTYKOV_600301.stem}


def test_gexf_and_graphml_carry_the_same_network(tmp_path: Path) -> None:
    gexf, _ = export([ENCODED], tmp_path, "gexf")
    graphml, _ = export([ENCODED], tmp_path, "graphml")

    def content(graph: nx.MultiDiGraph) -> tuple[dict, list]:
        nodes = {n: (d["label"], d["kind"], d["scope"], d.get("wikidata")) for n, d in graph.nodes(data=True)}
        links = sorted((u, v, d["relation"], d["cable"], d.get("day", ""), int(d["weight"]))
                       for u, v, d in graph.edges(data=True))
        return nodes, links

    assert content(gexf) == content(graphml)


def test_the_same_corpus_gives_the_same_file(tmp_path: Path) -> None:
    first, second = tmp_path / "first.graphml", tmp_path / "second.graphml"
    run_export(FORMATS["graphml"], [ENCODED], first, {})
    run_export(FORMATS["graphml"], [ENCODED], second, {})

    assert first.read_bytes() == second.read_bytes()


def test_an_empty_corpus_is_an_empty_graph(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()

    graph, outcome = export([empty], tmp_path)

    assert outcome.files == 0 and graph.number_of_nodes() == 0
