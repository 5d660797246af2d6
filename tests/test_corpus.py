"""The bundled corpus and the development set: what the converter promises on real cables."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from tei_cables.pipeline import convert_bytes

from .conftest import ROOT, shared


@pytest.fixture(scope="module")
def scored(tmp_path_factory) -> dict[str, str]:
    """Convert the bundled sources and score them against the project's own gold (`sources/gold/`) with
    `tei-cables evaluate`; returns its SUMMARY and dates lines. Needs nothing outside the project."""
    from tei_cables.evaluate import evaluate_paths

    out = tmp_path_factory.mktemp("dev")
    sources = ROOT / "sources"
    for src in sorted(sources.glob("*.txt")):
        (out / f"{src.stem}.xml").write_bytes(convert_bytes(src.read_bytes(), src.name).tei)
    result = evaluate_paths([out], sources / "gold", sources)
    found, total = (sum(c.dates[i] for c in result.cables) for i in (0, 1))
    return {"SUMMARY": result.summary(), "dates": f"dates {found}/{total}"}


@pytest.fixture(scope="module")
def converted_shared(tmp_path_factory) -> dict[str, Path]:
    """Every cable of ../shared/seeds and ../shared/real converted, by folder."""
    out = {}
    for name, folder in (("seeds", shared("seeds")), ("real", shared("real", "sources"))):
        target = tmp_path_factory.mktemp(name)
        for src in sorted(folder.glob("*.txt")):
            (target / f"{src.stem}.xml").write_bytes(convert_bytes(src.read_bytes(), src.name).tei)
        out[name] = target
    return out


@pytest.fixture(scope="module")
def real_scored(converted_shared) -> dict[str, str]:
    """The shared scorer on the real cables of ../shared/real."""
    run = subprocess.run([sys.executable, str(shared("eval", "score_cables.py")), "--tei",
                          str(converted_shared["real"]), "--gold", str(shared("real", "gold")), "--sources",
                          str(shared("real", "sources"))], capture_output=True, text=True, check=True)
    return {line.split()[0]: line for line in run.stdout.splitlines() if line.strip()}


def summary(scored: dict[str, str]) -> dict[str, str]:
    return dict(pair.split("=") for pair in scored["SUMMARY"].split()[1:])


def test_every_routing_field_is_right_on_the_development_set(scored):
    assert summary(scored)["routing"] == "1.000", "\n".join(scored.values())


def test_every_word_of_the_sources_is_kept(scored):
    assert summary(scored)["text_kept"] == "1.0000"


def test_every_seed_is_encoded(scored):
    assert summary(scored)["encoded"] == "5/5"


def test_every_date_of_the_gold_is_found(scored):
    found, total = re.search(r"(\d+)/(\d+)", scored["dates"]).groups()
    assert found == total


@pytest.mark.parametrize("field", ["persons_f1", "places_f1", "orgs_f1"])
def test_names_are_found_and_linked(scored, field):
    assert float(summary(scored)[field]) >= 0.95, scored["SUMMARY"]


def test_encoded_folder_equals_a_fresh_conversion_of_sources():
    sources = sorted((ROOT / "sources").glob("*.txt"))
    assert sources, "no sources"
    for src in sources:
        committed = ROOT / "encoded" / f"{src.stem}.xml"
        assert committed.exists(), f"{committed} is missing: run tei-cables convert sources -o encoded"
        assert committed.read_bytes() == convert_bytes(src.read_bytes(), src.name).tei, f"{committed} is stale"


def test_every_encoded_file_is_valid_tei_all(tei_all):
    for path in sorted((ROOT / "encoded").glob("*.xml")):
        doc = etree.parse(str(path), etree.XMLParser(collect_ids=False, resolve_entities=False, no_network=True))
        assert tei_all.validate(doc), f"{path.name}: {tei_all.error_log}"


def test_sources_are_the_shared_seeds_unchanged():
    ours = sorted(p.read_bytes() for p in (ROOT / "sources").glob("*.txt"))
    assert ours == sorted(p.read_bytes() for p in shared("seeds").glob("*.txt"))


def test_output_is_byte_identical_across_hash_seeds(tmp_path: Path):
    outputs = []
    for seed in ("0", "12345"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "tei_cables", "convert", str(ROOT / "sources"), "-o", str(out), "-q"],
                       env=env, check=True, capture_output=True)
        outputs.append({p.name: p.read_bytes() for p in sorted(out.glob("*.xml"))})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 5


def test_routing_on_the_real_cables_is_at_least_95_percent(real_scored):
    assert float(summary(real_scored)["routing"]) >= 0.95, "\n".join(real_scored.values())


def test_every_word_of_the_real_cables_is_kept(real_scored):
    assert summary(real_scored)["text_kept"] == "1.0000"


@pytest.mark.parametrize("folder", ["seeds", "real"])
def test_every_shared_cable_converts_to_a_file_the_cable_schema_accepts(converted_shared, folder):
    from tei_cables.validate import iter_findings

    files = sorted(converted_shared[folder].glob("*.xml"))
    assert len(files) >= 5
    errors = [f"{p.name}: {f.message}" for p in files for f in iter_findings(p) if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("folder", ["seeds", "real"])
def test_every_shared_cable_converts_to_valid_tei_all(converted_shared, folder, tei_all):
    for path in sorted(converted_shared[folder].glob("*.xml")):
        doc = etree.parse(str(path), etree.XMLParser(collect_ids=False, resolve_entities=False, no_network=True))
        assert tei_all.validate(doc), f"{path.name}: {tei_all.error_log}"
