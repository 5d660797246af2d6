"""The RDF export: the corpus as CIDOC-CRM linked data, read back with rdflib to check what it says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib import namespace as ns  # not XSD itself: pytest's collection trips over its attribute checks
from rdflib.compare import isomorphic

from tei_cables.export import FORMATS
from tei_cables.export.rdf import CRM
from tei_cables.export.run import Outcome, run_export

from .conftest import ROOT

ENCODED = ROOT / "encoded"
SHTYKOV_CABLE = "1950-09-29_cable-600301_shtykov-to-gromyko"
BASE = "urn:tei-cables:"


def export(sources: list[Path], out: Path, **options: str) -> Outcome:
    """Export TEI files to RDF the way `tei-cables export rdf` does."""
    return run_export(FORMATS["rdf"], sources, out, options)


def graph_of(path: Path, fmt: str = "turtle") -> Graph:
    """Parse an exported file back into a graph."""
    return Graph().parse(path, format=fmt)


@pytest.fixture(scope="module")
def turtle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed cables exported as Turtle, once for the module."""
    out = tmp_path_factory.mktemp("rdf") / "cables.ttl"
    assert not export([ENCODED], out).errors
    return out


@pytest.fixture(scope="module")
def corpus(turtle: Path) -> Graph:
    return graph_of(turtle)


def edited_export(tmp_path: Path, *edits: tuple[str, str]) -> Graph:
    """The graph of the Shtykov cable exported after editing a copy of its TEI by hand (old → new text)."""
    tei = tmp_path / f"{SHTYKOV_CABLE}.xml"
    text = (ENCODED / tei.name).read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    tei.write_text(text, encoding="utf-8")
    export([tei], tmp_path / "cable.ttl")
    return graph_of(tmp_path / "cable.ttl")


def uri(*parts: str) -> URIRef:
    return URIRef(BASE + "/".join(parts))


def test_each_cable_is_a_document_with_its_title(corpus: Graph) -> None:
    cables = set(corpus.subjects(RDF.type, CRM.E31_Document)) - set(corpus.objects(None, CRM.P106_is_composed_of))
    assert cables == {uri("cable", p.stem) for p in ENCODED.glob("*.xml")}
    assert corpus.value(uri("cable", SHTYKOV_CABLE), RDFS.label) == Literal(
        "Telegram from Shtykov to Gromyko and Stalin")


def test_the_telegram_number_is_an_identifier_of_the_cable(corpus: Graph) -> None:
    numbers = [corpus.value(i, CRM.P190_has_symbolic_content)
               for i in corpus.objects(uri("cable", SHTYKOV_CABLE), CRM.P1_is_identified_by)]
    assert Literal("600301/sh") in numbers


def test_the_sending_is_carried_out_by_the_sender_at_his_place(corpus: Graph) -> None:
    sending = uri("cable", SHTYKOV_CABLE, "sending")
    assert (sending, RDF.type, CRM.E7_Activity) in corpus
    assert (sending, CRM.P16_used_specific_object, uri("cable", SHTYKOV_CABLE)) in corpus
    [shtykov] = corpus.objects(sending, CRM.P14_carried_out_by)
    assert corpus.value(shtykov, RDFS.label) == Literal("Terentii Shtykov")
    assert (shtykov, RDF.type, CRM.E21_Person) in corpus
    place = corpus.value(sending, CRM.P7_took_place_at)
    assert corpus.value(place, RDFS.label) == Literal("Pyongyang")
    assert (place, RDF.type, CRM.E53_Place) in corpus


def test_the_sending_is_dated_to_the_minute_with_its_time_zone(corpus: Graph) -> None:
    span = corpus.value(uri("cable", SHTYKOV_CABLE, "sending"), CRM["P4_has_time-span"])
    assert (span, RDF.type, CRM["E52_Time-Span"]) in corpus
    when = Literal("1950-09-29T20:23:00+09:00", datatype=ns.XSD.dateTime)
    assert corpus.value(span, CRM.P82a_begin_of_the_begin) == when
    assert corpus.value(span, CRM.P82b_end_of_the_end) == when


def test_a_date_without_a_time_is_an_xsd_date(corpus: Graph) -> None:
    letter = uri("cable", "1950-09-30_cable-600308_english", "letter", "1")
    assert (uri("cable", "1950-09-30_cable-600308_english"), CRM.P106_is_composed_of, letter) in corpus
    span = corpus.value(URIRef(f"{letter}/sending"), CRM["P4_has_time-span"])
    assert corpus.value(span, CRM.P82a_begin_of_the_begin) == Literal("1950-09-29", datatype=ns.XSD.date)


def test_the_receiving_names_every_addressee(corpus: Graph) -> None:
    receiving = uri("cable", SHTYKOV_CABLE, "receiving")
    addressees = {str(corpus.value(p, RDFS.label)) for p in corpus.objects(receiving, CRM.P14_carried_out_by)}
    assert addressees == {"Andrei Gromyko", "Joseph Stalin"}


def test_stalin_is_the_same_as_his_wikidata_item(corpus: Graph) -> None:
    stalin = uri("entity", "pers_stalin")
    assert (stalin, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q855")) in corpus


def test_a_register_entry_is_one_node_across_cables(corpus: Graph) -> None:
    senders = {corpus.value(s, CRM.P14_carried_out_by)
               for s in corpus.subjects(CRM.P2_has_type, uri("type", "sending"))
               if "Shtykov" in str(corpus.value(corpus.value(s, CRM.P14_carried_out_by), RDFS.label))}
    assert senders == {uri("entity", "pers_shtykov")}


def test_an_entry_not_in_the_register_belongs_to_its_cable(corpus: Graph) -> None:
    local = uri("entity", SHTYKOV_CABLE, "pers_local_vakushin")
    assert corpus.value(local, RDFS.label) == Literal("Vakushin")
    assert not list(corpus.triples((uri("entity", "pers_local_vakushin"), None, None)))


def test_the_cable_refers_to_what_its_text_names(corpus: Graph) -> None:
    referred = set(corpus.objects(uri("cable", SHTYKOV_CABLE), CRM.P67_refers_to))
    assert {uri("entity", "pers_kim_il_sung"), uri("entity", "place_pyongyang")} <= referred


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # rdflib's own parser
def test_jsonld_holds_the_same_triples_as_turtle(turtle: Path, corpus: Graph, tmp_path: Path) -> None:
    out = tmp_path / "cables.jsonld"
    assert not export([ENCODED], out, rdf_format="jsonld").errors
    jsonld = graph_of(out, "json-ld")
    assert len(jsonld) == len(corpus)
    assert isomorphic(jsonld, corpus)


def test_the_export_is_the_same_file_each_time(turtle: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.ttl"
    export([ENCODED], again)
    assert again.read_bytes() == turtle.read_bytes()


def test_a_base_option_mints_the_uris_under_it(tmp_path: Path) -> None:
    out = tmp_path / "cables.ttl"
    export([ENCODED / f"{SHTYKOV_CABLE}.xml"], out, base="https://example.org/cables")
    assert (URIRef(f"https://example.org/cables/cable/{SHTYKOV_CABLE}"), RDF.type, CRM.E31_Document) in graph_of(out)


def test_a_cable_corrected_by_hand_exports_with_its_corrections(tmp_path: Path) -> None:
    graph = edited_export(tmp_path, ('<date when="1950-09-29T20:23:00+09:00" resp="#tei_cables">',
                                     '<date when="1950-09-28T08:23:00+09:00" resp="#tei_cables">'),
                          ('<persName type="regularised">Terentii Shtykov</persName>',
                           '<persName type="regularised">Terentiy Fomich Shtykov</persName>'))
    sending = uri("cable", SHTYKOV_CABLE, "sending")
    assert graph.value(graph.value(sending, CRM.P14_carried_out_by), RDFS.label) == Literal("Terentiy Fomich Shtykov")
    span = graph.value(sending, CRM["P4_has_time-span"])
    assert graph.value(span, CRM.P82a_begin_of_the_begin) == Literal("1950-09-28T08:23:00+09:00",
                                                                     datatype=ns.XSD.dateTime)


def test_a_date_that_is_no_date_keeps_only_its_label(tmp_path: Path) -> None:
    graph = edited_export(tmp_path, ('when="1950-09-29T20:23:00+09:00" resp', 'when="1950-09-31T20:23:00" resp'))
    span = graph.value(uri("cable", SHTYKOV_CABLE, "sending"), CRM["P4_has_time-span"])
    assert graph.value(span, RDFS.label) == Literal("1950-09-31T20:23:00")
    assert graph.value(span, CRM.P82a_begin_of_the_begin) is None


def test_an_unreadable_file_is_named_and_the_others_still_export(tmp_path: Path) -> None:
    sources = tmp_path / "tei"
    sources.mkdir()
    for path in ENCODED.glob("*.xml"):
        shutil.copy(path, sources)
    broken = sources / "1951-01-01_broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>", encoding="utf-8")
    out = tmp_path / "cables.ttl"
    outcome = export([sources], out)
    assert [path for path, _ in outcome.errors] == [broken]
    assert "1951-01-01_broken.xml" in outcome.errors[0][1]
    graph = graph_of(out)
    assert (uri("cable", SHTYKOV_CABLE), RDF.type, CRM.E31_Document) in graph
    assert not list(graph.triples((uri("cable", "1951-01-01_broken"), None, None)))


def test_a_name_linked_to_no_entry_is_a_node_of_its_cable(tmp_path: Path) -> None:
    graph = edited_export(tmp_path, ('<persName ref="#pers_shtykov" cert="high"', '<persName cert="high"'))
    sender = graph.value(uri("cable", SHTYKOV_CABLE, "sending"), CRM.P14_carried_out_by)
    assert sender == uri("entity", SHTYKOV_CABLE, "name", "Terentii%20Shtykov")
    assert (sender, RDF.type, CRM.E21_Person) in graph
    assert graph.value(sender, RDFS.label) == Literal("Terentii Shtykov")


def test_turtle_written_cable_by_cable_holds_the_triples_of_the_whole_graph(corpus: Graph) -> None:
    from tei_cables.export.rdf import corpus_graph
    from tei_cables.export.record import iter_records

    whole = corpus_graph(iter_records(sorted(ENCODED.glob("*.xml")), []))
    assert set(corpus) == set(whole)


def test_a_register_entry_two_cables_name_is_described_once(turtle: Path) -> None:
    text = turtle.read_text(encoding="utf-8")
    assert text.count(f"<{BASE}entity/pers_stalin> a crm:E21_Person") == 1
    assert text.count("@prefix crm:") == 1
