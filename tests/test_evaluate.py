"""`tei-cables evaluate`: the converter measured against gold, by the reference scorer's measures, with the gold
of the bundled sources in the project and hand-corrected TEI accepted as gold."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tei_cables.cli import main
from tei_cables.evaluate.names import matched, same_name

from .conftest import ROOT, shared

ENCODED, GOLD, SOURCES = ROOT / "encoded", ROOT / "sources" / "gold", ROOT / "sources"
ONE = "1950-10-09_cable-600382_kim-to-stalin"


def evaluate(*args: str):
    return CliRunner().invoke(main, ["evaluate", *args])


def summary(output: str) -> str:
    return next(line for line in output.splitlines() if line.startswith("SUMMARY"))


def test_the_bundled_sources_have_their_gold_in_the_project():
    assert sorted(p.stem for p in GOLD.glob("*.json")) == sorted(p.stem for p in SOURCES.glob("*.txt"))


def test_the_bundled_encoding_scores_full_marks_against_the_projects_gold():
    result = evaluate(str(ENCODED), "--gold", str(GOLD), "--sources", str(SOURCES))
    assert result.exit_code == 0, result.output
    assert summary(result.output) == ("SUMMARY routing=1.000 persons_f1=1.000 places_f1=1.000 orgs_f1=1.000 "
                                      "text_kept=1.0000 encoded=5/5")


def test_the_measures_are_the_reference_scorers_on_the_real_set(tmp_path: Path):
    out = tmp_path / "tei"
    assert CliRunner().invoke(main, ["convert", str(shared("real", "sources")), "-o", str(out), "-q"]).exit_code == 0
    reference = subprocess.run([sys.executable, str(shared("eval", "score_cables.py")), "--tei", str(out), "--gold",
                                str(shared("real", "gold")), "--sources", str(shared("real", "sources"))],
                               capture_output=True, text=True, check=True)
    ours = evaluate(str(out), "--gold", str(shared("real", "gold")), "--sources", str(shared("real", "sources")))
    assert summary(ours.output) == summary(reference.stdout)


def test_a_hand_corrected_tei_is_gold_and_a_changed_sender_is_scored_wrong(tmp_path: Path):
    gold = tmp_path / "gold"
    gold.mkdir()
    text = (ENCODED / f"{ONE}.xml").read_text(encoding="utf-8")
    sent = text.index('<correspAction type="sent">')
    edited = text[:sent] + text[sent:].replace('ref="#pers_shtykov"', 'ref="#pers_stalin"', 1)
    (gold / f"{ONE}.xml").write_text(edited, encoding="utf-8")
    result = evaluate(str(ENCODED / f"{ONE}.xml"), "--gold", str(gold), "--format", "json")
    cable = json.loads(result.output)["cables"][ONE]
    assert cable["wrong"] == ["sender"]


def test_a_tei_file_is_its_own_perfect_gold(tmp_path: Path):
    gold = tmp_path / "gold"
    shutil.copytree(ENCODED, gold)
    result = evaluate(str(ENCODED), "--gold", str(gold))
    assert summary(result.output).startswith("SUMMARY routing=1.000 persons_f1=1.000 places_f1=1.000 orgs_f1=1.000")


def test_a_gold_without_its_tei_file_is_scored_as_empty_and_named(tmp_path: Path):
    tei = tmp_path / "tei"
    shutil.copytree(ENCODED, tei)
    (tei / f"{ONE}.xml").unlink()
    result = evaluate(str(tei), "--gold", str(GOLD))
    assert result.exit_code == 0
    assert f"warning: {ONE}: no TEI file for this gold; scored as empty" in result.output
    assert summary(result.output).endswith("encoded=4/5")


def test_a_gold_file_that_is_not_json_is_one_line_naming_it_and_its_line(tmp_path: Path):
    (tmp_path / "a.json").write_text('{"sender": [\n  "Stalin",\n}\n', encoding="utf-8")
    result = evaluate(str(ENCODED), "--gold", str(tmp_path))
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'a.json'}:3: not JSON" in result.output


def test_a_gold_folder_without_gold_files_is_exit_code_2(tmp_path: Path):
    result = evaluate(str(ENCODED), "--gold", str(tmp_path))
    assert result.exit_code == 2
    assert "no gold files (NAME.json or NAME.xml)" in result.output


def test_a_surname_matches_the_whole_name():
    assert same_name("Terentii Shtykov", ["SHTYKOV"])


def test_names_sharing_only_a_common_word_do_not_match():
    assert not same_name("South Korea", ["North Korea"])


def test_titles_are_left_out_of_names():
    assert same_name("Joseph Stalin", ["Comrade STALIN"])


def test_one_entity_found_is_matched_to_one_gold_name_only():
    assert matched(["Kim Il Sung", "Kim Chaek"], [["Kim Il Sung"]]) == 1
